/// CSV and TSV exports (RIS, PACS, spreadsheets): a header row, then one report per row.
///
/// The report text is the column named by ``FieldNames`` (`report text`, `report`, `text`,
/// `narrative`, `body`, `result`, ...; or `--text-column`), else the `findings` and `impression`
/// columns joined as sections. The other fields (id, accession, patient id, study date, procedure,
/// radiologist, facility, age, sex, birth date) are read from their columns the same way.
///
/// Rows are numbered from 1 after the header, blank lines not counted; a row's id is its id
/// column when present and not empty, else `<file>#<row>`. A row with another number of fields
/// than the header (empty fields after the last aside), text after a closing quote, a quote that
/// never closes or a row over the size limit is an `error` row, and the next row is read.
public enum DelimitedTextReader {
    /// Whether the file is named as CSV or TSV (`.csv`, `.tsv`, either gzipped).
    public static func hasName(_ path: String) -> Bool {
        let name = (path.hasSuffix(".gz") ? String(path.dropLast(3)) : path).lowercased()
        return name.hasSuffix(".csv") || name.hasSuffix(".tsv")
    }

    /// Whether a file not named as CSV or TSV (`export.txt`, `reports.dat`, no extension) is one:
    /// its first line is a header row of at least three short cells, split at the delimiter that
    /// ``DelimitedRowScanner/sniffDelimiter(_:preferTab:)`` finds, of which one names the report
    /// text (a text, findings or impression column) and another a field of another kind (id,
    /// accession, a date, the radiologist …). Report prose never looks like this (`Findings,
    /// impression, recommendations:` names sections only), so it stays a text report; an export
    /// never becomes one giant report.
    public static func looksLikeExport(_ bytes: [UInt8], names: FieldNames) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let end = bytes[start...].prefix(4096).firstIndex(of: 0x0A) ?? min(bytes.count, start + 4096)
        var line = Array(bytes[start..<end])
        if line.last == 0x0D { line.removeLast() }
        guard !line.isEmpty, line.count < 4096 else { return false }
        let delimiter = DelimitedRowScanner.sniffDelimiter(line, preferTab: false)
        let cells = line.split(separator: delimiter, omittingEmptySubsequences: false).map { cell -> [UInt8] in
            var c = Array(cell)
            while let f = c.first, f == 0x20 || f == 0x22 { c.removeFirst() }
            while let l = c.last, l == 0x20 || l == 0x22 { c.removeLast() }
            return c
        }
        guard cells.count >= 3, cells.allSatisfy({ !$0.isEmpty && $0.count <= 64 }) else { return false }
        let fields = cells.compactMap { names.match($0)?.field }
        let textFields: Set<FieldNames.Field> = [.text, .findings, .impression]
        return fields.contains(where: textFields.contains) && fields.contains { !textFields.contains($0) }
    }

    static func isTSV(_ path: String) -> Bool {
        (path.hasSuffix(".gz") ? String(path.dropLast(3)) : path).lowercased().hasSuffix(".tsv")
    }

    /// How a file's header maps to fields.
    struct Layout {
        var header: [String]
        var columns: [FieldNames.Field: Int]

        init(header cells: [[UInt8]], names: FieldNames) {
            header = cells.map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
            columns = names.columns(of: cells)
        }

        var hasText: Bool { columns[.text] != nil || columns[.findings] != nil || columns[.impression] != nil }

        /// The error row of a header without a text column: it lists the columns found.
        func noTextColumn(recordBase: String, source: String) -> Record {
            let shown = header.prefix(40).map { "'\($0)'" }.joined(separator: ", ") + (header.count > 40 ? ", ..." : "")
            return .failure(
                RecordError(
                    code: .noTextColumn,
                    message:
                        "no report text column among the \(header.count) columns (\(shown)): name it with --text-column NAME",
                    recordID: "\(recordBase)#1", source: source, format: .csv))
        }
    }

    /// The record of one data row.
    static func record(
        _ cells: [[UInt8]], layout: Layout, row: Int, line: Int, recordBase: String, source: String, encoding: TextEncoding?
    ) -> Record {
        let (values, decodeWarnings) = TextDecoding.decode(cells, as: encoding)
        var warnings = decodeWarnings
        let value = { (field: FieldNames.Field) -> [UInt8]? in
            layout.columns[field].flatMap { $0 < values.count ? values[$0] : nil }
        }
        let string = { (field: FieldNames.Field) -> String in
            value(field).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        let idValue = string(.id)
        let id = idValue.isEmpty ? "\(recordBase)#\(row)" : idValue
        let age = JSONLinesReader.ageText(string(.age), warnings: &warnings)
        let text = JSONLinesReader.text(value(.text), findings: value(.findings), impression: value(.impression))
        return JSONLinesReader.record(
            id: id, field: string, age: age, text: text, lineNumber: line, source: "\(source)#\(row)", warnings: warnings,
            place: "row \(row) (line \(line))", format: .csv)
    }

    /// The error row of a row that cannot be read.
    static func failure(_ code: RecordErrorCode, _ message: String, row: Int, recordBase: String, source: String) -> Record {
        .failure(
            RecordError(code: code, message: message, recordID: "\(recordBase)#\(row)", source: "\(source)#\(row)", format: .csv))
    }

    /// Whether a row holds nothing but white space (a blank line).
    static func isBlank(_ cells: [[UInt8]]) -> Bool {
        cells.count == 1 && cells[0].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The number of fields a row really has: empty fields after the header's count are ignored.
    static func fieldCount(_ cells: [[UInt8]], header: Int) -> Int {
        var n = cells.count
        while n > header, cells[n - 1].isEmpty { n -= 1 }
        return n
    }
}
