import FalxText

extension CaseFactsExtractor {
    /// Words that deny a calcification word right after them: "is not calcification", "rather
    /// than calcification", "instead of calcification".
    static let denialsBeforeCalcification: [[StaticString]] = [["not"], ["rather", "than"], ["instead", "of"]]

    /// The word ids of the last words of ``denialsBeforeCalcification`` ("not", "than", "of"), or
    /// nil when the lexicon lacks one (then each token's bytes are compared).
    static func denialLastWordIDs(_ lexicon: CompiledLexicon) -> (Int32, Int32, Int32)? {
        let ids = denialsBeforeCalcification.compactMap { $0.last.flatMap { lexicon.id(of: $0.description) } }
        guard ids.count == 3 else { return nil }
        return (ids[0], ids[1], ids[2])
    }

    /// The calcification class of the dural calcification rule (its bit; zero when the lexicon has none).
    static func calcBit(_ lexicon: CompiledLexicon) -> UInt64 {
        let calc = lexicon.source.nearRules.first { $0.concept == ClinicalVocabulary.duralCalcification }?.anchorClass
        return calc.map { lexicon.classBit($0) } ?? 0
    }

    /// Denials of calcification that name the dura by describing the density first, as a
    /// correction does: "the linear density along the right tentorium is partial volume of the
    /// adjacent bone and is not calcification"; "the hyperdensity along the falx is the sinus
    /// rather than calcification". A dural site earlier in the clause (no ";" between) and a
    /// calcification word right after a denial, in a sentence with no calcification mention of its
    /// own, make a denied mention at that site.
    ///
    /// - Complexity: O(t) for t tokens (a table look-up per token); sites are looked up only in
    ///   sentences where a denial stands before a calcification word.
    func calcificationsDeniedByDescription(_ doc: Document, _ mentions: [Mention]) -> [Mention] {
        guard calcBit != 0, siteBit != 0 else { return [] }
        var out: [Mention] = []
        var k = 0
        let n = doc.tokens.count
        let lastWords = denialLastWordIDs
        while k < n - 1 {
            defer { k += 1 }
            let t = doc.tokens[k]
            // Cheap tests first: the token is the last word of a denial (its word id, when the
            // lexicon knows all three: a word spelt so always has its own id), and a calcification
            // word can start after it (one table look-up).
            if let lastWords, t.id != lastWords.0 && t.id != lastWords.1 && t.id != lastWords.2 { continue }
            guard lexicon.compiled.mayStartClass(doc.tokens[k + 1], calcBit) else { continue }
            // Else the last word of every denial is short and ends in 't', 'n' or 'f'.
            guard t.kind == .word, t.length <= 4 else { continue }
            let last = ASCII.lower(doc.text[Int(t.end) - 1])
            guard last == UInt8(ascii: "t") || last == UInt8(ascii: "n") || last == UInt8(ascii: "f"),
                let phrase = Self.denialsBeforeCalcification.first(where: { p in
                    k + 1 >= p.count && p.indices.allSatisfy { doc.token(k + 1 - p.count + $0, is: p[$0]) }
                })
            else { continue }
            let calc = k + 1
            guard
                let word = lexicon.compiled.classMatchBits(doc.tokens, in: calc..<min(calc + 2, n)).first,
                word.range.lowerBound == calc, word.classes & calcBit != 0
            else { continue }
            let s = Self.sentence(containing: k, doc)
            guard
                !mentions.contains(where: {
                    $0.sentence == s && $0.concept == ClinicalVocabulary.duralCalcification
                })
            else { continue }
            let cueStart = k + 1 - phrase.count
            var clause = doc.sentences[s].tokens.lowerBound
            for j in stride(from: cueStart - 1, through: clause, by: -1)
            where doc.tokens[j].kind == .punct && doc.text[Int(doc.tokens[j].start)] == 0x3B {
                clause = j + 1
                break
            }
            let sites = lexicon.compiled.classAttributes(doc.tokens, in: clause..<cueStart, class: siteBit)
            guard let first = sites.first else { continue }
            var attributes: [String] = []
            for site in sites { for a in site.attributes where !attributes.contains(a) { attributes.append(a) } }
            var m = Mention(
                concept: ClinicalVocabulary.duralCalcification, attributes: attributes,
                tokens: first.range.lowerBound..<word.range.upperBound, anchor: word.range, sentence: s,
                section: doc.sections[doc.sentences[s].section].kind)
            m.assertion = .negated
            m.triggers = [Trigger(category: .negated, phrase: doc.string(cueStart..<calc), tokens: cueStart..<calc)]
            out.append(m)
        }
        return out
    }
}
