import Foundation
import Testing

@testable import FalxAudit
@testable import FalxReport

/// The bodies of `falx report` and `falx audit` as library values: their checks, refusals and runs.
@Suite struct CommandRunTests {
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "falx-commands-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func reportFlagsAreChecked() {
        var run = ReportRun(audit: "audit.csv", output: "report.html")
        #expect(throws: Never.self) { try run.validate() }
        run.worklistLimit = -1
        #expect(throws: UsageError("--worklist-limit must be between 0 and 1000000")) { try run.validate() }
        run.worklistLimit = 10
        run.datePrecision = .year
        #expect(throws: UsageError("--date-precision goes with --pseudonymise")) { try run.validate() }
    }

    @Test func aReportIsBuiltFromAnAuditAndNothingIsLeftOnError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let audit = try #require(Bundle.module.path(forResource: "audit", ofType: "csv", inDirectory: "Fixtures"))
        var run = ReportRun(audit: audit, output: dir + "/report.html")
        try run.refuseUnsafePaths()
        let line = try run.run(pseudonymise: nil)
        #expect(line.hasPrefix("falx report: ") && line.hasSuffix("wrote \(dir)/report.html and \(dir)/report-worklist.csv"))
        #expect(FileManager.default.fileExists(atPath: dir + "/report.html"))
        run.audit = dir + "/missing.csv"
        #expect(throws: (any Error).self) { try run.refuseUnsafePaths() }
        run.output = dir + "/other.html"
        #expect(throws: (any Error).self) { _ = try run.run(pseudonymise: nil) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/other.html"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/other-worklist.csv"))
    }

    @Test func anAuditSessionRefusesAnOutputThatIsAnInputAndRunsOtherwise() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("FINDINGS: Calcification of the falx.\n".utf8).write(to: URL(fileURLWithPath: dir + "/r1.txt"))
        var options = AuditOptions()
        options.run.paths = [dir + "/r1.txt"]
        options.run.output = dir + "/r1.txt"
        #expect(throws: (any Error).self) { try AuditSession(options: options) }
        options.run.output = dir + "/audit.csv"
        let session = try AuditSession(options: options)
        var lines: [String] = []
        let outcome = try session.run(
            lexicon: try LoadedLexicon.load(nil), lexiconSHA256: "test", pseudonymisation: nil,
            stop: StopSignals(immediate: false), stats: true, log: { lines.append($0) })
        guard case .finished(let summary, let resumed) = outcome else {
            Issue.record("the run did not finish: \(outcome)")
            return
        }
        #expect(summary.records == 1 && resumed == 0)
        #expect(lines.first == summary.line)
        #expect(lines.last?.hasPrefix("falx: ") == true && lines.last?.contains("records/s") == true)
        let audit = try String(contentsOfFile: dir + "/audit.csv", encoding: .utf8)
        #expect(audit.split(separator: "\n").count == 2)
        #expect(FileManager.default.fileExists(atPath: dir + "/audit.csv.meta.json"))
    }
}
