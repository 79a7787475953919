import FalxAudit
import FalxIngest
import Foundation

/// Checks made before a run reads or writes anything, so no path ends in a destroyed input or a
/// silently empty audit.
public enum InputGuard {
    /// An output of the run, and the flag that named it.
    public struct Output {
        public var flag: String
        public var path: String

        public init(flag: String, path: String) {
            self.flag = flag
            self.path = path
        }
    }

    /// Every input named must exist (`-` is standard input): a misspelt path is refused rather than
    /// becoming an audit that silently lacks a site.
    public static func refuseMissingInputs(_ paths: [String]) throws {
        if paths.filter({ $0 == "-" }).count > 1 {
            throw Refusal(message: "'-' (standard input) is named more than once; name it once")
        }
        for path in paths where path != "-" {
            var st = stat()
            guard stat(path, &st) != 0 else { continue }
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR {
                throw Refusal(
                    message: "no such file or folder: \(path) (nothing was read or written; check the path)")
            }
            throw Refusal(
                message: "cannot open \(path): \(String(cString: strerror(reason))) (nothing was read or written)")
        }
    }

    /// A file named as an input that Falx itself wrote (an audit, a worklist, a report page, a
    /// provenance file) is refused: its rows are not reports, and an audit fed back would be audited
    /// as text. Inside a folder such files are skipped with a warning instead.
    public static func refuseFalxOutputsNamedAsInputs(_ paths: [String]) throws {
        for path in paths where path != "-" && FileIdentity.isRegularFile(path) {
            guard let kind = falxOutputKind(path) else { continue }
            let hint =
                kind == .auditCSV || kind == .auditJSONL
                ? "; to build the report page from it: falx report \(path) -o report.html" : ""
            throw Refusal(message: "\(path) is Falx's own \(kind.rawValue) (an output, not a report): nothing was read\(hint)")
        }
    }

    /// Refuses outputs that are, or resolve to (symbolic link, hard link, same inode), an input file,
    /// or that are the same file as each other, before anything is read: a file named as an input is
    /// compared by identity; an output that lies inside an input folder is checked as the file the
    /// walk would reach. Returns the outputs that exist already, for ``ExistingOutputs/check(_:)``
    /// during the walk, which catches the rarer ways in (a link inside the folder, a hard link)
    /// without walking the archive twice. A Falx output in an input folder is not an input (the
    /// walk skips it), so writing over it is allowed.
    @discardableResult
    public static func refuseOutputsOverlappingInputs(_ outputs: [Output], inputs: [String]) throws -> ExistingOutputs {
        let outputs = outputs.filter { $0.path != "-" }
        for (i, a) in outputs.enumerated() {
            for b in outputs[(i + 1)...] where samePath(a.path, b.path) {
                throw Refusal(
                    message: "\(a.flag) \(a.path) and \(b.flag) \(b.path) are the same file; give each output its own name")
            }
        }
        let existing = ExistingOutputs(outputs)
        guard !existing.outputs.isEmpty else { return existing }  // an output not yet written cannot be an input
        for input in inputs where input != "-" {
            var st = stat()
            if stat(input, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                let folder = realPath(input) + "/"
                for out in existing.outputs where realPath(out.output.path).hasPrefix(folder) {
                    try existing.check(out.output.path, inFolder: true)
                }
            } else {
                try existing.check(input, inFolder: false)
            }
        }
        return existing
    }

    /// The outputs of a run that exist already, with their identities on disk.
    public struct ExistingOutputs {
        let outputs: [(output: Output, id: FileIdentity)]

        init(_ outputs: [Output]) {
            self.outputs = outputs.compactMap { out in FileIdentity(path: out.path).map { (output: out, id: $0) } }
        }

        /// Throws a ``Refusal`` when `input` is one of the outputs: named explicitly, whoever wrote
        /// it; inside a folder, unless Falx wrote it (the walk skips it, so it is safe to replace).
        /// `midRun`: found during the walk, after other files were read (nothing is written yet).
        /// `identity`: the input's, when the caller has it already.
        public func check(_ input: String, inFolder: Bool, midRun: Bool = false, identity: FileIdentity? = nil) throws {
            guard !outputs.isEmpty, let id = identity ?? FileIdentity(path: input),
                let hit = outputs.first(where: { $0.id == id })
            else { return }
            if inFolder && FileIdentity.isRegularFile(input) && falxOutputKind(input) != nil { return }
            throw Refusal(
                message: "\(hit.output.flag) \(hit.output.path) is the input \(input) (the same file on disk); "
                    + "writing it would destroy the input. "
                    + (midRun ? "The run stopped; no output was written" : "Nothing was read or written")
                    + ": choose another output path")
        }
    }

    /// A path with links resolved, `.` and `..` removed.
    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether two output paths name one file: the same spelling after resolving links, or the same
    /// file on disk.
    static func samePath(_ a: String, _ b: String) -> Bool {
        if let x = FileIdentity(path: a), let y = FileIdentity(path: b) { return x == y }
        return realPath(a) == realPath(b)
    }

    /// The kind of Falx output the file at `path` is, from its first bytes.
    static func falxOutputKind(_ path: String) -> FalxOutputKind? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: FalxOutputKind.bytesNeeded) else { return nil }
        return FalxOutputKind.recognise(fileStart: data)
    }
}

/// Counts the files a run skipped and why, for one summary warning at the end.
public final class SkippedInputs: @unchecked Sendable {
    private let lock = NSLock()
    private var ownOutputs: [FalxOutputKind: Int] = [:]
    private var firstOwn: String?
    public private(set) var duplicates = 0

    public init() {}

    /// Skips Falx's own outputs (a walker's ``InputWalker/skipFile``).
    public func skipOwnOutput(path: String, firstBytes: [UInt8]) -> Bool {
        guard let kind = FalxOutputKind.recognise(fileStart: firstBytes) else { return false }
        lock.lock()
        defer { lock.unlock() }
        ownOutputs[kind, default: 0] += 1
        if firstOwn == nil { firstOwn = path }
        return true
    }

    /// Notes a file reached a second time; returns the warning that names it, for the first five.
    public func noteDuplicate(_ path: String) -> String? {
        duplicates += 1
        guard duplicates <= 5 else { return nil }
        return "falx: warning: \(path) is a file already read (the same file reached twice); read once"
    }

    /// The summary warnings, one line each.
    public var warnings: [String] {
        var out: [String] = []
        let total = ownOutputs.values.reduce(0, +)
        if total > 0, let firstOwn {
            let kinds = FalxOutputKind.allCases.compactMap { k in ownOutputs[k].map { "\($0) \(k.rawValue)" } }
            out.append(
                "falx: warning: skipped \(total) file\(total == 1 ? "" : "s") Falx wrote (\(kinds.joined(separator: ", "))), "
                    + "e.g. \(firstOwn); they are outputs, not reports")
        }
        if duplicates > 0 {
            out.append("falx: warning: \(duplicates) file\(duplicates == 1 ? " was" : "s were") reached twice and read once")
        }
        return out
    }
}
