/// Whether a mention is asserted, denied or hedged.
public enum Assertion: String, Sendable, Equatable, Comparable {
    case affirmed, uncertain, negated

    /// Rank used to aggregate mentions: affirmed > uncertain > negated.
    public var rank: Int {
        switch self {
        case .affirmed: 2
        case .uncertain: 1
        case .negated: 0
        }
    }
    public static func < (a: Assertion, b: Assertion) -> Bool { a.rank < b.rank }
}

/// Temporality of a mention relative to prior studies.
public enum Temporality: String, Sendable, Equatable {
    case new, progressive, stable
}

/// The cue that decided part of a mention's context, for `falx explain`.
public struct Trigger: Sendable, Equatable {
    public var category: ModifierCategory
    public var phrase: String
    public var tokens: Range<Int>

    public init(category: ModifierCategory, phrase: String, tokens: Range<Int>) {
        self.category = category
        self.phrase = phrase
        self.tokens = tokens
    }
}

/// A concept found in one sentence, with its ConText assertion.
public struct Mention: Sendable, Equatable {
    public var concept: String
    /// Target attribute, or the attributes of the sites a proximity rule joined.
    public var attributes: [String]
    /// The tokens of the whole mention.
    public var tokens: Range<Int>
    /// The tokens that scopes are measured from (the target, or the anchor of a proximity rule).
    public var anchor: Range<Int>
    public var sentence: Int
    public var section: SectionKind
    public var assertion: Assertion = .affirmed
    public var temporality: Temporality?
    public var hypothetical = false
    public var historical = false
    public var family = false
    /// In the scope of an `ignored` cue ("no new X"): the sentence says nothing of X.
    public var ignored = false
    public var triggers: [Trigger] = []

    public init(
        concept: String, attributes: [String], tokens: Range<Int>, anchor: Range<Int>, sentence: Int, section: SectionKind
    ) {
        self.concept = concept
        self.attributes = attributes
        self.tokens = tokens
        self.anchor = anchor
        self.sentence = sentence
        self.section = section
    }
}
