/// Cheap look at the start of a file to tell XML formats apart without parsing it.
enum XMLSniffing {
    /// How much of the file a sniffer looks at.
    static let window = 64 << 10

    /// The root element's start tag: its local name (prefix removed) and the whole tag's bytes
    /// (for a namespace check), or nil when the bytes do not start like an XML document.
    ///
    /// Skips a UTF-8 BOM, whitespace, the XML declaration, processing instructions, comments and a
    /// DOCTYPE (with its internal subset). Looks at no more than `window` bytes.
    /// - Complexity: O(min(n, window)).
    static func rootStartTag(_ bytes: [UInt8]) -> (localName: String, tag: ArraySlice<UInt8>)? {
        let end = min(bytes.count, window)
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() {
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        func has(_ s: String, at k: Int) -> Bool {
            let u = Array(s.utf8)
            return k + u.count <= end && bytes[k..<(k + u.count)].elementsEqual(u)
        }
        func skip(past terminator: String) -> Bool {
            let u = Array(terminator.utf8)
            while i + u.count <= end {
                if bytes[i..<(i + u.count)].elementsEqual(u) {
                    i += u.count
                    return true
                }
                i += 1
            }
            return false
        }
        while true {
            skipSpace()
            guard i < end, bytes[i] == 0x3C else { return nil }
            if has("<?", at: i) {
                guard skip(past: "?>") else { return nil }
            } else if has("<!--", at: i) {
                guard skip(past: "-->") else { return nil }
            } else if has("<!DOCTYPE", at: i) {
                var depth = 0
                var quote: UInt8 = 0
                i += 9
                while i < end {
                    let b = bytes[i]
                    i += 1
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == 0x22 || b == 0x27 {
                        quote = b
                    } else if b == 0x5B {
                        depth += 1
                    } else if b == 0x5D {
                        depth -= 1
                    } else if b == 0x3E && depth <= 0 {
                        break
                    }
                }
            } else {
                break
            }
        }
        let start = i
        i += 1
        var nameEnd = i
        while nameEnd < end, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > i, nameEnd < end else { return nil }
        var tagEnd = nameEnd
        while tagEnd < end, bytes[tagEnd] != 0x3E { tagEnd += 1 }
        let qualified = bytes[i..<nameEnd]
        let local = qualified.lastIndex(of: 0x3A).map { qualified[($0 + 1)...] } ?? qualified
        return (String(decoding: local, as: UTF8.self), bytes[start..<min(tagEnd + 1, end)])
    }

    /// True when the tag's bytes contain the string (a namespace URI).
    static func contains(_ tag: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, tag.count >= n.count else { return false }
        var k = tag.startIndex
        while k + n.count <= tag.endIndex {
            if tag[k..<(k + n.count)].elementsEqual(n) { return true }
            k += 1
        }
        return false
    }

    private static func isNameEnd(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x3E || b == 0x2F
    }
}
