import FalxCore
import FalxText

/// The decisive dural-calcification mention, as it leaves the engine.
public struct Evidence: Sendable, Equatable {
    /// The sentence, whitespace collapsed.
    public var sentence: String
    /// The mention's range in Unicode scalars of the report text (what Python's `str` indexes).
    public var scalarRange: Range<Int>
    /// The mention's range in UTF-8 bytes of the report text.
    public var byteRange: Range<Int>
}

/// Everything the clinical layer read from one report.
public struct ClinicalReading: Sendable {
    public var facts: CaseFacts
    public var evidence: Evidence?
    public var document: Document
    public var mentions: [Mention]
    /// Mentions that decided each concept (for `falx explain` and the audit's `fact_evidence`).
    public var decisive: [String: Mention]
    /// The sentences read as the report's own recommendations, in text order (indices into the
    /// document's sentences).
    public var recommendationSentences: [Int] = []
    /// The sentence of the eGFR value, when that value decided renal disease.
    public var egfrSentence: Int?

    /// The index of the sentence that decided `fact`, or nil when none did (the fact is not
    /// stated, or was decided without a sentence: an eGFR value in a header line).
    ///
    /// A headache that is present only because a positional headache is gives that sentence.
    public func decidingSentence(of fact: Fact) -> Int? {
        switch fact {
        case .duralCalcification, .temporality:
            return decisive[ClinicalVocabulary.duralCalcification]?.sentence
        case .renalDisease:
            return egfrSentence ?? stating(ClinicalVocabulary.renalDisease, present: facts.renalDisease == .present)
        case .finding(let f):
            return decisive[f.rawValue]?.sentence
        case .symptom(let s):
            let present = facts.status(s) == .present
            if s == .headache, present, stating(s.rawValue, present: true) == nil {
                return decisive[Symptom.positionalHeadache.rawValue]?.sentence
            }
            return stating(s.rawValue, present: present)
        }
    }

    /// The sentence of the mention that decided `concept`, when it says what the value says (a
    /// denial for an absent value, else not): a value decided otherwise (an eGFR, a positional
    /// headache) is not evidenced by a mention that says the opposite.
    public func stating(_ concept: String, present: Bool) -> Int? {
        guard let m = decisive[concept], (m.assertion != .negated) == present else { return nil }
        return m.sentence
    }

    /// The sentence that decided `fact`, whitespace collapsed (``decidingSentence(of:)``).
    public func evidenceSentence(of fact: Fact) -> String? {
        decidingSentence(of: fact).map(document.collapsedText(ofSentence:))
    }
}
