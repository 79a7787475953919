import Foundation

/// Writes `superseded_by` into an audit file already written: the run learns that a row is replaced
/// only when a later report of its accession arrives, after the row went out. The file is copied in
/// 1 MiB blocks into `FILE.marks` with the marked rows' last cell filled, then renamed over `FILE`;
/// memory is one block and one row. Only the last column changes: in CSV the row's final empty cell
/// (`…,\n`) gets the value; in JSON Lines its final `null}` becomes the string.
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

    /// Fills the empty last cell of one whole row (ending in LF); a row whose last cell is not
    /// empty is left as it is.
    func mark(_ line: inout [UInt8], with id: String) {
        switch format {
        case .csv:
            // The row ends `,\n`: the cell goes between them.
            guard line.count >= 2, line[line.count - 2] == 0x2C else { return }
            line.removeLast()
            line += CSV.lineBytes([id])
        case .jsonl:
            // The row ends `null}\n`.
            guard line.count >= 6, line.suffix(6).elementsEqual(Array("null}\n".utf8)) else { return }
            line.removeLast(6)
            var value: [UInt8] = []
            JSONLines.append(id, to: &value)
            line += value + [0x7D, 0x0A]
        }
    }
}
