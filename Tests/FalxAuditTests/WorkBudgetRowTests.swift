import FalxCore
import FalxIngest
import Testing
@testable import FalxAudit

@Suite struct WorkBudgetRowTests {
    func report(_ text: String) -> Record {
        .success(Report(recordID: "r1", source: "in.jsonl", format: .jsonl, text: Array(text.utf8)))
    }

    @Test func aRecordOverTheWorkBudgetIsAnErrorRowWithItsReason() throws {
        var auditor = Auditor()
        #expect(auditor.workBudget == 32 * Auditor.defaultMaxTextBytes)
        auditor.workBudget = 50
        let row = auditor.row(for: report("No falx, tentorium or dural calcification, thickening or enhancement."))
        #expect(!row.ok)
        let error = try #require(row.errors.first)
        #expect(error.hasPrefix("record-too-costly: "))
        #expect(error.contains("work budget of 50 units") && error.contains("--max-record-mb"))
        #expect(row.recordID == "r1" && row.source == "in.jsonl")
    }

    @Test func theSameRecordWithinTheBudgetIsRead() {
        let row = Auditor().row(for: report("No falx, tentorium or dural calcification, thickening or enhancement."))
        #expect(row.ok && row.errors.isEmpty)
        #expect(row.facts.duralCalcification == .absent)
    }

    @Test func aStopRequestMakesAStoppedRow() throws {
        var auditor = Auditor()
        auditor.shouldStop = { true }
        let row = auditor.row(for: report("Falcine calcification."))
        #expect(!row.ok)
        #expect(try #require(row.errors.first).hasPrefix("stopped: "))
    }
}
