import FalxText

extension CaseFactsExtractor {
    /// Words that set one site against another inside a calcification's mention: "lies along the
    /// posterior falx, not the tentorium"; "calcification of the petroclinoid ligament rather than
    /// the tentorium". What they deny is the site after them, not the calcification.
    static let siteContrasts: [[StaticString]] = [
        ["not"], ["rather", "than"], ["instead", "of"], ["and", "not"], ["but", "not"],
    ]

    /// The site class of the dural calcification rule (its bit; zero when the lexicon has none).
    static func siteBit(_ lexicon: CompiledLexicon) -> UInt64 {
        let site = lexicon.source.nearRules.first { $0.concept == ClinicalVocabulary.duralCalcification }?.siteClass
        return site.map { lexicon.classBit($0) } ?? 0
    }

    /// A denied calcification mention whose only denial sets its sites against each other (a
    /// contrast word after the anchor and after a site, inside the mention): the same mention
    /// affirmed, with the sites before the contrast only. Nil for any other mention.
    ///
    /// - Complexity: O(t) for the mention's t tokens; only denied calcification mentions are read.
    static func contrastingSites(_ m: Mention, _ doc: Document, _ lexicon: CompiledLexicon, siteBit: UInt64)
        -> Mention?
    {
        guard m.concept == ClinicalVocabulary.duralCalcification, m.assertion == .negated, siteBit != 0 else {
            return nil
        }
        let denials = m.triggers.filter { $0.category == .negated }
        guard denials.count == 1, let cue = denials.first,
            cue.tokens.lowerBound > m.anchor.upperBound, cue.tokens.upperBound < m.tokens.upperBound,
            siteContrasts.contains(where: { p in
                p.count == cue.tokens.count && p.indices.allSatisfy { doc.token(cue.tokens.lowerBound + $0, is: p[$0]) }
            })
        else { return nil }
        let sites = lexicon.classAttributes(doc.tokens, in: m.tokens, class: siteBit)
        let kept = sites.filter { $0.range.upperBound <= cue.tokens.lowerBound }
        guard !kept.isEmpty else { return nil }
        var out = m
        out.assertion = .affirmed
        out.triggers.removeAll { $0.category == .negated }
        var attributes: [String] = []
        for s in kept { for a in s.attributes where !attributes.contains(a) { attributes.append(a) } }
        let dropped = Set(sites.filter { $0.range.lowerBound >= cue.tokens.upperBound }.flatMap(\.attributes))
        out.attributes = attributes + m.attributes.filter { !dropped.contains($0) && !attributes.contains($0) }
        return out
    }
}
