/// One segment of an HL7 v2 message: its bytes and the byte ranges of its fields.
///
/// Field numbers follow the standard: `field(3)` of a PID is PID-3. For MSH, MSH-1 is the field
/// separator itself, so `field(2)` is the encoding characters and `field(9)` the message type.
/// A field that is not there is empty; nothing here reads out of bounds.
struct HL7Segment: Sendable, Equatable {
    /// The three-character segment id (`MSH`, `OBX`, ...).
    var id: String
    var bytes: [UInt8]
    /// `fields[0]` is the segment id; for MSH `fields[1]` is MSH-2.
    var fields: [Range<Int>]
    /// 1-based line number in the file where the segment starts.
    var line: Int

    init(bytes: [UInt8], line: Int, fieldSeparator: UInt8) {
        self.bytes = bytes
        self.line = line
        self.id = String(decoding: bytes.prefix(3), as: UTF8.self)
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == fieldSeparator {
            ranges.append(start..<i)
            start = i + 1
        }
        ranges.append(start..<bytes.count)
        self.fields = ranges
    }

    /// The raw (still escaped) bytes of field `n`; empty when absent.
    func field(_ n: Int) -> ArraySlice<UInt8> {
        let index = id == "MSH" ? n - 1 : n
        guard index >= 1, index < fields.count else { return [] }
        return bytes[fields[index]]
    }

    /// The number of the last field present.
    var fieldCount: Int { id == "MSH" ? fields.count : fields.count - 1 }
}
