import Foundation

/// A file written whole or not at all: through a hidden temporary file beside it (`.NAME.PID.partial`),
/// synced and renamed into place by ``finish(editing:)``, so that a failed or interrupted run never
/// leaves a half audit, half page or half worklist that looks whole. The audit, the report page
/// and the worklist all write through it.
///
/// Standard output and a special file (a FIFO, `/dev/stdout`) cannot be replaced by a rename: they
/// are written directly (``init(directlyTo:naming:)``), for the audit only; the page and the
/// worklist refuse them (``refuseNonRegular(_:)``).
public final class AtomicOutput {
    /// How messages name the file: the audit says `the audit`, the page and worklist their path.
    public struct Naming: Sendable {
        /// `cannot write OPENING: the folder is missing or not writable`.
        var opening: String
        /// `cannot write WRITING: …`.
        var writing: String
        /// `cannot move MOVING: …`.
        var moving: String

        /// The audit at `path`.
        public static func audit(_ path: String) -> Naming {
            Naming(opening: "the audit to \(path)", writing: "the audit", moving: "the audit into place at \(path)")
        }

        /// A file named by its path.
        public static func path(_ path: String) -> Naming {
            Naming(opening: path, writing: path, moving: "\(path) into place")
        }
    }

    /// The file the output replaces; nil when written directly.
    public let target: String?
    /// The hidden temporary file written until ``finish(editing:)``; nil when written directly.
    public let temporary: String?
    let handle: FileHandle
    let naming: Naming
    var buffer: [UInt8] = []
    /// The partial file this output continues: given back under its name by ``abandon()``.
    var resumedFrom: String?

    /// Opens a new temporary file beside `path`.
    ///
    /// - Throws: ``OutputError`` when the folder is missing or not writable.
    public init(replacing path: String, naming: Naming) throws {
        let temporary = Self.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw OutputError(message: "cannot write \(naming.opening): the folder is missing or not writable")
        }
        (target, self.temporary, self.handle, self.naming) = (path, temporary, handle, naming)
        buffer.reserveCapacity(1 << 20)
    }

    /// Continues `partial`: it becomes the temporary file, cut after its first `validBytes`
    /// bytes, and what is written is appended.
    public init(continuing partial: String, validBytes: Int, replacing path: String, naming: Naming) throws {
        let temporary = Self.temporaryPath(for: path)
        guard rename(partial, temporary) == 0, truncate(temporary, off_t(validBytes)) == 0,
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw OutputError(message: "cannot continue the partial audit \(partial): \(String(cString: strerror(errno)))")
        }
        _ = try? handle.seekToEnd()
        (target, self.temporary, self.handle, self.naming, resumedFrom) = (path, temporary, handle, naming, partial)
        buffer.reserveCapacity(1 << 20)
    }

    /// Writes straight into standard output (`-`) or an existing special file, which no rename
    /// can replace.
    public init(directlyTo path: String, naming: Naming) throws {
        if path == "-" {
            handle = FileHandle.standardOutput
        } else {
            guard let h = FileHandle(forWritingAtPath: path) else { throw OutputError(message: "cannot write \(naming.opening)") }
            handle = h
        }
        (target, temporary, self.naming) = (nil, nil, naming)
        buffer.reserveCapacity(1 << 20)
    }

    /// `.NAME.PID.partial` beside the target: hidden, and never taken for a finished file.
    public static func temporaryPath(for path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (dir.isEmpty ? "" : dir + "/") + ".\(name).\(getpid()).partial"
    }

    /// Whether `path` exists and is not a regular file (a device, a FIFO, a socket, a folder).
    public static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) != S_IFREG
    }

    /// Throws when `path` names something that is not a regular file: renaming over it would
    /// replace it (as root, `/dev/full` itself), and a report with a worklist beside it cannot be
    /// streamed into one.
    public static func refuseNonRegular(_ path: String) throws {
        guard isSpecialFile(path) else { return }
        throw OutputError(
            message: "cannot write \(path): it exists and is not a regular file (a device, FIFO or folder); "
                + "give the path of a new or regular file")
    }

    /// Appends bytes; they reach the file by 1 MiB, or at ``flush()``.
    public func write(bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends text.
    public func write(_ s: String) throws {
        buffer += s.utf8
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw OutputError(message: "cannot write \(naming.writing): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes the temporary file, lets `editing` change it in place (it is
    /// removed if that fails), and renames it onto the target. Written directly, it only flushes.
    public func finish(editing: ((_ temporary: String) throws -> Void)? = nil) throws {
        try flush()
        guard let target, let temporary else { return }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(message: "cannot write \(naming.writing): \(error.localizedDescription)")
        }
        do {
            try editing?(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(message: "cannot move \(naming.moving): \(reason)")
        }
    }

    /// After an interrupt: writes what is buffered, closes the file and renames it `marked`,
    /// clearly not a finished file. Returns false when written directly (nothing to keep).
    public func keep(as marked: String) throws -> Bool {
        try flush()
        guard let temporary else { return false }
        try? handle.synchronize()
        try? handle.close()
        guard rename(temporary, marked) == 0 else {
            throw OutputError(message: "cannot keep the partial audit as \(marked): \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// Removes the temporary file after a failure; a partial file being continued is given back
    /// under its own name, for another try.
    public func abandon() {
        guard let temporary else { return }
        try? handle.close()
        if let resumedFrom, rename(temporary, resumedFrom) == 0 { return }
        unlink(temporary)
    }
}
