import FalxClinical
import FalxCore
import FalxIngest
import FalxText

/// The "why" part of `falx explain`: the facts behind each rule, the sentences read as the report's
/// own recommendations, and the verdict's reasoning — all from `Ruleset.explain`, the reading and
/// `RecommendationReader`, never from a second copy of their logic.
struct ExplanationOfRules {
    let reading: ClinicalReading
    let facts: CaseFacts
    let ruleset: Ruleset
    let lexicon: CompiledLexicon

    /// One sentence that names a modality or referral, and what the reader made of it.
    struct RecommendationSentence: Equatable {
        var sentence: String
        var section: String
        /// Whether the report's reading took it as a recommendation (it is in `recommendation_evidence`).
        var read: Bool
        /// The codes read from it on its own.
        var codes: [ReportRecommendation]
        /// Why it was not read (empty when it was).
        var reason: String
    }

    /// The lines of the "Why" sections.
    func lines(bold: (String) -> String) -> [String] {
        let e = ruleset.explain(facts)
        var out = [bold("\nWhy: the rules that fired and the facts that fired them")]
        for firing in e.firings {
            out.append("  \(Self.heading(firing.rule))")
            for fact in firing.triggers {
                out.append("      \(fact.name)=\(fact.value(in: facts)): \(evidence(of: fact))")
            }
            for a in firing.actions { out.append("      asks for \(a.code): \(a.text)") }
            out.append("      source: \(firing.rule.citation)")
        }
        // Every sentence that names a study or referral, in text order: those the reading took as the
        // report's recommendation (its `recommendation_evidence`), and why each other one was not.
        out.append(bold("\nThe report's own recommendations"))
        let sentences = recommendationSentences()
        let read = sentences.filter(\.read)
        if sentences.isEmpty { out.append("  no sentence names a modality or referral: no recommendation sentence found") }
        for s in sentences {
            if s.read {
                let codes = s.codes.isEmpty ? "" : " " + s.codes.map(\.rawValue).joined(separator: ", ")
                out.append("  read as recommending\(codes), in \(s.section): \"\(s.sentence)\"")
            } else {
                out.append("  not a recommendation (\(s.reason)), in \(s.section): \"\(s.sentence)\"")
            }
        }
        // The sentences read one by one give the report's codes; say so if they ever do not.
        let union = Set(read.flatMap(\.codes))
        if union != Set(facts.reportRecommends) {
            out.append(
                "  note: the sentences above give \(union.sorted().map(\.rawValue)), the audit reads "
                    + "\(facts.reportRecommends.map(\.rawValue)) (the reading ran out of its work budget?)")
        }
        out.append(bold("\nVerdict"))
        for line in e.verdictReasoning { out.append("  \(line)") }
        let quoted = read.map { "\"\($0.sentence)\"" }.joined(separator: " ")
        out.append("  the report's recommendation was read from: " + (read.isEmpty ? "no sentence" : quoted))
        return out
    }

    /// `R4 (venous_imaging, recommended) when …`. A function of its own: swiftc 6.3.1 -O crashes
    /// (ownership verifier, CopyPropagation) when this is written inline in `lines` with a closure.
    static func heading(_ rule: Rule) -> String {
        var kind = "modifier"
        if let category = rule.category { kind = category.rawValue + ", " + rule.strength }
        return "\(rule.id) (\(kind)) when \(rule.applies)"
    }

    /// The sentence that decided a fact (as the audit's `fact_evidence` gives it), quoted, or why
    /// there is none.
    func evidence(of fact: Fact) -> String {
        if fact == .duralCalcification, let sentence = reading.evidence?.sentence { return "\"\(sentence)\"" }
        guard let sentence = reading.evidenceSentence(of: fact) else {
            return fact == .renalDisease ? "(no phrase: an eGFR value decided it)" : "(no deciding sentence)"
        }
        if fact == .symptom(.headache), reading.stating(Symptom.headache.rawValue, present: true) == nil {
            return "(a positional headache is a headache) \"\(sentence)\""
        }
        if fact == .renalDisease, reading.egfrSentence != nil { return "(an eGFR value decided it) \"\(sentence)\"" }
        return "\"\(sentence)\""
    }

    /// Every sentence with a recommendation mention, in text order, read on its own by
    /// `RecommendationReader` (which reads each sentence independently).
    func recommendationSentences() -> [RecommendationSentence] {
        let doc = reading.document
        let recs = reading.mentions.filter { $0.concept.hasPrefix(ClinicalVocabulary.recommendationPrefix) }
        let bySentence = Dictionary(grouping: recs, by: \.sentence)
        return bySentence.keys.sorted().compactMap { si -> RecommendationSentence? in
            let list = bySentence[si] ?? []
            let sentence = doc.sentences[si]
            let section = doc.sections[sentence.section]
            let header = doc.string(section.header)
            let where_ = section.kind.rawValue + (header.isEmpty ? "" : " \"\(header)\"")
            let codes = RecommendationReader.recommendations(doc, list, lexicon)
            let read = reading.recommendationSentences.contains(si)
            var reason = ""
            if !read {
                if !codes.isEmpty {
                    reason = "withdrawn by a later addendum (\(codes.map(\.rawValue).joined(separator: ", ")))"
                } else if section.kind.isProcedural {
                    reason = "an exam, technique or comparison line names a study, it does not ask for one"
                } else if section.kind.isClinicalQuestion {
                    reason = "the clinical question, not the radiologist's advice"
                } else if section.kind == .body && sentence.section == 0 && doc.sections.count > 1 {
                    reason = "the title or exam line before the first header"
                } else if list.allSatisfy({ $0.concept == ClinicalVocabulary.recommendationNone }) {
                    reason = "it says no further work-up is needed"
                } else {
                    reason =
                        "no recommending word, or negated, conditional, telling the course, or a plain CT or imaging without an interval"
                }
            }
            return RecommendationSentence(
                sentence: doc.collapsedText(ofSentence: si), section: where_, read: read, codes: codes, reason: reason)
        }
    }
}
