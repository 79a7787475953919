import FalxAudit
import Foundation
import Testing

@testable import FalxReport

/// The page's size is bounded whatever the audit's cells hold; the audit keeps them whole.
@Suite struct PageSizeTests {
    /// A worklist row whose evidence is a sentence of about `evidenceBytes`, its mention in the middle.
    static func worklistRow(_ n: Int, evidenceBytes: Int) -> [String] {
        var v = Array(repeating: "", count: AuditRow.columns.count)
        func set(_ c: String, _ x: String) { v[AuditRow.columns.firstIndex(of: c) ?? 0] = x }
        let half = String(repeating: "pasted table cell ", count: evidenceBytes / 36)
        set("record_id", "r\(n)")
        set("status", "ok")
        set("format", "text")
        set("dural_calcification", "present")
        set("audit_verdict", "missed_workup")
        set("interpreter", String(repeating: "Dr Long Name ", count: 10_000))
        set("dc_evidence", half + "dense falx calcification " + half)
        set("dc_offsets", "12-\(12 + evidenceBytes)")
        return v
    }

    @Test func oneHundredFiftyCasesOfOneMegabyteEvidenceMakeASmallPage() throws {
        var agg = ReportAggregates()
        for n in 1...150 { agg.add(Self.worklistRow(n, evidenceBytes: 1 << 20)) }
        #expect(agg.worklistTotal == 150 && agg.worklist.count == 150)
        let html = HTMLReport(
            aggregates: agg, stats: AuditReadStats(kind: .csv, rows: 150), context: .init(auditName: "a.csv")
        ).html
        // 150 MB of evidence before; now each case shows at most 1,000 characters and a note.
        #expect(html.utf8.count < 2_000_000, "page of \(html.utf8.count) bytes")
        let c = try #require(agg.worklist.first)
        #expect(c.evidence.unicodeScalars.count < PageText.maxEvidence + 200)
        #expect(c.evidence.contains("dense falx calcification"), "the window holds the mention")
        #expect(c.evidence.contains("report offsets 12-\(12 + (1 << 20))"))
        #expect(c.interpreter.unicodeScalars.count < PageText.maxCell + 60)
        #expect(html.contains("<mark>falx</mark>"))
    }

    @Test func shortCellsAreShownWhole() {
        #expect(PageText.clip("Dr A") == "Dr A")
        #expect(PageText.evidence("Dense falx calcification.", offsets: "0-25") == "Dense falx calcification.")
        let cut = PageText.clip(String(repeating: "é", count: 500))
        #expect(cut.hasPrefix(String(repeating: "é", count: PageText.maxCell)) && cut.contains("200 more characters cut"))
    }
}
