/// Plain-text reports: a file is one report, unless it holds separator lines.
///
/// Separators (``TextSeparators``): report headers (`=== REPORT 2 ===`), a form feed alone on a line,
/// rules of four or more `=`, `-`, `*` or `_`, and `END OF REPORT`. Text before the first separator
/// is the first report when it is not blank; a blank report after a header or form feed is an
/// `error` row. Records are numbered from 1 in file order: `reports/a.txt#1`, `#2`, ...
///
/// The bytes are decoded by ``TextDecoding`` (UTF-16 by its BOM, Windows-1252 when they are not
/// UTF-8 but read as it, U+FFFD otherwise), each with a warning on every report of the file.
///
/// Header and signature lines (``TextHeaderReader``) fill the metadata; a report whose header gives
/// an accession takes it as its record id, and a later report of the same file with the same
/// accession takes `ACCESSION#2`, `#3`, ... with a warning.
public enum TextReader {
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, headers: TextHeaderOptions = TextHeaderOptions(),
        encoding: TextEncoding? = nil
    ) -> [Record] {
        var records: [Record] = []
        forEachRecord(bytes, recordBase: recordBase, source: source, headers: headers, encoding: encoding) {
            records.append($0)
        }
        return records
    }

    /// Hands out the records of ``records(_:recordBase:source:headers:encoding:)`` one at a time, so a
    /// file of a hundred thousand reports never holds them all: memory stays near the file's size.
    /// The separator pass and the records poll `watch`: once it asks to stop, no further record is
    /// handed out.
    public static func forEachRecord(
        _ bytes: [UInt8], recordBase: String, source: String, headers: TextHeaderOptions = TextHeaderOptions(),
        encoding: TextEncoding? = nil, watch: ScanWatch = .none, _ body: (Record) throws -> Void
    ) rethrows {
        let (clean, warnings) = TextDecoding.decode(bytes[...], as: encoding)
        watch.scanned(bytes.count)
        if watch.stopRequested { return }
        let parts = TextSeparators.parts(clean, watch: watch)
        if watch.stopRequested { return }
        if parts.isEmpty {
            return try body(
                .failure(
                    RecordError(
                        code: .empty, message: "the file holds no report text",
                        recordID: "\(recordBase)#1", source: source, format: .text)))
        }
        let multi = parts.count > 1
        var accessions: [String: Int] = [:]
        for (i, part) in parts.enumerated() {
            if watch.stopRequested { return }
            let id = "\(recordBase)#\(i + 1)"
            let src = multi ? "\(source)#\(i + 1)" : source
            let text = Array(clean[part.range])
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                try body(
                    .failure(
                        RecordError(code: .empty, message: "the report is blank", recordID: id, source: src, format: .text)))
                continue
            }
            var report = Report(recordID: id, source: src, format: .text, text: text, warnings: warnings)
            report.add(TextHeaderReader.read(text, options: headers))
            let accession = report.metadata.accession
            if !accession.isEmpty {
                let seen = accessions[accession, default: 0] + 1
                accessions[accession] = seen
                report.recordID = seen == 1 ? accession : "\(accession)#\(seen)"
                if seen > 1 {
                    report.warnings.append("accession \(accession) is repeated in this file: record id \(report.recordID)")
                }
            }
            try body(.success(report))
        }
    }
}

enum ASCIISpace {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C }
}
