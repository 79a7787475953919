import Foundation
import Testing

/// Faults during a run: signals, hard kills, resume, and inputs at the limits.
extension CLITests {
    /// JSON Lines of short reports, some of them bad, `count` lines.
    func jsonLines(_ count: Int) -> Data {
        let texts = [
            "CT head. Dense calcification of the falx cerebri.", "No intracranial haemorrhage. Tentorial calcification noted.",
            "Possible dural calcification along the convexity.", "No falcine calcification.", "Normal study.",
        ]
        var lines: [String] = []
        for i in 1...count {
            lines.append(i % 97 == 0 ? "{broken" : #"{"id":"r\#(i)","text":"\#(texts[i % texts.count]) Study \#(i)."}"#)
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Starts `falx` and returns the process, for signals.
    func start(_ args: [String], stderr: Pipe) throws -> Process {
        let p = Process()
        p.executableURL = try #require(Self.binary, "build the falx executable first")
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr
        try p.run()
        return p
    }

    /// Waits until a file whose name matches exists with at least one byte beyond the header.
    func waitForPartial(in dir: URL, prefix: String, minBytes: Int = 2_000) -> Bool {
        for _ in 0..<1200 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for n in names where n.hasPrefix(prefix) && n.hasSuffix(".partial") {
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(n).path)[.size] as? Int) ?? 0
                if size >= minBytes { return true }
            }
            usleep(50_000)
        }
        return false
    }

    @Test(arguments: [(SIGINT, "1"), (SIGTERM, "2")])
    func aSignalKeepsWholeRowsAndResumeFinishesTheSameAudit(_ signal: Int32, _ jobs: String) throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("in.jsonl")
        try jsonLines(20_000).write(to: input)
        let reference = dir.appendingPathComponent("reference.csv").path
        #expect(try falx(["audit", input.path, "-o", reference, "--quiet"]).status == 0)

        let out = dir.appendingPathComponent("out.csv").path
        let err = Pipe()
        let p = try start(["audit", input.path, "-o", out, "--jobs", jobs], stderr: err)
        #expect(waitForPartial(in: dir, prefix: ".out.csv."))
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // The run must still be going when the signal lands (20,000 records take seconds); one that
        // finished first tested nothing, and says so.
        guard p.terminationStatus != 0 else {
            Issue.record("the audit finished before the signal landed: the test did not test the stop")
            return
        }
        #expect(p.terminationStatus == 128 + signal)
        #expect(message.contains("rows") && message.contains("out.csv.partial") && message.contains("--resume"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let partial = try Data(contentsOf: URL(fileURLWithPath: out + ".partial"))
        let full = try Data(contentsOf: URL(fileURLWithPath: reference))
        #expect(partial.count < full.count && full.starts(with: partial))
        #expect(partial.last == 0x0A)

        let resumed = try falx(["audit", input.path, "-o", out, "--resume", "--jobs", jobs])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after") && resumed.stderr.contains("20000 records"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == full)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test func aHardKillLeavesACutRowThatResumeDropsAndRedoes() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("in.jsonl")
        try jsonLines(20_000).write(to: input)
        let reference = try falx(["audit", input.path, "--format", "jsonl", "--quiet"])
        let out = dir.appendingPathComponent("out.jsonl").path
        let p = try start(["audit", input.path, "-o", out, "--format", "jsonl"], stderr: Pipe())
        #expect(waitForPartial(in: dir, prefix: ".out.jsonl."))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        guard p.terminationReason == .uncaughtSignal else {
            Issue.record("the audit finished before SIGKILL landed: the test did not test the kill")
            return
        }
        // Cut the partial mid-row, as a kill during a write would.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let hidden = try #require(names.first { $0.hasPrefix(".out.jsonl.") && $0.hasSuffix(".partial") })
        let path = dir.appendingPathComponent(hidden).path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(size - 7)) == 0)
        let resumed = try falx(["audit", input.path, "-o", out, "--format", "jsonl", "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == reference.stdout)
    }

    @Test func resumeRefusesAPartialOfOtherInputs() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.csv").path
        #expect(try falx(["audit", "Corpus/formats", "-o", out + ".partial", "--quiet"]).status == 0)
        let r = try falx(["audit", "Corpus/reports", "-o", out, "--resume"])
        #expect(r.status == 2 && r.stderr.contains("does not match"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(FileManager.default.fileExists(atPath: out + ".partial"), "a refused resume keeps the partial audit")
        #expect(try falx(["audit", "Corpus", "-o", out + ".partial", "--quiet"]).status == 0)
        // Other inputs are named by the provenance check (the partial's inputs → this run's).
        let fewer = try falx(["audit", "Corpus/formats", "-o", out, "--resume"])
        #expect(fewer.status == 2 && fewer.stderr.contains("does not match this run (inputs: "), "\(fewer.stderr)")
        let none = try falx(["audit", "Corpus/formats", "-o", dir.appendingPathComponent("new.csv").path, "--resume"])
        #expect(none.status == 0 && none.stderr.contains("nothing to resume"))
        let stdout = try falx(["audit", "Corpus", "--resume"])
        #expect(stdout.status != 0 && stdout.stderr.contains("--resume needs an output file"))
    }

    @Test func aStreamingFilterStopsAtOnceOnSIGINT() throws {
        let p = Process()
        p.executableURL = try #require(Self.binary)
        p.arguments = ["audit", "--stdin"]
        let input = Pipe(), output = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(Data(#"{"id":"a","text":"Falx."}"#.utf8 + [0x0A]))
        // Its row arrives while the input stays open: falx is running and now blocked reading.
        var seen = Data()
        while !seen.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("interrupted"))
    }

    @Test func recordsOverTheLimitAreErrorRowsInBoundedMemory() throws {
        let dir = try temporaryDirectory()
        let words = String(repeating: "Calcification of the falx cerebri is noted. ", count: 700_000)  // 30 MB
        let lines = [#"{"id":"before","text":"Falx."}"#, #"{"id":"huge","text":"\#(words)"}"#, #"{"id":"after","text":"Falx."}"#]
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("a.jsonl"))
        try Data(words.utf8).write(to: dir.appendingPathComponent("b-huge.txt"))
        try Data(String(repeating: "\n", count: 100_000).utf8).write(to: dir.appendingPathComponent("c-empty-lines.txt"))
        let r = try falx(["audit", dir.path, "--no-header"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = parseCSV(r.stdout).map { "\($0[0]):\($0[3]):\($0[44].prefix { $0 != ":" })" }
        #expect(
            rows == [
                "before:ok:", "a.jsonl#2:error:line-too-long", "after:ok:", "b-huge.txt#1:error:record-too-large",
                "c-empty-lines.txt#1:error:empty",
            ])
        // The limit is the user's: 1.2 MB is over --max-record-mb 1 and under the default.
        let plain = String(repeating: "unremarkable ", count: 95_000)
        try Data(#"{"id":"mid","text":"\#(plain)"}"#.utf8).write(to: dir.appendingPathComponent("mid.jsonl"))
        let mid = dir.appendingPathComponent("mid.jsonl").path
        #expect(parseCSV(try falx(["audit", mid, "--no-header", "--max-record-mb", "1"]).stdout).map { $0[3] } == ["error"])
        #expect(parseCSV(try falx(["audit", mid, "--no-header"]).stdout).map { $0[3] } == ["ok"])
        // 100,000 empty JSON lines: one error row each.
        let blank = try falx(["audit", "--stdin", "--no-header", "--quiet"], input: Data(repeating: 0x0A, count: 100_000))
        #expect(blank.status == 0 && parseCSV(blank.stdout).count == 100_000)
        // Peak memory of the run over the 30 MB line and file, as falx measures it (--stats).
        let measured = try falx(["audit", dir.path, "--no-header", "--stats", "-o", "/dev/null"])
        let peak = measured.stderr.split(separator: " ").firstIndex(of: "memory").map {
            Int(measured.stderr.split(separator: " ")[$0 + 1]) ?? 0
        }
        // Sanitizers multiply memory; the bound is for the plain build.
        if ProcessInfo.processInfo.environment["FALX_SANITIZER"] == nil {
            #expect((peak ?? 1_000) < 200, "\(measured.stderr)")
        }
    }

    @Test func aFolderOfAHundredThousandTinyFiles() throws {
        let dir = try temporaryDirectory()
        let fm = FileManager.default
        for d in 0..<100 {
            try fm.createDirectory(at: dir.appendingPathComponent(String(format: "%02d", d)), withIntermediateDirectories: true)
        }
        for i in 0..<100_000 {
            let name = String(format: "%02d/%06d.txt", i % 100, i)
            fm.createFile(
                atPath: dir.appendingPathComponent(name).path, contents: i % 100 == 0 ? Data("Falx calcified.".utf8) : nil)
        }
        let r = try falx(["audit", dir.path, "--no-header", "--format", "jsonl"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("100000 records: 1000 ok, 99000 error"))
        let lines = r.stdout.split(separator: 0x0A)
        #expect(lines.count == 100_000)
        #expect(String(decoding: lines[0], as: UTF8.self).contains("00/000000.txt#1"))
    }
}

extension CLITests {
    /// A client that sends one line and waits for its row before sending the next gets it.
    @Test func aStreamingFilterAnswersEachLineWithoutWaitingForMore() throws {
        let p = Process()
        p.executableURL = try #require(Self.binary)
        p.arguments = ["audit", "--stdin", "--no-header", "--format", "jsonl", "--quiet"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        for i in 1...3 {
            input.fileHandleForWriting.write(Data(#"{"id":"q\#(i)","text":"Falcine calcification."}"#.utf8 + [0x0A]))
            var line = Data()
            while line.last != 0x0A {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            #expect(String(decoding: line, as: UTF8.self).hasPrefix(#"{"record_id":"q\#(i)""#))
        }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}

extension CLITests {
    /// A progress line on a terminal (run under script(1) for a pseudo-terminal), none otherwise.
    @Test func progressLineOnlyOnATerminal() throws {
        let dir = try temporaryDirectory()
        let bin = try #require(Self.binary).path
        let out = dir.appendingPathComponent("a.csv").path
        let gold = try String(contentsOf: Self.root.appendingPathComponent("Corpus/corpus.gold.jsonl"), encoding: .utf8)
        let n = gold.split(separator: "\n").count
        let tty = try falxShell("script -qec '\(bin) audit Corpus -o \(out)' /dev/null")
        #expect(tty.contains("records/s") && tty.contains("%") && tty.contains("\(n) records: \(n) ok"))
        let plain = try falx(["audit", "Corpus", "-o", out])
        #expect(!plain.stderr.contains("records/s") && plain.stderr.contains("\(n) records: \(n) ok"))
        let quiet = try falxShell("script -qec '\(bin) audit Corpus -o \(out) --quiet' /dev/null")
        #expect(!quiet.contains("records/s"))
    }

    func falxShell(_ command: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = Self.root
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

extension CLITests {
    /// Each small file costs its own bytes, not a read block: 1,500 files stay far under the bound
    /// (a 4 MiB block kept per file once took a folder of 20,000 reports to 2.1 GB).
    @Test func aFolderOfSmallFilesIsReadInSmallMemory() throws {
        let dir = try temporaryDirectory()
        for i in 0..<1_500 {
            let text = "FINDINGS: Calcification of the falx cerebri, case \(i)."
            FileManager.default.createFile(atPath: dir.appendingPathComponent("r\(i).txt").path, contents: Data(text.utf8))
        }
        let r = try falx(["audit", dir.path, "--stats", "-o", "/dev/null"])
        #expect(r.status == 0 && r.stderr.contains("1500 records: 1500 ok"))
        let words = r.stderr.split(separator: " ")
        let peak = words.firstIndex(of: "memory").flatMap { Int(words[$0 + 1]) } ?? 10_000
        if ProcessInfo.processInfo.environment["FALX_SANITIZER"] == nil {
            #expect(peak < 150, "\(r.stderr)")
        }
    }
}
