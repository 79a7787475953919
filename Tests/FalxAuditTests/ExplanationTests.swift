import FalxIngest
import Testing
@testable import FalxAudit

/// `Explanation` without the command line: which record a selector names, and what is printed.
@Suite struct ExplanationTests {
    static func report(_ id: String, _ text: String, accession: String = "") -> Record {
        var metadata = ReportMetadata()
        metadata.accession = accession
        return .success(
            Report(recordID: id, source: "batch.jsonl#\(id)", format: .jsonl, text: Array(text.utf8), metadata: metadata))
    }

    static let records: [Record] = [
        report("a", "Falx calcification."), report("b", "No abnormality.", accession: "ACC-7"),
        report("dir/c", "Normal."), report("x/c", "Normal."),
    ]

    @Test func aSelectorIsANumberAnIdOrAnAccession() throws {
        #expect(try Explanation.select("2", in: Self.records, file: "f") == 1)
        #expect(try Explanation.select("#1", in: Self.records, file: "f") == 0)
        #expect(try Explanation.select("b", in: Self.records, file: "f") == 1)
        #expect(try Explanation.select("ACC-7", in: Self.records, file: "f") == 1)
    }

    @Test func aSelectorThatNamesNoneOrSeveralRecordsSaysSo() {
        let missing = #expect(throws: Explanation.SelectionError.self) {
            try Explanation.select("5", in: Self.records, file: "f")
        }
        #expect(missing?.description == "f holds 4 record(s); there is no record 5")
        let unknown = #expect(throws: Explanation.SelectionError.self) {
            try Explanation.select("z", in: Self.records, file: "f")
        }
        #expect(unknown?.description.hasPrefix("f has no record \"z\"; its 4 record(s): a, b, dir/c, x/c") == true)
        let two = #expect(throws: Explanation.SelectionError.self) { try Explanation.select("c", in: Self.records, file: "f") }
        #expect(two?.description.hasPrefix("\"c\" names 2 records of f (numbers 3, 4)") == true)
    }

    @Test func thePlainExplanationNamesTheMentionAndTheRowItExplains() throws {
        guard case .success(let report) = Self.report("r1", "IMPRESSION: Dense calcification of the falx cerebri.") else {
            Issue.record("no report")
            return
        }
        let lines = Explanation(report: report, auditor: Auditor()).lines(style: .plain)
        #expect(lines.first == "record r1  (jsonl, 52 bytes)")
        #expect(lines.contains { $0.hasPrefix("  affirmed dural_calcification") })
        #expect(lines.contains("  dural_calcification: present"))
        #expect(lines.last == "\nDecision support for audit and research, not a diagnosis.")
        #expect(!lines.joined().contains("\u{1B}["))
    }
}

/// `StageProfile` (`falx bench`): what it counts, never how fast.
@Suite struct StageProfileTests {
    @Test func theProfileCountsTheRecordsAndListsEveryStage() throws {
        let (inputs, _) = try AuditRunTests.workspace(reports: 3)
        let lines = StageProfile.lines(paths: [inputs], repeats: 1)
        #expect(lines.first?.hasPrefix("3 records (3 read), ") == true)
        #expect(lines[1] == "| stage | CPU ms | ns/report | MB/s | wall ms |")
        let stages = lines.dropFirst(3).map { $0.split(separator: "|").first.map(String.init) ?? "" }
        #expect(stages.count == 13, "\(stages)")
        #expect(stages.contains(" context (ConText: negation, uncertainty, temporality; the difference) "))
    }
}
