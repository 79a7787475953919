/// A node of an HTML or inline-SVG document: an element with attributes and children, escaped text, or a
/// piece of trusted source text (the page's own CSS and script, which are compile-time constants).
///
/// Text and attribute values are always escaped when rendered, so a value read from an audit can never
/// open a tag or end an attribute. Only a `StaticString` can be inserted unescaped, so no run-time value
/// ever reaches the page as markup.
///
///     let row = Node.element("tr", [], [.element("td", ["class": "n"], [.text("<3>")])])
///     row.rendered  // <tr><td class="n">&lt;3&gt;</td></tr>
public struct Node: Sendable, Equatable {
    indirect enum Content: Sendable, Equatable {
        case element(name: String, attributes: [Attribute], children: [Node])
        case text(String)
        case trusted(String)
        case fragment([Node])
    }

    let content: Content

    /// An attribute: a name (a constant of the code) and a value (escaped when rendered).
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// HTML elements that have no end tag.
    static let void: Set<String> = ["meta", "br", "hr", "input", "img", "link", "col", "wbr"]

    /// An element. Attribute order is kept, so output is deterministic.
    public static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Node] = [])
        -> Node
    {
        precondition(isName(name), "element names are constants of the code")
        let attrs = attributes.map { pair -> Attribute in
            precondition(isName(pair.key), "attribute names are constants of the code")
            return Attribute(pair.key, pair.value)
        }
        return Node(content: .element(name: name, attributes: attrs, children: children))
    }

    /// An element with attributes built at run time (names must still be plain names).
    public static func element(_ name: String, attributes: [Attribute], _ children: [Node] = []) -> Node {
        precondition(isName(name) && attributes.allSatisfy { isName($0.name) }, "names are constants of the code")
        return Node(content: .element(name: name, attributes: attributes, children: children))
    }

    /// Text, escaped when rendered.
    public static func text(_ s: String) -> Node { Node(content: .text(s)) }

    /// Source text inserted as is: only compile-time constants can be.
    public static func trusted(_ s: StaticString) -> Node { Node(content: .trusted(s.description)) }

    /// Several nodes without an element around them.
    public static func fragment(_ nodes: [Node]) -> Node { Node(content: .fragment(nodes)) }

    /// The node as markup.
    public var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }

    /// Appends the node's markup to `out`.
    public func render(into out: inout String) {
        switch content {
        case .text(let s): Self.escape(s, into: &out, attribute: false)
        case .trusted(let s): out += s
        case .fragment(let nodes): for n in nodes { n.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes {
                out += " " + a.name + "=\""
                Self.escape(a.value, into: &out, attribute: true)
                out += "\""
            }
            out += ">"
            if Self.void.contains(name) { return }
            for c in children { c.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    /// Escapes `&`, `<`, `>` and, in attributes, `"` and `'`; control characters HTML forbids (NUL
    /// and the other C0 controls but tab, line feed and carriage return; DEL; C1) become U+FFFD.
    static func escape(_ s: String, into out: inout String, attribute: Bool) {
        for u in s.unicodeScalars {
            switch u {
            case "\u{00}"..."\u{08}", "\u{0B}", "\u{0C}", "\u{0E}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&#39;"
            default: out.unicodeScalars.append(u)
            }
        }
    }

    static func isName(_ s: String) -> Bool {
        !s.isEmpty
            && s.utf8.allSatisfy { b in
                (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A
            }
    }
}

extension Node {
    /// Shorthand for an element holding only text.
    public static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> Node {
        element(name, attributes, [.text(text)])
    }
}
