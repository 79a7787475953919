import Foundation

/// A file's identity on disk (device and inode, links followed): two paths with the same identity
/// are the same file, whether reached by a symbolic link, a hard link or two spellings of one path.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of the file at `path` (symbolic links followed), or nil when it does not exist.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    /// Whether `path` is a regular file (symbolic links followed).
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}

/// Remembers the regular files a run has read, so the same file reached twice (named twice, through
/// a symbolic link, a hard link or a linked folder) is read once.
///
/// Memory grows by some 16 bytes per file read: an identity is packed into one 64-bit word when the
/// device and inode numbers fit (they do on common file systems), else kept whole.
public struct InputDeduplicator: Sendable {
    var packed = Set<UInt64>()
    var wide = Set<FileIdentity>()

    public init() {}

    /// True the first time a regular file is met; false when it was met before. Paths that are not
    /// regular files (a FIFO, standard input, a path that does not exist) are always first visits.
    public mutating func firstVisit(_ path: String) -> Bool { visit(path).first }

    /// Like ``firstVisit(_:)``, also giving the file's identity (nil when it is not a regular file),
    /// so a caller that needs it does not look at the file again.
    public mutating func visit(_ path: String) -> (first: Bool, identity: FileIdentity?) {
        var st = stat()
        guard path != "-", stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return (true, nil) }
        let id = FileIdentity(st)
        if id.device < (1 << 20) && id.inode < (1 << 44) {
            return (packed.insert(id.device << 44 | id.inode).inserted, id)
        }
        return (wide.insert(id).inserted, id)
    }
}
