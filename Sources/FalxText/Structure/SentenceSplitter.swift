/// Splits a token range into sentences.
///
/// Ends a sentence at `.`, `!` or `? ` unless the period follows an abbreviation (`Dr.`, `approx.`),
/// a single letter (`e.g.`), or is a list marker (`1.`), or the next word starts in lower case; at
/// an empty line; and at a line break when the next line is a list item or a `Label:` line, the
/// previous line ends in `:`, or the previous line is short (a header or a line of its own). A line
/// break inside a hard-wrapped sentence (long previous line, or next line in lower case) does not
/// end it, in ALL CAPS text too.
///
/// A sentence longer than `maxTokens` (text without punctuation: a pasted table, an unpunctuated
/// dictation) is cut into pieces of at most that many tokens, at a line break or after a comma
/// when one lies in the second half of the piece.
public enum SentenceSplitter {
    static let shortLine = 56
    /// The most tokens a sentence may have. No real sentence comes near it (the longest in the
    /// Corpus and in a few thousand transcribed reports is far shorter); it bounds the work on any
    /// one sentence, whatever the text.
    public static let maxTokens = 320

    public static func sentences(_ tokens: [Token], in range: Range<Int>, text: [UInt8], lexicon: CompiledLexicon) -> [Range<Int>]
    {
        var out: [Range<Int>] = []
        guard !range.isEmpty else { return out }
        var start = range.lowerBound
        var lineStartToken = range.lowerBound
        func byte(_ k: Int) -> UInt8 { text[Int(tokens[k].start)] }
        func isPunct(_ k: Int, _ b: UInt8) -> Bool { tokens[k].kind == .punct && tokens[k].length == 1 && byte(k) == b }

        var k = range.lowerBound + 1
        while k < range.upperBound {
            let t = tokens[k]
            var split = false
            if t.flags.contains(.lineStart) {
                let p = k - 1
                if t.flags.contains(.paragraphStart) {
                    split = true
                } else if isPunct(p, 0x2E) && periodEndsSentence(at: p, sentenceStart: start, tokens, text, lexicon) {
                    split = true
                } else if isPunct(p, 0x21) || isPunct(p, 0x3F) {
                    split = true
                } else {
                    split = lineBreakEndsSentence(at: k, previousLineStart: lineStartToken, tokens, text)
                }
                lineStartToken = k
            } else if t.kind == .number && t.length <= 2 && t.flags.contains(.spaceBefore) && k + 2 < range.upperBound
                && isPunct(k + 1, 0x29) && tokens[k + 2].kind == .word && k - 1 > start
            {
                split = true  // an inline list item: "... colon  2) Diverticuli ..."
            } else {
                let p = k - 1
                if isPunct(p, 0x2E) {  // '.'
                    split = periodEndsSentence(at: p, sentenceStart: start, tokens, text, lexicon)
                } else if isPunct(p, 0x21) {
                    split = true
                } else if isPunct(p, 0x3F) {  // '?' ends only when followed by a space
                    split = t.flags.contains(.spaceBefore)
                }
            }
            if split {
                if start < k { appendCapped(start..<k, tokens, text, to: &out) }
                start = k
            }
            k += 1
        }
        if start < range.upperBound { appendCapped(start..<range.upperBound, tokens, text, to: &out) }
        return out
    }

    /// Appends sentence `r`, cut into pieces of at most `maxTokens` tokens: each piece ends before
    /// the last line break in its second half, else after its last comma there, else at the limit.
    ///
    /// - Complexity: O(r.count): each cut looks back at most half a piece.
    static func appendCapped(_ r: Range<Int>, _ tokens: [Token], _ text: [UInt8], to out: inout [Range<Int>]) {
        var start = r.lowerBound
        while r.upperBound - start > maxTokens {
            let limit = start + maxTokens
            var cut = limit
            var afterComma: Int?
            var k = limit - 1
            while k > start + maxTokens / 2 {
                if tokens[k].flags.contains(.lineStart) {
                    afterComma = nil
                    cut = k
                    break
                }
                let p = tokens[k - 1]
                if afterComma == nil && p.kind == .punct && p.length == 1 && text[Int(p.start)] == 0x2C { afterComma = k }
                k -= 1
            }
            if let afterComma { cut = afterComma }
            out.append(start..<cut)
            start = cut
        }
        out.append(start..<r.upperBound)
    }

    static func periodEndsSentence(at p: Int, sentenceStart: Int, _ tokens: [Token], _ text: [UInt8], _ lexicon: CompiledLexicon)
        -> Bool
    {
        let next = p + 1
        if next < tokens.count {
            let nt = tokens[next]
            if !nt.flags.contains(.spaceBefore) && nt.kind != .punct {
                // "e.g", "U.S", "2.5" go on; a PDF's glued sentences ("hypotension.A 12mm focus",
                // "seen on SWI.No leptomeningeal") end: a word of three or more letters (not an
                // abbreviation), the period, then a capitalised word.
                guard p > sentenceStart, nt.kind == .word, nt.flags.contains(.capitalised) || nt.flags.contains(.allCaps)
                else { return false }
                let prev = tokens[p - 1]
                return prev.kind == .word && prev.length >= 3 && !(prev.id >= 0 && lexicon.abbreviationIDs.contains(prev.id))
            }
        }
        guard p > sentenceStart else { return false }
        let prev = tokens[p - 1]
        if prev.kind == .word {
            if prev.length == 1 { return false }  // initials, e.g.
            if prev.id >= 0 && lexicon.abbreviationIDs.contains(prev.id) { return false }
        }
        // A list marker: "1." at the start of a sentence or line.
        if prev.kind == .number && prev.length <= 2 && (p - 1 == sentenceStart || prev.flags.contains(.lineStart)) {
            return false
        }
        return true
    }

    static func lineBreakEndsSentence(at k: Int, previousLineStart: Int, _ tokens: [Token], _ text: [UInt8]) -> Bool {
        let t = tokens[k]
        let first = text[Int(t.start)]
        // List items: "1." "2)" "-" "*" "•".
        if t.kind == .number, k + 1 < tokens.count, tokens[k + 1].kind == .punct {
            let b = text[Int(tokens[k + 1].start)]
            if b == 0x2E || b == 0x29 { return true }
        }
        if t.kind == .punct && (first == 0x2D || first == 0x2A || first == 0xE2 || first == 0x3E) { return true }
        // "Label: ..." lines (structured reports).
        if t.kind == .word {
            var j = k + 1
            while j < min(k + 5, tokens.count) && !tokens[j].flags.contains(.lineStart) {
                if tokens[j].kind == .punct {
                    if text[Int(tokens[j].start)] == 0x3A { return true }
                    if text[Int(tokens[j].start)] != 0x2F && text[Int(tokens[j].start)] != 0x2D { break }
                }
                j += 1
            }
        }
        let prev = tokens[k - 1]
        if prev.kind == .punct && text[Int(prev.start)] == 0x3A { return true }
        if t.kind == .word && ASCII.isLower(first) { return false }
        let lineLength = Int(prev.end - tokens[previousLineStart].start)
        return lineLength < shortLine
    }
}
