import FalxCore
import FalxText

extension CaseFactsExtractor {
    /// Words that keep a list together between two mentions: "headache, vomiting and confusion,
    /// now resolved".
    static let listJoiners: [StaticString] = ["and", "or", "nor", "also"]

    /// The mentions with each resolution told after them ("…, now resolved", "has settled") kept
    /// to what it is said of: the nearest mention before it and the mentions listed with that one
    /// (nothing but commas, slashes and "and" / "or" between them). A mention further back, with
    /// other words between ("s/p renal transplant 2019, headaches now resolved"), is not resolved
    /// by it and keeps the reading it had without that cue.
    ///
    /// - Complexity: O(m log m + t) for the m mentions and t tokens of the sentences that hold such a
    ///   resolution; nothing for the others.
    static func scopingResolutions(_ doc: Document, _ mentions: [Mention]) -> [Mention] {
        var out = mentions
        var done: Set<Range<Int>> = []
        for (i, m) in mentions.enumerated() where m.assertion == .negated {
            guard let cue = soleBackwardResolution(m) else { continue }
            // A seizure is an event: the patient is back to baseline after it, the seizure happened.
            if m.concept == Symptom.seizure.rawValue && returnWords.contains(where: { cue.phrase.lowercased().contains($0) }) {
                out[i].triggers.removeAll { $0.category == .negated }
                out[i].assertion = out[i].triggers.contains { $0.category == .uncertain } ? .uncertain : .affirmed
                continue
            }
            guard done.insert(cue.tokens).inserted else { continue }
            // The mentions of the cue's sentence before it, nearest first (one per start).
            let before = out.indices.filter { i in
                out[i].sentence == m.sentence && out[i].tokens.upperBound <= cue.tokens.lowerBound
                    && !out[i].concept.hasPrefix(ClinicalVocabulary.recommendationPrefix)
            }.sorted { out[$0].tokens.lowerBound > out[$1].tokens.lowerBound }
            guard let nearest = before.first else { continue }
            var reach = out[nearest].tokens.lowerBound
            let kind = listKind(out[nearest])
            for i in before.dropFirst() {
                if listKind(out[i]) == kind
                    && (out[i].tokens.upperBound >= reach || onlyListBetween(doc, out[i].tokens.upperBound, reach))
                {
                    reach = min(reach, out[i].tokens.lowerBound)
                    continue
                }
                // Outside the list: the cue is not about it.
                if let c = soleBackwardResolution(out[i]), c.tokens == cue.tokens {
                    out[i].triggers.removeAll { $0.category == .negated }
                    out[i].assertion = out[i].triggers.contains { $0.category == .uncertain } ? .uncertain : .affirmed
                }
            }
        }
        return out
    }

    /// Words of a return to the earlier state ("now back to baseline"): they resolve a state, not an event.
    static let returnWords = ["back to", "returned to"]

    /// The mention's one negation cue when it is a resolution told after the mention.
    static func soleBackwardResolution(_ m: Mention) -> Trigger? {
        let denials = m.triggers.filter { $0.category == .negated }
        guard denials.count == 1, let cue = denials.first, cue.tokens.lowerBound >= m.tokens.upperBound,
            statesResolution(cue.phrase)
        else { return nil }
        return cue
    }

    /// What a mention is, for lists: a symptom, renal disease, or a finding. A resolution reaches
    /// back through a list of one kind only ("CKD, headaches now resolved" resolves the headaches).
    static func listKind(_ m: Mention) -> Int {
        if m.concept == ClinicalVocabulary.renalDisease { return 1 }
        return symptomConcepts.contains(m.concept) ? 2 : 0
    }

    /// Whether the tokens `from..<to` are the rest of a list: commas, slashes, list words and at
    /// most eight tokens of other items ("headache, vomiting and confusion"), no number among them.
    static func onlyListBetween(_ doc: Document, _ from: Int, _ to: Int) -> Bool {
        guard to - from <= 8 else { return false }
        var joined = false
        for k in from..<to {
            let t = doc.tokens[k]
            if t.kind == .number { return false }
            if t.kind == .punct {
                let b = doc.text[Int(t.start)]
                guard b == 0x2C || b == 0x2F else { return false }
                joined = true
            } else if doc.token(k, isAnyOf: listJoiners) {
                joined = true
            }
        }
        return joined
    }
}
