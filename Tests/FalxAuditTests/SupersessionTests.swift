import FalxIngest
import Testing

@testable import FalxAudit

/// The rule that decides which row of a repeated accession counts (docs/audit-schema.md).
@Suite struct SupersessionTests {
    /// A row's cells with the columns the rule reads.
    static func cells(_ id: String, _ accession: String, _ status: String, ok: Bool = true) -> [String] {
        var v = Array(repeating: "", count: AuditSchema.names.count)
        func set(_ name: String, _ value: String) {
            if let i = AuditSchema.names.firstIndex(of: name) { v[i] = value }
        }
        set("record_id", id)
        set("status", ok ? "ok" : "error")
        set("accession", accession)
        set("result_status", status)
        set("category", ok ? "incidental_monitor" : "")
        set("audit_verdict", ok ? "concordant" : "")
        set("dural_calcification", ok ? "present" : "")
        return v
    }

    /// Feeds rows and returns `superseded_by` per row, and the summary.
    static func run(_ rows: [[String]]) -> ([String], Summary) {
        var s = Supersession()
        var summary = Summary()
        for r in rows {
            summary.add(cells: r)
            if let t = s.add(r) { summary.supersede(t) }
        }
        let marks = s.supersededBy
        return ((0..<rows.count).map { marks[$0] ?? "" }, summary)
    }

    @Test func correctedOutranksFinalOutranksPreliminaryWhateverTheOrder() {
        let (marks, summary) = Self.run([
            Self.cells("a1", "A", "preliminary"), Self.cells("a2", "A", "corrected"), Self.cells("a3", "A", "final"),
            Self.cells("b1", "B", "final"), Self.cells("b2", "B", "amended"),
            Self.cells("c1", "C", "cancelled"), Self.cells("c2", "C", "preliminary"),
        ])
        #expect(marks == ["a2", "", "a2", "b2", "", "c2", ""])
        #expect(summary.records == 7 && summary.ok == 3 && summary.superseded == 4)
        #expect(summary.categories == ["incidental_monitor": 3] && summary.duralCalcification == ["present": 3])
    }

    @Test func ofEqualStatusTheLaterRowCountsAndNoStatusIsFinal() {
        let (marks, _) = Self.run([
            Self.cells("x1", "X", ""), Self.cells("x2", "X", "final"), Self.cells("x3", "X", ""),
            Self.cells("y1", "Y", "final"), Self.cells("y2", "Y", "other"),
        ])
        #expect(marks == ["x3", "x3", "", "", "y1"])
    }

    @Test func errorRowsAndRowsWithoutAccessionTakeNoPart() {
        let (marks, summary) = Self.run([
            Self.cells("e1", "E", "final"), Self.cells("e2", "E", "corrected", ok: false),
            Self.cells("n1", "", "final"), Self.cells("n2", "", "final"),
        ])
        #expect(marks == ["", "", "", ""])
        #expect(summary.ok == 3 && summary.errors == 1 && summary.superseded == 0)
    }
}
