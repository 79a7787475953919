import FalxAudit
import Foundation
import Testing

/// End-to-end tests: the built `falx` binary on the bundled Corpus and on ugly input.
@Suite(.serialized) struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL? {
        // The falx built with this test binary (same build folder, same sanitizer), else .build's.
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let sibling = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("falx")
            if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        }
        let build = root.appendingPathComponent(".build")
        for sub in ["debug", "release"] {
            let direct = build.appendingPathComponent(sub).appendingPathComponent("falx")
            if FileManager.default.isExecutableFile(atPath: direct.path) { return direct }
        }
        if let triples = try? FileManager.default.contentsOfDirectory(atPath: build.path) {
            for t in triples {
                let p = build.appendingPathComponent(t).appendingPathComponent("debug").appendingPathComponent("falx")
                if FileManager.default.isExecutableFile(atPath: p.path) { return p }
            }
        }
        return nil
    }

    struct Run { var status: Int32; var stdout: Data; var stderr: String }

    func falx(_ args: [String], input: Data? = nil, in directory: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = try #require(Self.binary, "build the falx executable first")
        p.arguments = args
        p.currentDirectoryURL = directory ?? Self.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let inPipe = Pipe()
        if input != nil { p.standardInput = inPipe }
        try p.run()
        if let input {
            inPipe.fileHandleForWriting.write(input)
            try inPipe.fileHandleForWriting.close()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("falx-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Splits RFC 4180 CSV into rows of fields.
    func parseCSV(_ data: Data) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = String(decoding: data, as: UTF8.self).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func auditOfTheCorpusWritesOneRowPerReport() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("audit.csv").path
        let r = try falx(["audit", "Corpus", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = parseCSV(try Data(contentsOf: URL(fileURLWithPath: out)))
        let gold = try String(contentsOf: Self.root.appendingPathComponent("Corpus/corpus.gold.jsonl"), encoding: .utf8)
        let goldCount = gold.split(separator: "\n").count
        #expect(rows.count == goldCount + 1)
        #expect(rows.allSatisfy { $0.count == AuditSchema.columns.count })
        #expect(rows[0].first == "record_id")
        #expect(rows.dropFirst().allSatisfy { $0[3] == "ok" })
        #expect(r.stderr.contains("\(goldCount) records: \(goldCount) ok, 0 error"))
        // The gold ids are the audit's record ids.
        let ids = Set(rows.dropFirst().map { $0[0] })
        for line in gold.split(separator: "\n") {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(ids.contains(try #require(obj["id"] as? String)))
        }
    }

    @Test func outputIsTheSameForEveryJobCount() throws {
        let one = try falx(["audit", "Corpus", "--jobs", "1", "--quiet"])
        let two = try falx(["audit", "Corpus", "--jobs", "2", "--quiet"])
        let eight = try falx(["audit", "Corpus", "--jobs", "8", "--quiet", "--format", "jsonl"])
        #expect(one.status == 0 && two.status == 0 && eight.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(!one.stdout.isEmpty && one.stderr.isEmpty)
        let lines = String(decoding: eight.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == parseCSV(one.stdout).count - 1)
    }

    @Test func evalReachesTheRecordedThresholds() throws {
        let r = try falx(["eval", "Corpus/corpus.gold.jsonl", "--min-accuracy", "0.97"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = String(decoding: r.stdout, as: UTF8.self)
        #expect(text.contains("confusion: dural_calcification"))
        #expect(text.contains("confusion: category") && text.contains("confusion: audit_verdict"))
        let dc = text.split(separator: "\n").first { $0.hasPrefix("dural_calcification ") }
        let accuracy = Double(dc?.split(separator: " ", omittingEmptySubsequences: true)[1] ?? "0") ?? 0
        #expect(accuracy >= 0.95)
        let strict = try falx(["eval", "Corpus/corpus.gold.jsonl", "--min-accuracy", "1"])
        #expect(strict.status == 1 && strict.stderr.contains("is below --min-accuracy"))
    }

    @Test func badInputBecomesErrorRowsAndTheRunGoesOn() throws {
        let dir = try temporaryDirectory()
        let fm = FileManager.default
        fm.createFile(atPath: dir.appendingPathComponent("a-empty.txt").path, contents: Data())
        fm.createFile(atPath: dir.appendingPathComponent("b-binary.txt").path, contents: Data([0x00, 0x01, 0x02, 0xFF, 0x00]))
        fm.createFile(
            atPath: dir.appendingPathComponent("c-bad.jsonl").path,
            contents: Data("{\"id\":\"x\",\"text\":\"Falcine calcification.\"}\n{broken\n".utf8))
        fm.createFile(
            atPath: dir.appendingPathComponent("d-latin1.txt").path,
            contents: Data([0x46, 0x61, 0x6C, 0x78, 0x20, 0xE9, 0x20] + Array("calcified.".utf8)))
        fm.createFile(
            atPath: dir.appendingPathComponent("e-unreadable.txt").path, contents: Data("x".utf8),
            attributes: [.posixPermissions: 0o000])
        let r = try falx(["audit", dir.path])
        #expect(r.status == 0)
        let rows = parseCSV(r.stdout)
        #expect(rows.count == 7)
        let status = rows.dropFirst().map { "\($0[0]):\($0[3])" }
        let root = getuid() == 0  // root reads a mode-000 file
        #expect(
            status == [
                "a-empty.txt#1:error", "b-binary.txt#1:error", "x:ok", "c-bad.jsonl#2:error", "d-latin1.txt#1:ok",
                root ? "e-unreadable.txt#1:ok" : "e-unreadable.txt#1:error",
            ])
        // Bytes that are not UTF-8 but read as Windows-1252 are decoded as it, and the row says so.
        #expect(rows[5][43] == "decoded-as-windows-1252: the bytes are not UTF-8, read as Windows-1252")
        #expect(r.stderr.contains("6 records: "))
    }

    @Test func unwritableOutputAndBadFlagsStopTheRun() throws {
        let r = try falx(["audit", "Corpus", "-o", "/nonexistent-dir/audit.csv"])
        #expect(r.status != 0 && r.stderr.contains("cannot write"))
        let full = try falx(["audit", "Corpus", "-o", "/dev/full"])
        #expect(full.status != 0)
        let bad = try falx(["audit", "Corpus", "--jobs", "0"])
        #expect(bad.status != 0 && bad.stderr.contains("--jobs"))
        let lex = try falx(["audit", "Corpus", "--lexicon", "/nonexistent.lex"])
        #expect(lex.status != 0)
    }

    @Test func explainAndRulesPrintCitations() throws {
        let e = try falx(["explain", "Corpus/reports/us-001.txt"])
        #expect(e.status == 0)
        let text = String(decoding: e.stdout, as: UTF8.self)
        #expect(text.contains("Sections") && text.contains("Mentions") && text.contains("Why: the rules that fired"))
        let rules = try falx(["rules"])
        let rt = String(decoding: rules.stdout, as: UTF8.self)
        #expect(rt.contains("R1") && rt.contains("[ref 4]") && rt.contains("not a substitute for clinical judgement"))
    }

    /// The streaming-filter contract: one row per input line, in order, bad lines included; shards
    /// concatenated give the direct run's rows.
    @Test func standardInputAndShardsGiveOneRowPerLine() throws {
        var lines: [String] = []
        for i in 1...40 {
            lines.append(#"{"id":"r\#(i)","text":"CT head. Falcine calcification, \#(i) mm."}"#)
        }
        lines[9] = "not json"
        lines[19] = ""
        lines[29] = #"{"id":"no-text"}"#
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let direct = try falx(["audit", "--stdin", "--no-header", "--quiet"], input: input)
        #expect(direct.status == 0)
        let rows = parseCSV(direct.stdout)
        #expect(rows.count == 40)
        #expect(rows.map { $0[1] } == (1...40).map { "stdin#\($0)" })
        #expect(rows[9][3] == "error" && rows[19][3] == "error" && rows[29][3] == "error" && rows[0][3] == "ok")
        var sharded: [[String]] = []
        for i in 0..<3 {
            let r = try falx(["audit", "--stdin", "--shard", "\(i)/3", "--no-header", "--quiet"], input: input)
            #expect(r.status == 0)
            sharded += parseCSV(r.stdout)
        }
        let line = { (r: [String]) in Int(r[1].split(separator: "#").last ?? "") ?? 0 }
        #expect(sharded.sorted { line($0) < line($1) } == rows)
        let again = try falx(["audit", "--stdin", "--no-header", "--quiet", "--jobs", "1"], input: input)
        #expect(again.stdout == direct.stdout)
        let bad = try falx(["audit", "--stdin", "--shard", "3/3"], input: input)
        #expect(bad.status != 0)
    }

    /// What Spark and other pipes rely on beyond that: JSON Lines rows, their shards, and line ends.
    /// Lines split on LF only: a CRLF end is trimmed, a lone CR between tokens is JSON white space
    /// (one record), a raw CR inside a string is not JSON (an error row), an escaped \r is text;
    /// a last line without LF is read.
    @Test func standardInputLineEndsAndJSONLinesShards() throws {
        var lines = (1...30).map { #"{"id":"r\#($0)","text":"CT head. Falcine calcification."}"# }
        lines[3] = #"{"id":"crlf","text":"Falcine calcification."}"# + "\r"
        lines[7] = "{\"id\":\"lone-cr\",\r\"text\":\"Dense calcification of the falx.\"}"
        lines[11] = "{\"id\":\"raw-cr\",\"text\":\"Falcine\rcalcification.\"}"
        lines[15] = #"{"id":"escaped-cr","text":"FINDINGS:\r\nFalcine calcification.\rStable."}"#
        lines[19] = "   "
        lines[23] = "[1]"
        let input = Data(lines.joined(separator: "\n").utf8)  // no LF after the last line
        let direct = try falx(["audit", "--stdin", "--format", "jsonl", "--quiet"], input: input)
        #expect(direct.status == 0)
        let out = String(decoding: direct.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(out.count == 31 && out.last == "")
        let rows = try out.dropLast().map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let cells = try #require(JSONLines.cells(from: object))
            return Dictionary(uniqueKeysWithValues: zip(AuditSchema.names, cells))
        }
        #expect(rows.count == 30)
        #expect(rows.allSatisfy { $0.count == AuditSchema.columns.count })
        #expect(rows.map { $0["source"] } == (1...30).map { "stdin#\($0)" })
        let summary = rows.map { "\($0["record_id"]!):\($0["status"]!):\($0["dural_calcification"]!)" }
        #expect(summary[3] == "crlf:ok:present")
        #expect(summary[7] == "lone-cr:ok:present")
        #expect(summary[11] == "stdin#12:error:" && rows[11]["errors"]!.hasPrefix("bad-json"))
        #expect(summary[15] == "escaped-cr:ok:present")
        #expect(summary[19] == "stdin#20:error:" && rows[19]["errors"]!.hasPrefix("blank-line"))
        #expect(summary[23] == "stdin#24:error:" && rows[23]["errors"]!.contains("not a JSON object"))
        #expect(summary[29] == "r30:ok:present")
        var sharded: [(Int, Substring)] = []
        for i in 0..<4 {
            let r = try falx(
                ["audit", "--stdin", "--shard", "\(i)/4", "--format", "jsonl", "--no-header", "--quiet"], input: input)
            #expect(r.status == 0)
            for line in String(decoding: r.stdout, as: UTF8.self).split(separator: "\n") {
                let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let source = try #require(row["source"] as? String)
                sharded.append((Int(source.dropFirst(6))!, line))
            }
        }
        #expect(sharded.sorted { $0.0 < $1.0 }.map(\.1) == out.dropLast())
    }
}
