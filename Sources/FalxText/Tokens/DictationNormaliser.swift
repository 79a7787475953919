/// Turns spoken punctuation left in speech-recognition output ("no bleed period", "history
/// colon", "new paragraph") into the punctuation it stands for, without changing any byte offset.
///
/// The spoken words come from the lexicon (``SpokenPunctuation``, its `spoken` lines). It acts only
/// on text that looks dictated: the words of a spoken full stop ("period", "full stop") stand alone
/// at least twice and outnumber real full stops. Each spoken word is replaced by its mark followed
/// by spaces of the same length, so token offsets still index the original report.
public enum DictationNormaliser {
    /// The text with spoken punctuation replaced, or the text unchanged when it is not dictated.
    ///
    /// - Complexity: O(n).
    public static func normalise(_ text: [UInt8], spoken: SpokenPunctuation) -> [UInt8] {
        guard looksDictated(text, spoken: spoken) else { return text }
        var out = text
        var i = 0
        while i < out.count {
            guard isWordStart(out, i) else { i += 1; continue }
            var replaced = false
            for r in spoken.replacements where matches(out, i, r.words) {
                let end = i + r.words.count
                for k in i..<end { out[k] = 0x20 }
                for (k, b) in r.mark.enumerated() { out[i + k] = b }
                i = end
                replaced = true
                break
            }
            if !replaced { i += 1 }
        }
        return out
    }

    static func looksDictated(_ text: [UInt8], spoken punctuation: SpokenPunctuation) -> Bool {
        let stopWords = punctuation.stopWords
        guard !stopWords.isEmpty else { return false }
        var spoken = 0
        var stops = 0
        func spokenAt(_ i: Int) -> Bool {
            isWordStart(text, i) && stopWords.contains { matches(text, i, $0) }
        }
        // The first bytes of the spoken full stops (lower case letters, checked by the lexicon).
        let firsts = stopFirstBytes(stopWords)
        let moreFirsts = !firsts.others.isEmpty
        text.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            // Eight bytes at a time: full stops are counted with a byte-equality mask; only a byte
            // that starts a spoken full stop (either case) is looked at further.
            while i + 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                stops += (bytesEqual(v, 0x2E)).nonzeroBitCount
                let lower = v | 0x2020_2020_2020_2020
                var candidates = bytesEqual(lower, firsts.0) | bytesEqual(lower, firsts.1)
                if moreFirsts { for b in firsts.others { candidates |= bytesEqual(lower, b) } }
                while candidates != 0 {
                    let k = candidates.trailingZeroBitCount / 8
                    if spokenAt(i + k) { spoken += 1 }
                    candidates &= candidates - 1
                }
                i += 8
            }
            while i < n {
                let b = raw[i]
                if b == 0x2E {
                    stops += 1
                } else if b | 0x20 == firsts.0 || b | 0x20 == firsts.1 || (moreFirsts && firsts.others.contains(b | 0x20)),
                    spokenAt(i)
                {
                    spoken += 1
                }
                i += 1
            }
        }
        return spoken >= 2 && spoken > stops
    }

    /// The distinct first bytes of `words`: two in a pair (the second repeating the first when
    /// there is one), any more in `others`, so the common case tests two constants per block.
    static func stopFirstBytes(_ words: [[UInt8]]) -> (UInt8, UInt8, others: [UInt8]) {
        var distinct: [UInt8] = []
        for w in words where !distinct.contains(w[0]) { distinct.append(w[0]) }
        return (distinct[0], distinct.count > 1 ? distinct[1] : distinct[0], Array(distinct.dropFirst(2)))
    }

    /// The high bit of each byte of `v` that equals `byte`, and no other bit.
    @inline(__always) static func bytesEqual(_ v: UInt64, _ byte: UInt8) -> UInt64 {
        let x = v ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    static func isWordStart(_ t: [UInt8], _ i: Int) -> Bool {
        i == 0 || !Tokenizer.isWordByte(t[i - 1])
    }

    /// Case-insensitive whole-word match of `words` at `i`.
    static func matches(_ t: [UInt8], _ i: Int, _ words: [UInt8]) -> Bool {
        guard i + words.count <= t.count else { return false }
        for (k, w) in words.enumerated() where ASCII.lower(t[i + k]) != w { return false }
        let end = i + words.count
        return end == t.count || !Tokenizer.isWordByte(t[end])
    }
}

/// The spoken punctuation of a lexicon (its `spoken` lines), compiled for ``DictationNormaliser``.
public struct SpokenPunctuation: Sendable {
    /// Spoken words and the mark each stands for, in lexicon order (the first that matches at a word wins).
    let replacements: [(words: [UInt8], mark: [UInt8])]
    /// The spoken full stops, which tell dictated text from written text.
    let stopWords: [[UInt8]]

    /// The spoken punctuation of `entries`; none (no text is dictated) when they are empty.
    public init(_ entries: [Lexicon.SpokenPunctuationEntry]) {
        replacements = entries.map { (Array($0.words.joined(separator: " ").utf8), $0.mark.bytes) }
        stopWords = entries.filter { $0.mark == .stop }.map { Array($0.words.joined(separator: " ").utf8) }
    }
}
