/// Presence of a finding in a report.
public enum FindingStatus: String, Sendable, Equatable, CaseIterable, Codable {
    case present, uncertain, absent
    case notMentioned = "not_mentioned"

    /// Present or uncertain: the guideline asks to rule pathology out, so a hedged finding counts.
    public var isPositive: Bool { self == .present || self == .uncertain }
}

/// Presence of a symptom or condition (never hedged).
public enum SymptomStatus: String, Sendable, Equatable, CaseIterable, Codable {
    case present, absent
    case notMentioned = "not_mentioned"
}

/// Where a dural calcification lies.
public enum DuralLocation: String, Sendable, Equatable, CaseIterable, Codable, Comparable {
    case falx, tentorium, convexity, petroclinoid, other
    public static func < (a: DuralLocation, b: DuralLocation) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// Change of the calcification relative to a prior study.
public enum DCTemporality: String, Sendable, Equatable, CaseIterable, Codable {
    case new, progressive, stable, unknown
}

/// The associated findings of the guideline, in the audit's column order.
public enum Finding: String, Sendable, Equatable, CaseIterable, Codable {
    case whiteMatterLesions = "white_matter_lesions"
    case atrophy
    case duralThickening = "dural_thickening"
    case duralEnhancement = "dural_enhancement"
    case venousSinusThrombosis = "venous_sinus_thrombosis"
    case corticalVeinThrombosis = "cortical_vein_thrombosis"
    case venousAbnormalityOther = "venous_abnormality_other"
    case davf
    case intracranialHypotension = "intracranial_hypotension"
    case subcorticalCalcification = "subcortical_calcification"
}

/// The symptoms of the guideline, in the audit's column order.
public enum Symptom: String, Sendable, Equatable, CaseIterable, Codable {
    case headache
    case positionalHeadache = "positional_headache"
    case visualDisturbance = "visual_disturbance"
    case cognitiveChange = "cognitive_change"
    case seizure
    case focalDeficit = "focal_deficit"
}

/// What a report itself recommends, in the audit's order.
public enum ReportRecommendation: String, Sendable, Equatable, CaseIterable, Codable, Comparable {
    case mri
    case mriContrast = "mri_contrast"
    case venography, angiography
    case neurosurgeryConsult = "neurosurgery_consult"
    case neurologyConsult = "neurology_consult"
    case followUpImaging = "follow_up_imaging"
    case clinicalFollowUp = "clinical_follow_up"

    /// Work-up codes: a recommendation of any of these makes an urgent/recommended case concordant.
    public var isWorkUp: Bool {
        switch self {
        case .mri, .mriContrast, .venography, .angiography, .neurosurgeryConsult, .neurologyConsult: true
        default: false
        }
    }
    /// Advanced imaging: recommending any of these for an incidental case is `additional_imaging`.
    public var isAdvancedImaging: Bool {
        switch self {
        case .mri, .mriContrast, .venography, .angiography: true
        default: false
        }
    }
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The facts of one case: the recommendation core's whole input.
public struct CaseFacts: Sendable, Equatable {
    public var duralCalcification: FindingStatus = .notMentioned
    public var locations: [DuralLocation] = []
    public var temporality: DCTemporality = .unknown
    public var findings: [Finding: FindingStatus] = [:]
    public var symptoms: [Symptom: SymptomStatus] = [:]
    public var renalDisease: SymptomStatus = .notMentioned
    public var age: Int?
    /// What the report recommends; empty means nothing codable (`none`).
    public var reportRecommends: [ReportRecommendation] = []

    public init() {}

    public func status(_ f: Finding) -> FindingStatus { findings[f] ?? .notMentioned }
    public func status(_ s: Symptom) -> SymptomStatus { symptoms[s] ?? .notMentioned }
    /// At least one symptom is present.
    public var isSymptomatic: Bool { Symptom.allCases.contains { status($0) == .present } }
}
