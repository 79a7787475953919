/// Splits CSV/TSV bytes into rows of fields (RFC 4180 as spreadsheets and RIS exports write it).
///
/// Fields are separated by the delimiter; a field that starts with `"` is quoted: it may hold the
/// delimiter, line breaks and doubled quotes (`""` is one `"`). Rows end at LF or CRLF outside
/// quotes. A `"` inside an unquoted field is kept as it is. Text after a closing quote
/// (`"a"b`) makes the row malformed.
struct DelimitedRowScanner {
    let delimiter: UInt8

    enum Step: Equatable {
        /// A row: its fields, where the next row starts, the physical lines it took, and why it is
        /// malformed (nil when it is not).
        case row(fields: [[UInt8]], end: Int, lines: Int, malformed: String?)
        /// The row goes on past the bytes at hand.
        case needMore
        /// At the end of the input, a quoted field that never closes.
        case unterminated
    }

    /// The row starting at `start`; `atEOF` when no more bytes will come.
    func scan(_ buf: [UInt8], from start: Int, atEOF: Bool) -> Step {
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var i = start
        var lines = 1
        var malformed: String?
        var atFieldStart = true
        while true {
            guard i < buf.count else {
                if !atEOF { return .needMore }
                fields.append(field)
                return .row(fields: fields, end: i, lines: lines, malformed: malformed)
            }
            let b = buf[i]
            if atFieldStart && b == 0x22 {
                i += 1
                var closed = false
                while i < buf.count {
                    let c = buf[i]
                    if c == 0x22 {
                        if i + 1 == buf.count && !atEOF { return .needMore }
                        if i + 1 < buf.count && buf[i + 1] == 0x22 {
                            field.append(0x22)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if c == 0x0A { lines += 1 }
                    field.append(c)
                    i += 1
                }
                if !closed { return atEOF ? .unterminated : .needMore }
                atFieldStart = false
                if i < buf.count, buf[i] != delimiter, buf[i] != 0x0A, buf[i] != 0x0D {
                    malformed = malformed ?? "text after a closing quote"
                }
                continue
            }
            atFieldStart = false
            if b == delimiter {
                fields.append(field)
                field = []
                atFieldStart = true
                i += 1
                continue
            }
            if b == 0x0A {
                fields.append(field)
                return .row(fields: fields, end: i + 1, lines: lines, malformed: malformed)
            }
            if b == 0x0D {
                if i + 1 == buf.count && !atEOF { return .needMore }
                if i + 1 < buf.count && buf[i + 1] == 0x0A {
                    fields.append(field)
                    return .row(fields: fields, end: i + 2, lines: lines, malformed: malformed)
                }
            }
            field.append(b)
            i += 1
        }
    }

    /// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes; tab
    /// first for a `.tsv` file, comma first otherwise, when counts tie.
    static func sniffDelimiter(_ bytes: [UInt8], preferTab: Bool) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if b == 0x0A { break }
            if counts[b] != nil { counts[b, default: 0] += 1 }
        }
        let order: [UInt8] = preferTab ? [0x09, 0x2C, 0x3B] : [0x2C, 0x3B, 0x09]
        var best = order[0]
        for d in order where counts[d, default: 0] > counts[best, default: 0] { best = d }
        return best
    }

    /// Where the row that starts at `start` ends when only its bytes' quotes are followed (used to
    /// step over a row too long to hold): the index after its line break, or nil if not in `buf`.
    static func skip(_ buf: [UInt8], from start: Int, inQuotes: inout Bool, lines: inout Int) -> Int? {
        var i = start
        while i < buf.count {
            let b = buf[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if b == 0x0A {
                lines += 1
                if !inQuotes { return i + 1 }
            }
            i += 1
        }
        return nil
    }
}
