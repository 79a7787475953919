/// The status of a report's result, as HL7 v2 OBR-25, FHIR `DiagnosticReport.status` or an export's
/// status column gives it: a preliminary report may be followed by the final one and by
/// corrections, all under the same accession.
public enum ResultStatus: String, Sendable, Equatable, CaseIterable {
    case preliminary, final, corrected, amended, cancelled, other

    /// OBR-25 (HL7 table 0123): `P` preliminary, `F` final, `C` corrected, `A` amended (some
    /// results final), `X` cancelled; any other code (`R`, `S`, `I`, `O`, ...) is `other`; nil when
    /// the field is empty.
    public init?(hl7 code: String) {
        switch code.uppercased() {
        case "", "\"\"": return nil
        case "P": self = .preliminary
        case "F": self = .final
        case "C": self = .corrected
        case "A": self = .amended
        case "X": self = .cancelled
        default: self = .other
        }
    }

    /// A status as FHIR `DiagnosticReport.status` or an export's status column writes it, in any
    /// case: a one-letter OBR-25 code as ``init(hl7:)`` reads it, else a FHIR code or a common word
    /// (`registered`, `partial`, `draft`, `prelim` … preliminary; `signed`, `verified`, `complete` …
    /// final; `appended`, `addendum`, `modified` … amended; `entered-in-error`, `voided` …
    /// cancelled). Any other word is `other`; nil when the value is blank.
    public init?(written: String) {
        // Most records state no status: an empty value is nil without Foundation's trimming.
        guard !written.isEmpty else { return nil }
        let word = written.trimmingCharacters(in: .whitespaces).lowercased()
        if word.count <= 1 {
            self.init(hl7: word)
            return
        }
        if let status = Self.words[word] {
            self = status
        } else {
            self = .other
        }
    }

    /// Whether `written` is a status word or code ``init(written:)`` knows (not read as `other`).
    public static func isKnown(_ written: String) -> Bool {
        guard !written.isEmpty else { return true }
        let word = written.trimmingCharacters(in: .whitespaces).lowercased()
        return word.count <= 1 || words[word] != nil
    }

    private static let words: [String: ResultStatus] = {
        var table: [String: ResultStatus] = [:]
        let groups: [(ResultStatus, [String])] = [
            (.preliminary, ["preliminary", "prelim", "registered", "partial", "draft", "interim", "pending", "wet read"]),
            (.final, ["final", "finalised", "finalized", "signed", "verified", "complete", "completed", "approved"]),
            (.corrected, ["corrected", "correction"]),
            (.amended, ["amended", "appended", "addendum", "modified", "revised"]),
            (.cancelled, ["cancelled", "canceled", "entered-in-error", "entered in error", "void", "voided", "deleted"]),
            (.other, ["other", "unknown"]),
        ]
        for (status, list) in groups { for w in list { table[w] = status } }
        return table
    }()

    /// How a report of this status ranks against another of the same accession: the higher rank
    /// supersedes, and of equal ranks the later one. Corrected and amended reports (3) replace the
    /// final one (2); a report of no stated status counts as final; a preliminary or other interim
    /// report (1) is replaced by either; a cancelled one (0) never replaces a report.
    public static func rank(_ status: ResultStatus?) -> Int {
        switch status {
        case .corrected, .amended: 3
        case .final, nil: 2
        case .preliminary, .other: 1
        case .cancelled: 0
        }
    }
}
