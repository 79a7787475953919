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

extension Pseudonymiser {
    /// The pseudonymiser of `--pseudonymise KEYFILE` and `--date-precision` (nil without a key
    /// file), read before any work starts.
    ///
    /// - Throws: ``UsageError`` for a missing, unreadable, short or oversize key (`--pseudonymise:
    ///   key-too-short: ...`).
    public static func load(keyFile: String?, datePrecision: DatePrecision?) throws(UsageError) -> Pseudonymiser? {
        guard let keyFile else { return nil }
        do {
            return Pseudonymiser(key: try PseudonymKey.load(path: keyFile), datePrecision: datePrecision ?? .full)
        } catch {
            throw UsageError("--pseudonymise: \(error)")
        }
    }
}
