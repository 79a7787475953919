/// One XML element copied out of libxml2 into Swift values: namespace, local name, attributes and
/// children (elements and text, in document order).
///
/// Built once by `SafeXML.parse(_:limits:)` and never linked to libxml2 memory, so it is `Sendable`.
/// Comments, processing instructions and entity references are not kept. The depth of a tree is
/// bounded by libxml2's nesting limit (256 without `XML_PARSE_HUGE`, which Falx never sets), so the
/// recursive helpers below cannot exhaust the stack.
struct XMLTree: Sendable, Equatable {
    /// One child of an element: a nested element or a run of character data (text or CDATA).
    enum Child: Sendable, Equatable {
        case element(XMLTree)
        case text(String)
    }

    /// An attribute: namespace URI (empty when none), local name and value.
    struct Attribute: Sendable, Equatable {
        var namespace: String
        var name: String
        var value: String
    }

    /// Namespace URI; empty when the element has none.
    var namespace: String
    var name: String
    var attributes: [Attribute]
    var children: [Child]

    init(namespace: String, name: String, attributes: [Attribute] = [], children: [Child] = []) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    // MARK: - Navigation

    /// The value of the first attribute with this local name, whatever its namespace.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements, in order.
    var elements: [XMLTree] {
        children.compactMap {
            if case .element(let e) = $0 { return e }
            return nil
        }
    }

    /// Child elements with this local name.
    func children(named name: String) -> [XMLTree] {
        elements.filter { $0.name == name }
    }

    /// The first child element with this local name.
    func child(_ name: String) -> XMLTree? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// The first element reached by following child names (`path("patientRole", "patient")`).
    func path(_ names: String...) -> XMLTree? {
        var current: XMLTree? = self
        for n in names { current = current?.child(n) }
        return current
    }

    /// All character data below this element, in document order, concatenated unchanged.
    var allText: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for c in children {
            switch c {
            case .text(let t): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// The words of every run of character data below this element (each text node on its own, so
    /// `<given>Ann</given><family>Lee</family>` gives `Ann`, `Lee`).
    func descendantTexts() -> [String] {
        var out: [String] = []
        for c in children {
            switch c {
            case .text(let t): out += t.split(whereSeparator: \.isWhitespace).map(String.init)
            case .element(let e): out += e.descendantTexts()
            }
        }
        return out
    }

    /// All character data below this element with whitespace runs collapsed to one space, trimmed.
    var collapsedText: String { XMLTree.collapse(allText) }

    /// Collapses runs of ASCII whitespace (and no-break spaces) into one space and trims both ends.
    static func collapse(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            let isNoBreakSpace = b == 0xC2 && k + 1 < bytes.count && bytes[k + 1] == 0xA0
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || isNoBreakSpace {
                pendingSpace = !out.isEmpty
                k += isNoBreakSpace ? 2 : 1
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
