/// A parser for the one JSON shape an audit line has: a flat object whose values are strings (numbers,
/// `true`, `false` and `null` are accepted and given as their text, `null` as `""`) or arrays of
/// strings (given joined by `separator(key)`, as the CSV cell holds them). Nested objects, and arrays
/// of anything but strings, make the line unreadable. Byte-level, one pass, no Foundation.
enum FlatJSON {
    /// Parses `bytes` as one object, calling `pair` for each key and value; false when it is not one.
    static func parseObject(
        _ bytes: [UInt8], separator: (String) -> String = { _ in ";" }, pair: (String, String) -> Void
    ) -> Bool {
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        func skipSpace() {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }
        func string() -> String? {
            guard i < n, bytes[i] == 0x22 else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < n {
                let b = bytes[i]
                if b == 0x22 {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b == 0x5C {
                    guard i + 1 < n else { return nil }
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard var code = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(code), i + 1 < n, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                            i += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                        out += Array(String(Character(scalar)).utf8)
                    default: return nil
                    }
                } else {
                    out.append(b)
                    i += 1
                }
            }
            return nil
        }
        func hex4() -> UInt32? {
            guard i + 4 <= n else { return nil }
            var v: UInt32 = 0
            for k in i..<(i + 4) {
                let b = bytes[k]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: return nil
                }
                v = v << 4 | d
            }
            i += 4
            return v
        }
        func list(_ key: String) -> String? {
            i += 1  // [
            var items: [String] = []
            skipSpace()
            if i < n, bytes[i] == 0x5D {
                i += 1
                return ""
            }
            while true {
                skipSpace()
                guard let item = string() else { return nil }
                items.append(item)
                skipSpace()
                guard i < n else { return nil }
                if bytes[i] == 0x2C {
                    i += 1
                    continue
                }
                guard bytes[i] == 0x5D else { return nil }
                i += 1
                return items.joined(separator: separator(key))
            }
        }
        func bare() -> String? {
            let start = i
            while i < n, bytes[i] != 0x2C, bytes[i] != 0x7D, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0D {
                guard bytes[i] != 0x7B, bytes[i] != 0x5B, bytes[i] != 0x22 else { return nil }
                i += 1
            }
            guard i > start else { return nil }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            return text == "null" ? "" : text
        }

        skipSpace()
        guard i < n, bytes[i] == 0x7B else { return false }
        i += 1
        skipSpace()
        if i < n, bytes[i] == 0x7D {
            i += 1
            skipSpace()
            return i == n
        }
        while true {
            skipSpace()
            guard let key = string() else { return false }
            skipSpace()
            guard i < n, bytes[i] == 0x3A else { return false }
            i += 1
            skipSpace()
            guard i < n else { return false }
            let value = bytes[i] == 0x22 ? string() : bytes[i] == 0x5B ? list(key) : bare()
            guard let value else { return false }
            pair(key, value)
            skipSpace()
            guard i < n else { return false }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            guard bytes[i] == 0x7D else { return false }
            i += 1
            skipSpace()
            return i == n
        }
    }
}
