/// A test on case facts with the words that describe it, so that the table the engine evaluates
/// is also the table `falx rules`, the report and the docs print.
public struct Condition: Sendable {
    /// How the condition reads in the printed table ("davf positive").
    public let text: String
    public let test: @Sendable (CaseFacts) -> Bool
    /// The facts `test` reads (for ``Ruleset/firings(_:)``: which of them made it hold).
    public let reads: [Fact]

    public init(_ text: String, reads: [Fact] = [], _ test: @escaping @Sendable (CaseFacts) -> Bool) {
        self.text = text
        self.reads = reads
        self.test = test
    }
}

/// One action a rule adds, with the words the audit's detail shows and its citation.
public struct RuleAction: Sendable {
    public let code: String
    /// The recommendation in words ("MR or CT venography to confirm").
    public let text: String
    public let citation: String
    /// Added only when this also holds (nil: always, when the rule fires).
    public let only: Condition?
    /// A qualifier printed after the code in the table ("if symptomatic").
    public let qualifier: String?

    public init(_ code: String, _ text: String, _ citation: String, only: Condition? = nil, qualifier: String? = nil) {
        self.code = code
        self.text = text
        self.citation = citation
        self.only = only
        self.qualifier = qualifier
    }

    /// How the action reads in the printed table.
    public var summary: String {
        if let only { return "\(code) when \(only.text)" }
        if let qualifier { return "\(code) (\(qualifier))" }
        return code
    }
}

/// What a modifier does besides adding actions.
public enum ModifierEffect: Sendable, Equatable {
    /// Gadolinium caution when the case's actions, or the report's own recommendations, include a
    /// contrast study (revision 1.1 added the report's own); a warning names the renal cause.
    case gadoliniumCaution
    /// Closer monitoring: a warning, and an incidental case's follow-up shortened to 6 months.
    case closerMonitoring

    var summary: String {
        switch self {
        case .gadoliniumCaution:
            "gadolinium_caution when mri_contrast or venography is advised or recommended by the report; "
                + "warning ESRD / secondary hyperparathyroidism"
        case .closerMonitoring: "closer monitoring; incidental follow-up 6 months"
        }
    }
}

/// How strong a category row's work-up is.
public struct RuleStrength: Sendable {
    /// How the strength reads in the printed table.
    public let text: String
    public let of: @Sendable (CaseFacts) -> Strength

    public static func always(_ s: Strength) -> RuleStrength { RuleStrength(text: s.rawValue, of: { _ in s }) }

    public init(text: String, of: @escaping @Sendable (CaseFacts) -> Strength) {
        self.text = text
        self.of = of
    }
}

/// One row of the decision table or one modifier: its id, when it applies, what it adds, why, and
/// the reference behind it. `Ruleset.evaluate` runs these values; nothing about a rule lives
/// anywhere else.
public struct Rule: Sendable {
    public enum Kind: Sendable {
        /// R0: no dural calcification; nothing else is evaluated.
        case notApplicable
        /// A category row R1…R6; the first that applies gives the case its category.
        case category(Category, RuleStrength)
        /// A modifier M1…M4, applied on top of any category row.
        case modifier([ModifierEffect])
    }

    public let id: String
    public let kind: Kind
    public let when: Condition
    public let actions: [RuleAction]
    /// Why the rule exists, in one line of the clinical summary's reasoning.
    public let rationale: String
    public let citation: String
    /// A category row that applies only when no row above it did (R6).
    public let isFallback: Bool
    /// The follow-up this row sets (`follow_up` column).
    public let followUp: String?

    public init(
        id: String, kind: Kind, when: Condition, actions: [RuleAction] = [], rationale: String, citation: String,
        isFallback: Bool = false, followUp: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.when = when
        self.actions = actions
        self.rationale = rationale
        self.citation = citation
        self.isFallback = isFallback
        self.followUp = followUp
    }

    public var category: Category? {
        switch kind {
        case .notApplicable: .notApplicable
        case .category(let c, _): c
        case .modifier: nil
        }
    }

    /// The condition in words.
    public var applies: String { when.text }

    /// The actions and effects in words.
    public var effect: String {
        switch kind {
        case .notApplicable: return "no actions"
        case .category: return actions.map(\.summary).joined(separator: "; ")
        case .modifier(let effects):
            return (actions.map(\.summary) + effects.map(\.summary)).joined(separator: "; ")
        }
    }

    /// The strength in words ("urgent", "modifier", "-").
    public var strength: String {
        switch kind {
        case .notApplicable: "-"
        case .category(_, let s): s.text
        case .modifier: "modifier"
        }
    }
}
