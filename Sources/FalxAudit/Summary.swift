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

    public init() {}

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
        let cats = Category.allCases.compactMap { c in categories[c.rawValue].map { "\(c.rawValue) \($0)" } }
        let verds = AuditVerdict.allCases.compactMap { v in verdicts[v.rawValue].map { "\(v.rawValue) \($0)" } }
        let dc = FindingStatus.allCases.compactMap { v in duralCalcification[v.rawValue].map { "\(v.rawValue) \($0)" } }
        if !dc.isEmpty { s += "; dural calcification: " + dc.joined(separator: ", ") }
        if !cats.isEmpty { s += "; categories: " + cats.joined(separator: ", ") }
        if !verds.isEmpty { s += "; verdicts: " + verds.joined(separator: ", ") }
        return s
    }
}
