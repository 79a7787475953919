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

/// Writes audit rows through one buffer to a temporary file beside the target, renamed into place
/// by ``finish()``; standard output when the path is `-`; straight into the target when it exists
/// and is not a regular file (a FIFO, `/dev/stdout`), which cannot be replaced by a rename.
public final class AuditWriter {
    let format: AuditFormat
    let target: String?
    let temporary: String?
    let handle: FileHandle
    var buffer: [UInt8] = []

    public init(path: String, format: AuditFormat, header: Bool, excelBOM: Bool = false) throws {
        self.format = format
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
            let dir = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            let tmp = (dir.isEmpty ? "" : dir + "/") + ".\(name).\(getpid()).partial"
            guard FileManager.default.createFile(atPath: tmp, contents: nil),
                let h = FileHandle(forWritingAtPath: tmp)
            else {
                throw OutputError(message: "cannot write the audit to \(path): the folder is missing or not writable")
            }
            temporary = tmp
            handle = h
        }
        buffer.reserveCapacity(1 << 20)
        if excelBOM && format == .csv { buffer += [0xEF, 0xBB, 0xBF] }
        if header && format == .csv { buffer += Array(CSV.header.utf8) }
    }

    static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) != S_IFREG
    }

    /// Applied to every row's values before they are written (pseudonymisation), so CSV and JSON Lines
    /// get the same rows.
    public var transform: (@Sendable (inout [String]) -> Void)?

    /// Writes one row; returns the values written (after ``transform``).
    @discardableResult
    public func write(_ row: AuditRow) throws -> [String] {
        var values = row.values
        transform?(&values)
        switch format {
        case .csv: buffer += Array(CSV.line(values).utf8)
        case .jsonl: buffer += Array(JSONLines.line(values).utf8)
        }
        if buffer.count >= 1 << 20 { try flush() }
        return values
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

    /// Flushes, closes and renames the temporary file onto the target.
    public func finish() throws {
        try flush()
        guard let target, let temporary else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(message: "cannot write the audit: \(error.localizedDescription)")
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(message: "cannot move the audit into place at \(target): \(reason)")
        }
    }

    /// Removes the temporary file after a failed run.
    public func abandon() {
        if let temporary {
            try? handle.close()
            unlink(temporary)
        }
    }
}
