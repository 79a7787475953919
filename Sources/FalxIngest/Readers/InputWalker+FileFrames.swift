import Foundation

// `--stdin-files`: whole files on standard input, each one header line and its bytes, read by the
// same readers as a file on disk (docs/commands.md, "Files on standard input").

extension InputWalker {
    /// What one frame's header line says: the file's name in record ids, its path for `source`,
    /// and the length of its content.
    struct FileFrameHeader: Equatable {
        var name: String
        var path: String
        var bytes: Int

        /// Longest header line read; a longer one is a framing error.
        static let maxLength = 64 << 10

        /// Parses `{"name": …, "path": …, "bytes": …}`; nil with the reason when it is not one.
        static func parse(_ line: ArraySlice<UInt8>) -> Result<FileFrameHeader, FrameError> {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return .failure(FrameError("is not a JSON object"))
            }
            guard let name = object["name"] as? String, !name.isEmpty else {
                return .failure(FrameError("has no \"name\" string"))
            }
            guard let bytes = object["bytes"] as? Int, bytes >= 0 else {
                return .failure(FrameError("has no \"bytes\" count (a whole number, 0 or more)"))
            }
            if let path = object["path"], !(path is String) { return .failure(FrameError("has a \"path\" that is not a string")) }
            return .success(FileFrameHeader(name: name, path: object["path"] as? String ?? name, bytes: bytes))
        }
    }

    /// Why the frames cannot be followed further.
    struct FrameError: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Reads files framed on standard input (`--stdin-files`) and hands out their records in order.
    ///
    /// Each frame is one header line, a JSON object `{"name": "2024/r1.hl7", "path":
    /// "/data/2024/r1.hl7", "bytes": 1834}` ended by LF, then exactly `bytes` bytes of the file's
    /// content; white space may separate frames. Each file is read exactly as a file of that
    /// `path` inside a folder walk whose record ids start with `name` (format detected by content
    /// and, where a folder walk looks at it, by the name's extension; JSON Lines and CSV streamed;
    /// gzip decompressed), so its rows are those of the folder's audit, with `path` as their
    /// `source`. `path` defaults to `name`.
    ///
    /// With a `shard`, only the files it takes by name are read (``Shard/takes(file:)``), as for a
    /// folder. A header that cannot be read, or input that ends inside a frame, ends the reading
    /// with one `read-failed` row (the file's shard reports a file cut short; shard 0 a bad header).
    /// `waiting` is called before a read that may block, when every file so far has been handed on.
    public func forEachFramedFileRecord(
        shard: Shard? = nil, waiting: () throws -> Void = {}, _ body: (Record) throws -> Void
    ) rethrows {
        try forEachFramedFileRecord(
            read: Self.blocks(of: FileHandle.standardInput, fill: false), shard: shard, waiting: waiting, body)
    }

    /// Reads framed files from bytes in memory, in reads of at most `blockSize` bytes (for tests).
    public func forEachFramedFileRecord(
        inMemory bytes: [UInt8], blockSize: Int, shard: Shard? = nil, _ body: (Record) throws -> Void
    ) rethrows {
        try forEachFramedFileRecord(read: Self.blocks(of: bytes, size: blockSize), shard: shard, waiting: {}, body)
    }

    func forEachFramedFileRecord(
        read: (Int) -> [UInt8]?, shard: Shard?, waiting: () throws -> Void, _ body: (Record) throws -> Void
    ) rethrows {
        var buffer: [UInt8] = []
        var offset = 0  // bytes of `buffer` already handed on
        var readFailed = false
        var frame = 0
        /// Appends the next block; false at the end of the input or when it cannot be read.
        func more() -> Bool {
            if readFailed || watch.stopRequested { return false }
            guard let block = read(Self.blockSize) else {
                readFailed = true
                return false
            }
            if block.isEmpty { return false }
            buffer.removeFirst(offset)
            offset = 0
            buffer += block
            return true
        }
        func failure(_ message: String, recordBase: String = "stdin", source: String = "stdin") -> Record {
            .failure(RecordError(code: .readFailed, message: message, recordID: "\(recordBase)#1", source: source, format: .text))
        }
        let reportsFraming = shard.map { $0.index == 0 } ?? true
        while true {
            // White space between frames; at the end of what has arrived, the rows so far go out.
            while true {
                while offset < buffer.count, Self.isFrameSpace(buffer[offset]) { offset += 1 }
                if offset < buffer.count { break }
                try waiting()
                guard more() else {
                    if readFailed && reportsFraming { try body(failure("standard input could not be read after \(frame) files")) }
                    return
                }
            }
            frame += 1
            // The header line: bytes after `offset` known to hold no LF are not searched again.
            var scanned = 0
            var newline = offset
            while true {
                if let found = buffer[(offset + scanned)...].firstIndex(of: 0x0A) {
                    newline = found
                    break
                }
                scanned = buffer.count - offset
                guard scanned <= FileFrameHeader.maxLength, more() else {
                    let why = scanned > FileFrameHeader.maxLength ? "is longer than 64 KiB" : "is cut short"
                    if reportsFraming {
                        try body(failure("the header of file \(frame) on standard input \(why); reading stopped"))
                    }
                    return
                }
            }
            let header: FileFrameHeader
            switch FileFrameHeader.parse(buffer[offset..<newline]) {
            case .success(let h): header = h
            case .failure(let error):
                if reportsFraming {
                    try body(failure("the header of file \(frame) on standard input \(error.reason); reading stopped"))
                }
                return
            }
            offset = newline + 1
            var remaining = header.bytes
            var cutShort = false
            /// The frame's content, block by block: empty at its end, nil when the input ends first.
            func content(_ count: Int) -> [UInt8]? {
                if remaining == 0 { return [] }
                // Blocks are filled as a file's are, so detection sees the same first bytes.
                let want = min(count, remaining)
                while buffer.count - offset < want, more() {}
                if offset == buffer.count {
                    cutShort = true
                    return watch.stopRequested ? [] : nil
                }
                let n = min(want, buffer.count - offset)
                defer { (offset, remaining) = (offset + n, remaining - n) }
                return Array(buffer[offset..<offset + n])
            }
            let entry = Entry(path: header.path, recordBase: header.name)
            let taken = shard?.takes(file: header.name) ?? true
            if taken {
                try forEachRecord(read: content, entry: entry, sizeHint: header.bytes) { record in
                    if !watch.stopRequested { try body(record) }
                }
            }
            let readerSawTheEnd = cutShort
            // What the reader left of the frame (a file skipped, or refused part way) is passed over.
            while remaining > 0, let skipped = content(Self.blockSize), !skipped.isEmpty {}
            if watch.stopRequested { return }
            if remaining > 0 {
                if taken && !readerSawTheEnd {
                    try body(
                        failure(
                            "standard input ended inside \(header.name) (\(remaining) of \(header.bytes) bytes missing)",
                            recordBase: header.name, source: header.path))
                }
                return
            }
        }
    }

    /// Space, tab, CR or LF: what may stand between frames.
    static func isFrameSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}
