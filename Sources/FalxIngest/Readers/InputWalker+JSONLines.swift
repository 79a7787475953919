import Foundation

// JSON Lines: streamed in blocks, their lines parsed on `parseJobs` threads.

extension InputWalker {
    /// Streams bytes already in memory as JSON Lines, in blocks of `blockSize` bytes.
    public func forEachJSONLinesRecord(inMemory bytes: [UInt8], entry: Entry, blockSize: Int, _ body: (Record) throws -> Void)
        rethrows
    {
        try streamJSONLines(
            first: [], entry: entry, read: Self.blocks(of: bytes, size: blockSize), skipBlankLines: true, waiting: {}, body)
    }

    /// Reads JSON Lines from standard input, one record per line, in bounded memory.
    ///
    /// With a `shard` only its lines are read (``Shard/takes(line:)``); line numbers stay global,
    /// so the shards of a file together give every line exactly once.
    ///
    /// `waiting` is called whenever every line read so far has been handed on and the next read
    /// may block: the place to write out rows, so that a client that sends a line and waits for
    /// its row gets it.
    public func forEachStandardInputRecord(
        shard: Shard? = nil, waiting: () throws -> Void = {}, _ body: (Record) throws -> Void
    ) rethrows {
        let read = Self.blocks(of: FileHandle.standardInput, fill: false)
        let keep: (Int) -> Bool = { line in shard?.takes(line: line) ?? true }
        // The --stdin filter gives one row per line, a blank line included, so that a client counting
        // lines and rows stays in step.
        try streamJSONLines(
            first: [], entry: Entry(path: "stdin", recordBase: "stdin"), read: read, keep: keep, waiting: waiting, body)
    }

    func streamJSONLines(
        first: [UInt8], entry: Entry, read: (Int) -> [UInt8]?, keep: (Int) -> Bool = { _ in true },
        skipBlankLines: Bool = false, failure: () -> String? = { nil }, waiting: () throws -> Void = {},
        _ body: (Record) throws -> Void
    ) rethrows {
        var buffer = first
        var lineNumber = 0
        var skipping = false  // inside an over-long line
        var eof = false
        var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        let (base, path, jobs, options) = (entry.recordBase, entry.path, parseJobs, reading)
        // FHIR NDJSON (a Bulk export) when the first lines hold resources: each line is read as one.
        var fhir = first.isEmpty ? nil : FHIRReader.looksLikeFHIR(first)
        // A Bulk Data export's Patients, read when the file holds FHIR lines.
        var patients: FHIRPatients?
        while true {
            if fhir == nil, !buffer.isEmpty { fhir = FHIRReader.looksLikeFHIR(buffer) }
            var start = 0
            while let nl = buffer[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if skipping {
                    skipping = false
                } else if skipBlankLines && Self.isBlankLine(buffer[start..<nl]) {
                    // A blank line is no record; the line numbers of the others stay physical.
                } else if keep(lineNumber) {
                    lines.append((lineNumber, buffer[start..<nl]))
                }
                start = nl + 1
            }
            // The block's lines, parsed on `parseJobs` threads, in order.
            let asFHIR = fhir == true
            if asFHIR, patients == nil {
                patients =
                    FHIRPatients.sibling(of: path).map { FHIRPatients(path: $0, maxLineBytes: maxLineBytes) } ?? FHIRPatients()
            }
            let parsed = parallelMap(lines, jobs: lines.count >= 64 ? jobs : 1) {
                Self.records(
                    line: $0.bytes, number: $0.number, fhir: asFHIR, recordBase: base, source: path, options: options)
            }
            lines.removeAll(keepingCapacity: true)
            for record in parsed.joined() { try body(patients?.fill(record) ?? record) }
            buffer.removeFirst(start)
            if eof { break }
            if buffer.count > maxLineBytes && !skipping {
                lineNumber += 1
                if keep(lineNumber) {
                    try body(
                        .failure(
                            RecordError(
                                code: .lineTooLong, message: "line \(lineNumber) is longer than \(maxLineBytes) bytes",
                                recordID: "\(entry.recordBase)#\(lineNumber)", source: "\(entry.path)#\(lineNumber)",
                                format: .jsonl))
                    )
                }
                lineNumber -= 1  // counted again when its newline arrives
                skipping = true
            }
            if skipping { buffer.removeAll(keepingCapacity: true) }
            try waiting()
            let block = read(Self.blockSize)
            if block == nil {
                // The rest of the input cannot be read: its lines cannot be counted, so one row says so.
                lineNumber += 1
                try body(
                    .failure(
                        RecordError(
                            code: .readFailed,
                            message: "reading stopped after line \(lineNumber - 1)\(failure().map { ": " + $0 } ?? "")",
                            recordID: "\(entry.recordBase)#\(lineNumber)", source: "\(entry.path)#\(lineNumber)", format: .jsonl))
                )
                break
            }
            guard let more = block, !more.isEmpty else {
                eof = true
                if !buffer.isEmpty && !skipping && !(skipBlankLines && Self.isBlankLine(buffer[...])) {
                    lineNumber += 1
                    guard keep(lineNumber) else { break }
                    let last = Self.records(
                        line: buffer[...], number: lineNumber, fhir: fhir == true, recordBase: base, source: path,
                        options: options)
                    for record in last { try body(patients?.fill(record) ?? record) }
                }
                break
            }
            buffer += more
        }
    }

    /// Whether a line holds only spaces, tabs and carriage returns (or a UTF-8 BOM).
    static func isBlankLine(_ line: ArraySlice<UInt8>) -> Bool {
        var rest = line
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        for b in rest where b != 0x20 && b != 0x09 && b != 0x0D { return false }
        return true
    }
}
