import FalxText

extension CaseFactsExtractor {
    /// Words that open a sentence denying what the sentence before it named, as case reports and
    /// teaching files write after a general remark ("Pachymeningeal thickening may coexist, and in
    /// some series venous sinus thrombosis was a complication. Neither was seen in our patient.").
    static let backReferenceOpeners: [StaticString] = ["neither", "none"]
    /// Words allowed between the opener and the verb: "none of these findings", "neither feature".
    static let backReferenceFillers: [StaticString] = [
        "of", "these", "them", "those", "the", "two", "feature", "features", "finding", "findings", "sign", "signs",
        "complication", "complications", "abnormality", "abnormalities",
    ]
    static let backReferenceBe: [StaticString] = ["was", "were", "is", "are", "has", "have", "been", "ever"]
    static let backReferenceSeen: [StaticString] = [
        "seen", "present", "identified", "found", "demonstrated", "evident", "shown", "detected", "noted", "observed",
        "apparent",
    ]

    /// Whether sentence `s` is only a denial of what the sentence before it named: "Neither was
    /// seen in our patient.", "None of these findings is present here." — an opener, fillers, a
    /// form of "be" and a word of finding, then at most six words of place ("in our patient", "on
    /// this study") and no mention of its own.
    ///
    /// - Complexity: O(t) for the sentence's t tokens.
    static func deniesPreviousSentence(_ doc: Document, _ s: Int) -> Bool {
        let range = doc.sentences[s].tokens
        var k = range.lowerBound
        func skipPunct() { while k < range.upperBound && doc.tokens[k].kind == .punct { k += 1 } }
        skipPunct()
        guard k < range.upperBound, doc.token(k, isAnyOf: backReferenceOpeners) else { return false }
        k += 1
        var fillers = 0
        while k < range.upperBound, fillers < 4, doc.token(k, isAnyOf: backReferenceFillers) { k += 1; fillers += 1 }
        var verbs = 0
        while k < range.upperBound, verbs < 3, doc.token(k, isAnyOf: backReferenceBe) { k += 1; verbs += 1 }
        guard verbs > 0, k < range.upperBound, doc.token(k, isAnyOf: backReferenceSeen) else { return false }
        k += 1
        var rest = 0
        while k < range.upperBound {
            if doc.tokens[k].kind != .punct { rest += 1 }
            k += 1
        }
        return rest <= 6
    }

    /// The mentions with those of each sentence that a back-reference denial follows (see
    /// ``deniesPreviousSentence(_:_:)``) denied, in the same section: the general remark they were
    /// named in is answered for this patient. Findings and symptoms only; recommendations are left.
    static func applyingBackReferenceDenials(_ doc: Document, _ mentions: [Mention]) -> [Mention] {
        guard !mentions.isEmpty, doc.sentences.count > 1 else { return mentions }
        var denied: Set<Int> = []
        for s in 1..<doc.sentences.count where deniesPreviousSentence(doc, s) {
            if !mentions.contains(where: { $0.sentence == s }) { denied.insert(s - 1) }
        }
        guard !denied.isEmpty else { return mentions }
        var out = mentions
        for i in out.indices where denied.contains(out[i].sentence) {
            let s = out[i].sentence
            guard !out[i].concept.hasPrefix(ClinicalVocabulary.recommendationPrefix),
                doc.sentences[s].section == doc.sentences[s + 1].section
            else { continue }
            let range = doc.sentences[s + 1].tokens
            out[i].assertion = .negated
            out[i].hypothetical = false
            out[i].ignored = false
            out[i].triggers.append(Trigger(category: .negated, phrase: doc.string(range), tokens: range))
        }
        return out
    }
}
