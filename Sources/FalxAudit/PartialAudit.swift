import Foundation

/// The audit an interrupted run left behind, read back so that `--resume` can go on from it: its
/// whole rows (a row cut by a hard kill is dropped), the id of the last one, and their counts.
public struct PartialAudit: Sendable {
    /// The file holding the rows.
    public var path: String
    /// Whole rows in the file (the header not counted).
    public var rows: Int
    /// Bytes up to the end of the last whole row; the rest is cut off before writing goes on.
    public var validBytes: Int
    /// `record_id` of the last whole row.
    public var lastRecordID: String
    /// Counts of the rows, for the closing summary.
    public var summary: Summary
    /// The accessions of the rows, so that a later row of the run can replace one of them.
    public var supersession = Supersession()

    /// The partial file an interrupted run left for `target`: `TARGET.partial` after SIGINT or
    /// SIGTERM; otherwise the newest `.NAME.PID.partial` of a run that was killed outright and is
    /// no longer running. Nil when there is none.
    public static func find(for target: String) -> String? {
        let marked = target + ".partial"
        if FileManager.default.fileExists(atPath: marked) { return marked }
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        var best: (path: String, time: Date)?
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".partial") {
            let pidText = name.dropFirst(prefix.count).dropLast(".partial".count)
            guard let pid = Int32(pidText), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = dir + "/" + name
            let time = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            if let b = best, b.time >= time { continue }
            best = (path, time)
        }
        return best?.path
    }

    /// Reads a partial audit written with the given format and header choice.
    public static func read(path: String, format: AuditFormat, header: Bool) throws -> PartialAudit {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OutputError(message: "cannot read the partial audit \(path)")
        }
        defer { try? handle.close() }
        var partial = PartialAudit(path: path, rows: 0, validBytes: 0, lastRecordID: "", summary: Summary())
        let columns = AuditRow.columns
        var sawHeader = !header || format == .jsonl
        func mismatch(_ why: String) -> OutputError {
            OutputError(
                message: "\(path) is not a partial audit written with these options (\(why)); remove it or run without --resume")
        }
        func add(_ cells: [String]) throws {
            guard cells.count == columns.count else { throw mismatch("a row of \(cells.count) columns") }
            partial.rows += 1
            partial.lastRecordID = cells[0]
            partial.summary.add(cells: cells)
            if let replaced = partial.supersession.add(format == .csv ? cells.map(CSV.unguarded) : cells) {
                partial.summary.supersede(replaced)
            }
        }
        switch format {
        case .csv:
            var parser = CSVParser()
            while let data = try handle.read(upToCount: 4 << 20), !data.isEmpty {
                try parser.feed(data) { record in
                    if !sawHeader {
                        guard record == columns else { throw mismatch("its header is not the audit's") }
                        sawHeader = true
                    } else {
                        try add(record)
                    }
                }
            }
            partial.validBytes = parser.recordEnd
        case .jsonl:
            var buffer: [UInt8] = []
            var offset = 0
            while let data = try handle.read(upToCount: 4 << 20), !data.isEmpty {
                buffer += data
                var start = 0
                while let nl = buffer[start...].firstIndex(of: 0x0A) {
                    let object = try? JSONSerialization.jsonObject(with: Data(buffer[start..<nl])) as? [String: Any]
                    guard let object, let cells = JSONLines.cells(from: object) else {
                        throw mismatch("line \(partial.rows + 1) is not an audit row")
                    }
                    try add(cells)
                    start = nl + 1
                }
                offset += start
                buffer.removeFirst(start)
            }
            partial.validBytes = offset
        }
        return partial
    }
}

extension Summary {
    /// Counts a row read back from an audit file.
    public mutating func add(cells: [String]) {
        func cell(_ name: String) -> String {
            guard let i = Self.columnIndex[name], i < cells.count else { return "" }
            return CSV.unguarded(cells[i])
        }
        records += 1
        if !cell("warnings").isEmpty { warnings += 1 }
        guard cell("status") == "ok" else {
            errors += 1
            return
        }
        ok += 1
        categories[cell("category"), default: 0] += 1
        verdicts[cell("audit_verdict"), default: 0] += 1
        duralCalcification[cell("dural_calcification"), default: 0] += 1
    }
}

extension Summary {
    static let columnIndex = Dictionary(uniqueKeysWithValues: AuditRow.columns.enumerated().map { ($1, $0) })
}
