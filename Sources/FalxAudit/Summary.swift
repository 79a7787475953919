import FalxCore

/// Counts of a run, for the closing line on stderr.
public struct Summary: Sendable, Equatable {
    public var records = 0
    public var ok = 0
    public var errors = 0
    public var warnings = 0
    public var categories: [String: Int] = [:]
    public var verdicts: [String: Int] = [:]
    public var duralCalcification: [String: Int] = [:]
    /// Rows replaced by a later report of the same accession (``Supersession``): counted in
    /// `records`, left out of every other count.
    public var superseded = 0

    public init() {}

    /// What one row adds to the counts, kept so that it can be taken out again when a later report
    /// of the same accession replaces the row.
    public struct Tally: Sendable, Equatable {
        var ok: Bool
        var warned: Bool
        var category: String
        var verdict: String
        var duralCalcification: String

        /// The tally of a row's cells (as written, in column order).
        init(_ cells: [String]) {
            func cell(_ name: String) -> String {
                guard let i = Summary.columnIndex[name], i < cells.count else { return "" }
                return CSV.unguarded(cells[i])
            }
            ok = cell("status") == "ok"
            warned = !cell("warnings").isEmpty
            category = cell("category")
            verdict = cell("audit_verdict")
            duralCalcification = cell("dural_calcification")
        }
    }

    /// Takes a replaced row out of the counts (it stays in `records`).
    public mutating func supersede(_ t: Tally) {
        superseded += 1
        if t.warned { warnings -= 1 }
        guard t.ok else {
            errors -= 1
            return
        }
        ok -= 1
        Self.decrement(&categories, t.category)
        Self.decrement(&verdicts, t.verdict)
        Self.decrement(&duralCalcification, t.duralCalcification)
    }

    static func decrement(_ counts: inout [String: Int], _ key: String) {
        guard let n = counts[key] else { return }
        counts[key] = n > 1 ? n - 1 : nil
    }

    public mutating func add(_ row: AuditRow) {
        records += 1
        if !row.warnings.isEmpty { warnings += 1 }
        guard row.ok, let rec = row.recommendation else { errors += 1; return }
        ok += 1
        categories[rec.category.rawValue, default: 0] += 1
        verdicts[rec.verdict.rawValue, default: 0] += 1
        duralCalcification[row.facts.duralCalcification.rawValue, default: 0] += 1
    }

    /// `N records: A ok, B error`, then counts per category and verdict, in table order.
    public var line: String {
        var s = "\(records) records: \(ok) ok, \(errors) error"
        if superseded > 0 { s += ", \(superseded) superseded by a later report of the same accession" }
        let cats = Category.allCases.compactMap { c in categories[c.rawValue].map { "\(c.rawValue) \($0)" } }
        let verds = AuditVerdict.allCases.compactMap { v in verdicts[v.rawValue].map { "\(v.rawValue) \($0)" } }
        let dc = FindingStatus.allCases.compactMap { v in duralCalcification[v.rawValue].map { "\(v.rawValue) \($0)" } }
        if !dc.isEmpty { s += "; dural calcification: " + dc.joined(separator: ", ") }
        if !cats.isEmpty { s += "; categories: " + cats.joined(separator: ", ") }
        if !verds.isEmpty { s += "; verdicts: " + verds.joined(separator: ", ") }
        return s
    }
}
