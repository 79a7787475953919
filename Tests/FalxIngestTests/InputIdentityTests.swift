import Foundation
import Testing

@testable import FalxIngest

/// The same file reached by several paths is one file; Falx's own outputs can be passed over.
@Suite struct InputIdentityTests {
    @Test func aFileReachedThroughLinksOrALinkedFolderIsOneFile() throws {
        let root = try FaultyTreeTests.tree()  // has `linked` -> z, so z/last.txt is reached twice
        let fm = FileManager.default
        try fm.linkItem(atPath: root + "/a.txt", toPath: root + "/a/hard.txt")
        try fm.createSymbolicLink(atPath: root + "/z/soft.txt", withDestinationPath: root + "/a/one.txt")
        var once = InputDeduplicator()
        var read: [String] = []
        var twice: [String] = []
        InputWalker().forEachEntry([root, root + "/a.txt"]) { entry in
            guard entry.problem == nil else { return }
            if once.firstVisit(entry.path) { read.append(entry.recordBase) } else { twice.append(entry.recordBase) }
        }
        // Two inputs: every id starts with its input's name (the folder's, then the file's).
        let name = (root as NSString).lastPathComponent
        #expect(read == ["a.txt", "a/one.txt", "linked/last.txt", "notes.txt/inside.txt"].map { "\(name)/\($0)" })
        #expect(twice == ["a/hard.txt", "linked/soft.txt", "z/last.txt", "z/soft.txt"].map { "\(name)/\($0)" } + ["a.txt"])
        // Not regular files: always a first visit.
        #expect(once.firstVisit("-") && once.firstVisit("-"))
        #expect(once.firstVisit(root + "/pipe") && once.firstVisit(root + "/pipe"))
        #expect(once.firstVisit(root + "/missing") && once.firstVisit(root + "/missing"))
    }

    @Test func aSkippedFileGivesNoRowAndTheWalkGoesOn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("falx-skip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/a/one.txt", contents: Data("Falcine calcification.".utf8))
        _ = FileManager.default.createFile(atPath: root + "/a/out.csv", contents: Data("MARK,x\n1,2\n".utf8))
        var walker = InputWalker()
        walker.skipFile = { _, bytes in bytes.starts(with: Array("MARK,".utf8)) }
        var ids: [String] = []
        walker.forEachEntry([root + "/a"]) { entry in
            walker.forEachRecord(of: entry) { record in
                if case .success(let r) = record { ids.append(r.recordID) }
            }
        }
        #expect(ids == ["one.txt#1"])
    }

    @Test func dashIsStandardInput() {
        let entries = InputWalker().entries(["-"])
        #expect(entries == [.init(path: "-", recordBase: "stdin")])
    }
}
