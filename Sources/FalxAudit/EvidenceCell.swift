import FalxText

/// One cell of the evidence columns (`fact_evidence`, `recommendation_evidence`): items joined by
/// ``AuditRow/sentenceSeparator``, each `|` inside an item written `/`, so that splitting the cell
/// at the separator gives back exactly its items. Built byte by byte in one buffer: a row's
/// evidence costs one string, whatever the number of items.
struct EvidenceCell {
    private(set) var bytes: [UInt8] = []
    private var items = 0

    /// Starts an item (writing the separator after the first).
    mutating func startItem() {
        if items > 0 { bytes += [0x20, 0x7C, 0x20] } else { bytes.reserveCapacity(256) }
        items += 1
    }

    /// Appends text to the current item.
    mutating func append(_ text: String) {
        let from = bytes.count
        bytes += text.utf8
        replaceBars(from: from)
    }

    /// Appends a sentence of `document`, white space collapsed, to the current item.
    mutating func append(sentence s: Int, of document: Document) {
        let from = bytes.count
        document.appendCollapsedText(ofSentence: s, to: &bytes)
        replaceBars(from: from)
    }

    private mutating func replaceBars(from: Int) {
        bytes.withUnsafeMutableBufferPointer { b in
            for i in from..<b.count where b[i] == 0x7C { b[i] = 0x2F }
        }
    }

    /// The cell.
    var text: String { bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self) }
}
