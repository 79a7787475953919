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

/// Writes audit rows through one buffer to a temporary file beside the target, renamed into place
/// by ``finish()``; standard output when the path is `-`; straight into the target when it exists
/// and is not a regular file (a FIFO, `/dev/stdout`), which cannot be replaced by a rename.
public final class AuditWriter {
    let format: AuditFormat
    /// Whether the file starts with the CSV header row.
    let header: Bool
    let target: String?
    let temporary: String?
    let handle: FileHandle
    var buffer: [UInt8] = []
    /// The partial audit this run continues; given back under its name if the run fails.
    var resumedFrom: String?

    /// Opens the output. With `resuming`, the partial audit becomes the temporary file, cut after
    /// its last whole row, and rows are appended to it (its header is already there).
    public init(
        path: String, format: AuditFormat, header: Bool, excelBOM: Bool = false, resuming partial: PartialAudit? = nil
    ) throws {
        self.format = format
        self.header = header && format == .csv
        if let partial, path != "-", !Self.isSpecialFile(path) {
            target = path
            let tmp = Self.temporaryPath(for: path)
            guard rename(partial.path, tmp) == 0, truncate(tmp, off_t(partial.validBytes)) == 0,
                let h = FileHandle(forWritingAtPath: tmp)
            else {
                throw OutputError(
                    message: "cannot continue the partial audit \(partial.path): \(String(cString: strerror(errno)))")
            }
            _ = try? h.seekToEnd()
            resumedFrom = partial.path
            temporary = tmp
            handle = h
            buffer.reserveCapacity(1 << 20)
            // A run killed before its first flush left nothing whole, not even the header.
            if partial.validBytes == 0 { writeHeader(format: format, header: header, excelBOM: excelBOM) }
            return
        }
        if path == "-" {
            target = nil
            temporary = nil
            handle = FileHandle.standardOutput
        } else if Self.isSpecialFile(path) {
            target = nil
            temporary = nil
            guard let h = FileHandle(forWritingAtPath: path) else {
                throw OutputError(message: "cannot write the audit to \(path)")
            }
            handle = h
        } else {
            target = path
            let tmp = Self.temporaryPath(for: path)
            guard FileManager.default.createFile(atPath: tmp, contents: nil),
                let h = FileHandle(forWritingAtPath: tmp)
            else {
                throw OutputError(message: "cannot write the audit to \(path): the folder is missing or not writable")
            }
            temporary = tmp
            handle = h
        }
        buffer.reserveCapacity(1 << 20)
        writeHeader(format: format, header: header, excelBOM: excelBOM)
    }

    private func writeHeader(format: AuditFormat, header: Bool, excelBOM: Bool) {
        if excelBOM && format == .csv { buffer += [0xEF, 0xBB, 0xBF] }
        if header && format == .csv { buffer += Array(CSV.header.utf8) }
    }

    /// `.NAME.PID.partial` beside the target: hidden, and never taken for a finished audit.
    public static func temporaryPath(for path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (dir.isEmpty ? "" : dir + "/") + ".\(name).\(getpid()).partial"
    }

    /// The temporary file rows are written to, if any (for a signal handler that must remove it).
    public var temporaryFile: String? { temporary }

    public static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) != S_IFREG
    }

    /// Writes one row; returns the values written.
    @discardableResult
    public func write(_ row: AuditRow, transform: RowTransform? = nil) throws -> [String] {
        let (values, bytes) = Self.encode(row, format: format, transform: transform)
        try write(encoded: bytes)
        return values
    }

    /// Writes a row already encoded by ``encode(_:format:transform:)`` in this writer's format.
    public func write(encoded bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

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

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw OutputError(message: "cannot write the audit: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Whether rows already written can still be changed by ``finish(supersededBy:)``: true when
    /// the audit goes to a temporary file, false on standard output or a special file.
    public var canMarkSuperseded: Bool { temporary != nil }

    /// Flushes, closes and renames the temporary file onto the target. `supersededBy` (row number,
    /// 0-based without the header → a `record_id`) fills the last column, `superseded_by`, of those
    /// rows first: the file is copied once, row by row, into a second temporary file that replaces
    /// it (only when there is something to mark, and only for a temporary file).
    public func finish(supersededBy: [Int: String] = [:]) throws {
        try flush()
        guard let target, let temporary else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(message: "cannot write the audit: \(error.localizedDescription)")
        }
        if !supersededBy.isEmpty {
            do {
                try SupersededMarks(format: format, header: header).apply(supersededBy, to: temporary)
            } catch {
                unlink(temporary)
                throw error
            }
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(message: "cannot move the audit into place at \(target): \(reason)")
        }
    }

    /// After an interrupt: writes what is buffered (whole rows only), closes the file and renames
    /// it `TARGET.partial`, clearly not a finished audit, for `--resume`. Returns that path, or nil
    /// when the output is standard output or a special file.
    public func interrupt() throws -> String? {
        try flush()
        guard let target, let temporary else { return nil }
        try? handle.synchronize()
        try? handle.close()
        let marked = target + ".partial"
        guard rename(temporary, marked) == 0 else {
            throw OutputError(message: "cannot keep the partial audit as \(marked): \(String(cString: strerror(errno)))")
        }
        return marked
    }

    /// Removes the temporary file after a failed run.
    /// A partial audit being resumed is kept, under its own name, for another try.
    public func abandon() {
        if let temporary {
            try? handle.close()
            if let resumedFrom, rename(temporary, resumedFrom) == 0 { return }
            unlink(temporary)
        }
    }
}
