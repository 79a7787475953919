import Foundation
import Testing

@testable import FalxIngest

/// Compressed archives are read as they stream; a broken one is an error row after what it held.
@Suite struct GzipTests {
    /// gzip's own output for `bytes`.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-c", "-n"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Array(out)
    }

    static func outcomes(_ path: String, base: String) -> [String] {
        InputWalker().records(of: .init(path: path, recordBase: base)).map { r in
            switch r {
            case .success(let x): x.recordID
            case .failure(let e): "\(e.code)@\(e.recordID)"
            }
        }
    }

    static func lines(_ n: Int) -> [UInt8] {
        Array((1...n).map { #"{"id":"r\#($0)","text":"Falcine calcification \#($0)."}"# + "\n" }.joined().utf8)
    }

    @Test func jsonLinesInGzipStreamLineByLine() throws {
        let plain = Self.lines(60_000)  // several MiB: many decompressed blocks
        let path = try temporaryFile(try Self.gzip(plain), name: "export.jsonl.gz")
        let ids = Self.outcomes(path, base: "export.jsonl.gz")
        #expect(ids == (1...60_000).map { "r\($0)" })
    }

    @Test func concatenatedMembersAndOtherFormatsAreRead() throws {
        let two = try Self.gzip(Self.lines(2)) + (try Self.gzip(Array(#"{"id":"r3","text":"Falx."}"#.utf8)))
        #expect(Self.outcomes(try temporaryFile(two, name: "a.jsonl.gz"), base: "a") == ["r1", "r2", "r3"])
        let text = try Self.gzip(Array("FINDINGS: Calcified falx.\n=== REPORT\nNormal.".utf8))
        #expect(Self.outcomes(try temporaryFile(text, name: "two.txt.gz"), base: "two") == ["two#1", "two#2"])
    }

    @Test func aCutOrCorruptArchiveKeepsItsRowsAndSaysWhy() throws {
        let full = try Self.gzip(Self.lines(50_000))
        let cut = Array(full.prefix(full.count / 2))
        let rows = Self.outcomes(try temporaryFile(cut, name: "cut.jsonl.gz"), base: "cut")
        #expect(rows.count > 1000 && rows.dropLast().allSatisfy { $0.hasPrefix("r") })
        #expect(rows.last?.hasPrefix("read-failed@cut#") == true)
        var corrupt = full
        for i in stride(from: 200, to: 400, by: 7) { corrupt[i] ^= 0x5A }
        let bad = Self.outcomes(try temporaryFile(corrupt, name: "bad.jsonl.gz"), base: "bad")
        #expect(bad.last.map { $0.hasPrefix("read-failed@") || $0.hasPrefix("bad-gzip@") } == true)
        #expect(Self.outcomes(try temporaryFile([0x1F, 0x8B, 0x08, 0x00], name: "x.gz"), base: "x") == ["bad-gzip@x#1"])
    }
}
