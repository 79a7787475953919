import FalxAudit
import Foundation

/// Writes a file through a hidden temporary file beside it, renamed into place by ``finish()``, so an
/// interrupted run never leaves a half page or half worklist that looks whole.
public final class AtomicFile {
    public let path: String
    let temporary: String
    let handle: FileHandle
    var buffer: [UInt8] = []

    /// Opens the temporary file.
    ///
    /// - Throws: ``OutputError`` when the folder is missing or not writable.
    public init(path: String) throws {
        self.path = path
        temporary = AuditWriter.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let h = FileHandle(forWritingAtPath: temporary)
        else {
            throw OutputError(message: "cannot write \(path): the folder is missing or not writable")
        }
        handle = h
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends text.
    public func write(_ s: String) throws {
        buffer += s.utf8
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw OutputError(message: "cannot write \(path): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place.
    public func finish() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(message: "cannot write \(path): \(error.localizedDescription)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(message: "cannot move \(path) into place: \(reason)")
        }
    }

    /// Removes the temporary file.
    public func abandon() {
        try? handle.close()
        unlink(temporary)
    }
}

/// The path of the full worklist CSV beside a report: `report.html` → `report-worklist.csv`.
public func worklistPath(besideReport path: String) -> String {
    let ns = path as NSString
    let stem = ns.pathExtension.isEmpty ? path : ns.deletingPathExtension
    return stem + "-worklist.csv"
}
