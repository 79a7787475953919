/// A report analysed by the text engine: its bytes, tokens, sections and sentences.
public struct Document: Sendable {
    /// The report's bytes as analysed: the original, with spoken punctuation of dictated text
    /// replaced in place (offsets are the original's).
    public let text: [UInt8]
    public let tokens: [Token]
    public let sections: [Section]
    public let sentences: [Sentence]

    /// The text of a token range (for output and explanations, not the hot path).
    public func string(_ tokens: Range<Int>) -> String {
        guard !tokens.isEmpty else { return "" }
        return Array(text[byteRange(tokens)]).utf8String
    }

    /// The byte range a token range covers.
    public func byteRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { return 0..<0 }
        return Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end)
    }

    /// The index of the sentence holding token `k`, or nil when none does (a header's tokens).
    ///
    /// - Complexity: O(log n) in the sentences.
    public func sentenceIndex(containing k: Int) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].tokens.upperBound <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].tokens.contains(k) ? lo : nil
    }

    /// The folded text of one token.
    public func word(_ k: Int) -> String {
        Array(text[tokens[k].range]).map(ASCII.lower).utf8String
    }

    /// The sentence's text with runs of white space collapsed to one space.
    public func collapsedText(ofSentence s: Int) -> String {
        var out: [UInt8] = []
        appendCollapsedText(ofSentence: s, to: &out)
        return out.utf8String
    }

    /// Appends the sentence's text, runs of white space collapsed to one space, to `out` (which
    /// may hold other text before it: the first space of the sentence is never written).
    public func appendCollapsedText(ofSentence s: Int, to out: inout [UInt8]) {
        let r = byteRange(sentences[s].tokens)
        out.reserveCapacity(out.count + r.count)
        text.withUnsafeBufferPointer { t in
            // Runs of non-space bytes are copied whole, one space between them.
            var i = r.lowerBound
            var first = true
            while i < r.upperBound {
                if ASCII.isSpace(t[i]) {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < r.upperBound && !ASCII.isSpace(t[j]) { j += 1 }
                if !first { out.append(0x20) }
                first = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i..<j]))
                i = j
            }
        }
    }
}

/// The lexical engine: tokenizer → lexicon ids → sections → sentences.
public struct TextEngine: Sendable {
    public let lexicon: CompiledLexicon

    public init(lexicon: CompiledLexicon) { self.lexicon = lexicon }

    /// Analyses one report.
    ///
    /// - Complexity: O(n) in the report's bytes.
    public func analyze(_ original: [UInt8]) -> Document {
        let text = DictationNormaliser.normalise(original, spoken: lexicon.spokenPunctuation)
        var tokens = Tokenizer.tokens(of: text)
        lexicon.annotate(&tokens, in: text)
        lexicon.joinHyphenated(&tokens, in: text)
        lexicon.splitGlued(&tokens, in: text)
        return structure(text, tokens)
    }

    /// The last step of ``analyze(_:)``: the sections and sentences of a normalised text whose
    /// tokens carry their lexicon ids (a stage of its own for the stage profile, `falx bench`).
    public func structure(_ text: [UInt8], _ tokens: [Token]) -> Document {
        let sections = Sectionizer.sections(tokens, text: text, lexicon: lexicon)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tokens.count / 12 + 1)
        for (index, section) in sections.enumerated() {
            for r in SentenceSplitter.sentences(tokens, in: section.body, text: text, lexicon: lexicon) {
                sentences.append(Sentence(tokens: r, section: index))
            }
        }
        return Document(text: text, tokens: tokens, sections: sections, sentences: sentences)
    }
}

extension Document {
    /// Whether token `k`, folded, is exactly `word` (lower-case); false for `k` out of range.
    /// Compares bytes: no `String` is built.
    @inline(__always) public func token(_ k: Int, is word: StaticString) -> Bool {
        guard k >= 0 && k < tokens.count else { return false }
        let t = tokens[k]
        let n = word.utf8CodeUnitCount
        guard t.length == n else { return false }
        let p = word.utf8Start
        let s = Int(t.start)
        for i in 0..<n where ASCII.lower(text[s + i]) != p[i] { return false }
        return true
    }

    /// Whether token `k`, folded, is one of `words` (lower-case).
    @inline(__always) public func token(_ k: Int, isAnyOf words: [StaticString]) -> Bool {
        guard k >= 0 && k < tokens.count else { return false }
        for w in words where token(k, is: w) { return true }
        return false
    }

    /// Whether the text's bytes `range`, folded, end with `suffix` (lower-case).
    @inline(__always) public func hasSuffix(_ range: Range<Int>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard range.count >= n else { return false }
        let p = suffix.utf8Start
        let s = range.upperBound - n
        for i in 0..<n where ASCII.lower(text[s + i]) != p[i] { return false }
        return true
    }

    /// The value of bytes `range` of the text when they are 1–18 ASCII digits.
    public func integer(bytes range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var v = 0
        for i in range {
            let b = text[i]
            guard ASCII.isDigit(b) else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    /// The value of token `k` when it is 1–18 ASCII digits.
    public func integer(_ k: Int) -> Int? {
        guard k >= 0 && k < tokens.count else { return nil }
        return integer(bytes: tokens[k].range)
    }
}
