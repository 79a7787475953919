/// Splits UTF-8 report text into word, number and punctuation tokens with byte offsets.
///
/// - Words are runs of ASCII letters, digits and non-ASCII letters (`Labbé`, `52M`, `T2`).
/// - Numbers are digit runs with inner decimal points (`1.5`, `0.75`).
/// - Single-letter slash abbreviations are one word: `y/o`, `s/p`, `w/o`, `h/o`, `r/o`, `c/o`.
/// - Every other visible ASCII byte is a one-byte punctuation token; typographic dashes, quotes
///   and bullets (U+2010–U+2027) are punctuation too; Unicode spaces (no-break, en/em, ideographic)
///   are white space and the line separators U+0085, U+2028 and U+2029 break lines.
///
/// The tokenizer never allocates per token beyond the output array and never builds `String`s.
///
/// - Complexity: O(n) in the number of bytes.
public enum Tokenizer {
    public static func tokens(of text: [UInt8]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.count / 5 + 8)
        text.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            var pending: Token.Flags = []
            var newlines = 0
            var atStart = true
            while i < n {
                let b = buf[i]
                // White space and line breaks.
                if b == 0x0A {
                    newlines += 1; pending.insert(.spaceBefore); i += 1; continue
                }
                if ASCII.isSpace(b) { pending.insert(.spaceBefore); i += 1; continue }
                if b >= 0xC2, let (length, isBreak) = unicodeSpace(buf, i, n) {
                    if isBreak { newlines += 1 }
                    pending.insert(.spaceBefore); i += length; continue
                }
                var flags = pending
                if newlines > 0 || atStart { flags.insert(.lineStart) }
                if newlines > 1 { flags.insert(.paragraphStart) }
                pending = []; newlines = 0; atStart = false

                // Typographic punctuation U+2010...U+2027 (dashes, quotes, bullet, ellipsis).
                if b == 0xE2 && i + 2 < n && buf[i + 1] == 0x80 && buf[i + 2] >= 0x90 && buf[i + 2] <= 0xA7 {
                    out.append(Token(start: i, end: i + 3, kind: .punct, flags: flags))
                    i += 3; continue
                }
                if isWordByte(b) {
                    let start = i
                    var allDigits = true
                    var hasLetter = false
                    var upper = 0
                    var lower = 0
                    while i < n {
                        let c = buf[i]
                        if isWordByte(c) {
                            if !ASCII.isDigit(c) { allDigits = false }
                            if ASCII.isUpper(c) {
                                upper += 1; hasLetter = true
                            } else if ASCII.isLower(c) {
                                lower += 1; hasLetter = true
                            } else if c >= 0x80 {
                                // Stop before typographic punctuation or a no-break space.
                                if c == 0xE2 && i + 2 < n && buf[i + 1] == 0x80 && buf[i + 2] >= 0x90 && buf[i + 2] <= 0xA7 {
                                    break
                                }
                                if c >= 0xC2 && unicodeSpace(buf, i, n) != nil { break }
                                hasLetter = true
                            }
                            i += 1
                        } else if c == 0x2E && allDigits && i + 1 < n && ASCII.isDigit(buf[i + 1]) {
                            i += 1  // decimal point inside a number
                        } else {
                            break
                        }
                    }
                    // y/o, s/p, w/o: one letter, slash, one letter, then a non-word byte.
                    if i - start == 1 && ASCII.isLetter(buf[start]) && i + 1 < n && buf[i] == 0x2F
                        && ASCII.isLetter(buf[i + 1]) && (i + 2 >= n || !isWordByte(buf[i + 2]))
                    {
                        i += 2
                        out.append(Token(start: start, end: i, kind: .word, flags: flags))
                        continue
                    }
                    var f = flags
                    if ASCII.isUpper(buf[start]) { f.insert(.capitalised) }
                    if upper > 0 && lower == 0 { f.insert(.allCaps) }
                    let kind: Token.Kind = (allDigits && !hasLetter) ? .number : .word
                    out.append(Token(start: start, end: i, kind: kind, flags: f))
                    continue
                }
                // Any other byte: one punctuation token (a stray UTF-8 lead/continuation byte too).
                out.append(Token(start: i, end: i + 1, kind: .punct, flags: flags))
                i += 1
            }
        }
        return out
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b >= 0x80
    }

    /// A Unicode space or line break at `i`: its length in bytes and whether it breaks the line.
    /// No-break spaces (U+00A0, U+202F), the spaces U+2000–U+200A, U+205F and U+3000, the zero-width
    /// no-break space U+FEFF, next line U+0085 and the line and paragraph separators U+2028/U+2029.
    @inline(__always)
    static func unicodeSpace(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> (Int, Bool)? {
        let b = buf[i]
        if b == 0xC2, i + 1 < n {
            let c = buf[i + 1]
            return c == 0xA0 ? (2, false) : c == 0x85 ? (2, true) : nil
        }
        guard i + 2 < n else { return nil }
        let c = buf[i + 1], d = buf[i + 2]
        switch (b, c) {
        case (0xE2, 0x80):
            if d <= 0x8A || d == 0xAF { return (3, false) }
            if d == 0xA8 || d == 0xA9 { return (3, true) }
        case (0xE2, 0x81): if d == 0x9F { return (3, false) }
        case (0xE3, 0x80): if d == 0x80 { return (3, false) }
        case (0xEF, 0xBB): if d == 0xBF { return (3, false) }
        default: break
        }
        return nil
    }
}
