import FalxAudit
import Foundation

/// Where a case stands in the worklist: strength rank, study date (missing last), record id, then
/// its place in the audit (so equal keys keep audit order).
public struct WorklistKey: Sendable, Equatable, Comparable {
    /// The index of the strength in ``Strength/allCases`` (urgent 0 … routine 3); 255 for none.
    public var rank: UInt8
    /// The date's first 14 digits (`YYYYMMDDhhmmss`), empty when the row has no usable date.
    public var date: [UInt8]
    public var recordID: [UInt8]
    public var sequence: UInt64

    public static func < (a: WorklistKey, b: WorklistKey) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.date.isEmpty != b.date.isEmpty { return !a.date.isEmpty }
        if a.date != b.date { return a.date.lexicographicallyPrecedes(b.date) }
        if a.recordID != b.recordID { return a.recordID.lexicographicallyPrecedes(b.recordID) }
        return a.sequence < b.sequence
    }

    /// The digits of an ISO 8601 date (`2021-03-12T10:04`, `20210312`), so both spellings sort
    /// together; empty when it does not start with a year.
    static func sortableDate(_ s: String) -> [UInt8] {
        guard ReportAggregates.month(of: s) != ReportAggregates.noDate else { return [] }
        var out: [UInt8] = []
        for b in s.utf8 {
            if b >= 0x30 && b <= 0x39 {
                out.append(b)
                if out.count == 14 { break }
            } else if b == 0x2B || b == 0x5A || b == 0x7A {  // a zone ("+01:00", "Z") ends the time
                break
            }
        }
        return out
    }
}

/// Sorts the worklist CSV's lines by ``WorklistKey`` in bounded memory: lines are held until they
/// reach ``budget`` bytes, then sorted and written to a run file beside the worklist; ``finish(_:)``
/// merges the runs. Memory is about ``budget`` plus a 256 KiB read buffer per run, whatever the number
/// of cases (a million cases of 500 bytes make about 11 runs at the default 64 MiB).
public final class WorklistSorter {
    public let budget: Int
    let runPrefix: String
    var entries: [(key: WorklistKey, line: [UInt8])] = []
    var held = 0
    public private(set) var runs: [String] = []

    static let entryOverhead = 200

    /// Run files are `runPrefix` + `.1`, `.2`, … (hidden, beside the worklist; removed by
    /// ``finish(_:)`` and ``abandon()``).
    public init(runPrefix: String, budget: Int = 64 << 20) {
        self.runPrefix = runPrefix
        self.budget = max(budget, 1)
    }

    /// Adds one line.
    public func add(key: WorklistKey, line: [UInt8]) throws {
        // A line built with room to spare (CSV.lineBytes reserves 1 KiB) is copied to its size.
        let line = line.capacity > line.count + 64 ? Array(line[...]) : line
        // The bytes plus what each entry costs besides them: three array buffers (header and malloc
        // rounding, about 48 bytes each) and the entry itself.
        held += line.capacity + key.date.capacity + key.recordID.capacity + Self.entryOverhead
        entries.append((key, line))
        if held >= budget { try spill() }
    }

    /// Hands on every line in order, then removes the run files.
    public func finish(_ emit: ([UInt8]) throws -> Void) throws {
        defer { abandon() }
        if runs.isEmpty {
            entries.sort { $0.key < $1.key }
            for e in entries { try emit(e.line) }
            entries = []
            return
        }
        try spill()
        var readers = try runs.map { try RunReader(path: $0) }
        var heads = try readers.indices.map { try readers[$0].next() }
        while true {
            var best: Int? = nil
            for i in heads.indices {
                guard let h = heads[i] else { continue }
                if let b = best, let hb = heads[b], !(h.key < hb.key) { continue }
                best = i
            }
            guard let b = best, let entry = heads[b] else { break }
            try emit(entry.line)
            heads[b] = try readers[b].next()
        }
    }

    /// Removes the run files.
    public func abandon() {
        for r in runs { unlink(r) }
        runs = []
        entries = []
        held = 0
    }

    func spill() throws {
        guard !entries.isEmpty else { return }
        entries.sort { $0.key < $1.key }
        let path = "\(runPrefix).\(runs.count + 1)"
        guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path)
        else { throw OutputError(message: "cannot write the worklist's sort file \(path)") }
        runs.append(path)
        defer { try? h.close() }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        func u32(_ n: Int) { withUnsafeBytes(of: UInt32(n).littleEndian) { out += $0 } }
        for e in entries {
            out.append(e.key.rank)
            u32(e.key.date.count)
            out += e.key.date
            u32(e.key.recordID.count)
            out += e.key.recordID
            withUnsafeBytes(of: e.key.sequence.littleEndian) { out += $0 }
            u32(e.line.count)
            out += e.line
            if out.count >= 1 << 20 {
                try write(h, out, path)
                out.removeAll(keepingCapacity: true)
            }
        }
        try write(h, out, path)
        entries.removeAll()
        held = 0
    }

    func write(_ h: FileHandle, _ bytes: [UInt8], _ path: String) throws {
        do {
            try h.write(contentsOf: Data(bytes))
        } catch {
            throw OutputError(message: "cannot write the worklist's sort file \(path): \(error.localizedDescription)")
        }
    }

    /// Reads a run file's entries back in order.
    struct RunReader {
        let handle: FileHandle
        let path: String
        var buffer: [UInt8] = []
        var at = 0
        var ended = false

        init(path: String) throws {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw OutputError(message: "cannot read the worklist's sort file \(path)")
            }
            handle = h
            self.path = path
        }

        /// Makes `n` bytes available from `at`, or returns false at the end of the file.
        mutating func need(_ n: Int) throws -> Bool {
            while buffer.count - at < n {
                if ended { return false }
                let chunk: Data?
                do {
                    chunk = try handle.read(upToCount: 256 << 10)
                } catch {
                    throw OutputError(message: "cannot read the worklist's sort file \(path)")
                }
                guard let chunk, !chunk.isEmpty else {
                    ended = true
                    try? handle.close()
                    continue
                }
                buffer.removeFirst(at)
                at = 0
                buffer += chunk
            }
            return true
        }

        mutating func bytes(_ n: Int) throws -> [UInt8] {
            guard try need(n) else { throw OutputError(message: "the worklist's sort file \(path) is cut short") }
            defer { at += n }
            return Array(buffer[at..<(at + n)])
        }

        mutating func int(_ width: Int) throws -> UInt64 {
            var v: UInt64 = 0
            for (i, b) in try bytes(width).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
            return v
        }

        mutating func next() throws -> (key: WorklistKey, line: [UInt8])? {
            guard try need(1) else { return nil }
            let rank = try bytes(1)[0]
            let date = try bytes(Int(try int(4)))
            let id = try bytes(Int(try int(4)))
            let sequence = try int(8)
            let line = try bytes(Int(try int(4)))
            return (WorklistKey(rank: rank, date: date, recordID: id, sequence: sequence), line)
        }
    }
}
