// MARK: - Report text

extension HL7v2XMLReader {
    /// What the OBX, NTE and ED values of one message give.
    struct CollectedText: Sendable {
        var text = HL7XMLReportText()
        /// Binary ED values without text ("OBX 2: PDF").
        var binaries: [String] = []
        var warnings: [String] = []
        /// Metadata of an embedded CDA document, used for fields the message leaves empty.
        var embeddedMetadata: ReportMetadata?
    }

    private enum Context { case none, order, observation, document }

    /// Observation value types whose values are report text.
    private static let textTypes: Set<String> = ["TX", "FT", "ST", "TEXT"]

    static func collectText(_ segments: [HL7XMLSegment], recordID: String, source: String) -> CollectedText {
        typealias S = HL7XMLSegment
        var collected = CollectedText()
        var context = Context.none
        var obxCount = 0
        for seg in segments {
            switch seg.id {
            case "OBR": context = .order
            case "TXA": context = .document
            case "NTE":
                guard context != .none else { continue }
                var lines: [String] = []
                for rep in seg.fields(3) { lines += textLines(rep) }
                collected.text.add(lines, key: nil)
            case "OBX":
                context = .observation
                obxCount += 1
                let type = upper(S.value(seg.field(2)))
                let identifier = seg.field(3)
                let key = HL7XMLReportText.Key(
                    identifier: S.value(S.component(identifier, 1) ?? identifier), text: S.value(S.component(identifier, 2)))
                let label = "OBX \(S.value(seg.field(1)).isEmpty ? String(obxCount) : S.value(seg.field(1)))"
                if textTypes.contains(type) {
                    var lines: [String] = []
                    for rep in seg.fields(5) { lines += textLines(rep) }
                    if type == "ST", lines.allSatisfy(isUID) { continue }
                    collected.text.add(lines, key: key)
                } else if type == "ED" {
                    for rep in seg.fields(5) {
                        readED(rep, key: key, label: label, recordID: recordID, source: source, into: &collected)
                    }
                } else if type == "RP" {
                    collected.warnings.append("\(label): a reference pointer (RP) is not followed")
                }
            default:
                continue
            }
        }
        return collected
    }

    // MARK: - Encapsulated data

    /// An ED value: `ED.2` type, `ED.3` subtype, `ED.4` encoding, `ED.5` data.
    private static func readED(
        _ rep: XMLTree, key: HL7XMLReportText.Key, label: String, recordID: String, source: String,
        into collected: inout CollectedText
    ) {
        typealias S = HL7XMLSegment
        let subtype = upper(S.value(S.component(rep, 3)))
        let encoding = upper(S.value(S.component(rep, 4)))
        let raw = (S.component(rep, 5) ?? (rep.elements.isEmpty ? rep : nil))?.allText ?? ""
        var bytes: [UInt8]
        if encoding == "BASE64" || encoding == "B64" {
            guard let decoded = EmbeddedText.base64(raw) else {
                collected.warnings.append("\(label): ED data is not valid base64")
                return
            }
            bytes = decoded
        } else if encoding == "HEX" {
            collected.binaries.append("\(label): hex-encoded \(subtype.isEmpty ? "data" : subtype)")
            return
        } else {
            bytes = Array(decodeEscapes(raw).utf8)
        }
        let trimmed = Array(XMLTree.collapse(String(decoding: bytes.prefix(512), as: UTF8.self)).utf8)
        if EmbeddedText.isPDF(bytes) || subtype == "PDF" {
            collected.binaries.append("\(label): PDF")
        } else if ["JPEG", "JPG", "PNG", "GIF", "TIFF", "DICOM", "OCTET-STREAM"].contains(subtype)
            || !EmbeddedText.looksLikeText(bytes)
        {
            collected.binaries.append("\(label): \(subtype.isEmpty ? "binary data" : subtype)")
        } else if trimmed.starts(with: Array("<".utf8)), CDAReader.looksLikeCDA(bytes) {
            switch CDAReader.report(fromXML: bytes, recordID: recordID, source: source) {
            case .success(let report):
                collected.text.add(EmbeddedText.lines(report.text).lines, key: nil, isDocument: true)
                collected.embeddedMetadata = report.metadata
            case .failure(let error):
                collected.warnings.append("\(label): embedded CDA not read: \(error.message)")
            }
        } else if subtype == "HTML" || subtype == "XHTML" {
            collected.text.add(HTMLText.lines(bytes) ?? [], key: key)
        } else if subtype == "RTF" {
            collected.binaries.append("\(label): RTF")
        } else {
            collected.text.add(EmbeddedText.lines(bytes).lines, key: key)
        }
    }

    // MARK: - Text values

    /// The lines of a TX / FT / ST / NTE value: text with `<escape V=".br"/>` elements and literal
    /// `\.br\`-style escapes decoded; split on line breaks; trailing blanks removed.
    static func textLines(_ value: XMLTree) -> [String] {
        var s = ""
        appendValue(value, to: &s)
        return EmbeddedText.lines(Array(decodeEscapes(s).utf8)).lines
    }

    /// Recursion is bounded by libxml2's nesting limit (256).
    private static func appendValue(_ element: XMLTree, to s: inout String) {
        for child in element.children {
            switch child {
            case .text(let t): s += t
            case .element(let e):
                if e.name == "escape" {
                    s += escapeReplacement(e.attribute("V") ?? "")
                } else {
                    appendValue(e, to: &s)
                }
            }
        }
    }

    /// The text of one escape sequence (`.br` → line break, `F` → `|`, ...); formatting commands
    /// that have no text equivalent become nothing.
    static func escapeReplacement(_ code: String) -> String {
        switch code {
        case ".br", ".sp", ".in", ".ti": return "\n"
        case "F": return "|"
        case "S": return "^"
        case "T": return "&"
        case "R": return "~"
        case "E": return "\\"
        default: return ""
        }
    }

    /// Decodes literal `\code\` escapes in text (producers that copy ER7 values into XML).
    /// Unknown sequences are kept as written.
    static func decodeEscapes(_ s: String) -> String {
        guard s.utf8.contains(0x5C) else { return s }
        let known: Set<String> = [".br", ".sp", "F", "S", "T", "R", "E", "H", "N", ".in", ".ti", ".fi", ".nf", ".ce"]
        var out = ""
        var rest = Substring(s)
        while let start = rest.firstIndex(of: "\\") {
            out += rest[..<start]
            let after = rest.index(after: start)
            guard let end = rest[after...].firstIndex(of: "\\") else {
                out += rest[start...]
                return out
            }
            let code = String(rest[after..<end])
            let base = code.hasPrefix(".") ? String(code.prefix(while: { $0 != "+" && $0 != "-" && !$0.isNumber })) : code
            if known.contains(base) {
                out += escapeReplacement(base)
                rest = rest[rest.index(after: end)...]
            } else {
                out += "\\"
                rest = rest[after...]
            }
        }
        out += rest
        return out
    }

    /// A DICOM UID (digits and dots, at least one dot): an identifier, not report text.
    private static func isUID(_ line: String) -> Bool {
        let t = XMLTree.collapse(line)
        return t.isEmpty || (t.contains(".") && t.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E })
    }

    static func upper(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}
