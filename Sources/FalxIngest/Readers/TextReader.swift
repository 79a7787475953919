/// Plain-text reports: a file is one report, unless it holds separator lines.
///
/// A separator is a line that starts with `=== REPORT` (for example `=== REPORT 2 ===`), or a line
/// holding only a form feed. Text before the first separator is the first report when it is not
/// blank; a blank report between separators is an `error` row. Records are numbered from 1 in file order: `reports/a.txt#1`, `#2`, ...
///
/// Header and signature lines (``TextHeaderReader``) fill the metadata; a report whose header gives
/// an accession takes it as its record id, and a later report of the same file with the same
/// accession takes `ACCESSION#2`, `#3`, ... with a warning.
public enum TextReader {
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, headers: TextHeaderOptions = TextHeaderOptions()
    ) -> [Record] {
        let (clean, repaired) = UTF8Decoding.clean(bytes[...])
        let warnings = repaired ? ["invalid UTF-8 replaced with U+FFFD"] : []
        let parts = split(clean)
        if parts.isEmpty {
            return [
                .failure(
                    RecordError(
                        code: "empty", message: "the file holds no report text",
                        recordID: "\(recordBase)#1", source: source, format: .text))
            ]
        }
        let multi = parts.count > 1
        var accessions: [String: Int] = [:]
        return parts.enumerated().map { (i, part) in
            let id = "\(recordBase)#\(i + 1)"
            let src = multi ? "\(source)#\(i + 1)" : source
            if part.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                return .failure(
                    RecordError(code: "empty", message: "the report is blank", recordID: id, source: src, format: .text))
            }
            var report = Report(recordID: id, source: src, format: .text, text: part, warnings: warnings)
            report.add(TextHeaderReader.read(part, options: headers))
            let accession = report.metadata.accession
            if !accession.isEmpty {
                let seen = accessions[accession, default: 0] + 1
                accessions[accession] = seen
                report.recordID = seen == 1 ? accession : "\(accession)#\(seen)"
                if seen > 1 {
                    report.warnings.append("accession \(accession) is repeated in this file: record id \(report.recordID)")
                }
            }
            return .success(report)
        }
    }

    /// Splits on separator lines; a file without separators is one part.
    static func split(_ text: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        var lineStart = 0
        var sawSeparator = false
        let marker = Array("=== REPORT".utf8)
        var i = 0
        while i <= text.count {
            if i == text.count || text[i] == 0x0A {
                let line = text[lineStart..<i]
                let trimmed = line.last == 0x0D ? line.dropLast() : line
                if trimmed.starts(with: marker) || (trimmed.count == 1 && trimmed.first == 0x0C) {
                    // Text before the first separator counts only when it is not blank; a blank
                    // report between two separators is kept, to become an error row.
                    if sawSeparator || current.contains(where: { !ASCIISpace.isSpace($0) }) { parts.append(current) }
                    sawSeparator = true
                    current = []
                } else {
                    current.append(contentsOf: line)
                    if i < text.count { current.append(0x0A) }
                }
                lineStart = i + 1
            }
            i += 1
        }
        if !sawSeparator { return text.contains(where: { !ASCIISpace.isSpace($0) }) ? [text] : [] }
        parts.append(current)
        return parts
    }
}

enum ASCIISpace {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }
}
