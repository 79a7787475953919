/// A lexicon: the targets, word classes, proximity rules and ConText modifiers the engine matches.
///
/// A lexicon is data. It is written in a small line-based format (see ``Lexicon/parse(_:)``) so a
/// researcher can copy the default, edit it, and load it with `falx audit --lexicon FILE`.
public struct Lexicon: Sendable, Equatable {
    /// A phrase that names a concept: `target headache: thunderclap headache`.
    public struct Target: Sendable, Equatable {
        public var concept: String
        /// Free-form attribute the domain layer interprets (a location, `negated`, ...).
        public var attribute: String
        public var phrase: [String]
    }

    /// A phrase in a word class used by proximity rules: `class site falx: falcine`.
    public struct ClassMember: Sendable, Equatable {
        public var wordClass: String
        public var attribute: String
        public var phrase: [String]
    }

    /// A concept found where a word of one class stands near words of another in one clause:
    /// `near dural_calcification: calc site 6 block blocker`.
    public struct NearRule: Sendable, Equatable {
        public var concept: String
        public var anchorClass: String
        public var siteClass: String
        public var window: Int
        public var blockClass: String?
        /// Whether the walk goes on past commas ("headache for 2 months, worse when lying flat").
        public var crossesCommas = false
    }

    /// A ConText modifier: `modifier negated forward: no evidence of`.
    public struct Modifier: Sendable, Equatable {
        public var category: ModifierCategory
        public var direction: ModifierDirection
        public var phrase: [String]
        /// Tokens the scope may reach; 0 means the rest of the clause.
        public var window: Int
    }

    public var name: String
    public var targets: [Target] = []
    public var classes: [ClassMember] = []
    public var nearRules: [NearRule] = []
    public var modifiers: [Modifier] = []
    /// Section header phrases by section kind (`section impression: conclusion`).
    public var sectionHeaders: [(kind: SectionKind, phrase: [String])] = []
    /// Abbreviations that do not end a sentence (`abbreviation: approx`).
    public var abbreviations: [String] = []
    /// Labels of header and signature lines (`header accession: acc #`): metadata lines, not report text.
    public var headerLabels: [HeaderLabel] = []
    /// Grammar words by role (`grammar coordinator: and or`): the words of the reports' language
    /// the engine reads by what they do, not as targets or cues. A role with no line has no words.
    public var grammarWords: [GrammarRole: [String]] = [:]
    /// Spoken punctuation of dictated text (`spoken stop: full stop`), in file order.
    public var spokenPunctuation: [SpokenPunctuationEntry] = []

    /// A label of a header or signature line and the metadata field it gives.
    public struct HeaderLabel: Sendable, Equatable {
        public var field: String
        /// As written after the colon (matched as text, not as tokens).
        public var label: String
    }

    /// The fields a `header` line may name.
    public static let headerFields: [String] = [
        "accession", "patient_id", "patient_name", "birth_date", "age", "sex", "procedure", "study_date", "facility",
        "interpreter", "referrer", "signed_date",
    ]

    public init(name: String) { self.name = name }

    public static func == (a: Lexicon, b: Lexicon) -> Bool {
        a.name == b.name && a.targets == b.targets && a.classes == b.classes && a.nearRules == b.nearRules
            && a.modifiers == b.modifiers && a.abbreviations == b.abbreviations && a.headerLabels == b.headerLabels
            && a.grammarWords == b.grammarWords && a.spokenPunctuation == b.spokenPunctuation
            && a.sectionHeaders.map { "\($0.kind):\($0.phrase)" } == b.sectionHeaders.map { "\($0.kind):\($0.phrase)" }
    }
}

/// What a ConText modifier says about the targets in its scope.
public enum ModifierCategory: String, Sendable, CaseIterable, Equatable {
    case negated, uncertain, hypothetical, historical, family
    /// Looks like a cue but is not one ("not only", "gram negative"); it only masks shorter cues.
    case pseudo
    /// Makes the targets in scope carry no assertion at all ("no new X" says nothing of X).
    case ignored
    /// Ends the scope of other modifiers ("but", "however", ";").
    case terminator
    /// Temporality cues.
    case new, progressive, stable
    /// A word of cause between a hedge and its target ("possibly *ischaemic* white matter change"):
    /// a hedge on the cause does not hedge the lesion.
    case cause
}

/// Which way a modifier's scope runs from its cue.
public enum ModifierDirection: String, Sendable, Equatable {
    case forward, backward, both
}
