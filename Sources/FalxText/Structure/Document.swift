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

    /// The folded text of one token.
    public func word(_ k: Int) -> String {
        Array(text[tokens[k].range]).map(ASCII.lower).utf8String
    }

    /// The sentence's text with runs of white space collapsed to one space.
    public func collapsedText(ofSentence s: Int) -> String {
        let r = byteRange(sentences[s].tokens)
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var space = false
        for b in text[r] {
            if ASCII.isSpace(b) { space = true; continue }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
        return out.utf8String
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
        let text = DictationNormaliser.normalise(original)
        var tokens = Tokenizer.tokens(of: text)
        lexicon.annotate(&tokens, in: text)
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
