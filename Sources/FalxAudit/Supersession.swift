import FalxIngest

/// Which rows of a run are replaced by a later report of the same accession: a preliminary report,
/// then the final one, then a correction are one study, and only one of them should count.
///
/// The rule (docs/audit-schema.md, "Repeated accessions"): among the `ok` rows of one run that carry
/// the same non-empty `accession` (compared as written, so pseudonyms compare like the raw values),
/// the one that counts is the one of highest ``ResultStatus/rank(_:)`` — corrected or amended,
/// then final (or no status), then preliminary, then cancelled — and of equal ranks the one written
/// last. Every other row of that accession gets the counting row's `record_id` in `superseded_by`.
/// Error rows neither replace nor are replaced. No row is dropped.
///
/// Rows are fed in output order, as written. Memory is one entry per distinct accession (the
/// accession, the counting row's number, rank, tally and `record_id`) plus one per replaced row;
/// no report text is kept.
public struct Supersession: Sendable {
    struct Winner: Sendable {
        var row: Int
        var rank: Int
        var tally: Summary.Tally
        var recordID: String
    }
    var winners: [String: Winner] = [:]
    /// Replaced rows: row number (0-based, header not counted) and accession.
    var replaced: [(row: Int, accession: String)] = []
    /// Rows fed so far.
    public private(set) var rows = 0

    public init() {}

    static let recordIDColumn = AuditSchema.names.firstIndex(of: "record_id") ?? 0
    static let statusColumn = AuditSchema.names.firstIndex(of: "status") ?? 0
    static let accessionColumn = AuditSchema.names.firstIndex(of: "accession") ?? 0
    static let resultStatusColumn = AuditSchema.names.firstIndex(of: "result_status") ?? 0

    /// Takes the next row's values (as written, in column order). Returns the tally of the row
    /// this one replaces, or of this row when an earlier one outranks it; nil when no row is replaced.
    public mutating func add(_ cells: [String]) -> Summary.Tally? {
        let row = rows
        rows += 1
        guard cells.count == AuditSchema.names.count, cells[Self.statusColumn] == "ok" else { return nil }
        let accession = cells[Self.accessionColumn]
        guard !accession.isEmpty else { return nil }
        let rank = ResultStatus.rank(ResultStatus(rawValue: cells[Self.resultStatusColumn]))
        let mine = Winner(row: row, rank: rank, tally: Summary.Tally(cells), recordID: cells[Self.recordIDColumn])
        guard let current = winners[accession] else {
            winners[accession] = mine
            return nil
        }
        if rank >= current.rank {
            winners[accession] = mine
            replaced.append((current.row, accession))
            return current.tally
        }
        replaced.append((row, accession))
        return mine.tally
    }

    /// Replaced rows and the `record_id` of the row that counts instead, by row number.
    public var supersededBy: [Int: String] {
        var out: [Int: String] = [:]
        for (row, accession) in replaced { out[row] = winners[accession]?.recordID ?? "" }
        return out
    }

    /// How many rows are replaced.
    public var count: Int { replaced.count }
}
