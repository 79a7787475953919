import FalxText

extension CaseFactsExtractor {
    /// Resolutions that name no symptom and refer back to the last one told: "was brought in after
    /// a shaking episode ... and has had no further episodes". ("No further episodes of headache"
    /// names its symptom and is read by the lexicon.)
    static let episodeResolutions: [[StaticString]] = [
        ["no", "further", "episodes"], ["no", "further", "episode"], ["no", "further", "events"],
        ["no", "further", "attacks"], ["no", "recurrence"], ["no", "recurrences"], ["no", "further", "recurrence"],
    ]

    /// For each resolution that names no symptom, a resolved mention of the symptom told last
    /// before it (affirmed, about this patient). A phrase followed by "of" names its symptom.
    ///
    /// - Complexity: O(t + m) for t tokens and m mentions; a token is compared only when it is "no"
    ///   before "further" or "recurrence(s)".
    static func episodeResolutions(_ doc: Document, _ mentions: [Mention]) -> [Mention] {
        var out: [Mention] = []
        var last: Mention?
        var mi = 0
        // The told symptoms, gathered when the first resolution phrase is found (most reports have none).
        var told: [Mention]?
        var from = 0
        while let k = nextResolutionStart(doc, from: from) {
            from = k + 1
            guard
                let phrase = episodeResolutions.first(where: { p in
                    k + p.count <= doc.tokens.count && p.indices.allSatisfy { doc.token(k + $0, is: p[$0]) }
                })
            else { continue }
            let end = k + phrase.count
            if doc.token(end, is: "of") { continue }
            let symptoms =
                told
                ?? mentions.filter {
                    symptomConcepts.contains($0.concept) && $0.assertion == .affirmed && !$0.family && !$0.hypothetical
                }.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
            told = symptoms
            while mi < symptoms.count && symptoms[mi].tokens.upperBound <= k {
                last = symptoms[mi]
                mi += 1
            }
            guard var m = last else { continue }
            m.tokens = k..<end
            m.anchor = k..<end
            m.sentence = sentence(containing: k, doc)
            m.section = doc.sections[doc.sentences[m.sentence].section].kind
            m.assertion = .negated
            m.attributes = [ClinicalVocabulary.Attribute.resolved.rawValue]
            m.triggers = []
            out.append(m)
        }
        return out
    }

    /// The first token from `from` on that may open a resolution phrase: "no" (folded) before
    /// "further" or "recurrence(s)", as every phrase of ``episodeResolutions`` goes on. A tight
    /// scan of two bytes per two-byte token, apart from the reading of the phrases it finds.
    static func nextResolutionStart(_ doc: Document, from: Int) -> Int? {
        doc.tokens.withUnsafeBufferPointer { tokens in
            doc.text.withUnsafeBufferPointer { text in
                var k = from
                while k < tokens.count {
                    defer { k += 1 }
                    guard tokens[k].length == 2 else { continue }
                    let s = Int(tokens[k].start)
                    guard text[s] | 0x20 == 0x6E, text[s + 1] | 0x20 == 0x6F else { continue }
                    if doc.token(k + 1, is: "further") || doc.token(k + 1, is: "recurrence")
                        || doc.token(k + 1, is: "recurrences")
                    {
                        return k
                    }
                }
                return nil
            }
        }
    }

    /// The sentence that holds token `k` (binary search over the ordered sentences).
    static func sentence(containing k: Int, _ doc: Document) -> Int {
        var lo = 0
        var hi = doc.sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if doc.sentences[mid].tokens.lowerBound <= k { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
