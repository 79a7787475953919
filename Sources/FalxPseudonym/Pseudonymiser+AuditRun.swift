import FalxAudit

extension AuditRun.Pseudonymisation {
    /// An audit run's pseudonymisation with this pseudonymiser: every row's values, and the record
    /// ids a resumed run compares with its partial audit.
    public init(_ pseudonymiser: Pseudonymiser) {
        self.init(
            transform: { row, values in
                pseudonymiser.apply(to: &values, knowing: row.metadata, identifiers: row.identifiers)
            },
            recordID: { pseudonymiser.pseudonym($0, kind: .record) }, isPseudonym: Pseudonymiser.isPseudonym)
    }
}
