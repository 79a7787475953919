import FalxText

extension CaseFactsExtractor {
    /// Words that open a sentence about the sentence before it: "*It* belonged to a different
    /// patient's study", "*That phrase* was dictated in error".
    static let withdrawalOpeners: [StaticString] = ["it", "this", "that", "these", "those"]
    /// Phrases that say the words referred to are another patient's: what they name is unsaid.
    static let otherPatientPhrases: [[StaticString]] = [
        ["different", "patient"], ["another", "patient"], ["other", "patient"], ["wrong", "patient"],
        ["does", "not", "apply"], ["do", "not", "apply"],
    ]
    /// Phrases that withdraw the words referred to as written in error: what they name is denied,
    /// as a correction in the same sentence is ("… was dictated into this report in error").
    static let errorPhrases: [[StaticString]] = [
        ["in", "error"], ["disregard"], ["disregarded"], ["retracted"], ["withdrawn"], ["erroneous"], ["erroneously"],
    ]

    /// What a sentence opening with a pronoun says of the words the sentence before it quotes:
    /// nil when it says neither.
    enum QuoteWithdrawal { case otherPatient, error }

    static func withdrawal(ofPreviousQuote s: Int, _ doc: Document) -> QuoteWithdrawal? {
        let range = doc.sentences[s].tokens
        var k = range.lowerBound
        while k < range.upperBound && doc.tokens[k].kind == .punct { k += 1 }
        guard k < range.upperBound, doc.token(k, isAnyOf: withdrawalOpeners) else { return nil }
        func has(_ phrases: [[StaticString]]) -> Bool {
            range.contains { i in
                phrases.contains { p in p.indices.allSatisfy { i + $0 < range.upperBound && doc.token(i + $0, is: p[$0]) } }
            }
        }
        if has(otherPatientPhrases) { return .otherPatient }
        if has(errorPhrases) { return .error }
        return nil
    }

    /// Whether the token range `r` of sentence `s` lies between quotation marks (straight or curly)
    /// of that sentence.
    static func isQuoted(_ r: Range<Int>, in s: Int, _ doc: Document) -> Bool {
        let sentence = doc.byteRange(doc.sentences[s].tokens)
        let mention = doc.byteRange(r)
        func quoteMark(_ i: Int, closing: Bool) -> Bool {
            let b = doc.text[i]
            if b == 0x22 { return true }
            // U+201C and U+201D: E2 80 9C / E2 80 9D.
            return b == 0xE2 && i + 2 < doc.text.count && doc.text[i + 1] == 0x80
                && doc.text[i + 2] == (closing ? 0x9D : 0x9C)
        }
        let opened = (sentence.lowerBound..<mention.lowerBound).contains { quoteMark($0, closing: false) }
        let closed = (mention.upperBound..<sentence.upperBound).contains { quoteMark($0, closing: true) }
        return opened && closed
    }

    /// The mentions with the quoted words of each sentence that the next sentence withdraws: "a
    /// paragraph describing "dense calcification of the falx" appeared in the preliminary version.
    /// It belonged to a different patient's study." unsays them; "The earlier version stated
    /// "calcification of the tentorium". That phrase was dictated in error." denies them. Words
    /// outside the quotation marks, and quotes no sentence withdraws, keep their reading.
    ///
    /// - Complexity: O(t) for t tokens (one look at each sentence's first word); sentences that
    ///   open with a pronoun are searched for the phrases.
    static func withdrawingQuotes(_ doc: Document, _ mentions: [Mention]) -> [Mention] {
        guard !mentions.isEmpty, doc.sentences.count > 1 else { return mentions }
        var withdrawn: [Int: QuoteWithdrawal] = [:]
        for s in 1..<doc.sentences.count {
            if let w = withdrawal(ofPreviousQuote: s, doc), mentions.contains(where: { $0.sentence == s - 1 }) {
                withdrawn[s - 1] = w
            }
        }
        guard !withdrawn.isEmpty else { return mentions }
        var out: [Mention] = []
        out.reserveCapacity(mentions.count)
        for var m in mentions {
            guard let w = withdrawn[m.sentence], !m.concept.hasPrefix(ClinicalVocabulary.recommendationPrefix),
                isQuoted(m.tokens, in: m.sentence, doc)
            else {
                out.append(m)
                continue
            }
            let next = doc.sentences[m.sentence + 1].tokens
            switch w {
            case .otherPatient: continue
            case .error:
                m.assertion = .negated
                m.hypothetical = false
                m.ignored = false
                m.triggers.append(Trigger(category: .negated, phrase: doc.string(next), tokens: next))
            }
            out.append(m)
        }
        return out
    }
}
