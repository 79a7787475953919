import FalxAudit

/// Positions of the audit columns the report reads, in ``AuditRow/columns`` order (docs/audit-schema.md).
enum AuditColumns {
    static func index(_ name: String) -> Int {
        guard let i = AuditRow.columns.firstIndex(of: name) else { preconditionFailure("no audit column \(name)") }
        return i
    }
    static let recordID = index("record_id")
    static let source = index("source")
    static let format = index("format")
    static let status = index("status")
    static let patientID = index("patient_id")
    static let accession = index("accession")
    static let studyDateTime = index("study_datetime")
    static let procedure = index("procedure")
    static let interpreter = index("interpreter")
    static let facility = index("facility")
    static let age = index("age")
    static let duralCalcification = index("dural_calcification")
    static let locations = index("dc_locations")
    static let temporality = index("dc_temporality")
    static let evidence = index("dc_evidence")
    static let offsets = index("dc_offsets")
    static let renalDisease = index("renal_disease")
    static let category = index("category")
    static let strength = index("strength")
    static let actions = index("actions")
    static let reportRecommends = index("report_recommends")
    static let verdict = index("audit_verdict")
    static let rules = index("rules")
    static let rulesetVersion = index("ruleset_version")
    static let warnings = index("warnings")
    static let errors = index("errors")
    static let supersededBy = index("superseded_by")
    static let factEvidence = index("fact_evidence")
    static let recommendationEvidence = index("recommendation_evidence")

    /// The ten associated findings, in schema order.
    static let findings: [String] = Array(AuditRow.columns[(index("dc_offsets") + 1)..<index("headache")])
    /// The six symptoms, in schema order.
    static let symptoms: [String] = Array(AuditRow.columns[index("headache")..<renalDisease])
}
