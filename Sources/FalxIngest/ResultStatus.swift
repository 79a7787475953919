/// The status of a report's result, as HL7 v2 OBR-25 gives it: a preliminary report may be followed
/// by the final one and by corrections, all under the same accession.
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
