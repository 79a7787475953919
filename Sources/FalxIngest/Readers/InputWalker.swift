import Foundation

/// Turns paths into a stream of records, in a stable order.
///
/// A file is read by its content, whatever its name: HL7 v2 ER7 (`MSH|`, `FHS|`, `BHS|`, MLLP),
/// CDA R2 and HL7 v2 XML (by root element and namespace), FHIR JSON (a `resourceType`), JSON Lines
/// (named `.jsonl`, or a first non-blank byte `{`), CSV/TSV (named `.csv`/`.tsv`, or a first line that is
/// a header row naming a report text column), a JSON array of
/// report objects (`.json`, or `[` then `{`), plain text otherwise. A directory is walked recursively in byte-wise sorted order
/// of relative paths, skipping hidden entries and gold-label files (`*.gold.jsonl`); a file named
/// explicitly is always read. Record ids of files inside a directory are relative to it
/// (`reports/a.txt#1`); of a file named directly, its name; with several inputs, each input's
/// name comes first (``rootNames(_:)``).
public struct InputWalker: Sendable {
    /// Largest file read whole, in bytes; larger files are an `error` row.
    public var maxFileBytes: Int
    /// Longest JSON Lines line read, in bytes; a longer line is an `error` row.
    public var maxLineBytes: Int

    /// Threads that parse JSON Lines: the lines of each block read are parsed in parallel and
    /// handed on in order.
    public var parseJobs = 1

    /// How the header and signature lines of plain-text reports are read.
    public var textHeaders = TextHeaderOptions()
    /// Field names of CSV/TSV and JSON records, and the input's text encoding.
    public var reading = ReadingOptions()
    /// Called with a file's path and first bytes (decompressed) before it is read: returning true
    /// skips the file without a row (used to pass over Falx's own outputs in an input folder).
    public var skipFile: (@Sendable (_ path: String, _ firstBytes: [UInt8]) -> Bool)?
    /// Asked between the blocks of a file, between records and within each whole-file pass (the
    /// separator pass of a text file, the outline of a Bundle, the framing of an HL7 batch, the
    /// scan of a JSON array): once it asks to stop, reading ends and no further record is handed
    /// out. The caller, which asked, knows that the records it has are not all the file's.
    public var watch = ScanWatch.none

    public init(maxFileBytes: Int = 256 << 20, maxLineBytes: Int = 64 << 20) {
        self.maxFileBytes = maxFileBytes
        self.maxLineBytes = maxLineBytes
    }

    /// A file to read, and how it is named; or a path that cannot be read as a file, and why.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var recordBase: String
        /// Set when the walk found something that is not a readable file (an unreadable folder, a
        /// symlink loop, a FIFO inside a folder): reading the entry gives one `error` row with it.
        public var problem: Problem?

        public struct Problem: Sendable, Equatable {
            public var code: RecordErrorCode
            public var message: String
        }

        public init(path: String, recordBase: String, problem: Problem? = nil) {
            self.path = path
            self.recordBase = recordBase
            self.problem = problem
        }
    }

    /// Files under the given paths, in order (collects ``forEachEntry(_:_:)``).
    public func entries(_ paths: [String]) -> [Entry] {
        var out: [Entry] = []
        forEachEntry(paths) { out.append($0) }
        return out
    }

    /// Hands the files under the given paths to `body`, in order, without listing the whole tree
    /// first: memory grows with the largest folder, not with the archive.
    ///
    /// A path named explicitly is always an entry, whatever it is (a FIFO from `<(…)` included); a
    /// path that does not exist is an entry too (its read fails into an error row). Inside a folder
    /// the order is that of the relative paths compared byte by byte; hidden entries, `*.md` and
    /// `*.gold.jsonl` are skipped; symbolic links are followed, and a link back to a folder being
    /// walked, a dangling link, a link loop, an unreadable folder or a FIFO, socket or device
    /// becomes an entry with a ``Entry/Problem`` (one `error` row) and the walk goes on.
    public func forEachEntry(_ paths: [String], _ body: (Entry) throws -> Void) rethrows {
        let names = Self.rootNames(paths)
        for (path, name) in zip(paths, names) {
            var st = stat()
            // With several inputs, every record id starts with its input's name (see `rootNames`).
            let prefix = paths.count > 1 ? name + "/" : ""
            if path == "-" {
                try body(Entry(path: "-", recordBase: "stdin"))  // standard input, read by content
            } else if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                var folder = Substring(path)
                while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
                try walk(folder: String(folder), relative: prefix, ancestors: [FileID(st)], body)
            } else if stat(path, &st) != 0, errno == ELOOP {
                try body(
                    Entry(
                        path: path, recordBase: name,
                        problem: .init(code: .symlinkLoop, message: "\(path) is a symbolic link loop")))
            } else {
                try body(Entry(path: path, recordBase: name))
            }
        }
    }

    /// The name each input gives its records' ids, so that ids do not depend on the working
    /// directory and do not collide between inputs: a file's own name (`a/b/r1.txt` → `r1.txt`), a
    /// folder's own name (its real name for `.` or `..`), `stdin` for `-`. A name that an earlier
    /// input already has gets `~2`, `~3`, … in the order the inputs are given. With one input a
    /// folder's records are named relative to it (`2024/r1.txt#1`); with several, under the
    /// folder's name (`siteA/2024/r1.txt#1`).
    public static func rootNames(_ paths: [String]) -> [String] {
        var used: [String: Int] = [:]
        var taken = Set<String>()
        return paths.map { path in
            var base: String
            if path == "-" {
                base = "stdin"
            } else {
                var trimmed = Substring(path)
                while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
                base = String(trimmed.split(separator: "/").last ?? trimmed)
                if base == "." || base == ".." || base.isEmpty, let real = realpath(path, nil) {
                    base = String(String(cString: real).split(separator: "/").last ?? "root")
                    free(real)
                }
                if base.isEmpty || base == "/" { base = "root" }
            }
            var name = base
            var k = used[base, default: 1]
            while taken.contains(name) {
                k += 1
                name = "\(base)~\(k)"
            }
            used[base] = k
            taken.insert(name)
            return name
        }
    }

    /// A file's identity, to notice a folder reached twice through links.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    func walk(folder: String, relative: String, ancestors: Set<FileID>, _ body: (Entry) throws -> Void) rethrows {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            let base = relative.isEmpty ? folder : String(relative.hasSuffix("/") ? relative.dropLast() : relative[...])
            try body(
                Entry(
                    path: folder, recordBase: base,
                    problem: .init(code: .unreadableFolder, message: "cannot list the folder \(folder)")))
            return
        }
        struct Item {
            var key: [UInt8]
            var name: String
            var folder: FileID?
            var problem: Entry.Problem?
        }
        var items: [Item] = []
        for name in names where !name.hasPrefix(".") {
            let full = folder == "/" ? "/" + name : folder + "/" + name
            let rel = relative + name
            var st = stat()
            guard stat(full, &st) == 0 else {
                let problem: Entry.Problem =
                    switch errno {
                    case ELOOP: .init(code: .symlinkLoop, message: "\(rel) is a symbolic link loop")
                    case ENOENT: .init(code: .brokenLink, message: "\(rel) is a symbolic link to nothing")
                    default: .init(code: .unreadable, message: "cannot look at \(rel): \(String(cString: strerror(errno)))")
                    }
                items.append(Item(key: Array(name.utf8), name: name, problem: problem))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                // Sorting "name/" keeps the byte order of whole relative paths ("a.txt" < "a/b").
                items.append(Item(key: Array((name + "/").utf8), name: name, folder: FileID(st)))
            case S_IFREG:
                if name.hasSuffix(".gold.jsonl") || name.hasSuffix(".md") { continue }
                items.append(Item(key: Array(name.utf8), name: name))
            default:
                let kind =
                    switch st.st_mode & S_IFMT {
                    case S_IFIFO: "a FIFO"
                    case S_IFSOCK: "a socket"
                    default: "a device"
                    }
                items.append(
                    Item(
                        key: Array(name.utf8), name: name,
                        problem: .init(code: .notAFile, message: "\(rel) is \(kind), not a file")))
            }
        }
        items.sort { $0.key.lexicographicallyPrecedes($1.key) }
        for item in items {
            let full = folder == "/" ? "/" + item.name : folder + "/" + item.name
            let rel = relative + item.name
            if let id = item.folder {
                if ancestors.contains(id) {
                    try body(
                        Entry(
                            path: full, recordBase: rel,
                            problem: .init(code: .folderCycle, message: "\(rel) links back to a folder above it")))
                } else {
                    try walk(folder: full, relative: rel + "/", ancestors: ancestors.union([id]), body)
                }
            } else {
                try body(Entry(path: full, recordBase: rel, problem: item.problem))
            }
        }
    }

    /// Reads one file into records (collects ``forEachRecord(of:_:)``).
    public func records(of entry: Entry) -> [Record] {
        var out: [Record] = []
        forEachRecord(of: entry) { out.append($0) }
        return out
    }

    /// Reads one file and hands its records to `body` in order, one at a time.
    ///
    /// JSON Lines files are streamed in 4 MiB blocks, so a file of any size is read in bounded
    /// memory; a line longer than `maxLineBytes` is an `error` row and the next line is read.
    /// Other formats are read whole, up to `maxFileBytes`.
    ///
    /// `bytesRead`, when given, hears of every block read from the file (compressed bytes for a
    /// `.gz`), for a progress line.
    public func forEachRecord(of entry: Entry, bytesRead: ((Int) -> Void)? = nil, _ body: (Record) throws -> Void) rethrows {
        let fail = { (code: RecordErrorCode, message: String) -> Record in
            .failure(
                RecordError(
                    code: code, message: message, recordID: "\(entry.recordBase)#1", source: entry.path, format: .text))
        }
        if let problem = entry.problem {
            try body(fail(problem.code, problem.message))
            return
        }
        guard let handle = entry.path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: entry.path) else {
            let exists = FileManager.default.fileExists(atPath: entry.path)
            try body(
                fail(exists ? .unreadable : .notFound, exists ? "cannot open \(entry.path)" : "no such file \(entry.path)"))
            return
        }
        defer { try? handle.close() }
        let watch = watch
        let file = Self.blocks(of: handle)
        // After a stop the file reads as ended, and records still in hand are not handed out.
        let blocks: (Int) -> [UInt8]? = { watch.stopRequested ? [] : file($0) }
        var st = stat()
        let size = fstat(handle.fileDescriptor, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        let counted = { (count: Int) -> [UInt8]? in
            let block = blocks(count)
            bytesRead?(block?.count ?? 0)
            return block
        }
        try forEachRecord(read: bytesRead == nil ? blocks : counted, entry: entry, sizeHint: size) { record in
            if !watch.stopRequested { try body(record) }
        }
    }

    /// Reads bytes already in memory exactly as ``forEachRecord(of:_:)`` reads a file, with JSON
    /// Lines streamed in blocks of `blockSize` bytes (for fuzzing and tests).
    public func forEachRecord(inMemory bytes: [UInt8], entry: Entry, blockSize: Int, _ body: (Record) throws -> Void) rethrows {
        try forEachRecord(read: Self.blocks(of: bytes, size: blockSize), entry: entry, body)
    }

    func forEachRecord(
        read: (Int) -> [UInt8]?, entry: Entry, depth: Int = 0, failure: () -> String? = { nil }, sizeHint: Int = 0,
        decoded: Bool = false, _ body: (Record) throws -> Void
    ) rethrows {
        let fail = { (code: RecordErrorCode, message: String) -> Record in
            .failure(
                RecordError(
                    code: code, message: message, recordID: "\(entry.recordBase)#1", source: entry.path, format: .text))
        }
        guard var bytes = read(Self.blockSize) else {
            try body(
                fail(depth > 0 ? .badGzip : .unreadable, "read failed: \(entry.path)\(failure().map { ": " + $0 } ?? "")"))
            return
        }
        if bytes.isEmpty {
            try body(fail(.empty, "the file is empty"))
            return
        }
        // Detection looks at the first bytes (gzip, BOMs): a short first read is topped up.
        while bytes.count < 4, let more = read(Self.blockSize), !more.isEmpty { bytes += more }
        if bytes.starts(with: [0x1F, 0x8B]) {
            try forEachDecompressedRecord(first: bytes, read: read, entry: entry, depth: depth, body)
            return
        }
        if !decoded, let encoding = streamEncoding(bytes) {
            try forEachTranscodedRecord(first: bytes, read: read, entry: entry, depth: depth, encoding: encoding, body)
            return
        }
        if let skipFile, skipFile(entry.path, bytes) { return }
        if DelimitedTextReader.hasName(entry.path) || DelimitedTextReader.looksLikeExport(bytes, names: reading.fields) {
            try streamDelimited(first: bytes, entry: entry, read: read, failure: failure, body)
            return
        }
        if !HL7v2Reader.looksLikeHL7(bytes) && firstSignificantByte(bytes) != 0x3C
            && (!FHIRReader.looksLikeFHIR(bytes) || Self.hasJSONLinesName(entry.path)) && isJSONLines(entry.path, bytes)
        {
            try streamJSONLines(
                first: bytes, entry: entry, read: read, skipBlankLines: true, failure: failure, waiting: {}, body)
            return
        }
        // Other formats are read whole, into one allocation when the size is known.
        if sizeHint > bytes.count && sizeHint <= maxFileBytes { bytes.reserveCapacity(sizeHint + 1) }
        while bytes.count <= maxFileBytes {
            guard let more = read(Self.blockSize) else {
                try body(
                    fail(depth > 0 ? .badGzip : .unreadable, "read failed: \(entry.path)\(failure().map { ": " + $0 } ?? "")"))
                return
            }
            if more.isEmpty { break }
            bytes += more
        }
        if bytes.count > maxFileBytes {
            try body(fail(.tooLarge, "file larger than \(maxFileBytes) bytes"))
            return
        }
        try forEachRecord(fromBytes: bytes, entry: entry, body)
    }

    /// A gzip file (`.gz`, or gzip bytes under any name) is decompressed as it is read and its
    /// content read like any file: JSON Lines stream, other formats up to `maxFileBytes`.
    func forEachDecompressedRecord(
        first: [UInt8], read: (Int) -> [UInt8]?, entry: Entry, depth: Int, _ body: (Record) throws -> Void
    ) rethrows {
        let fail = { (code: RecordErrorCode, message: String) -> Record in
            .failure(
                RecordError(
                    code: code, message: message, recordID: "\(entry.recordBase)#1", source: entry.path, format: .text))
        }
        guard depth < 2 else {
            try body(fail(.nestedGzip, "gzip inside gzip inside gzip is not read"))
            return
        }
        try withoutActuallyEscaping(read) { read in
            var pending: [UInt8]? = first
            let raw: (Int) -> [UInt8]? = { count in
                if let block = pending {
                    pending = nil
                    return block
                }
                return read(count)
            }
            guard let gunzip = Gunzip(read: raw) else {
                try body(fail(.badGzip, "cannot start decompression"))
                return
            }
            try forEachRecord(read: gunzip.next, entry: entry, depth: depth + 1, failure: { gunzip.failure }, body)
        }
    }

    /// A reader over bytes in memory that hands out at most `size` bytes per call.
    static func blocks(of bytes: [UInt8], size: Int) -> (Int) -> [UInt8]? {
        var offset = 0
        let size = max(1, size)
        return { count in
            let n = min(count, size, bytes.count - offset)
            defer { offset += n }
            return Array(bytes[offset..<offset + n])
        }
    }

    /// A reader of the next block of `handle`: empty at the end, nil when reading fails.
    ///
    /// With `fill` a block is read until it is full or the input ends, so a pipe or FIFO that
    /// delivers a few bytes at a time is detected by the same first block as a file; without it a
    /// block is whatever one read returns (standard input, where rows must follow lines as they come).
    static func blocks(of handle: FileHandle, fill: Bool = true) -> (Int) -> [UInt8]? {
        let fd = handle.fileDescriptor
        // A regular file's size bounds each block, so a folder of small files does not allocate
        // (and zero) a whole block per file; a file that grows meanwhile is still read to its end.
        var st = stat()
        var remaining: Int? = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
        return { count in
            // read(2) itself: Foundation's read(upToCount:) waits for `count` bytes or the end.
            let want = remaining.map { min(count, max($0, 0) + 1) } ?? count
            var out = [UInt8](repeating: 0, count: want)
            var filled = 0
            while filled < want {
                let n = out.withUnsafeMutableBytes { buf in
                    read(fd, buf.baseAddress.map { $0 + filled }, want - filled)
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if n == 0 { break }
                filled += n
                if !fill { break }
            }
            if let r = remaining { remaining = r - filled }
            // A short read from a pipe: keep the bytes, not the block-sized buffer.
            if filled < want / 2 { return Array(out[0..<filled]) }
            out.removeSubrange(filled...)
            return out
        }
    }

    /// Block size for reading files: 1 MiB, some 800 JSON lines, enough for the parallel parse
    /// and small beside the audit's own memory (4 MiB blocks cost 15 MB more peak for no speed).
    static let blockSize = 1 << 20

    /// Records of a file's bytes, by content.
    func records(fromBytes bytes: [UInt8], entry: Entry) -> [Record] {
        var records: [Record] = []
        forEachRecord(fromBytes: bytes, entry: entry) { records.append($0) }
        return records
    }

    /// Fields of `primary` where set, else those of `fallback`.
    static func merge(_ primary: ReportMetadata, over fallback: ReportMetadata) -> ReportMetadata {
        var m = fallback
        func pick(_ a: String, _ b: String) -> String { a.isEmpty ? b : a }
        m.patientID = pick(primary.patientID, fallback.patientID)
        m.accession = pick(primary.accession, fallback.accession)
        m.studyDateTime = pick(primary.studyDateTime, fallback.studyDateTime)
        m.procedure = pick(primary.procedure, fallback.procedure)
        m.interpreter = pick(primary.interpreter, fallback.interpreter)
        m.facility = pick(primary.facility, fallback.facility)
        m.birthDate = pick(primary.birthDate, fallback.birthDate)
        m.sex = pick(primary.sex, fallback.sex)
        m.age = primary.age ?? fallback.age
        m.resultStatus = primary.resultStatus ?? fallback.resultStatus
        m.patientNameParts = primary.patientNameParts + fallback.patientNameParts
        m.otherPatientIDs = primary.otherPatientIDs + fallback.otherPatientIDs
        return m
    }

    func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }

    func isJSONLines(_ path: String, _ bytes: [UInt8]) -> Bool {
        let name = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return true }
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count && bytes[i] == 0x7B
    }

    func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        var control = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
        }
        return control * 10 > sample.count
    }
}
