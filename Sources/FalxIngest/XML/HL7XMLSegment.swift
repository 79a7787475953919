/// One segment of an HL7 v2 XML message (`<PID>…</PID>`) and the helpers that read its fields.
struct HL7XMLSegment: Sendable, Equatable {
    /// The segment id: `MSH`, `PID`, `OBX`, ...
    var id: String
    var element: XMLTree

    /// True for a segment element name: three characters, an upper-case letter then upper-case
    /// letters or digits (`PID`, `OBX`, `ZDS`). Group elements (`ORU_R01.PATIENT_RESULT`) and
    /// fields (`PID.3`) do not match.
    static func isSegmentName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        guard u.count == 3, u[0] >= 0x41 && u[0] <= 0x5A else { return false }
        return u.dropFirst().allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// The segments of a message in document order, found inside the root and group elements.
    static func segments(of root: XMLTree) -> [HL7XMLSegment] {
        var out: [HL7XMLSegment] = []
        // Explicit stack of (element, next child index) so groups of any depth are walked in order.
        var stack: [(element: XMLTree, index: Int)] = [(root, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let (element, index) = stack[top]
            guard index < element.children.count else {
                stack.removeLast()
                continue
            }
            stack[top].index += 1
            guard case .element(let child) = element.children[index] else { continue }
            if isSegmentName(child.name) {
                out.append(HL7XMLSegment(id: child.name, element: child))
            } else if !isFieldName(child.name) {
                stack.append((child, 0))
            }
        }
        return out
    }

    /// `PID.3`-style names: a segment id, a dot, digits.
    private static func isFieldName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        return u.count > 4 && u[3] == 0x2E && isSegmentName(String(decoding: u.prefix(3), as: UTF8.self))
            && u.dropFirst(4).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// All repetitions of field `n` (`PID.3` elements), in order.
    func fields(_ n: Int) -> [XMLTree] {
        element.children(named: "\(id).\(n)")
    }

    /// The first repetition of field `n`.
    func field(_ n: Int) -> XMLTree? {
        element.child("\(id).\(n)")
    }

    /// Component or subcomponent `n` (1-based) of a field or component: the child element whose
    /// name ends in `.n` (`CX.1`, `XPN.2`, `FN.1`).
    static func component(_ element: XMLTree?, _ n: Int) -> XMLTree? {
        guard let element else { return nil }
        let suffix = ".\(n)"
        return element.elements.first { $0.name.hasSuffix(suffix) }
    }

    /// A field's value for metadata: its text when it has no components, else the value of its
    /// first component (recursively); whitespace collapsed; `""` (the HL7 null) is empty.
    static func value(_ element: XMLTree?) -> String {
        var current = element
        while let e = current, !e.elements.isEmpty {
            current = component(e, 1) ?? e.elements.first
        }
        let v = current?.collapsedText ?? ""
        return v == "\"\"" ? "" : v
    }
}
