// MARK: - Structured body and narrative

extension CDAReader {
    /// A problem that makes the document an error row.
    struct BodyProblem: Error, Sendable, Equatable {
        var code: RecordErrorCode
        var message: String
    }

    /// Writes a section (header line, narrative, then its subsections) into the lines.
    ///
    /// Recursion is bounded: libxml2 refuses documents nested deeper than 256 elements.
    static func render(section: XMLTree, into out: inout NarrativeLines) {
        let codeElement = section.child("code")
        let code = codeElement?.attribute("code") ?? ""
        if ReportSectionHeaders.skippedCodes.contains(code) { return }
        let title = section.child("title")?.collapsedText ?? ""
        let display = codeElement?.attribute("displayName") ?? ""
        var header = ReportSectionHeaders.header(code: code, name: title)
        if header == nil, !title.isEmpty { header = ReportSectionHeaders.label(title) }
        if header == nil, !display.isEmpty {
            header = ReportSectionHeaders.header(code: "", name: display) ?? ReportSectionHeaders.label(display)
        }
        var narrative = NarrativeLines()
        if let text = section.child("text") { renderNarrative(text, into: &narrative, inParagraph: false) }
        narrative.endLine()
        if !narrative.lines.isEmpty {
            if let header, !header.isEmpty { out.addLine(header + ":") }
            for line in narrative.lines { out.addLine(line) }
        }
        for component in section.children(named: "component") {
            if let sub = component.child("section") { render(section: sub, into: &out) }
        }
    }

    /// Renders CDA narrative block content (`paragraph`, `list`/`item`, `table`, `content`, `br`, ...).
    static func renderNarrative(_ element: XMLTree, into out: inout NarrativeLines, inParagraph: Bool) {
        for child in element.children {
            switch child {
            case .text(let t):
                out.append(t)
            case .element(let e):
                switch e.name {
                case "br":
                    out.endLine()
                case "paragraph", "item", "list", "table", "thead", "tbody", "tfoot", "footnote":
                    out.endLine()
                    renderNarrative(e, into: &out, inParagraph: e.name == "paragraph")
                    out.endLine()
                case "caption":
                    if inParagraph {
                        let caption = e.collapsedText
                        if !caption.isEmpty { out.appendRaw(caption + ": ") }
                    } else {
                        out.addLine(e.collapsedText)
                    }
                case "tr":
                    out.startRow()
                    renderNarrative(e, into: &out, inParagraph: false)
                    out.endLine()
                case "td", "th":
                    out.startCell()
                    renderNarrative(e, into: &out, inParagraph: inParagraph)
                case "col", "colgroup", "renderMultiMedia", "footnoteRef":
                    continue
                case "content":
                    if e.attribute("revised") == "delete" { continue }
                    renderNarrative(e, into: &out, inParagraph: inParagraph)
                default:
                    // linkHtml, sub, sup and unknown (foreign) elements: their text, inline.
                    renderNarrative(e, into: &out, inParagraph: inParagraph)
                }
            }
        }
    }

    // MARK: - Non-XML body

    /// The text of a `nonXMLBody`, or why it has none.
    static func nonXMLText(_ body: XMLTree) -> Result<(lines: [String], warnings: [String]), BodyProblem> {
        guard let text = body.child("text") else {
            return .failure(BodyProblem(code: .noText, message: "the nonXMLBody has no text element"))
        }
        let inline = text.children.compactMap { child -> String? in
            if case .text(let t) = child { return t }
            return nil
        }.joined()
        if XMLTree.collapse(inline).isEmpty {
            if let reference = text.child("reference")?.attribute("value") {
                return .failure(
                    BodyProblem(
                        code: .externalReference,
                        message: "the nonXMLBody only references an external file (\(reference)); it is not followed"))
            }
            return .failure(BodyProblem(code: .noText, message: "the nonXMLBody text is empty"))
        }
        let mediaAttribute = text.attribute("mediaType") ?? "text/plain"
        let media = EmbeddedText.mediaType(mediaAttribute)
        if let compression = text.attribute("compression"), !compression.isEmpty {
            return .failure(
                BodyProblem(code: .compressed, message: "the nonXMLBody text is compressed (\(compression)); not read"))
        }
        var bytes: [UInt8]
        if text.attribute("representation") == "B64" {
            guard let decoded = EmbeddedText.base64(inline) else {
                return .failure(BodyProblem(code: .badBase64, message: "the nonXMLBody text is not valid base64"))
            }
            bytes = decoded
        } else {
            bytes = Array(inline.utf8)
        }
        if EmbeddedText.isPDF(bytes) || media == "application/pdf" || media.hasPrefix("image/") {
            return .failure(BodyProblem(code: .binaryOnly, message: "binary form, no text (\(media))"))
        }
        switch media {
        case "text/plain", "":
            let decoded = EmbeddedText.lines(bytes, latin1: EmbeddedText.isLatin1(mediaAttribute))
            return .success((decoded.lines, decoded.repaired ? ["invalid UTF-8 replaced with U+FFFD"] : []))
        case "text/html", "application/xhtml+xml", "application/xhtml":
            guard let lines = HTMLText.lines(bytes) else {
                return .failure(BodyProblem(code: .noText, message: "the HTML nonXMLBody holds no text"))
            }
            return .success((lines, []))
        default:
            return .failure(
                BodyProblem(code: .unsupportedMedia, message: "the nonXMLBody media type \(media) is not read"))
        }
    }
}
