/// Reads HL7 CDA R2 documents (namespace `urn:hl7-org:v3`): one document is one record.
///
/// The report text comes from the body:
/// - `structuredBody`: each `section` (nested ones too, in document order) becomes a header line
///   and its narrative. The header is chosen by the section code: LOINC (18782-3 and 59776-5
///   `FINDINGS:`, 19005-8 `IMPRESSION:`, 55111-9 `TECHNIQUE:`, 11329-0 `CLINICAL HISTORY:`,
///   55752-0 `CLINICAL INFORMATION:`, 18834-2 `COMPARISON:`, 18783-1 `RECOMMENDATION:`, ...) or
///   DICOM (121060 `CLINICAL HISTORY:`, 121070 `FINDINGS:`, 121072 `IMPRESSION:`, 121074
///   `RECOMMENDATION:`, 121076 `CONCLUSION:`, 121109 `INDICATION:`, ...), else by the section
///   title (a known name such as "Impressions", else the title itself in capitals). The DICOM
///   Object Catalog (121181) is skipped. Narrative `<text>`: paragraphs, list items, table rows
///   and `br` end lines; table cells are separated by `" | "`; a paragraph's caption is written
///   `Caption: ` before its text; `content revised="delete"` and `renderMultiMedia` are dropped.
///   Entries (coded observations) are not read: the narrative is the attested text.
/// - `nonXMLBody`: `text` with `mediaType="text/plain"` (plain or `representation="B64"`) or
///   `text/html`. A body that only `reference`s an external file is an error row
///   (`external-reference`): the reference is never followed. A PDF, an image or compressed
///   content is an error row (`binary-only`, `compressed`).
///
/// Metadata: patient id = the first `recordTarget/patientRole/id` with an `@extension` (the
/// extension alone; its `@root` is not kept), birth date from `birthTime`, sex from
/// `administrativeGenderCode` (`M`, `F`; `UN` → `O`); procedure from
/// `documentationOf/serviceEvent/code` (`@displayName`, else `originalText`), else the document
/// `title`; study time from `serviceEvent/effectiveTime` (`low`, else `@value`), else the
/// document `effectiveTime`; interpreter = the first author's `assignedPerson/name` ("Given
/// Family"); facility = the custodian organisation's name. Accession: a DICOM PS3.20
/// `inFulfillmentOf/order/ps3-20:accessionNumber/@extension`, else the first
/// `inFulfillmentOf/order/id` with an `@extension` (C-CDA puts the accession number there; its
/// root is local, so it is not checked).
///
/// Error rows (`RecordError.code`): the `SafeXML` codes (`empty`, `too-large`, `compressed`,
/// `xml-parse`, `xml-entities`), `not-cda` (another root element), `no-body`,
/// `external-reference`, `binary-only`, `unsupported-media`, `bad-base64`, `no-text`.
///
///     let records = CDAReader.records(bytes, recordBase: "cda/report.xml", source: "in/cda/report.xml")
///
/// Never reads files or the network (see `SafeXML`); never traps on malformed input.
public enum CDAReader {
    /// The CDA (HL7 v3) namespace.
    public static let namespace = "urn:hl7-org:v3"

    /// The record of one CDA file: a one-element array.
    ///
    /// The record id is the accession when the document carries one, else `<recordBase>#1`.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - recordBase: the base of the record id when there is no accession.
    ///   - source: the source path, unchanged (a CDA file holds one document).
    ///   - maxInputBytes: larger files are an error row (`too-large`), not parsed.
    /// - Complexity: O(n) in the size of the file.
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, maxInputBytes: Int = SafeXML.defaultMaxInputBytes
    ) -> [Record] {
        [read(bytes, recordID: "\(recordBase)#1", source: source, preferAccession: true, maxInputBytes: maxInputBytes)]
    }

    /// The report of one CDA document given as bytes, with a record id chosen by the caller.
    ///
    /// For a CDA embedded in another message (an HL7 v2 ED OBX): the id is kept as given even
    /// when the document carries an accession; the format is `.cda`. Same text, metadata and
    /// error rules as `records(_:recordBase:source:maxInputBytes:)`.
    public static func report(
        fromXML bytes: [UInt8], recordID: String, source: String, maxInputBytes: Int = SafeXML.defaultMaxInputBytes
    ) -> Record {
        read(bytes, recordID: recordID, source: source, preferAccession: false, maxInputBytes: maxInputBytes)
    }

    /// True when the bytes start like a CDA document: the root element is `ClinicalDocument` and
    /// its start tag names the `urn:hl7-org:v3` namespace. Looks at the first 64 KiB only; does
    /// not parse or validate.
    public static func looksLikeCDA(_ bytes: [UInt8]) -> Bool {
        guard let root = XMLSniffing.rootStartTag(bytes) else { return false }
        return root.localName == "ClinicalDocument" && XMLSniffing.contains(root.tag, namespace)
    }

    // MARK: - Reading

    static func read(
        _ bytes: [UInt8], recordID: String, source: String, preferAccession: Bool, maxInputBytes: Int
    ) -> Record {
        let root: XMLTree
        switch SafeXML.parse(bytes, maxInputBytes: maxInputBytes) {
        case .failure(let f):
            return .failure(RecordError(code: f.code, message: f.message, recordID: recordID, source: source, format: .cda))
        case .success(let tree): root = tree
        }
        return read(root, recordID: recordID, source: source, preferAccession: preferAccession)
    }

    static func read(_ root: XMLTree, recordID: String, source: String, preferAccession: Bool) -> Record {
        guard root.name == "ClinicalDocument", root.namespace == namespace else {
            let ns = root.namespace.isEmpty ? "no namespace" : "namespace \(root.namespace)"
            return .failure(
                RecordError(
                    code: .notCDA, message: "the root element is <\(root.name)> (\(ns)), not a CDA ClinicalDocument",
                    recordID: recordID, source: source, format: .cda))
        }
        let meta = metadata(root)
        let id = preferAccession && !meta.accession.isEmpty ? meta.accession : recordID
        func fail(_ code: RecordErrorCode, _ message: String) -> Record {
            .failure(RecordError(code: code, message: message, recordID: id, source: source, format: .cda, metadata: meta))
        }
        let lines: [String]
        var warnings: [String] = []
        if let structured = root.path("component", "structuredBody") {
            var out = NarrativeLines()
            for component in structured.children(named: "component") {
                if let section = component.child("section") { render(section: section, into: &out) }
            }
            lines = out.lines
        } else if let body = root.path("component", "nonXMLBody") {
            switch nonXMLText(body) {
            case .failure(let problem): return fail(problem.code, problem.message)
            case .success(let result):
                lines = result.lines
                warnings = result.warnings
            }
        } else {
            return fail(.noBody, "the document has neither a structuredBody nor a nonXMLBody")
        }
        let text = joined(lines)
        if text.isEmpty { return fail(.noText, "the document body holds no text") }
        return .success(
            Report(recordID: id, source: source, format: .cda, text: text, metadata: meta, warnings: warnings))
    }

    /// Lines joined with `\n`; leading and trailing blank lines dropped, blank runs kept as one.
    static func joined(_ lines: [String]) -> [UInt8] {
        var out: [UInt8] = []
        var pendingBlank = false
        for line in lines {
            if XMLTree.collapse(line).isEmpty {
                pendingBlank = !out.isEmpty
                continue
            }
            if !out.isEmpty { out.append(0x0A) }
            if pendingBlank { out.append(0x0A) }
            pendingBlank = false
            out.append(contentsOf: line.utf8)
        }
        return out
    }
}
