import Foundation

/// Reads FHIR R4 DiagnosticReport resources in JSON: one record per DiagnosticReport.
///
/// The file may hold one DiagnosticReport, or a Bundle (collection, searchset, transaction, ...)
/// whose `entry[].resource` holds one or more; references are resolved within the Bundle (by
/// `fullUrl` or `Type/id`) and among `contained` resources (`#id`), never over the network.
///
/// The report text: the first `presentedForm` that holds text inline (`data`, base64): `text/plain`
/// as is, `text/html` and `application/xhtml` stripped to text by libxml2's HTML parser (no DTD is
/// loaded, even when the XHTML names one); a form that only has a `url` is never fetched. Without
/// such a form, the `text.div` narrative, stripped to text. Then the `conclusion`, under an
/// `IMPRESSION:` header, unless the text already holds it. A PDF or image form without any other
/// text is an error row (`binary-only`: "binary form, no text").
///
/// Metadata: accession = the `identifier` whose type has the v2-0203 code `ACSN`, else the first
/// identifier; patient = the `subject` Patient (in the Bundle or contained): its identifier (type
/// `MR`, else the first) or, when unresolved or without one, the `subject.reference`; `birthDate`;
/// `gender` (`male` → `M`, `female` → `F`, `other` → `O`); study time = `effectiveDateTime`, else
/// `effectivePeriod.start`, as written; procedure = `code.text`, else the first coding's display;
/// interpreter = the first `resultsInterpreter` display (or the resolved Practitioner's name), else
/// a non-organisation `performer` display; facility = an Organization `performer`.
///
/// Error rows (`RecordError.code`): `empty`, `too-large`, `compressed`, `too-deep` (nesting deeper
/// than the limit, checked by a byte scan before parsing), `bad-json`, `not-fhir` (no
/// `resourceType`), `not-diagnostic-report` (another resource, or a Bundle without a
/// DiagnosticReport: the message says what it holds), `bad-bundle-entry` (an entry that is not an
/// object or whose resource has no `resourceType`: one row each, after the reports), `bad-base64`
/// (the only text form is not valid base64), `binary-only`, `no-text`. Bundles inside a Bundle are
/// read too.
///
///     let records = FHIRReader.records(bytes, recordBase: "dr.json", source: "in/dr.json")
///
/// Never reads files or the network; never traps on malformed input.
public enum FHIRReader {
    /// The default deepest JSON nesting accepted (objects and arrays); deeper input is an error row.
    public static let defaultMaxDepth = JSONNesting.defaultMaxDepth

    /// The records of one FHIR JSON file, one per DiagnosticReport, in file order.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - recordBase: the base of record ids (`<recordBase>#<n>`, n counting DiagnosticReports)
    ///     for reports without an identifier.
    ///   - source: the source path; `#n` is appended when the file holds several reports.
    ///   - maxInputBytes: larger files are an error row (`too-large`), not parsed.
    ///   - maxDepth: deeper nesting is an error row (`too-deep`), not parsed.
    /// - Complexity: O(n) in the size of the file.
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, maxInputBytes: Int = SafeXML.defaultMaxInputBytes,
        maxDepth: Int = defaultMaxDepth
    ) -> [Record] {
        var records: [Record] = []
        forEachRecord(bytes, recordBase: recordBase, source: source, maxInputBytes: maxInputBytes, maxDepth: maxDepth) {
            records.append($0)
        }
        return records
    }

    /// Hands out the records of one FHIR JSON file one at a time, in file order: a Bundle is scanned,
    /// not parsed whole, and each DiagnosticReport is parsed only when its turn comes, so memory
    /// stays near the size of the file plus one report, however many reports the Bundle holds.
    /// Parameters as ``records(_:recordBase:source:maxInputBytes:maxDepth:)``; the scanning passes
    /// poll `watch`, and once it asks to stop no further record is handed out.
    public static func forEachRecord(
        _ bytes: [UInt8], recordBase: String, source: String, maxInputBytes: Int = SafeXML.defaultMaxInputBytes,
        maxDepth: Int = defaultMaxDepth, watch: ScanWatch = .none, _ body: (Record) throws -> Void
    ) rethrows {
        let firstID = "\(recordBase)#1"
        func fail(_ code: RecordErrorCode, _ message: String) -> Record {
            .failure(RecordError(code: code, message: message, recordID: firstID, source: source, format: .fhir))
        }
        if bytes.isEmpty { return try body(fail(.empty, "the input is empty")) }
        if bytes.count > maxInputBytes {
            return try body(fail(.tooLarge, "FHIR input of \(bytes.count) bytes is over the \(maxInputBytes)-byte limit"))
        }
        if bytes.starts(with: [0x1F, 0x8B]) { return try body(fail(.compressed, "gzip-compressed input is not read")) }
        let depth = JSONNesting.depth(bytes, stoppingAbove: maxDepth, watch: watch)
        if watch.stopRequested { return }
        if depth > maxDepth {
            return try body(fail(.tooDeep, "JSON nested deeper than \(maxDepth) levels; not parsed"))
        }
        let scan = JSONScan(bytes: bytes, watch: watch)
        let start = scan.skipSpace(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        let whole = scan.value(at: start)
        if watch.stopRequested { return }
        guard let top = whole, scan.skipSpace(top.upperBound) == bytes.count else {
            return try body(fail(.badJSON, "not valid JSON"))
        }
        guard bytes[top.lowerBound] == 0x7B else { return try body(fail(.badJSON, "the JSON is not an object")) }
        guard let typeToken = scan.member("resourceType", of: top), let type = scan.string(typeToken) else {
            return try body(fail(.notFHIR, "a JSON object without resourceType is not a FHIR resource"))
        }
        switch type {
        case "DiagnosticReport":
            guard let report = scan.object(top) else { return try body(fail(.badJSON, "not valid JSON")) }
            try body(read(report, index: FHIRIndex(), fallbackID: firstID, source: source))
        case "Bundle":
            var outline = BundleOutline()
            let collected = outline.collect(top, scan: scan, path: "the Bundle")
            if watch.stopRequested { return }
            guard collected else {
                return try body(fail(.badJSON, "not valid JSON"))
            }
            if outline.reports.isEmpty && outline.problems.isEmpty {
                let bundleType = scan.member("type", of: top).flatMap(scan.string) ?? "unknown"
                return try body(
                    fail(
                        .notDiagnosticReport,
                        "the Bundle (type \(bundleType)) holds no DiagnosticReport (it holds \(outline.heldDescription))"))
            }
            // Reports first, then one error row for each entry that could not be understood.
            let multi = outline.reports.count + outline.problems.count > 1
            for (i, range) in outline.reports.enumerated() {
                if watch.stopRequested { return }
                let id = "\(recordBase)#\(i + 1)"
                let place = multi ? "\(source)#\(i + 1)" : source
                if let report = scan.object(range) {
                    try body(read(report, index: outline.index, fallbackID: id, source: place))
                } else {
                    let message = "DiagnosticReport \(i + 1) of the Bundle is not valid JSON"
                    try body(
                        .failure(RecordError(code: .badJSON, message: message, recordID: id, source: place, format: .fhir)))
                }
            }
            for (k, problem) in outline.problems.enumerated() {
                let n = outline.reports.count + k + 1
                try body(
                    .failure(
                        RecordError(
                            code: .badBundleEntry, message: problem, recordID: "\(recordBase)#\(n)",
                            source: multi ? "\(source)#\(n)" : source, format: .fhir)))
            }
        default:
            try body(fail(.notDiagnosticReport, "the resource is a \(type), not a DiagnosticReport"))
        }
    }

    /// The records of one parsed resource (a DiagnosticReport or a Bundle) in the JSON form, as
    /// ``FHIRXMLReader`` builds it from FHIR XML: written out as JSON and read as a JSON file is.
    static func records(resource: [String: Any], recordBase: String, source: String) -> [Record] {
        guard let json = try? JSONSerialization.data(withJSONObject: resource, options: []) else {
            let message = "the document could not be turned into FHIR JSON"
            return [
                .failure(
                    RecordError(code: .badJSON, message: message, recordID: "\(recordBase)#1", source: source, format: .fhir))
            ]
        }
        return records(Array(json), recordBase: recordBase, source: source)
    }

    /// True when the bytes look like a FHIR JSON resource: the first non-blank byte is `{` and a
    /// `"resourceType"` key appears within the first 64 KiB. Does not parse.
    public static func looksLikeFHIR(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x7B else { return false }
        return XMLSniffing.contains(bytes[i..<min(bytes.count, XMLSniffing.window)], "\"resourceType\"")
    }
}
