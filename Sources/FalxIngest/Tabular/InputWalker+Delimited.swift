// CSV/TSV files are read in blocks, one row at a time: memory holds a block and the longest row.

extension InputWalker {
    func streamDelimited(
        first: [UInt8], entry: Entry, read: (Int) -> [UInt8]?, failure: () -> String? = { nil },
        _ body: (Record) throws -> Void
    ) rethrows {
        var buffer = first
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
        let (base, path) = (entry.recordBase, entry.path)
        let scanner = DelimitedRowScanner(
            delimiter: DelimitedRowScanner.sniffDelimiter(
                Array(buffer.prefix(64 << 10)), preferTab: DelimitedTextReader.isTSV(path)))
        var layout: DelimitedTextReader.Layout?
        var pos = 0
        var line = 1  // the physical line where the next row starts
        var row = 0
        var eof = false
        // A row too long to hold is stepped over: its quote state and where it started.
        var skipping: (inQuotes: Bool, row: Int)?
        while true {
            if var state = skipping {
                var lines = 0
                if let end = DelimitedRowScanner.skip(buffer, from: pos, inQuotes: &state.inQuotes, lines: &lines) {
                    pos = end
                    skipping = nil
                } else {
                    pos = buffer.count
                    skipping = state
                }
                line += lines
            }
            while skipping == nil {
                let step = scanner.scan(buffer, from: pos, atEOF: eof)
                if case .needMore = step {
                    guard buffer.count - pos > maxLineBytes else { break }
                    row += 1
                    try body(
                        DelimitedTextReader.failure(
                            .rowTooLong, "row \(row) (line \(line)) is longer than \(maxLineBytes) bytes", row: row,
                            recordBase: base, source: path))
                    skipping = (false, row)
                    break
                }
                guard case .row(let cells, let end, let lines, let malformed) = step else {
                    // A quote that never closes: the row is an error, and reading goes on after
                    // the row's first line, where the rows it swallowed begin.
                    if pos >= buffer.count { break }
                    let restart = buffer[pos...].firstIndex(of: 0x0A).map { $0 + 1 } ?? buffer.count
                    if layout == nil {
                        try body(
                            DelimitedTextReader.failure(
                                .badCSV, "the header row (line \(line)) opens a quote that never closes", row: 1,
                                recordBase: base, source: path))
                        return
                    }
                    row += 1
                    try body(
                        DelimitedTextReader.failure(
                            .badCSV, "row \(row) (line \(line)) opens a quote that never closes", row: row, recordBase: base,
                            source: path))
                    pos = restart
                    line += 1
                    continue
                }
                let startLine = line
                let size = end - pos
                pos = end
                line += lines
                if size > maxLineBytes && layout != nil {
                    row += 1
                    try body(
                        DelimitedTextReader.failure(
                            .rowTooLong, "row \(row) (line \(startLine)) is longer than \(maxLineBytes) bytes", row: row,
                            recordBase: base, source: path))
                    if end >= buffer.count && eof { break }
                    continue
                }
                if DelimitedTextReader.isBlank(cells) && malformed == nil {
                    if end >= buffer.count && eof { break }
                    continue
                }
                guard let layout else {
                    let found = DelimitedTextReader.Layout(header: cells, names: reading.fields)
                    guard found.hasText else {
                        try body(found.noTextColumn(recordBase: base, source: path))
                        return
                    }
                    layout = found
                    continue
                }
                row += 1
                let count = DelimitedTextReader.fieldCount(cells, header: layout.header.count)
                if let malformed {
                    try body(
                        DelimitedTextReader.failure(
                            .badCSV, "row \(row) (line \(startLine)): \(malformed)", row: row, recordBase: base, source: path))
                } else if count != layout.header.count {
                    try body(
                        DelimitedTextReader.failure(
                            .badCSV,
                            "row \(row) (line \(startLine)) has \(count) fields; the header has \(layout.header.count)",
                            row: row, recordBase: base, source: path))
                } else {
                    try body(
                        DelimitedTextReader.record(
                            cells, layout: layout, row: row, line: startLine, recordBase: base, source: path,
                            encoding: reading.encoding))
                }
                if end >= buffer.count && eof { break }
            }
            if eof { break }
            buffer.removeFirst(pos)
            pos = 0
            guard let more = read(Self.blockSize) else {
                try body(
                    DelimitedTextReader.failure(
                        .readFailed, "reading stopped after row \(row)\(failure().map { ": " + $0 } ?? "")", row: row + 1,
                        recordBase: base, source: path))
                return
            }
            if more.isEmpty { eof = true } else { buffer += more }
        }
        if layout == nil {
            try body(
                DelimitedTextReader.failure(.empty, "the file holds no header row", row: 1, recordBase: base, source: path))
        } else if row == 0 {
            try body(
                DelimitedTextReader.failure(
                    .empty, "the file holds a header row and no rows", row: 1, recordBase: base, source: path))
        }
    }
}
