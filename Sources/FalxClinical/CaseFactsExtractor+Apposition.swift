import FalxText

extension CaseFactsExtractor {
    /// The blocker class of the dural calcification rule (its bit; zero when the lexicon has none).
    static func blockerBit(_ lexicon: CompiledLexicon) -> UInt64 {
        let block = lexicon.source.nearRules.first { $0.concept == ClinicalVocabulary.duralCalcification }?.blockClass
        return block.map { lexicon.classBit($0) } ?? 0
    }

    /// Words that open an apposition saying what a finding is. Kept here rather than as a lexicon
    /// class: a class word between a site and a comma would change how far proximity rules walk.
    static let appositionPhrases: [[StaticString]] = [
        ["representing"], ["represents"], ["represent"], ["reflecting"], ["consistent", "with"],
        ["in", "keeping", "with"], ["compatible", "with"], ["typical", "of"], ["characteristic", "of"],
        ["diagnostic", "of"],
    ]

    /// Where appositions in a sentence name a calcification as something that is not dura: an
    /// apposition ("representing", "consistent with") or a colon, then within four plain words a
    /// blocker ("thin calcified membranes over the convexity, representing a calcified chronic
    /// subdural collection"; "calcification over both convexities ...: calcified chronic subdural
    /// haematomas"). A denial or punctuation between them ("consistent with calcification, no
    /// mass") breaks it. Returns the first tokens of those appositions, ascending.
    ///
    /// - Complexity: O(t) for t tokens of the sentence; run only on sentences with a dural
    ///   calcification mention.
    static func appositionStarts(_ doc: Document, _ range: Range<Int>, _ lexicon: CompiledLexicon, blocker: UInt64)
        -> Owners
    {
        var owners = Owners()
        guard blocker != 0 else { return owners }
        var blockers: [Int] = []
        for m in lexicon.classMatchBits(doc.tokens, in: range) where m.classes & blocker != 0 {
            blockers.append(m.range.lowerBound)
            owners.blockerEnds.append(m.range.upperBound)
        }
        guard !blockers.isEmpty else { return owners }
        var starts: [Int] = []
        var k = range.lowerBound
        while k < range.upperBound {
            var end = -1
            if doc.tokens[k].kind == .punct {
                if doc.text[Int(doc.tokens[k].start)] == 0x3A { end = k + 1 }
            } else {
                for p in appositionPhrases where k + p.count <= range.upperBound {
                    if p.indices.allSatisfy({ doc.token(k + $0, is: p[$0]) }) { end = k + p.count; break }
                }
            }
            if end > 0, let b = blockers.first(where: { $0 >= end && $0 <= end + 4 }),
                (end..<b).allSatisfy({
                    doc.tokens[$0].kind != .punct && !doc.token($0, isAnyOf: ["no", "not", "without", "nor"])
                })
            {
                starts.append(k)
            }
            k += 1
        }
        owners.appositions = starts
        return owners
    }

    /// What in a sentence can own a calcification: appositions that name a blocker (their first
    /// tokens) and the ends of blocker words.
    struct Owners {
        var appositions: [Int] = []
        var blockerEnds: [Int] = []
    }

    /// Whether an apposition after the mention, in its clause (no ";" between), names the
    /// calcification as something else.
    /// Or a blocker right before the calcification word that opens the mention owns it
    /// ("atherosclerotic plaques near the falx", "T2 hyperintense plaques abutting the falx"; not
    /// "falx and pineal calcification", whose site comes first).
    static func namedAsSomethingElse(_ m: Mention, _ owners: Owners, _ doc: Document) -> Bool {
        if m.tokens.lowerBound == m.anchor.lowerBound && owners.blockerEnds.contains(m.anchor.lowerBound) { return true }
        guard let s = owners.appositions.first(where: { $0 >= m.tokens.upperBound }) else { return false }
        return !(m.tokens.upperBound..<s).contains {
            doc.tokens[$0].kind == .punct && doc.text[Int(doc.tokens[$0].start)] == 0x3B
        }
    }
}

extension CaseFactsExtractor {
    /// Whether a denial in the clinical question is the findings of a one-line report: the
    /// history label's section runs on one line ("Hx: 30M, seizure. Negative for acute haemorrhage,
    /// mass or dural calcification. Imp: ..."), and the denial opens a later sentence of it (its cue
    /// within the sentence's first three tokens, not "no history of" / "no known").
    static func findingsInInlineHistory(_ m: Mention, _ doc: Document, _ inline: inout [Int: Bool]) -> Bool {
        guard !m.historical else { return false }
        let sentence = doc.sentences[m.sentence]
        let section = doc.sections[sentence.section]
        guard sentence.tokens.lowerBound > section.body.lowerBound,
            let cue = m.triggers.first(where: { $0.category == .negated }),
            cue.tokens.lowerBound < sentence.tokens.lowerBound + 3
        else { return false }
        let phrase = cue.phrase.lowercased()
        if phrase.contains("known") || phrase.contains("history") { return false }
        if let known = inline[sentence.section] { return known }
        let oneLine = !section.body.dropFirst().contains { doc.tokens[$0].flags.contains(.lineStart) }
        inline[sentence.section] = oneLine
        return oneLine
    }
}
