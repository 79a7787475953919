internal import CLibXML2

/// Plain text out of HTML or XHTML (a FHIR `presentedForm`, a `text.div` narrative, an HTML ED).
///
/// Parses with libxml2's HTML parser from memory (`HTML_PARSE_NONET`, `HTML_PARSE_NOERROR`,
/// `HTML_PARSE_NOWARNING`): it never loads the DTD a `<!DOCTYPE>` names, never declares or expands
/// custom entities, and recovers from malformed markup. Block elements (`p`, `div`, `br`, `li`,
/// `tr`, headings, ...) end lines; table cells are separated by `" | "`; whitespace inside a line
/// is collapsed; `head`, `title`, `script` and `style` are dropped. The walk is iterative.
enum HTMLText {
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "tfoot", "h1", "h2", "h3",
        "h4", "h5", "h6", "pre", "blockquote", "section", "article", "header", "footer", "hr", "caption", "body", "html",
        "address", "center", "form", "fieldset",
    ]
    private static let skippedElements: Set<String> = ["head", "title", "script", "style", "noscript", "template"]

    /// The text lines of an HTML document (UTF-8 input), or nil when libxml2 builds no document.
    ///
    /// - Complexity: O(n) in the size of the input.
    static func lines(_ bytes: [UInt8], maxInputBytes: Int = SafeXML.defaultMaxInputBytes) -> [String]? {
        guard !bytes.isEmpty, bytes.count <= min(maxInputBytes, Int(Int32.max)) else { return nil }
        SafeXML.ensureInitialised()
        guard let ctxt = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buf -> htmlDocPtr? in
            guard let base = buf.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        var builder = NarrativeLines()
        // Iterative pre-order walk with an explicit stack of "next sibling to visit" pointers.
        var stack: [(next: xmlNodePtr?, blockName: String?)] = [(doc.pointee.children, nil)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard let node = stack[top].next else {
                if stack.removeLast().blockName != nil { builder.endLine() }
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { lowerASCII(String(cString: $0)) } ?? ""
                if skippedElements.contains(name) { continue }
                if name == "td" || name == "th" { builder.startCell() }
                let isBlock = blockElements.contains(name)
                if name == "tr" { builder.startRow() }
                if isBlock { builder.endLine() }
                stack.append((node.pointee.children, isBlock ? name : nil))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { builder.append(String(cString: content)) }
            default:
                continue
            }
        }
        builder.endLine()
        return builder.lines
    }

    private static func lowerASCII(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
