/// Small byte helpers shared by the HL7 v2 reader: ASCII classes, trimming, character sets.
enum HL7Text {
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func isUpperOrDigit(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// A value without leading and trailing spaces and tabs.
    static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, isBlank(f) { s = s.dropFirst() }
        while let l = s.last, isBlank(l) { s = s.dropLast() }
        return s
    }

    /// A value as a Swift string, with leading and trailing blanks removed.
    static func string(_ s: ArraySlice<UInt8>) -> String {
        String(decoding: trimmed(s), as: UTF8.self)
    }

    /// ASCII upper case of a short code (`ed` → `ED`); other bytes unchanged.
    static func upper(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// ASCII lower case; other bytes unchanged.
    static func lower(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// ISO-8859-1 bytes as UTF-8 (every byte is a code point below 256).
    static func latin1ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                out.append(0xC0 | (b >> 6))
                out.append(0x80 | (b & 0x3F))
            }
        }
        return out
    }

    /// A byte for an error message: `'|'` or `0x0D`.
    static func describe(byte b: UInt8) -> String {
        b > 0x20 && b < 0x7F ? "'\(String(UnicodeScalar(b)))'" : "0x" + String(b, radix: 16, uppercase: true)
    }

    /// Bytes for an error message, quoted, non-printables as `.`; at most 20 shown.
    static func describe(bytes: [UInt8]) -> String {
        let shown = bytes.prefix(20).map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x2E }
        return "\"" + String(decoding: shown, as: UTF8.self) + (bytes.count > 20 ? "…" : "") + "\""
    }
}
