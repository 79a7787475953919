// FHIR NDJSON: a Bulk Data export holds one resource per line, in files named `.ndjson`.

extension InputWalker {
    /// Whether the file is named as JSON Lines (`.jsonl`, `.ndjson`, either gzipped): read line by
    /// line even when its lines are FHIR resources.
    static func hasJSONLinesName(_ path: String) -> Bool {
        let name = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
        return name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson")
    }

    /// The records of one line: a FHIR resource when the file holds FHIR lines, else a JSON Lines report.
    static func records(
        line: ArraySlice<UInt8>, number: Int, fhir: Bool, recordBase: String, source: String,
        options: ReadingOptions = ReadingOptions()
    ) -> [Record] {
        guard fhir else {
            return [
                JSONLinesReader.record(line: line, lineNumber: number, recordBase: recordBase, source: source, options: options)
            ]
        }
        return FHIRReader.records(line: line, lineNumber: number, recordBase: recordBase, source: source)
    }
}

extension FHIRReader {
    /// The records of one NDJSON line: a DiagnosticReport gives its report, another resource an
    /// error row naming it (`not-diagnostic-report`), a Bundle its reports. Ids and sources carry
    /// the line number (`file.ndjson#12`, several reports on one line `#12#1`, `#12#2`).
    public static func records(line: ArraySlice<UInt8>, lineNumber: Int, recordBase: String, source: String) -> [Record] {
        let base = "\(recordBase)#\(lineNumber)"
        let records = records(Array(line), recordBase: base, source: "\(source)#\(lineNumber)")
        guard records.count == 1 else { return records }
        // One report on the line: its fallback id is the line's, without a report number.
        switch records[0] {
        case .success(var report):
            if report.recordID == base + "#1" { report.recordID = base }
            return [.success(report)]
        case .failure(var error):
            if error.recordID == base + "#1" { error.recordID = base }
            return [.failure(error)]
        }
    }
}
