/// Assembles the report text of one message from its OBX and NTE values, with section headers.
///
/// Consecutive text OBX segments with the same observation identifier (OBX-3) form one block. A
/// block whose OBX-3 names a known report section (LOINC 18782-3, 19005-8, DICOM 121070, or a
/// text such as `FINDINGS`, `Impression`, `Procedure Findings`) gets a canonical header line
/// (`FINDINGS:`); when a message has several different OBX-3 values, the others get their own
/// OBX-3 text as a label line (`Liver Mass:`), so the sectionizer sees each boundary. A message
/// with one unnamed OBX-3 (`&GDT`, `obs-id^obs-text`) gets no header. NTE lines continue the
/// block before them. Blank lines are kept as paragraph breaks but never doubled.
struct HL7ReportText: Sendable {
    /// The observation identifier of an OBX (identifier and text of OBX-3).
    struct Key: Sendable, Hashable {
        var identifier: String
        var text: String
    }

    private struct Block {
        var key: Key?
        var lines: [[UInt8]]
    }

    private var blocks: [Block] = []

    var isEmpty: Bool { !blocks.contains { $0.lines.contains { !HL7Text.trimmed($0[...]).isEmpty } } }

    /// Adds the lines of an OBX value (key given) or of an NTE (key nil: continues the block before).
    mutating func add(_ lines: [[UInt8]], key: Key?) {
        guard !lines.isEmpty else { return }
        if let last = blocks.last, key == nil || last.key == key {
            blocks[blocks.count - 1].lines.append(contentsOf: lines)
        } else {
            blocks.append(Block(key: key, lines: lines))
        }
    }

    /// The text: header lines and value lines joined with `\n`, no trailing newline.
    func rendered() -> [UInt8] {
        let named = Set(blocks.compactMap { $0.key }.filter { !Self.isGeneric($0) })
        var out: [UInt8] = []
        var lastHeader: String?
        var pendingBlank = false
        func emit(_ line: ArraySlice<UInt8>) {
            if !out.isEmpty { out.append(0x0A) }
            out.append(contentsOf: line)
        }
        for block in blocks {
            if let key = block.key {
                let header = Self.canonicalHeader(key) ?? (named.count > 1 && !Self.isGeneric(key) ? Self.label(key) : nil)
                if let h = header, h != lastHeader {
                    emit(Array((h.hasSuffix(":") ? h : h + ":").utf8)[...])
                    lastHeader = h
                    pendingBlank = false
                }
            }
            for line in block.lines {
                var l = line[...]
                while let b = l.last, HL7Text.isBlank(b) { l = l.dropLast() }
                if l.isEmpty {
                    pendingBlank = !out.isEmpty
                    continue
                }
                if pendingBlank { out.append(0x0A) }
                pendingBlank = false
                emit(l)
            }
        }
        return out
    }

    /// Splits a decoded value into lines on CR, LF and CRLF.
    static func lines(of value: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        var k = 0
        while k < value.count {
            let b = value[k]
            if b == 0x0D || b == 0x0A {
                result.append(Array(value[start..<k]))
                if b == 0x0D, k + 1 < value.count, value[k + 1] == 0x0A { k += 1 }
                start = k + 1
            }
            k += 1
        }
        result.append(Array(value[start...]))
        return result
    }

    // MARK: - Section names

    /// OBX-3 values that say nothing about the section (Epic's `&GDT`, an empty identifier).
    static func isGeneric(_ key: Key) -> Bool {
        let id = HL7Text.upper(key.identifier)
        return (id.isEmpty && key.text.isEmpty) || id == "GDT" || id == "&GDT"
    }

    /// The OBX-3 text (or identifier) written as a label.
    static func label(_ key: Key) -> String? {
        let t = key.text.isEmpty ? key.identifier : key.text
        return t.isEmpty ? nil : t
    }

    /// The canonical header for a known section code or name, else nil.
    static func canonicalHeader(_ key: Key) -> String? {
        if let h = ReportSectionHeaders.codes[key.identifier] { return h }
        for candidate in [key.text, key.identifier] {
            let words = normalisedWords(candidate)
            guard !words.isEmpty else { continue }
            if let h = ReportSectionHeaders.names[words.joined(separator: " ")] { return h }
            if let last = words.last, let h = ReportSectionHeaders.lastWords[last] { return h }
        }
        return nil
    }

    private static func normalisedWords(_ s: String) -> [String] {
        let lowered = Array(HL7Text.lower(s).utf8).map { HL7Text.isAlphanumeric($0) ? $0 : 0x20 }
        return lowered.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    // Section codes and names: the shared table in ReportSectionHeaders (one for every encoding).
}
