/// Assembles the report text of one HL7 v2 XML message from its OBX and NTE values, with section
/// headers, by the same rules as the ER7 reader.
///
/// Consecutive text OBX values with the same observation identifier (OBX-3) form one block. A block
/// whose OBX-3 names a known report section gets a canonical header line (`FINDINGS:`); when the
/// message has several different OBX-3 values, the others get their OBX-3 text as a label line.
/// One unnamed OBX-3 (`&GDT`, a plain code) gets no header. NTE lines continue the block before
/// them. An embedded document (CDA) brings its own headers.
struct HL7XMLReportText: Sendable {
    /// The observation identifier of an OBX (identifier and text of OBX-3).
    struct Key: Sendable, Hashable {
        var identifier: String
        var text: String
    }

    private struct Block: Sendable {
        var key: Key?
        var isDocument: Bool
        var lines: [String]
    }

    private var blocks: [Block] = []

    /// Adds the lines of an OBX value (key given) or of an NTE (key nil: continues the block before).
    mutating func add(_ lines: [String], key: Key?, isDocument: Bool = false) {
        guard lines.contains(where: { !XMLTree.collapse($0).isEmpty }) else { return }
        if !isDocument, let last = blocks.last, !last.isDocument, key == nil || last.key == key {
            blocks[blocks.count - 1].lines.append(contentsOf: lines)
        } else {
            blocks.append(Block(key: key, isDocument: isDocument, lines: lines))
        }
    }

    /// The text: header lines and value lines joined with `\n`, no trailing newline.
    func rendered() -> [UInt8] {
        let named = Set(blocks.compactMap { $0.key }.filter { !Self.isGeneric($0) })
        var lines: [String] = []
        var lastHeader: String?
        for block in blocks {
            if let key = block.key {
                let canonical = ReportSectionHeaders.header(code: key.identifier, name: key.text)
                let header = canonical ?? (named.count > 1 && !Self.isGeneric(key) ? Self.label(key) : nil)
                if let h = header, h != lastHeader {
                    lines.append(h.hasSuffix(":") ? h : h + ":")
                    lastHeader = h
                }
            } else if block.isDocument {
                lastHeader = nil
            }
            lines.append(contentsOf: block.lines)
        }
        return CDAReader.joined(lines)
    }

    /// OBX-3 values that say nothing about the section (Epic's `&GDT`, an empty identifier).
    static func isGeneric(_ key: Key) -> Bool {
        let id = HL7v2XMLReader.upper(key.identifier)
        return (id.isEmpty && key.text.isEmpty) || id == "GDT" || id == "&GDT"
    }

    private static func label(_ key: Key) -> String? {
        let t = key.text.isEmpty ? key.identifier : key.text
        return t.isEmpty ? nil : t
    }
}
