import FalxCore
import FalxText

/// The lexicon names the clinical layer reads: one table used both by the code that interprets
/// mentions and by the check that refuses a lexicon naming anything else.
public enum ClinicalVocabulary {
    /// The concept the audit is about.
    public static let duralCalcification = "dural_calcification"
    /// Renal disease (gadolinium caution), read like a symptom.
    public static let renalDisease = "renal_disease"
    /// Concepts of the report's own recommendations start with this (`rec.mri`).
    public static let recommendationPrefix = "rec."
    /// "No further work-up": a recommendation of nothing.
    public static let recommendationNone = "rec.none"

    /// The concept of a recommendation code (`rec.mri_contrast`).
    public static func concept(_ recommendation: ReportRecommendation) -> String {
        recommendationPrefix + recommendation.rawValue
    }

    /// Attributes with a meaning of their own (besides the dural locations).
    public enum Attribute: String, CaseIterable, Sendable {
        /// The phrase names the concept's absence ("neurologically intact").
        case negated
        /// The phrase says a symptom has resolved ("seizure-free"): absent, and it outranks
        /// earlier mentions of the symptom.
        case resolved
        /// The phrase counts only when negated.
        case negonly
        /// A generic word (a "fistula") that a vascular-access context rules out.
        case generic
        /// Imaging at an interval ("follow-up CT").
        case interval
    }

    /// Word classes the clinical layer looks up by name.
    public enum WordClass: String, CaseIterable, Sendable {
        /// Dialysis access words: a "fistula" near them is not a dAVF.
        case vascaccess
        /// Recommendation cues ("recommend", "suggest").
        case reccue
        /// Conditional recommendations ("if clinically indicated").
        case reccond
        /// Intervals ("in 6 months").
        case recinterval
        /// Baseline study words.
        case recbaseline
        /// Words that tell the clinical course ("showed", "was performed"): not a recommendation.
        case recnarrative
        /// Words that recommend in so many words ("recommend", "suggest", "consider").
        case recstrong
    }

    /// Every concept a lexicon may name.
    public static let concepts: Set<String> = Set(
        [duralCalcification, renalDisease, recommendationNone] + Finding.allCases.map(\.rawValue)
            + Symptom.allCases.map(\.rawValue) + ReportRecommendation.allCases.map(concept))

    /// Every attribute a lexicon may give a target or a word class.
    public static let attributes: Set<String> = Set(
        DuralLocation.allCases.map(\.rawValue) + Attribute.allCases.map(\.rawValue))

    /// The vocabulary lexicons are checked against on load. A lexicon that replaces the built-in
    /// one must give words for every grammar role and spoken mark: without them the proximity rules
    /// and dictated reports would be read differently without a word said.
    public static let vocabulary = LexiconVocabulary(
        concepts: concepts, attributes: attributes, requiredClasses: Set(WordClass.allCases.map(\.rawValue)),
        requiredGrammar: Set(GrammarRole.allCases), requiredSpokenMarks: Set(SpokenMark.allCases))
}
