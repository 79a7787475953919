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
        let firstID = "\(recordBase)#1"
        func fail(_ code: String, _ message: String) -> [Record] {
            [.failure(RecordError(code: code, message: message, recordID: firstID, source: source, format: .fhir))]
        }
        if bytes.isEmpty { return fail("empty", "the input is empty") }
        if bytes.count > maxInputBytes {
            return fail("too-large", "FHIR input of \(bytes.count) bytes is over the \(maxInputBytes)-byte limit")
        }
        if bytes.starts(with: [0x1F, 0x8B]) { return fail("compressed", "gzip-compressed input is not read") }
        let depth = JSONNesting.depth(bytes, stoppingAbove: maxDepth)
        if depth > maxDepth {
            return fail("too-deep", "JSON nested deeper than \(maxDepth) levels; not parsed")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(body), options: [])
        } catch {
            return fail("bad-json", "not valid JSON")
        }
        guard let resource = object as? [String: Any] else { return fail("bad-json", "the JSON is not an object") }
        guard resource["resourceType"] is String else {
            return fail("not-fhir", "a JSON object without resourceType is not a FHIR resource")
        }
        return records(resource: resource, recordBase: recordBase, source: source)
    }

    /// The records of one parsed resource (a DiagnosticReport or a Bundle), from JSON or from XML
    /// turned into the JSON form (``FHIRXMLReader``).
    static func records(resource: [String: Any], recordBase: String, source: String) -> [Record] {
        let firstID = "\(recordBase)#1"
        func fail(_ code: String, _ message: String) -> [Record] {
            [.failure(RecordError(code: code, message: message, recordID: firstID, source: source, format: .fhir))]
        }
        let type = resource["resourceType"] as? String ?? ""
        var contents = BundleContents()
        switch type {
        case "DiagnosticReport":
            contents.reports = [resource]
        case "Bundle":
            contents.collect(resource, path: "the Bundle")
            if contents.reports.isEmpty && contents.problems.isEmpty {
                let bundleType = resource["type"] as? String ?? "unknown"
                return fail(
                    "not-diagnostic-report",
                    "the Bundle (type \(bundleType)) holds no DiagnosticReport (it holds \(contents.heldDescription))")
            }
        default:
            return fail("not-diagnostic-report", "the resource is a \(type), not a DiagnosticReport")
        }
        // Reports first, then one error row for each entry that could not be understood.
        let count = contents.reports.count + contents.problems.count
        let multi = count > 1
        let rows = contents.reports.enumerated().map { i, report in
            read(
                report, index: contents.index, fallbackID: "\(recordBase)#\(i + 1)", source: multi ? "\(source)#\(i + 1)" : source
            )
        }
        return rows
            + contents.problems.enumerated().map { k, problem in
                let n = contents.reports.count + k + 1
                return .failure(
                    RecordError(
                        code: "bad-bundle-entry", message: problem, recordID: "\(recordBase)#\(n)",
                        source: multi ? "\(source)#\(n)" : source, format: .fhir))
            }
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
