import Foundation
import Testing

@testable import FalxIngest

/// `--shard i/n` for files, and `--stdin-files`: files framed on standard input read as on disk.
@Suite struct ShardAndFramedFileTests {
    /// The published FNV-1a 64 test vectors, so the split can be recomputed in any language.
    @Test func theHashIsFNV1a64() {
        #expect(Shard.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test(arguments: [
        ("0/4", true), ("3/4", true), ("0/1", true), ("4/4", false), ("-1/2", false), ("1/0", false), ("a/b", false),
        ("1/2/3", false), ("1", false), ("/2", false),
    ])
    func shardsParse(text: String, valid: Bool) {
        #expect((Shard(text) != nil) == valid)
        if let shard = Shard(text) { #expect(shard.description == text) }
    }

    /// Every file of the fixture folder is in exactly one shard, for every shard count.
    @Test func theShardsOfAFolderPartitionItsFiles() throws {
        let names = InputWalker().entries([try fixture("")]).map(\.recordBase)
        #expect(names.count > 40)
        for count in 1...5 {
            let shards = (0..<count).map { i in names.filter { Shard(index: i, count: count)!.takes(file: $0) } }
            #expect(shards.joined().sorted() == names.sorted(), "\(count) shards")
            #expect(Set(shards.joined()).count == names.count)
            if count > 1 { #expect(shards.filter { !$0.isEmpty }.count > 1, "a split that puts everything in one shard") }
        }
    }

    /// A file's shard depends on its name alone: adding or removing other files moves nothing.
    @Test func addingAFileMovesNoOther() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("falx-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("2024"), withIntermediateDirectories: true)
        for i in 0..<30 {
            _ = FileManager.default.createFile(
                atPath: dir.appendingPathComponent("2024/r\(i).txt").path, contents: Data("x".utf8))
        }
        func assignment() -> [String: Int] {
            let entries = InputWalker().entries([dir.path])
            return Dictionary(
                uniqueKeysWithValues: entries.map { e in
                    (e.recordBase, (0..<4).first { Shard(index: $0, count: 4)!.takes(file: e.recordBase) }!)
                })
        }
        let before = assignment()
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("2024/a-new.txt").path, contents: Data("y".utf8))
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("0-first.txt").path, contents: Data("z".utf8))
        let after = assignment()
        #expect(after.count == before.count + 2)
        #expect(before.allSatisfy { after[$0.key] == $0.value })
    }

    /// Frames of every fixture file, named as the folder walk names them, at their own paths.
    static func frames(of entries: [InputWalker.Entry], path: (InputWalker.Entry) -> String = \.path) throws -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry.path)))
            let header = try JSONSerialization.data(withJSONObject: [
                "name": entry.recordBase, "path": path(entry), "bytes": bytes.count,
            ])
            out += [UInt8](header) + [0x0A] + bytes
        }
        return out
    }

    static func read(_ frames: [UInt8], blockSize: Int, shard: Shard? = nil) -> [Record] {
        var records: [Record] = []
        InputWalker().forEachFramedFileRecord(inMemory: frames, blockSize: blockSize, shard: shard) { records.append($0) }
        return records
    }

    /// Every fixture (text, JSON Lines, CSV, HL7 batches, CDA, FHIR, gzip, UTF-16 …) framed on
    /// standard input gives the records the folder walk gives, in small reads and in large ones.
    @Test(arguments: [7, 4096, 1 << 20]) func framedFilesReadAsOnDisk(blockSize: Int) throws {
        let walker = InputWalker()
        let entries = walker.entries([try fixture("")])
        let onDisk = entries.flatMap { walker.records(of: $0) }
        #expect(onDisk.count > 100)
        #expect(Self.read(try Self.frames(of: entries), blockSize: blockSize) == onDisk)
    }

    /// With another path, only `source` changes; the shards of framed files are the folder's shards.
    @Test func framedFilesTakeTheirPathAsSourceAndShardByName() throws {
        let walker = InputWalker()
        let entries = walker.entries([try fixture("interop")])
        let frames = try Self.frames(of: entries) { "hdfs://archive/" + $0.recordBase }
        let read = Self.read(frames, blockSize: 1 << 16)
        let onDisk = entries.flatMap { walker.records(of: $0) }
        func source(_ r: Record) -> String {
            switch r {
            case .success(let report): report.source
            case .failure(let error): error.source
            }
        }
        func id(_ r: Record) -> String { r.recordID }
        #expect(read.map(id) == onDisk.map(id))
        #expect(read.allSatisfy { source($0).hasPrefix("hdfs://archive/") })
        for count in [2, 3] {
            for i in 0..<count {
                let shard = Shard(index: i, count: count)!
                let wanted = entries.filter { shard.takes(file: $0.recordBase) }.flatMap { walker.records(of: $0) }
                #expect(Self.read(frames, blockSize: 1 << 16, shard: shard).map(id) == wanted.map(id))
            }
        }
    }

    /// Framing that cannot be followed: one `read-failed` row, then the reading stops.
    @Test func brokenFramingIsOneErrorRow() throws {
        let good = Array(#"{"name":"a.txt","bytes":27}"#.utf8) + [0x0A] + Array("Falcine calcification seen.".utf8)
        func codes(_ bytes: [UInt8], shard: Shard? = nil) -> [String] {
            Self.read(bytes, blockSize: 5, shard: shard).map {
                switch $0 {
                case .success(let r): "\(r.recordID)"
                case .failure(let e): "\(e.code.rawValue)@\(e.recordID)"
                }
            }
        }
        #expect(codes(good + Array("\r\n\n ".utf8) + good) == ["a.txt#1", "a.txt#1"])
        #expect(codes(good + Array("not json\n".utf8) + good) == ["a.txt#1", "read-failed@stdin#1"])
        #expect(codes(good + Array(#"{"name":"b.txt"}"#.utf8) + [0x0A]) == ["a.txt#1", "read-failed@stdin#1"])
        #expect(codes(good + Array(#"{"name":"b.txt","bytes":-1}"#.utf8) + [0x0A]) == ["a.txt#1", "read-failed@stdin#1"])
        #expect(codes(good + Array(#"{"name":"b.txt","bytes":3}"#.utf8)) == ["a.txt#1", "read-failed@stdin#1"])
        #expect(codes(Array(#"{"name":"e.txt","bytes":0}"#.utf8) + [0x0A]) == ["empty@e.txt#1"])
        // Cut short inside the content: the file's own reader says so, once.
        let cut = Array(#"{"name":"c.txt","bytes":100}"#.utf8) + [0x0A] + Array("Falcine".utf8)
        #expect(codes(good + cut) == ["a.txt#1", "unreadable@c.txt#1"])
        // A bad header is reported by shard 0 only, so the shards together report it once.
        let bad = good + Array("not json\n".utf8)
        let reports = (0..<3).map { codes(bad, shard: Shard(index: $0, count: 3)) }.joined().filter {
            $0.hasPrefix("read-failed")
        }
        #expect(reports.count == 1)
    }
}
