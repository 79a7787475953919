/// The fields of one JSON Lines record, read straight from the line's bytes.
///
/// The fast path of `JSONLinesReader`: one validating pass over the line that decodes only the
/// keys Falx uses (the report text goes straight to UTF-8 bytes, never through `String`) and skips
/// the rest (gold labels, nested objects). It answers only when its answer is certain to be what
/// `JSONSerialization` would give: any line it does not accept — invalid JSON, a value of an
/// unexpected type, a number that is not a plain integer in a field Falx reads, a lone surrogate,
/// nesting deeper than 64 — returns nil and goes to `JSONSerialization`, which decides it.
struct JSONLineFields {
    enum Value {
        case string([UInt8])
        /// A plain integer literal (`-?[0-9]+`, at most 18 digits, no leading zero).
        case integer(Int, [UInt8])
        case null
        /// Any other value of a key Falx does not read.
        case skipped
    }

    /// The keys Falx reads: the fields of ``FieldNames`` (`text`, `report_text`, `accession`, ...).
    typealias Key = FieldNames.Field

    /// The value of each field, nil when absent. Of two keys for one field, the better-ranked name
    /// wins (``FieldNames/match(_:)``); of two of one rank, the smaller key (as the
    /// `JSONSerialization` path picks), and of a key repeated, the last one.
    var values: [Value?] = Array(repeating: nil, count: Key.allCases.count)
    /// The rank each value was read under, four bits per field (15: none), so that the common line
    /// costs no allocation beyond `values`.
    var ranks: UInt64 = ~0
    /// The key of a value read under a name other than a field's exact best name, to break ties.
    var tieKeys: [Int: [UInt8]] = [:]

    subscript(key: Key) -> Value? { values[key.rawValue] }

    /// Keeps `value`, read under `key` with `rank`, when it beats the value the field has.
    mutating func offer(_ value: Value, field: Key, rank: Int, key: [UInt8]) {
        let f = field.rawValue
        let current = Int((ranks >> UInt64(4 * f)) & 0xF)
        guard rank < current || (rank == current && (rank == 0 || !(tieKeys[f] ?? []).lexicographicallyPrecedes(key)))
        else { return }
        values[f] = value
        ranks = ranks & ~(0xF << UInt64(4 * f)) | UInt64(rank) << UInt64(4 * f)
        if rank > 0 { tieKeys[f] = key }
    }

    /// A metadata value as `JSONSerialization`'s path reads it: a string, an integer's digits, else "".
    func text(_ key: Key) -> String {
        switch self[key] {
        case .string(let bytes)?: String(decoding: bytes, as: UTF8.self)
        case .integer(_, let literal)?: String(decoding: literal, as: UTF8.self)
        default: ""
        }
    }

    static let maxDepth = 64

    /// Parses `line` (valid UTF-8); nil when the line is not certainly a JSON object this reader
    /// understands.
    init?(_ line: ArraySlice<UInt8>, names: FieldNames = FieldNames()) {
        let parsed: Bool = line.withUnsafeBufferPointer { buf in
            var p = Parser(buf: buf)
            p.skipSpace()
            guard p.peek == 0x7B, p.object(into: &self, names: names) else { return false }
            p.skipSpace()
            return p.i == buf.count
        }
        guard parsed else { return nil }
    }

    struct Parser {
        let buf: UnsafeBufferPointer<UInt8>
        var i = 0
        var depth = 0

        var peek: UInt8? { i < buf.count ? buf[i] : nil }

        mutating func skipSpace() {
            while i < buf.count, buf[i] == 0x20 || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 { i += 1 }
        }

        /// The top-level object: the keys Falx reads are decoded, the others validated and skipped.
        mutating func object(into fields: inout JSONLineFields, names: FieldNames) -> Bool {
            i += 1  // {
            skipSpace()
            if peek == 0x7D { i += 1; return true }
            while true {
                skipSpace()
                guard peek == 0x22, let key = string() else { return false }
                skipSpace()
                guard peek == 0x3A else { return false }
                i += 1
                skipSpace()
                if let (field, rank) = names.match(key) {
                    guard let v = value() else { return false }
                    fields.offer(v, field: field, rank: rank, key: key)
                } else {
                    guard skipValue() else { return false }
                }
                skipSpace()
                guard let b = peek else { return false }
                i += 1
                if b == 0x7D { return true }
                guard b == 0x2C else { return false }
            }
        }

        /// A value of a key Falx reads.
        mutating func value() -> Value? {
            guard let b = peek else { return nil }
            switch b {
            case 0x22: return string().map(Value.string)
            case 0x6E: return literal("null") ? .null : nil
            case 0x2D, 0x30...0x39:
                let start = i
                guard number(), let n = plainInteger(start..<i) else { return nil }
                return .integer(n, Array(buf[start..<i]))
            case 0x7B, 0x5B: return skipValue() ? .skipped : nil
            default: return nil  // true / false: JSONSerialization decides what they mean here
            }
        }

        /// A plain integer literal's value: `0` or `-?[1-9][0-9]{0,17}`.
        func plainInteger(_ r: Range<Int>) -> Int? {
            var k = r.lowerBound
            let negative = buf[k] == 0x2D
            if negative { k += 1 }
            let digits = r.upperBound - k
            guard digits >= 1, digits <= 18 else { return nil }
            if buf[k] == 0x30 { return digits == 1 && !negative ? 0 : nil }
            var v = 0
            for j in k..<r.upperBound {
                guard buf[j] >= 0x30 && buf[j] <= 0x39 else { return nil }
                v = v * 10 + Int(buf[j] - 0x30)
            }
            return negative ? -v : v
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= buf.count else { return false }
            for k in 0..<n where buf[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }

        /// Validates and skips any JSON value.
        mutating func skipValue() -> Bool {
            guard let b = peek else { return false }
            switch b {
            case 0x22: return skipString()
            case 0x74: return literal("true")
            case 0x66: return literal("false")
            case 0x6E: return literal("null")
            case 0x2D, 0x30...0x39: return number()
            case 0x7B, 0x5B:
                depth += 1
                guard depth <= JSONLineFields.maxDepth else { return false }
                defer { depth -= 1 }
                let close: UInt8 = b == 0x7B ? 0x7D : 0x5D
                i += 1
                skipSpace()
                if peek == close { i += 1; return true }
                while true {
                    skipSpace()
                    if close == 0x7D {
                        guard peek == 0x22, skipString() else { return false }
                        skipSpace()
                        guard peek == 0x3A else { return false }
                        i += 1
                        skipSpace()
                    }
                    guard skipValue() else { return false }
                    skipSpace()
                    guard let c = peek else { return false }
                    i += 1
                    if c == close { return true }
                    guard c == 0x2C else { return false }
                }
            default: return false
            }
        }

        /// A JSON number per RFC 8259: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
        mutating func number() -> Bool {
            func digits() -> Int {
                let s = i
                while i < buf.count, buf[i] >= 0x30 && buf[i] <= 0x39 { i += 1 }
                return i - s
            }
            if peek == 0x2D { i += 1 }
            if peek == 0x30 {
                i += 1
            } else if digits() == 0 {
                return false
            }
            if peek == 0x2E {
                i += 1
                guard digits() > 0 else { return false }
            }
            if peek == 0x65 || peek == 0x45 {
                i += 1
                if peek == 0x2B || peek == 0x2D { i += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }

        mutating func skipString() -> Bool {
            i += 1
            while i < buf.count {
                let b = buf[i]
                if b == 0x22 { i += 1; return true }
                if b < 0x20 { return false }
                if b == 0x5C {
                    guard i + 1 < buf.count else { return false }
                    let e = buf[i + 1]
                    if e == 0x75 {
                        guard i + 6 <= buf.count, (2..<6).allSatisfy({ hex(buf[i + $0]) != nil }) else { return false }
                        i += 6
                        continue
                    }
                    guard Parser.simpleEscape(e) != nil else { return false }
                    i += 2
                    continue
                }
                i += 1
            }
            return false
        }

        static func simpleEscape(_ e: UInt8) -> UInt8? {
            switch e {
            case 0x22, 0x5C, 0x2F: e
            case 0x62: 0x08
            case 0x66: 0x0C
            case 0x6E: 0x0A
            case 0x72: 0x0D
            case 0x74: 0x09
            default: nil
            }
        }

        func hex(_ b: UInt8) -> UInt32? {
            switch b {
            case 0x30...0x39: UInt32(b - 0x30)
            case 0x41...0x46: UInt32(b - 0x41 + 10)
            case 0x61...0x66: UInt32(b - 0x61 + 10)
            default: nil
            }
        }

        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= buf.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let h = hex(buf[at + k]) else { return nil }
                v = v << 4 | h
            }
            return v
        }

        /// A string's decoded UTF-8 bytes; nil when invalid or holding a lone surrogate.
        mutating func string() -> [UInt8]? {
            i += 1
            let start = i
            // The common case: no escape, copied in one go.
            while i < buf.count, buf[i] != 0x22, buf[i] != 0x5C, buf[i] >= 0x20 { i += 1 }
            guard i < buf.count else { return nil }
            if buf[i] == 0x22 {
                i += 1
                return Array(buf[start..<(i - 1)])
            }
            guard buf[i] == 0x5C else { return nil }  // a raw control character
            var out = Array(buf[start..<i])
            out.reserveCapacity(out.count + (buf.count - i))
            while i < buf.count {
                // Copy the run up to the next quote, backslash or control byte in one go.
                let run = i
                while i < buf.count, buf[i] != 0x22, buf[i] != 0x5C, buf[i] >= 0x20 { i += 1 }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[run..<i])) }
                guard i < buf.count else { return nil }
                let b = buf[i]
                if b == 0x22 { i += 1; return out }
                if b < 0x20 { return nil }
                guard i + 1 < buf.count else { return nil }
                let e = buf[i + 1]
                guard e == 0x75 else {
                    guard let c = Parser.simpleEscape(e) else { return nil }
                    out.append(c)
                    i += 2
                    continue
                }
                guard var scalar = hex4(i + 2) else { return nil }
                i += 6
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard i + 6 <= buf.count, buf[i] == 0x5C, buf[i + 1] == 0x75, let low = hex4(i + 2),
                        low >= 0xDC00 && low <= 0xDFFF
                    else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    return nil
                }
                guard let u = Unicode.Scalar(scalar), let encoded = UTF8.encode(u) else { return nil }
                out.append(contentsOf: encoded)
            }
            return nil
        }
    }
}
