extension CompiledLexicon {
    /// Joins `word-word` written with a hyphen into one token when the word without the hyphen is a
    /// lexicon word and at least one half is not ("peri-ventricular", "hypo-densities",
    /// "leuko-araiosis", "sub-cortical"): writers hyphenate prefixes that the lexicon spells closed.
    /// Pairs the lexicon knows as two words ("small-vessel", "extra-axial") are left as they are.
    ///
    /// The joined token spans the three tokens' bytes, so offsets stay those of the text.
    /// - Complexity: O(n); a vocabulary lookup only at a hyphen between two words.
    public func joinHyphenated(_ tokens: inout [Token], in text: [UInt8]) {
        guard tokens.count >= 3 else { return }
        text.withUnsafeBufferPointer { buf in
            // No hyphen in the text, nothing to join: one byte scan instead of a pass over the tokens.
            guard buf.contains(0x2D) else { return }
            // Most reports join nothing: find the first join before writing any token.
            var k = 1
            var first: Token?
            tokens.withUnsafeBufferPointer { toks in
                while k + 1 < toks.count {
                    if toks[k].kind == .punct, toks[k].length == 1, buf[Int(toks[k].start)] == 0x2D,
                        let j = joined(toks[k - 1], toks[k], toks[k + 1], buf)
                    {
                        first = j
                        return
                    }
                    k += 1
                }
            }
            guard let first else { return }
            var out = k - 1
            tokens[out] = first
            out += 1
            k += 2
            while k < tokens.count {
                if k + 2 < tokens.count, tokens[k + 1].kind == .punct,
                    let joined = joined(tokens[k], tokens[k + 1], tokens[k + 2], buf)
                {
                    tokens[out] = joined
                    out += 1
                    k += 3
                    continue
                }
                tokens[out] = tokens[k]
                out += 1
                k += 1
            }
            tokens.removeLast(tokens.count - out)
        }
    }

    /// The one token `a-b` stands for, or nil.
    private func joined(_ a: Token, _ hyphen: Token, _ b: Token, _ buf: UnsafeBufferPointer<UInt8>) -> Token? {
        guard a.kind == .word, b.kind == .word, hyphen.kind == .punct, hyphen.length == 1,
            buf[Int(hyphen.start)] == 0x2D, hyphen.end == b.start, a.end == hyphen.start,
            a.id < 0 || b.id < 0, a.length + b.length < 64
        else { return nil }
        let range = Int(a.start)..<Int(b.end)
        let skip = Int(hyphen.start)
        var h = Vocabulary.hashSeed
        var wildcard: Int32 = -1
        for i in range where i != skip {
            h = Vocabulary.hashStep(h, buf[i])
            let length = i - range.lowerBound + (i > skip ? 0 : 1)
            if length < 64, prefixLengthMask & (1 << UInt64(length)) != 0,
                let v = prefixes.value(in: buf, range: range.lowerBound..<(i + 1), skipping: skip, hash: h)
            {
                wildcard = v
            }
        }
        guard let id = vocabulary.value(in: buf, range: range, skipping: skip, hash: h) else { return nil }
        var t = Token(start: range.lowerBound, end: range.upperBound, kind: .word, flags: a.flags)
        t.id = id
        t.wildcard = wildcard
        return t
    }
}
