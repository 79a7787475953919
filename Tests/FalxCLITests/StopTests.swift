import Foundation
import Testing

/// A stop signal during a costly record is honoured at once, not after the record or its batch.
extension CLITests {
    /// 256 quick records (one batch, written at once), then `slow` records of a costly shape
    /// (an unpunctuated run of proximity mentions) that take seconds to read together.
    func quickThenSlowRecords(slow: Int) -> Data {
        var lines: [String] = []
        for i in 1...256 { lines.append(#"{"id":"q\#(i)","text":"No falcine calcification. Study \#(i)."}"#) }
        let run = String(repeating: "calcified falx ", count: 1_000)
        for i in 1...slow { lines.append(#"{"id":"s\#(i)","text":"FINDINGS: \#(run)study \#(i)"}"#) }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Starts `args`, waits until the first batch of rows is in the partial output in `dir`, lets
    /// the run go on 0.3 s more, sends SIGTERM: the exit status, the seconds from the start to the
    /// signal and from the signal to the exit, and what stderr said.
    func auditThenTerminate(_ args: [String], in dir: URL) throws -> (
        status: Int32, untilSignal: Double, latency: Double, message: String
    ) {
        let err = Pipe()
        let started = Date()
        let p = try start(args, stderr: err)
        #expect(waitForPartial(in: dir, prefix: ".out.csv.", minBytes: 256 * 40))
        usleep(300_000)
        let signalled = Date()
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        let latency = Date().timeIntervalSince(signalled)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (p.terminationStatus, signalled.timeIntervalSince(started), latency, message)
    }

    @Test(arguments: ["1", "2"])
    func aStopDuringACostlyBatchExitsWithinASecondAndResumes(_ jobs: String) throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("in.jsonl")
        try quickThenSlowRecords(slow: 80).write(to: input)
        let out = dir.appendingPathComponent("out.csv").path
        // The quick batch is written; the slow records are now being read.
        let (status, untilSignal, latency, message) = try auditThenTerminate(
            ["audit", input.path, "-o", out, "--jobs", jobs], in: dir)
        #expect(status == 143, "\(message)")
        // Well under a second on a quiet machine (docs/reliability.md); the bound leaves room for a
        // loaded CI machine and the address-sanitized build, and is still far below the seconds
        // the slow records take.
        #expect(latency < 4, "stopped \(latency) s after SIGTERM")
        #expect(message.contains("terminated") && message.contains("--resume"))
        #expect(!FileManager.default.fileExists(atPath: out))

        // The uninterrupted run takes several times longer than the stop did: the stop did not
        // wait for the slow records.
        let referenceStarted = Date()
        let reference = dir.appendingPathComponent("reference.csv").path
        #expect(try falx(["audit", input.path, "-o", reference, "--quiet", "--jobs", jobs]).status == 0)
        let uninterrupted = Date().timeIntervalSince(referenceStarted)
        #expect(uninterrupted > 2 * untilSignal + latency, "the slow records were not slow")

        let resumed = try falx(["audit", input.path, "-o", out, "--resume", "--jobs", jobs])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: reference)))
    }

    /// A folder of `a.jsonl` (300 quick records: one batch is written at once) and `big`, named
    /// `bigName`, whose read pass (before its first record) takes seconds.
    func quickThenHugeFile(_ big: Data, named bigName: String) throws -> URL {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let quick = (1...300).map { #"{"id":"q\#($0)","text":"No falcine calcification. Study \#($0)."}"# }
        try Data((quick.joined(separator: "\n") + "\n").utf8).write(to: input.appendingPathComponent("a.jsonl"))
        try big.write(to: input.appendingPathComponent(bigName))
        return dir
    }

    /// A multi-report text file of `megabytes` MB: one report, then rules between blank lines (a
    /// separator on every other line), so the separator pass, not the report, is the cost.
    func hugeReportText(megabytes: Int) -> Data {
        let rules = String(repeating: String(repeating: "-", count: 38) + "\n\n", count: (megabytes << 20) / 40)
        return Data(("=== REPORT 1 ===\nDense calcification of the falx.\n" + rules).utf8)
    }

    /// A FHIR Bundle of `megabytes` MB (under the 32 MiB limit): one DiagnosticReport, then Observations the outline scans past.
    func hugeBundle(megabytes: Int) -> Data {
        var entries = [
            #"{"resource":{"resourceType":"DiagnosticReport","id":"d1","status":"final","conclusion":"Calcified falx."}}"#
        ]
        var size = 0
        var k = 0
        while size < megabytes << 20 {
            k += 1
            let entry = #"{"resource":{"resourceType":"Observation","id":"o\#(k)","status":"final","valueString":"[{\"x\"}]"}}"#
            size += entry.utf8.count + 1
            entries.append(entry)
        }
        return Data((#"{"resourceType":"Bundle","type":"collection","entry":["# + entries.joined(separator: ",") + "]}").utf8)
    }

    /// SIGTERM while one huge file is scanned, before any of its records: the run stops within the
    /// engine's bound, exits 143, keeps the rows written as a resumable partial and no output.
    @Test(arguments: ["text", "bundle"])
    func aStopDuringTheReadPassOfAHugeFileExitsPromptlyAndResumes(_ shape: String) throws {
        let dir =
            shape == "text"
            ? try quickThenHugeFile(hugeReportText(megabytes: 8), named: "b.txt")
            : try quickThenHugeFile(hugeBundle(megabytes: 30), named: "b.json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in").path
        let out = dir.appendingPathComponent("out.csv").path
        // The quick file's batch is written; the huge file is now being read.
        let (status, untilSignal, latency, message) = try auditThenTerminate(["audit", input, "-o", out, "--jobs", "1"], in: dir)
        #expect(status == 143, "\(message)")
        #expect(latency < 4, "stopped \(latency) s after SIGTERM")
        #expect(message.contains("terminated") && message.contains("--resume"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(FileManager.default.fileExists(atPath: out + ".partial"))

        // Reading the huge file takes several times longer than the stop did: the stop did not
        // wait for the read pass.
        let referenceStarted = Date()
        let reference = dir.appendingPathComponent("reference.csv").path
        #expect(try falx(["audit", input, "-o", reference, "--quiet", "--jobs", "1"]).status == 0)
        let uninterrupted = Date().timeIntervalSince(referenceStarted)
        #expect(uninterrupted > 2 * untilSignal + latency, "the read pass was not slow")

        let resumed = try falx(["audit", input, "-o", out, "--resume", "--jobs", "1"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: reference)))
    }
}
