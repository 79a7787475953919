/// Splits UTF-8 report text into word, number and punctuation tokens with byte offsets.
///
/// - Words are runs of ASCII letters, digits and non-ASCII letters (`Labbé`, `52M`, `T2`).
/// - Numbers are digit runs with inner decimal points (`1.5`, `0.75`).
/// - Single-letter slash abbreviations are one word: `y/o`, `s/p`, `w/o`, `h/o`, `r/o`, `c/o`.
/// - Every other visible ASCII byte is a one-byte punctuation token; typographic dashes, quotes
///   and bullets (U+2010–U+2027) are punctuation too; no-break space (U+00A0) is white space.
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
                if b == 0xC2 && i + 1 < n && buf[i + 1] == 0xA0 {
                    pending.insert(.spaceBefore); i += 2; continue
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
                                if c == 0xC2 && i + 1 < n && buf[i + 1] == 0xA0 { break }
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
}
