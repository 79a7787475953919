import Foundation

/// Output format of the audit.
public enum AuditFormat: String, Sendable, CaseIterable {
    case csv, jsonl
}

/// An error that stops a run: the output cannot be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

/// Changes a row's values before they are written (pseudonymisation); it sees the row, whose
/// metadata may hold what no column shows (the patient's name), to remove it from free text.
public typealias RowTransform = @Sendable (AuditRow, inout [String]) -> Void

/// Writes audit rows through one ``AtomicOutput``: a temporary file beside the target, renamed into
/// place by ``finish(supersededBy:)``; standard output when the path is `-`; straight into the
/// target when it exists and is not a regular file (a FIFO, `/dev/stdout`), which cannot be
/// replaced by a rename.
public final class AuditWriter {
    let format: AuditFormat
    /// Whether the file starts with the CSV header row.
    let header: Bool
    let output: AtomicOutput

    /// Opens the output. With `resuming`, the partial audit becomes the temporary file, cut after
    /// its last whole row, and rows are appended to it (its header is already there).
    public init(
        path: String, format: AuditFormat, header: Bool, excelBOM: Bool = false, resuming partial: PartialAudit? = nil
    ) throws {
        self.format = format
        self.header = header && format == .csv
        let naming = AtomicOutput.Naming.audit(path)
        if path == "-" || Self.isSpecialFile(path) {
            output = try AtomicOutput(directlyTo: path, naming: naming)
        } else if let partial {
            output = try AtomicOutput(
                continuing: partial.path, validBytes: partial.validBytes, replacing: path, naming: naming)
            // A run killed before its first flush left nothing whole, not even the header.
            guard partial.validBytes == 0 else { return }
        } else {
            output = try AtomicOutput(replacing: path, naming: naming)
        }
        if excelBOM && format == .csv { try output.write(bytes: [0xEF, 0xBB, 0xBF]) }
        if header && format == .csv { try output.write(CSV.header) }
    }

    /// `.NAME.PID.partial` beside the target: hidden, and never taken for a finished audit.
    public static func temporaryPath(for path: String) -> String { AtomicOutput.temporaryPath(for: path) }

    /// The temporary file rows are written to, if any (for a signal handler that must remove it).
    public var temporaryFile: String? { output.temporary }

    /// Whether `path` exists and is not a regular file.
    public static func isSpecialFile(_ path: String) -> Bool { AtomicOutput.isSpecialFile(path) }

    /// Writes one row; returns the values written.
    @discardableResult
    public func write(_ row: AuditRow, transform: RowTransform? = nil) throws -> [String] {
        let (values, bytes) = Self.encode(row, format: format, transform: transform)
        try write(encoded: bytes)
        return values
    }

    /// Writes a row already encoded by ``encode(_:format:transform:)`` in this writer's format.
    public func write(encoded bytes: [UInt8]) throws { try output.write(bytes: bytes) }

    /// A row's values, after `transform` (pseudonymisation), and the bytes of its CSV or JSON
    /// Lines line, so that CSV and JSON Lines carry the same values.
    public static func encode(
        _ row: AuditRow, format: AuditFormat, transform: RowTransform? = nil
    ) -> (values: [String], bytes: [UInt8]) {
        var values = row.values
        transform?(row, &values)
        switch format {
        case .csv: return (values, CSV.lineBytes(values))
        case .jsonl: return (values, JSONLines.lineBytes(values))
        }
    }

    /// Writes the rows buffered.
    public func flush() throws { try output.flush() }

    /// Whether rows already written can still be changed by ``finish(supersededBy:)``: true when
    /// the audit goes to a temporary file, false on standard output or a special file.
    public var canMarkSuperseded: Bool { output.temporary != nil }

    /// Flushes, closes and renames the temporary file onto the target. `supersededBy` (row number,
    /// 0-based without the header → a `record_id`) fills the column `superseded_by` of those
    /// rows first: the file is copied once, row by row, into a second temporary file that replaces
    /// it (only when there is something to mark, and only for a temporary file).
    public func finish(supersededBy: [Int: String] = [:]) throws {
        let marks = SupersededMarks(format: format, header: header)
        try output.finish(editing: supersededBy.isEmpty ? nil : { try marks.apply(supersededBy, to: $0) })
    }

    /// After an interrupt: writes what is buffered (whole rows only), closes the file and renames
    /// it `TARGET.partial`, clearly not a finished audit, for `--resume`. Returns that path, or nil
    /// when the output is standard output or a special file.
    public func interrupt() throws -> String? {
        guard let target = output.target else {
            try output.flush()
            return nil
        }
        let marked = target + ".partial"
        return try output.keep(as: marked) ? marked : nil
    }

    /// Removes the temporary file after a failed run.
    /// A partial audit being resumed is kept, under its own name, for another try.
    public func abandon() { output.abandon() }
}
