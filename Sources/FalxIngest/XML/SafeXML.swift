internal import CLibXML2

/// The one way Falx parses XML: libxml2 from memory, with everything that reaches outside the
/// given bytes turned off.
///
/// - libxml2 is initialised once per process (`xmlInitParser`) and its external entity loader is
///   replaced by one that loads nothing, so no DTD, external entity or XInclude target is ever
///   read from a file or the network, whatever the options.
/// - Each document gets a fresh parser context and the options `XML_PARSE_NONET`,
///   `XML_PARSE_NOERROR` and `XML_PARSE_NOWARNING` only: entities are never substituted
///   (no `NOENT`), no DTD is loaded or validated, no XInclude is processed and libxml2's own
///   limits stay on (no `HUGE`: nesting deeper than 256 elements is an error).
/// - A document whose internal subset declares entities is refused ("document declares
///   entities"); so is input larger than the size cap, checked before parsing.
/// - The tree is copied into `XMLTree` values iteratively, skipping entity-reference subtrees, and
///   the libxml2 document is freed before returning.
///
/// Parsing different documents concurrently is safe after `xmlInitParser`, which runs before the
/// first parse.
public enum SafeXML {
    /// The default input size cap: 32 MiB. libxml2 builds a tree of about ten times the input,
    /// and its memory API takes an `Int32` length.
    public static let defaultMaxInputBytes = 32 << 20

    /// One-time, thread-safe set-up (Swift runs a `static let` initialiser once).
    private static let setUp: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(falx_xml_deny_loader)
        return true
    }()

    /// Makes sure libxml2 is initialised and the deny-all entity loader is installed.
    static func ensureInitialised() {
        _ = setUp
    }

    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Parses one document from memory into an `XMLTree` rooted at the document element.
    ///
    /// - Parameters:
    ///   - bytes: the whole document.
    ///   - maxInputBytes: larger input is refused before parsing (`too-large`).
    /// - Returns: the root element, or why the document could not be read: `empty`, `too-large`,
    ///   `compressed` (a gzip header), `xml-parse` (libxml2's error code, line and message),
    ///   `xml-entities` (the document declares entities), `xml-no-root`.
    /// - Complexity: O(n) in the size of the document.
    static func parse(_ bytes: [UInt8], maxInputBytes: Int = defaultMaxInputBytes) -> Result<XMLTree, XMLParseFailure> {
        if bytes.isEmpty { return .failure(XMLParseFailure(code: .empty, message: "the input is empty")) }
        let cap = min(maxInputBytes, Int(Int32.max))
        if bytes.count > cap {
            return .failure(
                XMLParseFailure(code: .tooLarge, message: "XML input of \(bytes.count) bytes is over the \(cap)-byte limit"))
        }
        if bytes.starts(with: [0x1F, 0x8B]) {
            return .failure(XMLParseFailure(code: .compressed, message: "gzip-compressed input is not read"))
        }
        ensureInitialised()
        guard let ctxt = xmlNewParserCtxt() else {
            return .failure(XMLParseFailure(code: .xmlParse, message: "libxml2 could not create a parser context"))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc = bytes.withUnsafeBufferPointer { buf -> xmlDocPtr? in
            guard let base = buf.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, nil, options)
            }
        }
        guard let doc else { return .failure(lastError(of: ctxt)) }
        defer { xmlFreeDoc(doc) }
        if declaresEntities(doc) {
            return .failure(
                XMLParseFailure(
                    code: .xmlEntities,
                    message: "document declares entities (a DOCTYPE with <!ENTITY>); such documents are refused"))
        }
        guard let root = xmlDocGetRootElement(doc) else {
            return .failure(XMLParseFailure(code: .xmlNoRoot, message: "the document has no root element"))
        }
        return .success(copy(root))
    }

    // MARK: - Errors

    private static func lastError(of ctxt: xmlParserCtxtPtr) -> XMLParseFailure {
        let error = ctxt.pointee.lastError
        // libxml2 messages end in a newline and some span two lines ("...encoding !\nBytes: 0xFF").
        var text = XMLTree.collapse(error.message.map { String(cString: $0) } ?? "")
        if error.code == 0 || text.isEmpty { text = "not well-formed XML" }
        return XMLParseFailure(
            code: .xmlParse, message: "line \(error.line): \(text) (libxml2 error \(error.code))",
            libxmlCode: Int(error.code), line: Int(error.line))
    }

    // MARK: - Entities

    /// True when the document's internal subset declares any general or parameter entity.
    private static func declaresEntities(_ doc: xmlDocPtr) -> Bool {
        guard let subset = doc.pointee.intSubset else { return false }
        var node = subset.pointee.children
        while let n = node {
            if n.pointee.type == XML_ENTITY_DECL { return true }
            node = n.pointee.next
        }
        return subset.pointee.entities != nil || subset.pointee.pentities != nil
    }

    // MARK: - Copying the tree

    private struct Frame {
        var element: XMLTree
        var next: xmlNodePtr?
    }

    /// Copies the element and everything below it, iteratively (no recursion on libxml2 nodes).
    private static func copy(_ root: xmlNodePtr) -> XMLTree {
        var stack = [Frame(element: shallowCopy(root), next: root.pointee.children)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard let node = stack[top].next else {
                let done = stack.removeLast().element
                if stack.isEmpty { return done }
                stack[stack.count - 1].element.children.append(.element(done))
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append(Frame(element: shallowCopy(node), next: node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { continue }
                let text = String(cString: content)
                if case .text(let previous)? = stack[top].element.children.last {
                    stack[top].element.children[stack[top].element.children.count - 1] = .text(previous + text)
                } else {
                    stack[top].element.children.append(.text(text))
                }
            default:
                // Entity references (never expanded), comments, processing instructions: skipped.
                continue
            }
        }
        return XMLTree(namespace: "", name: "")
    }

    /// The element's names and attributes, without children.
    private static func shallowCopy(_ node: xmlNodePtr) -> XMLTree {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
        var attributes: [XMLTree.Attribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            attributes.append(
                XMLTree.Attribute(
                    namespace: a.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "",
                    name: a.pointee.name.map { String(cString: $0) } ?? "", value: value))
            attr = a.pointee.next
        }
        return XMLTree(namespace: namespace, name: name, attributes: attributes)
    }
}
