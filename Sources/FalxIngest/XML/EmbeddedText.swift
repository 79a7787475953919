import Foundation

/// Decoding of text embedded in a document: base64 payloads and media types.
enum EmbeddedText {
    /// Decodes base64, ignoring whitespace and line breaks; nil when it is not base64.
    static func base64(_ s: String) -> [UInt8]? {
        let cleaned = s.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        guard !cleaned.isEmpty else { return [] }
        guard let data = Data(base64Encoded: Data(cleaned), options: []) else {
            // Some producers drop the padding.
            var padded = cleaned
            while padded.count % 4 != 0 { padded.append(0x3D) }
            return Data(base64Encoded: Data(padded), options: []).map { [UInt8]($0) }
        }
        return [UInt8](data)
    }

    /// True when the bytes start like a PDF file.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        var k = 0
        while k < bytes.count, k < 1024, bytes[k] != 0x25 { k += 1 }
        return bytes[k...].starts(with: Array("%PDF".utf8))
    }

    /// The media type without parameters, lower case (`Text/Plain; charset=UTF-8` → `text/plain`).
    static func mediaType(_ s: String) -> String {
        let base = s.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return String(decoding: XMLTree.collapse(base).utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// True when the media type's parameters name ISO-8859-1 / Latin-1 as the charset.
    static func isLatin1(_ s: String) -> Bool {
        let lower = String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        return lower.contains("iso-8859-1") || lower.contains("latin1") || lower.contains("latin-1")
    }

    /// Decoded bytes as text lines: Latin-1 converted when asked, else UTF-8 with invalid sequences
    /// replaced (reported through `repaired`); CR, LF and CRLF end lines; trailing blanks removed.
    static func lines(_ bytes: [UInt8], latin1: Bool = false) -> (lines: [String], repaired: Bool) {
        var utf8: [UInt8]
        var repaired = false
        if latin1 {
            utf8 = HL7Text.latin1ToUTF8(bytes[...])
        } else {
            let cleaned = UTF8Decoding.clean(bytes[...])
            utf8 = cleaned.bytes
            repaired = cleaned.repaired
        }
        var out: [String] = []
        var start = 0
        var k = 0
        func take(_ end: Int) {
            var line = utf8[start..<end]
            while let l = line.last, l == 0x20 || l == 0x09 { line = line.dropLast() }
            out.append(String(decoding: line, as: UTF8.self))
        }
        while k < utf8.count {
            let b = utf8[k]
            if b == 0x0A || b == 0x0D {
                take(k)
                if b == 0x0D, k + 1 < utf8.count, utf8[k + 1] == 0x0A { k += 1 }
                start = k + 1
            }
            k += 1
        }
        if start < utf8.count { take(utf8.count) }
        return (out, repaired)
    }

    /// True when the bytes look like text rather than binary: no NUL, few control bytes.
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        var control = 0
        for b in sample {
            if b == 0 { return false }
            if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
        }
        return control * 10 <= sample.count
    }
}
