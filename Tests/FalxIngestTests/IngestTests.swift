import Foundation
import Testing
@testable import FalxIngest

func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return url.appendingPathComponent(name).path
}

func temporaryFile(_ bytes: [UInt8], name: String = "f.txt") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("falx-ingest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

@Suite struct TextReaderTests {
    @Test func multiReportFileSplitsOnSeparatorLines() throws {
        let records = InputWalker().records(of: .init(path: try fixture("multi.txt"), recordBase: "multi.txt"))
        #expect(records.count == 4)
        let ids = records.map { r -> String in
            switch r {
            case .success(let x): x.recordID;
            case .failure(let e): e.recordID
            }
        }
        #expect(ids == ["multi.txt#1", "multi.txt#2", "multi.txt#3", "multi.txt#4"])
        guard case .success(let first) = records[0], case .failure(let blank) = records[2] else {
            Issue.record("unexpected records"); return
        }
        #expect(String(decoding: first.text, as: UTF8.self) == "CT HEAD 1\nFINDINGS: Falcine calcification.\n")
        #expect(first.source.hasSuffix("multi.txt#1"))
        #expect(blank.code == .empty)
    }

    @Test func bomIsStrippedAndInvalidUTF8IsRepairedWithAWarning() throws {
        let bom = TextReader.records([0xEF, 0xBB, 0xBF] + Array("Falx.".utf8), recordBase: "x", source: "x")
        guard case .success(let r) = bom.first else { Issue.record("expected a report"); return }
        #expect(r.text == Array("Falx.".utf8) && r.warnings.isEmpty)
        // Damaged UTF-8 (a valid "é" beside stray bytes) is not Windows-1252: U+FFFD, counted.
        let bad = TextReader.records(
            Array("Falx é ".utf8) + [0xC3, 0x28, 0xFF] + Array(" calcified.".utf8), recordBase: "y", source: "y")
        guard case .success(let b) = bad.first else { Issue.record("expected a report"); return }
        #expect(b.warnings == ["invalid UTF-8: 2 byte sequences replaced with U+FFFD"])
        #expect(String(decoding: b.text, as: UTF8.self) == "Falx é \u{FFFD}(\u{FFFD} calcified.")
    }

    @Test(arguments: [
        [UInt8](), Array("   \n\n".utf8),
    ])
    func emptyInputIsAnErrorRow(_ bytes: [UInt8]) {
        let r = TextReader.records(bytes, recordBase: "e", source: "e")
        guard case .failure(let e) = r.first else { Issue.record("expected an error"); return }
        #expect(e.code == .empty && r.count == 1)
    }

    @Test func utf8Validation() {
        #expect(UTF8Decoding.validate(Array("café – ok".utf8)[...]))
        #expect(!UTF8Decoding.validate([0xE2, 0x80][...]))  // truncated
        #expect(!UTF8Decoding.validate([0xC0, 0xAF][...]))  // overlong
        #expect(!UTF8Decoding.validate([0xED, 0xA0, 0x80][...]))  // surrogate
    }
}

@Suite struct JSONLinesTests {
    @Test func everyLineIsOneRecordAndBadLinesAreErrors() throws {
        let records = InputWalker().records(of: .init(path: try fixture("reports.jsonl"), recordBase: "reports.jsonl"))
        #expect(records.count == 7)  // the blank line 3 is no record
        guard case .success(let first) = records[0] else { Issue.record("line 1"); return }
        #expect(first.recordID == "A1" && first.metadata.accession == "ACC9" && first.metadata.patientID == "P1")
        #expect(first.metadata.sex == "F" && first.metadata.age == 71 && first.format == .jsonl)
        guard case .success(let second) = records[1] else { Issue.record("line 2"); return }
        #expect(second.recordID == "42")
        let codes = records.map { r -> String in if case .failure(let e) = r { e.code.rawValue } else { "ok" } }
        #expect(codes == ["ok", "ok", "bad-json", "bad-json", "missing-text", "ok", "empty"])
        guard case .success(let noID) = records[5] else { Issue.record("line 7"); return }
        #expect(noID.recordID == "reports.jsonl#7" && noID.source.hasSuffix("reports.jsonl#7"))
    }
}

@Suite struct WalkerTests {
    @Test func directoriesAreWalkedInSortedOrderSkippingHiddenAndGoldFiles() throws {
        let root = try fixture("tree")
        let entries = InputWalker().entries([root])
        #expect(entries.map(\.recordBase) == ["a/bom.txt", "a/crlf.txt", "b/one.txt"])
    }

    @Test func missingBinaryCompressedAndOversizeFilesAreErrorRows() throws {
        let w = InputWalker(maxFileBytes: 64)
        func code(_ path: String) -> String? {
            if case .failure(let e) = w.records(of: .init(path: path, recordBase: "x")).first { return e.code.rawValue }
            return nil
        }
        #expect(code("/nonexistent/report.txt") == "not-found")
        #expect(code(try temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02])) == "binary")
        #expect(code(try temporaryFile([0x1F, 0x8B, 0x08, 0x00])) == "bad-gzip")
        #expect(code(try temporaryFile([UInt8](repeating: 0x61, count: 65))) == "too-large")
        #expect(code(try temporaryFile([])) == "empty")
    }

    @Test func contentDetectsJSONLinesWithoutTheExtension() throws {
        let path = try temporaryFile(Array(#"{"id":"z","text":"Falx."}"#.utf8), name: "export.txt")
        guard case .success(let r) = InputWalker().records(of: .init(path: path, recordBase: "export.txt")).first else {
            Issue.record("expected a report"); return
        }
        #expect(r.format == .jsonl && r.recordID == "z")
    }
}

@Suite struct StreamingTests {
    /// Lines that straddle the read blocks (1 MiB) come out whole, numbered, in order.
    @Test func jsonLinesAcrossBlockBoundaries() throws {
        var text = ""
        var n = 0
        while text.utf8.count < 9 << 20 {
            n += 1
            text += #"{"id":"r\#(n)","text":"Falcine calcification \#(String(repeating: "x", count: n % 997))."}"# + "\n"
        }
        let path = try temporaryFile(Array(text.utf8), name: "big.jsonl")
        var ids: [String] = []
        InputWalker().forEachRecord(of: .init(path: path, recordBase: "big.jsonl")) { r in
            if case .success(let x) = r { ids.append(x.recordID) }
        }
        #expect(ids.count == n)
        #expect(ids == (1...n).map { "r\($0)" })
    }

    @Test func anOverlongLineIsOneErrorRowAndTheNextLineIsRead() throws {
        let long = #"{"id":"big","text":""# + String(repeating: "a", count: 9 << 20) + "\"}\n"
        let text = #"{"id":"a","text":"one"}"# + "\n" + long + #"{"id":"c","text":"three"}"#
        let path = try temporaryFile(Array(text.utf8), name: "long.jsonl")
        var out: [String] = []
        InputWalker(maxLineBytes: 1 << 20).forEachRecord(of: .init(path: path, recordBase: "long.jsonl")) { r in
            switch r {
            case .success(let x): out.append(x.recordID)
            case .failure(let e): out.append("\(e.code)@\(e.recordID)")
            }
        }
        #expect(out == ["a", "line-too-long@long.jsonl#2", "c"])
    }

    /// The --stdin reader in small reads: an over-long line is one error row in its own shard, with
    /// its global line number, also when it is the last line and has no LF.
    @Test func overlongLinesOnStandardInputStayInTheirShard() {
        let long = #"{"id":"long","text":""# + String(repeating: "a", count: 200) + "\"}"
        let text = [
            #"{"id":"a","text":"one"}"#, long, #"{"id":"c","text":"three"}"#, long, "", #"{"id":"f","text":"six"}"#, long,
        ]
        .joined(separator: "\n")
        func run(_ keep: (Int) -> Bool) -> [String] {
            var rest = Array(text.utf8)[...]
            var out: [String] = []
            InputWalker(maxLineBytes: 64).streamJSONLines(
                first: [], entry: .init(path: "stdin", recordBase: "stdin"),
                read: { _ in
                    let chunk = Array(rest.prefix(7))
                    rest = rest.dropFirst(7)
                    return chunk
                }, keep: keep, waiting: {}
            ) { r in
                switch r {
                case .success(let x): out.append("\(x.recordID)@\(x.source)")
                case .failure(let e): out.append("\(e.code)@\(e.source)")
                }
            }
            return out
        }
        let direct = run { _ in true }
        #expect(
            direct == [
                "a@stdin#1", "line-too-long@stdin#2", "c@stdin#3", "line-too-long@stdin#4", "blank-line@stdin#5",
                "f@stdin#6", "line-too-long@stdin#7",
            ])
        let shards = (0..<3).flatMap { i in run { ($0 - 1) % 3 == i } }
        let line = { (s: String) in Int(s.split(separator: "#").last!)! }
        #expect(shards.sorted { line($0) < line($1) } == direct)
    }
}

@Suite struct JSONLinesRepairTests {
    @Test func invalidUTF8InALineIsRepairedWithAWarning() {
        let line = Array(#"{"id":"x","text":"Falx — "#.utf8) + [0xE9, 0xFF] + Array(#" calcified."}"#.utf8)
        let r = JSONLinesReader.record(line: line[...], lineNumber: 1, recordBase: "f", source: "f")
        guard case .success(let report) = r else {
            Issue.record("expected a report, got \(r)")
            return
        }
        #expect(String(decoding: report.text, as: UTF8.self) == "Falx — \u{FFFD}\u{FFFD} calcified.")
        #expect(report.warnings == ["invalid UTF-8: 2 byte sequences replaced with U+FFFD"])
    }

    @Test func aWindows1252LineIsDecodedWithAWarning() {
        let line =
            Array(#"{"id":"x","text":"Caf"#.utf8) + [0xE9, 0x20, 0x93] + Array(#"falx"#.utf8) + [0x94] + Array(#""}"#.utf8)
        let r = JSONLinesReader.record(line: line[...], lineNumber: 1, recordBase: "f", source: "f")
        #expect((try? r.get().text) == Array("Café “falx”".utf8))
        #expect((try? r.get().warnings) == [TextDecoding.windows1252Warning])
    }
}
