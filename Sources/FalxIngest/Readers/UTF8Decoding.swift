/// UTF-8 clean-up for report bytes.
public enum UTF8Decoding {
    /// Strips a UTF-8 BOM and replaces invalid sequences with U+FFFD.
    ///
    /// - Returns: the clean bytes and whether anything was replaced.
    public static func clean(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], repaired: Bool) {
        var slice = bytes
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if validate(slice) { return (Array(slice), false) }
        let s = String(decoding: slice, as: UTF8.self)
        return (Array(s.utf8), true)
    }

    /// True when the bytes are valid UTF-8.
    public static func validate(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            let raw = UnsafeRawBufferPointer(buf)
            while i < n {
                // Eight ASCII bytes at a time.
                if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                var need = 0
                var minValue: UInt32 = 0
                var v: UInt32 = 0
                if b & 0xE0 == 0xC0 {
                    need = 1; v = UInt32(b & 0x1F); minValue = 0x80
                } else if b & 0xF0 == 0xE0 {
                    need = 2; v = UInt32(b & 0x0F); minValue = 0x800
                } else if b & 0xF8 == 0xF0 {
                    need = 3; v = UInt32(b & 0x07); minValue = 0x10000
                } else {
                    return false
                }
                if i + need >= n { return false }
                for k in 1...need {
                    let c = buf[i + k]
                    if c & 0xC0 != 0x80 { return false }
                    v = (v << 6) | UInt32(c & 0x3F)
                }
                if v < minValue || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return false }
                i += need + 1
            }
            return true
        }
    }
}
