import FalxIngest
import Foundation
import Testing
@testable import FalxAudit

/// `AuditRun` without the command line: the resume protocol and the batch policy. The CLI suites
/// run the built binary for the flags, signals and messages end to end; these pin the type itself.
@Suite struct AuditRunTests {
    /// A folder of `count` one-line text reports, and an output path beside it.
    static func workspace(reports count: Int) throws -> (inputs: String, output: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("falx-run-\(UUID().uuidString)")
        let inputs = base.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for n in 0..<count {
            let text = n % 2 == 0 ? "Calcification of the falx cerebri." : "No intracranial abnormality."
            try Data(text.utf8).write(to: inputs.appendingPathComponent(String(format: "r%03d.txt", n)))
        }
        return (inputs.path, base.appendingPathComponent("audit.csv").path)
    }

    static func provenance(inputs: [String], maxRecordMB: Int = 8) -> Provenance {
        Provenance(
            falxVersion: "test", rulesetVersion: "test", lexiconName: "built-in", lexiconSHA256: "0", format: .csv,
            header: true, excelBOM: false, pseudonymisationKey: nil, datePrecision: nil, maxFileMB: 256,
            maxRecordMB: maxRecordMB, inputs: inputs)
    }

    /// A run over `inputs` writing `output`, its messages collected in `log`.
    static func run(
        _ inputs: String, _ output: String, resume: Bool = false, provenance: Provenance? = nil, log: Log = Log(),
        stop: StopAfter? = nil
    ) -> AuditRun {
        var configuration = AuditRun.Configuration()
        (configuration.paths, configuration.output, configuration.resume, configuration.jobs) = ([inputs], output, resume, 2)
        var run = AuditRun(
            configuration: configuration, auditor: Auditor(), provenance: provenance ?? Self.provenance(inputs: [inputs]))
        run.hooks.log = { log.lines.append($0) }
        if let stop {
            run.hooks.stopSignal = { stop.signal }
            run.hooks.written = { rows, _ in stop.written(rows) }
        }
        return run
    }

    final class Log: @unchecked Sendable { var lines: [String] = [] }

    /// Raises SIGINT once `rows` rows are written.
    final class StopAfter: @unchecked Sendable {
        let rows: Int
        private let lock = NSLock()
        private var raised: Int32 = 0
        init(rows: Int) { self.rows = rows }
        var signal: Int32 { lock.withLock { raised } }
        func written(_ n: Int) { if n >= rows { lock.withLock { raised = SIGINT } } }
    }

    @Test func resumeWithNothingToResumeSaysSoAndRunsFromTheStart() throws {
        let (inputs, output) = try Self.workspace(reports: 3)
        let log = Log()
        let outcome = try Self.run(inputs, output, resume: true, log: log).run()
        #expect(log.lines == ["falx: nothing to resume for \(output); starting from the first record"])
        guard case .finished(let summary, let resumed) = outcome else {
            Issue.record("expected a finished run, got \(outcome)")
            return
        }
        #expect(summary.records == 3 && resumed == 0)
        #expect(FileManager.default.fileExists(atPath: Provenance.sidecarPath(for: output)))
    }

    @Test func aStoppedRunKeepsWholeRowsAndItsResumeWritesTheSameAudit() throws {
        let (inputs, output) = try Self.workspace(reports: 600)
        _ = try Self.run(inputs, output).run()
        let whole = try Data(contentsOf: URL(fileURLWithPath: output))
        try FileManager.default.removeItem(atPath: output)

        let log = Log()
        let stopped = try Self.run(inputs, output, log: log, stop: StopAfter(rows: 256)).run()
        #expect(stopped == .stopped(signal: SIGINT))
        let partial = output + ".partial"
        #expect(FileManager.default.fileExists(atPath: partial) && !FileManager.default.fileExists(atPath: output))
        #expect(log.lines.last?.contains("rerun the same command with --resume") == true)

        let resumedLog = Log()
        let outcome = try Self.run(inputs, output, resume: true, log: resumedLog).run()
        guard case .finished(let summary, let resumed) = outcome else {
            Issue.record("expected a finished run, got \(outcome)")
            return
        }
        #expect(summary.records == 600 && resumed >= 256 && resumed < 600)
        #expect(resumedLog.lines == ["falx: resuming after \(resumed) rows of \(partial)"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == whole)
        #expect(!FileManager.default.fileExists(atPath: partial))
    }

    @Test func resumeRefusesAPartialMadeWithOtherOptionsAndKeepsIt() throws {
        let (inputs, output) = try Self.workspace(reports: 300)
        _ = try Self.run(inputs, output, stop: StopAfter(rows: 1)).run()
        let partial = output + ".partial"
        let before = try Data(contentsOf: URL(fileURLWithPath: partial))
        let other = Self.provenance(inputs: [inputs], maxRecordMB: 4)
        let refusal = #expect(throws: Refusal.self) { try Self.run(inputs, output, resume: true, provenance: other).run() }
        #expect(
            refusal?.message.contains("does not match this run (--max-record-mb: 8 → 4)") == true,
            "\(String(describing: refusal))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: partial)) == before)
        #expect(FileManager.default.fileExists(atPath: Provenance.sidecarPath(for: partial)))
    }

    @Test func resumeRefusesInputsThatHoldFewerRecordsThanThePartial() throws {
        let (inputs, output) = try Self.workspace(reports: 300)
        _ = try Self.run(inputs, output, stop: StopAfter(rows: 1)).run()
        for n in 10..<300 { try FileManager.default.removeItem(atPath: inputs + String(format: "/r%03d.txt", n)) }
        let refusal = #expect(throws: Refusal.self) { try Self.run(inputs, output, resume: true).run() }
        #expect(
            refusal?.message.contains("has 256 rows but the inputs hold only 10 records") == true,
            "\(String(describing: refusal))")
        #expect(FileManager.default.fileExists(atPath: output + ".partial"))
    }

    @Test func batchesEndAtTheirRecordCountOrTheirTextSize() {
        let files = BatchPolicy.files
        #expect(!files.isFull(count: 255, bytes: 0) && files.isFull(count: 256, bytes: 0))
        #expect(!files.isFull(count: 1, bytes: (4 << 20) - 1) && files.isFull(count: 1, bytes: 4 << 20))
        #expect(BatchPolicy.standardInput.isFull(count: 64, bytes: 0) && !BatchPolicy.standardInput.isFull(count: 63, bytes: 0))
        #expect(BatchPolicy.window(jobs: 4) == 9)
    }
}
