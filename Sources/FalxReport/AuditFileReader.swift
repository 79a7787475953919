import FalxAudit
import Foundation

/// Why an audit file cannot be read at all (a bad line is counted, not thrown).
public struct AuditFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code: `audit-unreadable`, `audit-no-header`, `audit-empty`.
    public var code: String
    public var message: String
    public var description: String { "\(code): \(message)" }
}

/// What reading an audit file saw, beside its rows.
public struct AuditReadStats: Sendable, Equatable {
    public enum Kind: String, Sendable { case csv, jsonl }
    public var kind: Kind = .csv
    /// Rows handed on.
    public var rows = 0
    /// Lines or records that could not be read as a row (wrong field count, not a flat JSON object).
    public var skipped = 0
    /// Where the first few skipped rows were (1-based line or record numbers).
    public var skippedAt: [Int] = []
    /// Schema columns the file does not have (their values are empty).
    public var missingColumns: [String] = []

    public init(kind: Kind = .csv, rows: Int = 0) {
        self.kind = kind
        self.rows = rows
    }
}

/// Reads an audit written by `falx audit` — CSV with its header row, or JSON Lines of flat objects,
/// typed (schema version 2: numbers, `null`, arrays of strings) or all strings (older audits) —
/// and hands on each row's values in ``AuditRow/columns`` order, looked up by column name.
///
/// The kind is told by content: a first byte `{` (after a BOM and white space) is JSON Lines. The file is
/// read in 4 MiB blocks through ``CSVParser`` or a line splitter, so memory stays bounded whatever its size.
/// CSV cells lose the formula guard the writer added (``CSV/unguarded(_:)``).
///
///     let stats = try AuditFileReader.read(path: "audit.csv") { values in aggregates.add(values) }
public enum AuditFileReader {
    public static let blockSize = 4 << 20
    static let columnIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: AuditRow.columns.enumerated().map { ($1, $0) })

    /// The separator a JSON Lines array of `key` is joined with, to give the column's CSV text.
    static func separator(_ key: String) -> String {
        columnIndex[key].flatMap { AuditSchema.listSeparators[$0] } ?? ";"
    }

    /// Reads `path` (`-` for standard input), calling `row` for every row in file order.
    ///
    /// - Throws: ``AuditFileError`` when the file cannot be opened, is empty, or is a CSV without a
    ///   header; whatever `row` throws.
    /// - Complexity: O(*n*) in the file's size; memory O(longest line).
    public static func read(path: String, row: ([String]) throws -> Void) throws -> AuditReadStats {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let h = FileHandle(forReadingAtPath: path)
            else {
                throw AuditFileError(code: "audit-unreadable", message: "cannot read the audit \(path)")
            }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        var reader = Reader()
        while true {
            let block: Data?
            do {
                block = try handle.read(upToCount: blockSize)
            } catch {
                throw AuditFileError(
                    code: "audit-unreadable", message: "cannot read the audit \(path): \(error.localizedDescription)")
            }
            guard let block, !block.isEmpty else { break }
            // An array, not `Data`: byte loops over `Data`'s iterator are several times slower.
            try reader.feed([UInt8](block), path: path, row: row)
        }
        try reader.finish(path: path, row: row)
        return reader.stats
    }

    /// Reads a whole audit held in memory (tests, small files).
    public static func read(bytes: [UInt8], row: ([String]) throws -> Void) throws -> AuditReadStats {
        var reader = Reader()
        try reader.feed(bytes, path: "audit", row: row)
        try reader.finish(path: "audit", row: row)
        return reader.stats
    }

    struct Reader {
        var stats = AuditReadStats()
        var decided = false
        var pending: [UInt8] = []
        var csv = CSVParser()
        var header: [Int?]? = nil
        var record = 0
        var line: [UInt8] = []

        mutating func feed(_ bytes: [UInt8], path: String, row: ([String]) throws -> Void) throws {
            if !decided {
                pending += bytes
                // Decide on the first byte that is not a BOM byte or white space.
                guard let first = pending.first(where: { ![0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
                    return
                }
                decided = true
                stats.kind = first == 0x7B ? .jsonl : .csv
                let held = pending
                pending = []
                try consume(held, path: path, row: row)
                return
            }
            try consume(bytes, path: path, row: row)
        }

        mutating func finish(path: String, row: ([String]) throws -> Void) throws {
            guard decided else { throw AuditFileError(code: "audit-empty", message: "the audit \(path) is empty") }
            switch stats.kind {
            case .csv:
                var parser = csv
                try parser.finish { try take(csvRecord: $0, path: path, row: row) }
                csv = parser
            case .jsonl:
                if !line.isEmpty { try take(jsonLine: line, row: row) }
                line = []
            }
            if stats.kind == .csv && header == nil {
                throw AuditFileError(code: "audit-no-header", message: "the audit \(path) has no header row")
            }
        }

        // Concrete [UInt8], so the parser's array overload is the one called.
        mutating func consume(_ bytes: [UInt8], path: String, row: ([String]) throws -> Void) throws {
            switch stats.kind {
            case .csv:
                var parser = csv
                try parser.feed(bytes) { try take(csvRecord: $0, path: path, row: row) }
                csv = parser
            case .jsonl:
                var start = bytes.startIndex
                while let nl = bytes[start...].firstIndex(of: 0x0A) {
                    line += bytes[start..<nl]
                    try take(jsonLine: line, row: row)
                    line.removeAll(keepingCapacity: true)
                    start = bytes.index(after: nl)
                }
                line += bytes[start...]
            }
        }

        mutating func take(csvRecord fields: [String], path: String, row: ([String]) throws -> Void) throws {
            record += 1
            guard let header else {
                let map = fields.map { AuditFileReader.columnIndex[$0.trimmingCharacters(in: .whitespaces)] }
                guard map.contains(AuditFileReader.columnIndex["record_id"]) else {
                    throw AuditFileError(
                        code: "audit-no-header",
                        message:
                            "the audit \(path) does not start with a header row naming record_id (write it without --no-header)"
                    )
                }
                header = map
                let present = Set(map.compactMap { $0 })
                stats.missingColumns = AuditRow.columns.enumerated().filter { !present.contains($0.offset) }.map(\.element)
                return
            }
            guard fields.count == header.count else {
                skip(at: record)
                return
            }
            var values = Array(repeating: "", count: AuditRow.columns.count)
            for (i, f) in fields.enumerated() {
                if let c = header[i] { values[c] = CSV.unguarded(f) }
            }
            stats.rows += 1
            try row(values)
        }

        mutating func take(jsonLine: [UInt8], row: ([String]) throws -> Void) throws {
            record += 1
            if jsonLine.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            var values = Array(repeating: "", count: AuditRow.columns.count)
            var seen = 0
            let ok = FlatJSON.parseObject(jsonLine, separator: AuditFileReader.separator) { key, value in
                if let c = AuditFileReader.columnIndex[key] {
                    values[c] = value
                    seen += 1
                }
            }
            guard ok, seen > 0 else {
                skip(at: record)
                return
            }
            stats.rows += 1
            try row(values)
        }

        mutating func skip(at n: Int) {
            stats.skipped += 1
            if stats.skippedAt.count < 5 { stats.skippedAt.append(n) }
        }
    }
}
