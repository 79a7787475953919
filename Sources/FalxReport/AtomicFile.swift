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
    /// - Throws: ``OutputError`` when `path` exists and is not a regular file (see
    ///   ``refuseNonRegular(_:)``), or the folder is missing or not writable.
    public init(path: String) throws {
        try Self.refuseNonRegular(path)
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

    /// Throws when `path` names something that is not a regular file (a device, a FIFO, a socket, a
    /// folder): renaming over it would replace it (as root, `/dev/full` itself), and a report with a
    /// worklist beside it cannot be streamed into one.
    public static func refuseNonRegular(_ path: String) throws {
        guard AuditWriter.isSpecialFile(path) else { return }
        throw OutputError(
            message: "cannot write \(path): it exists and is not a regular file (a device, FIFO or folder); "
                + "give the path of a new or regular file")
    }

    /// Appends text.
    public func write(_ s: String) throws {
        buffer += s.utf8
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: [UInt8]) throws {
        buffer += bytes
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
