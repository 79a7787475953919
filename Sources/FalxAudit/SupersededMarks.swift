import Foundation

/// Writes `superseded_by` into an audit file already written: the run learns that a row is replaced
/// only when a later report of its accession arrives, after the row went out. The file is copied in
/// 1 MiB blocks into `FILE.marks` with the marked rows' `superseded_by` cell filled, then renamed
/// over `FILE`; memory is one block and one row. Only that column changes: in CSV the row's empty
/// cell (between two commas outside quotes) gets the value; in JSON Lines its
/// `"superseded_by":null` becomes the string.
struct SupersededMarks {
    var format: AuditFormat
    /// Whether the file's first record is the CSV header row.
    var header: Bool

    func apply(_ marks: [Int: String], to path: String) throws {
        let out = path + ".marks"
        guard let input = FileHandle(forReadingAtPath: path), FileManager.default.createFile(atPath: out, contents: nil),
            let output = FileHandle(forWritingAtPath: out)
        else {
            throw OutputError(message: "cannot mark the superseded rows of the audit: cannot open \(out)")
        }
        defer {
            try? input.close()
            try? output.close()
        }
        do {
            var row = header ? -1 : 0
            var inQuotes = false
            var line: [UInt8] = []
            var pending: [UInt8] = []
            pending.reserveCapacity(1 << 20)
            while let data = try input.read(upToCount: 1 << 20), !data.isEmpty {
                let bytes = [UInt8](data)
                var start = 0
                for i in bytes.indices {
                    let b = bytes[i]
                    if b == 0x22 && format == .csv { inQuotes.toggle() }
                    guard b == 0x0A, !inQuotes else { continue }
                    if let id = marks[row] {
                        line += bytes[start...i]
                        mark(&line, with: id)
                        pending += line
                        line.removeAll(keepingCapacity: true)
                    } else if line.isEmpty {
                        pending += bytes[start...i]
                    } else {
                        pending += line
                        pending += bytes[start...i]
                        line.removeAll(keepingCapacity: true)
                    }
                    start = i + 1
                    row += 1
                }
                line += bytes[start...]
                try output.write(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            }
            try output.write(contentsOf: line)
            try output.synchronize()
        } catch {
            unlink(out)
            throw OutputError(message: "cannot mark the superseded rows of the audit: \(error.localizedDescription)")
        }
        guard rename(out, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(out)
            throw OutputError(message: "cannot mark the superseded rows of the audit: \(reason)")
        }
    }

    /// The `superseded_by` column, and how many columns follow it.
    static let column = AuditRow.columns.firstIndex(of: "superseded_by") ?? AuditRow.columns.count - 1
    static let columnsAfter = AuditRow.columns.count - 1 - column
    /// `"superseded_by":null` as JSON Lines writes it: the bytes cannot occur inside a JSON
    /// string (a quote there is escaped), so the one match is the key.
    static let jsonEmpty = Array("\"superseded_by\":null".utf8)

    /// Fills the empty `superseded_by` cell of one whole row (ending in LF); a row whose cell is
    /// not empty, or that is not a row of this schema, is left as it is.
    func mark(_ line: inout [UInt8], with id: String) {
        switch format {
        case .csv:
            // The commas outside quotes: the cell lies between comma `column - 1` and comma `column`.
            var commas: [Int] = []
            commas.reserveCapacity(AuditRow.columns.count)
            var inQuotes = false
            for (i, b) in line.enumerated() {
                if b == 0x22 { inQuotes.toggle() } else if b == 0x2C && !inQuotes { commas.append(i) }
            }
            guard commas.count == AuditRow.columns.count - 1, Self.column > 0 else { return }
            let end = commas[Self.column]
            guard commas[Self.column - 1] + 1 == end else { return }
            line.insert(contentsOf: CSV.lineBytes([id]).dropLast(), at: end)
        case .jsonl:
            let key = Self.jsonEmpty
            guard line.count > key.count,
                let start = (0...(line.count - key.count)).reversed().first(where: {
                    line[$0..<($0 + key.count)].elementsEqual(key)
                })
            else { return }
            var value: [UInt8] = []
            JSONLines.append(id, to: &value)
            line.replaceSubrange((start + key.count - 4)..<(start + key.count), with: value)
        }
    }
}
