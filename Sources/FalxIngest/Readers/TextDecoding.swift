/// A text encoding named with `--encoding`.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// UTF-16 by its BOM; little-endian (as Windows writes it) when there is none.
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"

    /// The encoding named on the command line (`utf8`, `UTF-8`, `cp1252`, `iso-8859-1` … accepted).
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" }
        switch key {
        case "utf8": self = .utf8
        case "utf16", "utf16le", "utf16be": self = .utf16
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "latin1", "iso88591", "l1": self = .latin1
        default: return nil
        }
    }
}

/// Turns report bytes into UTF-8, saying what it did: never a silent U+FFFD.
///
/// Without a declared encoding: a UTF-8 BOM is removed; UTF-16 with a BOM is converted; valid
/// UTF-8 is kept; bytes that are not UTF-8 but read as Windows-1252 (no valid UTF-8 sequence beyond
/// ASCII, no byte Windows-1252 leaves undefined) are decoded as Windows-1252 with the warning
/// `decoded-as-windows-1252`; anything else has its invalid sequences replaced by U+FFFD with a
/// warning that counts them.
public enum TextDecoding {
    /// The warning of bytes read as Windows-1252 without `--encoding`.
    public static let windows1252Warning = "decoded-as-windows-1252: the bytes are not UTF-8, read as Windows-1252"

    /// The warning of invalid UTF-8 replaced by U+FFFD.
    public static func replacedWarning(_ count: Int) -> String {
        "invalid UTF-8: \(count) byte sequence\(count == 1 ? "" : "s") replaced with U+FFFD"
    }

    /// The bytes as UTF-8 and the warnings of the decoding.
    public static func decode(_ bytes: ArraySlice<UInt8>, as declared: TextEncoding? = nil) -> (
        bytes: [UInt8], warnings: [String]
    ) {
        var slice = bytes
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if slice.starts(with: [0xFF, 0xFE]) || slice.starts(with: [0xFE, 0xFF]) || declared == .utf16 {
            return utf16ToUTF8(slice)
        }
        switch declared {
        case .windows1252?: return (windows1252ToUTF8(slice), [])
        case .latin1?: return (latin1ToUTF8(slice), [])
        default: break
        }
        if UTF8Decoding.validate(slice) { return (Array(slice), []) }
        if declared == nil && plausibleWindows1252(slice) { return (windows1252ToUTF8(slice), [windows1252Warning]) }
        return repaired(slice)
    }

    /// Decodes several values of one record (the cells of a CSV row) with one decision: Windows-1252
    /// only when every value reads as it.
    static func decode(_ values: [[UInt8]], as declared: TextEncoding?) -> (values: [[UInt8]], warnings: [String]) {
        if declared == nil || declared == .utf8, values.allSatisfy({ UTF8Decoding.validate($0[...]) }) { return (values, []) }
        switch declared {
        case .windows1252?: return (values.map { windows1252ToUTF8($0[...]) }, [])
        case .latin1?: return (values.map { latin1ToUTF8($0[...]) }, [])
        case .utf16?: return (values.map { utf16ToUTF8($0[...]).bytes }, [])
        default: break
        }
        if declared == nil && values.allSatisfy({ plausibleWindows1252($0[...]) }) {
            return (values.map { windows1252ToUTF8($0[...]) }, [windows1252Warning])
        }
        var total = 0
        let out = values.map { v -> [UInt8] in
            let (bytes, count) = replacing(v[...])
            total += count
            return bytes
        }
        return (out, total > 0 ? [replacedWarning(total)] : [])
    }

    /// Invalid UTF-8 sequences replaced by U+FFFD, with a warning that counts them.
    static func repaired(_ slice: ArraySlice<UInt8>) -> (bytes: [UInt8], warnings: [String]) {
        let (bytes, count) = replacing(slice)
        return (bytes, count > 0 ? [replacedWarning(count)] : [])
    }

    static func replacing(_ slice: ArraySlice<UInt8>) -> (bytes: [UInt8], count: Int) {
        if UTF8Decoding.validate(slice) { return (Array(slice), 0) }
        let out = Array(String(decoding: slice, as: UTF8.self).utf8)
        // Each U+FFFD the decoding added is one invalid sequence; those already in the input stay.
        return (out, replacementCount(out[...]) - replacementCount(slice))
    }

    static func replacementCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var n = 0
        var i = bytes.startIndex
        while i + 2 < bytes.endIndex {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD {
                n += 1
                i += 3
            } else {
                i += 1
            }
        }
        return n
    }

    /// Whether bytes that are not UTF-8 read as Windows-1252 text: no valid UTF-8 sequence beyond
    /// ASCII (text mixing both is damaged UTF-8, not Windows-1252), no byte Windows-1252 leaves
    /// undefined, no control byte other than tab, line feed, form feed and carriage return.
    static func plausibleWindows1252(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D { return false }
                i += 1
                continue
            }
            if b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D { return false }
            // A whole valid UTF-8 sequence here means the text is UTF-8 with damage.
            let need = b & 0xE0 == 0xC0 ? 1 : b & 0xF0 == 0xE0 ? 2 : b & 0xF8 == 0xF0 ? 3 : 0
            if need > 0, i + need < bytes.endIndex, UTF8Decoding.validate(bytes[i...(i + need)]) { return false }
            i += 1
        }
        return true
    }

    /// Windows-1252's characters for the bytes 0x80–0x9F (0 where it defines none: read as Latin-1).
    static let windows1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else if b < 0xA0, windows1252High[Int(b - 0x80)] != 0 {
                appendUTF8(UInt32(windows1252High[Int(b - 0x80)]), to: &out)
            } else {
                appendUTF8(UInt32(b), to: &out)
            }
        }
        return out
    }

    static func latin1ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes { appendUTF8(UInt32(b), to: &out) }
        return out
    }

    /// UTF-16 by its BOM (little-endian without one); an unpaired surrogate or an odd last byte is
    /// replaced by U+FFFD and counted in a warning.
    static func utf16ToUTF8(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], warnings: [String]) {
        var converter = UTF16Converter()
        var out = converter.convert(bytes)
        out += converter.finish()
        return (out, converter.replaced > 0 ? [replacedWarning(converter.replaced)] : [])
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000:
            out += [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | (scalar >> 6) & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default:
            out += [
                UInt8(0xF0 | scalar >> 18), UInt8(0x80 | (scalar >> 12) & 0x3F), UInt8(0x80 | (scalar >> 6) & 0x3F),
                UInt8(0x80 | scalar & 0x3F),
            ]
        }
    }
}

/// UTF-16 to UTF-8 in blocks: a byte or a high surrogate cut at a block's end waits for the next.
struct UTF16Converter {
    /// nil until the first bytes say (by a BOM; little-endian without one).
    var bigEndian: Bool?
    var pendingByte: UInt8?
    var pendingHigh: UInt32?
    /// Unpaired surrogates and odd bytes replaced by U+FFFD.
    var replaced = 0

    mutating func convert(_ block: ArraySlice<UInt8>) -> [UInt8] {
        var bytes = block
        if bigEndian == nil {
            if let p = pendingByte {
                bytes = ([p] + bytes)[...]
                pendingByte = nil
            }
            guard bytes.count >= 2 else {
                pendingByte = bytes.first
                return []
            }
            let (a, b) = (bytes[bytes.startIndex], bytes[bytes.startIndex + 1])
            if a == 0xFE && b == 0xFF {
                bigEndian = true
                bytes = bytes.dropFirst(2)
            } else if a == 0xFF && b == 0xFE {
                bigEndian = false
                bytes = bytes.dropFirst(2)
            } else {
                bigEndian = false
            }
        } else if let p = pendingByte {
            bytes = ([p] + bytes)[...]
            pendingByte = nil
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let big = bigEndian ?? false
        while i + 1 < bytes.endIndex {
            let unit = big ? UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) : UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i])
            i += 2
            add(unit, to: &out)
        }
        if i < bytes.endIndex { pendingByte = bytes[i] }
        return out
    }

    mutating func add(_ unit: UInt32, to out: inout [UInt8]) {
        if let high = pendingHigh {
            pendingHigh = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                TextDecoding.appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &out)
                return
            }
            replaced += 1
            TextDecoding.appendUTF8(0xFFFD, to: &out)
        }
        if unit >= 0xD800 && unit <= 0xDBFF {
            pendingHigh = unit
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            replaced += 1
            TextDecoding.appendUTF8(0xFFFD, to: &out)
        } else {
            TextDecoding.appendUTF8(unit, to: &out)
        }
    }

    /// What is left at the end of the input: a cut surrogate or byte becomes U+FFFD.
    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        for cut in [pendingHigh != nil, pendingByte != nil] where cut {
            replaced += 1
            TextDecoding.appendUTF8(0xFFFD, to: &out)
        }
        pendingHigh = nil
        pendingByte = nil
        return out
    }
}
