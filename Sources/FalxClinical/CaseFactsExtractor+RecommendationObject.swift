import FalxText

extension CaseFactsExtractor {
    /// The mentions with denials that belong to a recommendation given back to what they deny not:
    /// "No further imaging is required for the incidental falcine calcification" denies the
    /// imaging, not the calcification. A finding is freed when its one denial comes before it, a
    /// recommendation mention ("imaging", "follow-up", "MRI") lies between the denial and the
    /// finding, and "for" stands between that recommendation and the finding. ("No MRI evidence of
    /// thrombosis" has no "for" and stays denied.)
    ///
    /// - Complexity: O(m · r) for m mentions and r recommendation mentions of the same sentence;
    ///   nothing when the report has no denied finding.
    static func freeingObjectsOfRecommendations(_ doc: Document, _ mentions: [Mention]) -> [Mention] {
        guard mentions.contains(where: { $0.assertion == .negated }) else { return mentions }
        var out = mentions
        for i in out.indices where out[i].assertion == .negated {
            let m = out[i]
            guard !m.concept.hasPrefix(ClinicalVocabulary.recommendationPrefix) else { continue }
            let denials = m.triggers.filter { $0.category == .negated }
            guard denials.count == 1, let cue = denials.first, cue.tokens.upperBound <= m.tokens.lowerBound else {
                continue
            }
            let owned = mentions.contains { r in
                r.sentence == m.sentence && r.concept.hasPrefix(ClinicalVocabulary.recommendationPrefix)
                    && r.tokens.lowerBound >= cue.tokens.lowerBound && r.tokens.upperBound <= m.tokens.lowerBound
                    && (r.tokens.upperBound..<m.tokens.lowerBound).contains { doc.token($0, is: "for") }
            }
            guard owned else { continue }
            out[i].triggers.removeAll { $0.category == .negated }
            out[i].assertion = out[i].triggers.contains { $0.category == .uncertain } ? .uncertain : .affirmed
        }
        return out
    }
}
