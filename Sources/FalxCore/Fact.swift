/// One case fact a rule condition can read: a name (the audit column) and its value in a case.
/// ``Condition/reads`` lists the facts a condition looks at, so that ``Ruleset/firings(_:)`` can
/// say which of them made a rule fire without a second copy of the rule's logic.
public enum Fact: Sendable, Hashable, Comparable {
    case duralCalcification
    case temporality
    case renalDisease
    case finding(Finding)
    case symptom(Symptom)

    /// The audit column of the fact (`dural_calcification`, `dc_temporality`, `davf`, …).
    public var name: String {
        switch self {
        case .duralCalcification: "dural_calcification"
        case .temporality: "dc_temporality"
        case .renalDisease: "renal_disease"
        case .finding(let f): f.rawValue
        case .symptom(let s): s.rawValue
        }
    }

    /// Every symptom: what "symptomatic" reads.
    public static let symptoms: [Fact] = Symptom.allCases.map { .symptom($0) }

    /// The fact's value in a case, as the audit writes it.
    public func value(in f: CaseFacts) -> String {
        switch self {
        case .duralCalcification: f.duralCalcification.rawValue
        case .temporality: f.temporality.rawValue
        case .renalDisease: f.renalDisease.rawValue
        case .finding(let x): f.status(x).rawValue
        case .symptom(let x): f.status(x).rawValue
        }
    }

    /// Whether the report said anything of the fact (not `not_mentioned`, not `unknown`).
    public func isStated(in f: CaseFacts) -> Bool {
        switch self {
        case .duralCalcification: f.duralCalcification != .notMentioned
        case .temporality: f.temporality != .unknown
        case .renalDisease: f.renalDisease != .notMentioned
        case .finding(let x): f.status(x) != .notMentioned
        case .symptom(let x): f.status(x) != .notMentioned
        }
    }

    /// The case with this fact set to "not said" (`not_mentioned`, or `unknown` for temporality).
    func cleared(in f: CaseFacts) -> CaseFacts {
        var g = f
        switch self {
        case .duralCalcification: g.duralCalcification = .notMentioned
        case .temporality: g.temporality = .unknown
        case .renalDisease: g.renalDisease = .notMentioned
        case .finding(let x): g.findings[x] = nil
        case .symptom(let x): g.symptoms[x] = nil
        }
        return g
    }

    /// The case with this fact copied from `source`.
    func copied(from source: CaseFacts, into f: CaseFacts) -> CaseFacts {
        var g = f
        switch self {
        case .duralCalcification: g.duralCalcification = source.duralCalcification
        case .temporality: g.temporality = source.temporality
        case .renalDisease: g.renalDisease = source.renalDisease
        case .finding(let x): g.findings[x] = source.findings[x]
        case .symptom(let x): g.symptoms[x] = source.symptoms[x]
        }
        return g
    }

    /// Audit column order.
    var order: Int {
        switch self {
        case .duralCalcification: 0
        case .temporality: 1
        case .finding(let x): 2 + (Finding.allCases.firstIndex(of: x) ?? 0)
        case .symptom(let x): 20 + (Symptom.allCases.firstIndex(of: x) ?? 0)
        case .renalDisease: 40
        }
    }

    public static func < (a: Fact, b: Fact) -> Bool { a.order < b.order }
}
