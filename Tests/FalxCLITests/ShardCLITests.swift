import FalxAudit
import FalxIngest
import Foundation
import Testing

/// `--shard i/n` over folders and `--stdin-files`, through the binary.
extension CLITests {
    static let mixedFolder = "Tests/FalxIngestTests/Fixtures/interop"

    /// JSON Lines rows keyed by record id (each row's JSON text without `source`, and its source).
    func jsonlRows(_ data: Data) throws -> [String: (row: String, source: String)] {
        var rows: [String: (row: String, source: String)] = [:]
        for row in try jsonlRowList(data) {
            #expect(rows[row.id] == nil, "\(row.id) twice")
            rows[row.id] = (row.row, row.source)
        }
        return rows
    }

    /// JSON Lines rows in order: the record id, the row's JSON text without `source` (and with the
    /// id's `~k` suffix dropped when `baseIDs`), and its source.
    func jsonlRowList(_ data: Data, baseIDs: Bool = false) throws -> [(id: String, row: String, source: String)] {
        try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(object["record_id"] as? String)
            let source = try #require(object.removeValue(forKey: "source") as? String)
            if baseIDs { object["record_id"] = String(id.split(separator: "~")[0]) }
            let text = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return (id, String(decoding: text, as: UTF8.self), source)
        }
    }

    /// The shards of a folder take disjoint sets of its files and together give the unsharded
    /// audit's rows. A record id that two files share (HL7 message control ids, CDA document ids
    /// here) is made unique within each run (`id~2`), so ids are compared without that suffix.
    @Test func folderShardsPartitionTheAudit() throws {
        func rows(_ r: Run) throws -> [String] {
            try jsonlRowList(r.stdout, baseIDs: true).map { $0.row + " @ " + $0.source }.sorted()
        }
        let whole = try falx(["audit", Self.mixedFolder, "--format", "jsonl", "--quiet"])
        #expect(whole.status == 0)
        let direct = try rows(whole)
        #expect(direct.count > 20)
        #expect(try jsonlRowList(whole.stdout).contains { $0.id == "AccessionNumber~2" }, "no id shared by two files")
        var union: [String] = []
        var files: Set<String> = []
        var nonEmpty = 0
        for i in 0..<3 {
            let r = try falx(["audit", Self.mixedFolder, "--shard", "\(i)/3", "--format", "jsonl", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let shardRows = try rows(r)
            let shardFiles = Set(try jsonlRowList(r.stdout).map { String($0.source.split(separator: "#")[0]) })
            #expect(shardFiles.isDisjoint(with: files), "shard \(i) reads a file of an earlier shard")
            files.formUnion(shardFiles)
            nonEmpty += shardRows.isEmpty ? 0 : 1
            union += shardRows
        }
        #expect(nonEmpty > 1)
        #expect(union.sorted() == direct)
        let bad = try falx(["audit", Self.mixedFolder, "--shard", "3/3"])
        #expect(bad.status == 64 && bad.stderr.contains("--shard takes i/n"))
        let help = String(decoding: try falx(["audit", "--help"]).stdout, as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("FNV-1a mod n; a file is never split") && help.contains("--stdin-files"), "\(help)")
    }

    /// Adding a file to the archive moves no other file to another shard.
    @Test func addingAFileMovesNoRowToAnotherShard() throws {
        let dir = try temporaryDirectory()
        let folder = dir.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent(Self.mixedFolder), to: folder)
        func shardOfEachRow() throws -> [String: Int] {
            var shards: [String: Int] = [:]
            for i in 0..<3 {
                let r = try falx(["audit", folder.path, "--shard", "\(i)/3", "--format", "jsonl", "--quiet"])
                for row in try jsonlRowList(r.stdout, baseIDs: true) { shards[row.source + " " + row.row] = i }
            }
            return shards
        }
        let before = try shardOfEachRow()
        try Data("CT head. Falcine calcification.".utf8).write(to: folder.appendingPathComponent("cda/0-added.txt"))
        let after = try shardOfEachRow()
        #expect(after.count == before.count + 1 && after.keys.contains { $0.contains("0-added.txt#1") })
        #expect(before.allSatisfy { after[$0.key] == $0.value })
    }

    /// The provenance file records the shard: a partial audit of one shard is not resumed as another.
    @Test func resumeRefusesAnotherShard() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.csv").path
        #expect(try falx(["audit", Self.mixedFolder, "--shard", "0/2", "-o", out + ".partial", "--quiet"]).status == 0)
        let meta = try String(contentsOfFile: out + ".partial.meta.json", encoding: .utf8)
        #expect(meta.contains(#""shard" : "0/2""#))
        let other = try falx(["audit", Self.mixedFolder, "--shard", "1/2", "-o", out, "--resume"])
        #expect(other.status == 2 && other.stderr.contains("--shard: 0/2 → 1/2"), "\(other.stderr)")
        let whole = try falx(["audit", Self.mixedFolder, "-o", out, "--resume"])
        #expect(whole.status == 2 && whole.stderr.contains("--shard: 0/2 → none"), "\(whole.stderr)")
        let same = try falx(["audit", Self.mixedFolder, "--shard", "0/2", "-o", out, "--resume", "--quiet"])
        #expect(same.status == 0, "\(same.stderr)")
    }

    /// `--stdin-files`: the folder's files framed on standard input give the folder's rows, with
    /// the framed path as `source`; its shards are the folder's shards.
    @Test func framedFilesOnStandardInputGiveTheFolderAudit() throws {
        let folder = Self.root.appendingPathComponent(Self.mixedFolder).path
        var frames = Data()
        for entry in InputWalker().entries([folder]) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: entry.path))
            let header = ["name": entry.recordBase, "path": "spark:" + entry.recordBase, "bytes": bytes.count] as [String: Any]
            frames += try JSONSerialization.data(withJSONObject: header) + Data("\n".utf8) + bytes
        }
        let direct = try jsonlRows(try falx(["audit", Self.mixedFolder, "--format", "jsonl", "--quiet"]).stdout)
        let framed = try falx(["audit", "--stdin-files", "--format", "jsonl", "--quiet"], input: frames)
        #expect(framed.status == 0, "\(framed.stderr)")
        let rows = try jsonlRows(framed.stdout)
        #expect(rows.mapValues(\.row) == direct.mapValues(\.row))
        #expect(
            rows.allSatisfy { id, row in
                row.source.hasPrefix("spark:") && direct[id]?.source.hasSuffix("/" + row.source.dropFirst(6)) == true
            })
        // Shards of framed files are the folder's shards, and together the whole audit (ids
        // shared by two files compared without their `~k`, as in folderShardsPartitionTheAudit).
        var union: [String] = []
        for i in 0..<2 {
            let shard = try falx(["audit", "--stdin-files", "--shard", "\(i)/2", "--format", "jsonl", "--quiet"], input: frames)
            let folderShard = try falx(["audit", Self.mixedFolder, "--shard", "\(i)/2", "--format", "jsonl", "--quiet"])
            #expect(try jsonlRows(shard.stdout).mapValues(\.row) == (try jsonlRows(folderShard.stdout)).mapValues(\.row))
            union += try jsonlRowList(shard.stdout, baseIDs: true).map(\.row)
        }
        #expect(union.sorted() == (try jsonlRowList(framed.stdout, baseIDs: true)).map(\.row).sorted())
        let both = try falx(["audit", "--stdin", "--stdin-files"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
    }
}
