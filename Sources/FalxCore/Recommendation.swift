/// The primary category of a case: the first row of the decision table that applies.
public enum Category: String, Sendable, Equatable, CaseIterable, Codable {
    case notApplicable = "not_applicable"
    case davfPathway = "davf_pathway"
    case venousThrombosisPathway = "venous_thrombosis_pathway"
    case intracranialHypotensionPathway = "intracranial_hypotension_pathway"
    case venousImaging = "venous_imaging"
    case mriWorkup = "mri_workup"
    case incidentalMonitor = "incidental_monitor"
}

/// How strongly the work-up is indicated.
public enum Strength: String, Sendable, Equatable, CaseIterable, Codable {
    case urgent, recommended, consider, routine
}

/// Whether the report's own recommendation matches the guideline's.
public enum AuditVerdict: String, Sendable, Equatable, CaseIterable, Codable {
    case notApplicable = "not_applicable"
    case concordant
    case missedWorkup = "missed_workup"
    case additionalImaging = "additional_imaging"
}

/// An action the guideline recommends, with the rule that added it and its citation.
public struct Action: Sendable, Equatable {
    public var code: String
    public var rule: String
    public var text: String
    public var citation: String
}

/// The recommendation core's output for one case.
public struct Recommendation: Sendable, Equatable {
    public var category: Category
    /// Nil for `not_applicable`.
    public var strength: Strength?
    public var actions: [Action]
    public var followUp: String
    public var gadoliniumCaution: Bool
    public var verdict: AuditVerdict
    /// Rule and modifier ids that fired, in table order.
    public var rules: [String]
    public var warnings: [String]
    public var rulesetVersion: String

    /// Action codes, deduplicated, in the order they were added.
    public var actionCodes: [String] {
        // A few codes: a linear search costs less than hashing each.
        var codes: [String] = []
        for action in actions where !codes.contains(action.code) { codes.append(action.code) }
        return codes
    }
}
