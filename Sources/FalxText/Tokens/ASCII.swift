/// Byte-level helpers for UTF-8 text: ASCII case folding by table and character classes.
///
/// Bytes at or above 0x80 pass through untouched, so multi-byte UTF-8 sequences are never split
/// or changed by folding.
public enum ASCII {
    /// Lower-case table for all 256 byte values (only `A`–`Z` change).
    public static let lowerTable: [UInt8] = (0..<256).map { byte in
        let b = UInt8(byte)
        return (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    @inline(__always) public static func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) public static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) public static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) public static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) public static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) public static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a `String`, repairing invalid UTF-8 with U+FFFD.
    @inlinable public var utf8String: String { String(decoding: self, as: UTF8.self) }
}
