import Foundation
import Testing

@testable import FalxIngest

/// Archives nobody has cleaned: links that loop, FIFOs, folders named like files, files that
/// vanish mid-run. Each is one `error` row (or read as a file) and the walk goes on.
@Suite struct FaultyTreeTests {
    static func tree() throws -> String {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("falx-tree-\(UUID().uuidString)").path
        for dir in ["a", "notes.txt", "z"] { try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true) }
        for file in ["a.txt", "a/one.txt", "notes.txt/inside.txt", "z/last.txt"] {
            _ = fm.createFile(atPath: root + "/" + file, contents: Data("Falcine calcification.".utf8))
        }
        try fm.createSymbolicLink(atPath: root + "/loop", withDestinationPath: "loop")
        try fm.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: "nowhere")
        try fm.createSymbolicLink(atPath: root + "/a/up", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root + "/linked", withDestinationPath: "z")
        #expect(mkfifo(root + "/pipe", 0o600) == 0)
        return root
    }

    static func outcome(_ walker: InputWalker, _ entry: InputWalker.Entry) -> String {
        walker.records(of: entry).map { r -> String in
            switch r {
            case .success: "\(entry.recordBase):ok"
            case .failure(let e): "\(entry.recordBase):\(e.code)"
            }
        }.joined(separator: " ")
    }

    @Test func everyOddEntryIsOneErrorRowInByteOrder() throws {
        let root = try Self.tree()
        let walker = InputWalker()
        let rows = walker.entries([root]).map { Self.outcome(walker, $0) }
        #expect(
            rows == [
                "a.txt:ok", "a/one.txt:ok", "a/up:folder-cycle", "dangling:broken-link", "linked/last.txt:ok",
                "loop:symlink-loop", "notes.txt/inside.txt:ok", "pipe:not-a-file", "z/last.txt:ok",
            ])
    }

    @Test func aFileThatVanishesAfterTheListingIsAnErrorRow() throws {
        let root = try Self.tree()
        _ = FileManager.default.createFile(atPath: root + "/m.txt", contents: Data("Falx.".utf8))
        let walker = InputWalker()
        var rows: [String] = []
        walker.forEachEntry([root + "/"]) { entry in
            // The root folder was listed before this first entry; m.txt goes before it is read.
            if entry.recordBase == "a.txt" { try? FileManager.default.removeItem(atPath: root + "/m.txt") }
            rows.append(Self.outcome(walker, entry))
        }
        #expect(rows.contains("m.txt:not-found"))
        #expect(rows.count == 10)
    }

    @Test func aFileThatCannotBeReadIsAnErrorRow() {
        // /proc/self/mem opens but every read at offset 0 fails: an I/O error, whoever runs the test.
        let walker = InputWalker()
        #expect(Self.outcome(walker, .init(path: "/proc/self/mem", recordBase: "mem")) == "mem:unreadable")
        #expect(Self.outcome(walker, .init(path: "/nonexistent/x", recordBase: "x")) == "x:not-found")
    }

    @Test func aFIFONamedExplicitlyIsReadAsAFile() throws {
        let root = try Self.tree()
        let path = root + "/pipe"
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf 'FINDINGS: Calcified falx.' > '\(path)'"]
        try writer.run()
        let walker = InputWalker()
        #expect(Self.outcome(walker, walker.entries([path])[0]) == "pipe:ok")  // a file's id is its name
        writer.waitUntilExit()
    }

    @Test func anExplicitSymlinkLoopIsAnErrorRow() throws {
        let root = try Self.tree()
        let walker = InputWalker()
        #expect(walker.entries([root + "/loop"]).map { Self.outcome(walker, $0) } == ["loop:symlink-loop"])
    }
}
