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

    @Test(arguments: ["1", "2"])
    func aStopDuringACostlyBatchExitsWithinASecondAndResumes(_ jobs: String) throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("in.jsonl")
        try quickThenSlowRecords(slow: 80).write(to: input)
        let out = dir.appendingPathComponent("out.csv").path
        let err = Pipe()
        let started = Date()
        let p = try start(["audit", input.path, "-o", out, "--jobs", jobs], stderr: err)
        // The quick batch is written; the slow records are now being read.
        #expect(waitForPartial(in: dir, prefix: ".out.csv.", minBytes: 256 * 40))
        usleep(300_000)
        let signalled = Date()
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        let latency = Date().timeIntervalSince(signalled)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 143, "\(message)")
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
        #expect(uninterrupted > 2 * signalled.timeIntervalSince(started) + latency, "the slow records were not slow")

        let resumed = try falx(["audit", input.path, "-o", out, "--resume", "--jobs", jobs])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: reference)))
    }
}
