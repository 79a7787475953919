/// Why a record could not be read: the stable code of an `error` row.
///
/// The raw value is what the audit writes before the colon in the `errors` column
/// (`bad-json: line 3 is not valid JSON`); it never changes once published, because the report and
/// the users' own scripts count rows by it. `falx schema --errors` prints the table of codes from
/// ``summary``, and the documentation carries that table.
public enum RecordErrorCode: String, CaseIterable, Sendable, CustomStringConvertible {
    // Each case's one-line description is its `summary`.

    // Files and folders.
    case notFound = "not-found"
    case unreadable
    case unreadableFolder = "unreadable-folder"
    case notAFile = "not-a-file"
    case symlinkLoop = "symlink-loop"
    case brokenLink = "broken-link"
    case folderCycle = "folder-cycle"
    case tooLarge = "too-large"
    case readFailed = "read-failed"
    case badGzip = "bad-gzip"
    case nestedGzip = "nested-gzip"
    case compressed
    case binary

    // Text, JSON and tables.
    case empty
    case blankLine = "blank-line"
    case lineTooLong = "line-too-long"
    case badJSON = "bad-json"
    case missingText = "missing-text"
    case tooDeep = "too-deep"
    case noTextColumn = "no-text-column"
    case badCSV = "bad-csv"
    case rowTooLong = "row-too-long"

    // HL7 v2.
    case noMSH = "no-msh"
    case badMSH1 = "bad-msh1"
    case badMSH2 = "bad-msh2"
    case notAReport = "not-a-report"
    case embeddedDocument = "embedded-document"

    // XML, CDA and FHIR.
    case xmlParse = "xml-parse"
    case xmlEntities = "xml-entities"
    case xmlNoRoot = "xml-no-root"
    case unknownXML = "unknown-xml"
    case notCDA = "not-cda"
    case noBody = "no-body"
    case noText = "no-text"
    case externalReference = "external-reference"
    case badBase64 = "bad-base64"
    case binaryOnly = "binary-only"
    case unsupportedMedia = "unsupported-media"
    case notFHIR = "not-fhir"
    case notDiagnosticReport = "not-diagnostic-report"
    case badBundleEntry = "bad-bundle-entry"

    // The audit.
    case recordTooLarge = "record-too-large"
    case recordTooCostly = "record-too-costly"
    case stopped
    case goldMissing = "gold-missing"

    /// The code as the audit writes it.
    public var description: String { rawValue }

    /// One line on when a record gets this code.
    public var summary: String {
        switch self {
        case .notFound: "a named file does not exist"
        case .unreadable: "a file cannot be opened or read"
        case .unreadableFolder: "a folder cannot be listed"
        case .notAFile: "something inside a folder is not a file (a FIFO, a socket, a device)"
        case .symlinkLoop: "a symbolic link points back to itself"
        case .brokenLink: "a symbolic link points to nothing"
        case .folderCycle: "a linked folder leads back to a folder above it"
        case .tooLarge: "a file over `--max-file-mb`, or XML or FHIR JSON over its parser's size limit"
        case .readFailed: "the input stopped being readable part way (one row for the rest)"
        case .badGzip: "a gzip stream cannot be decompressed"
        case .nestedGzip: "gzip inside gzip inside gzip"
        case .compressed: "gzip-compressed bytes where they are not read (inside XML or FHIR, a compressed CDA body)"
        case .binary: "the file looks binary (NUL or control bytes), not report text"
        case .empty: "no report text: an empty file, record or `text` value, a table with no rows, an empty JSON array"
        case .blankLine: "a blank line of JSON Lines read by `falx audit --stdin`"
        case .lineTooLong: "a JSON Lines line over 1.25 × `--max-record-mb`"
        case .badJSON: "JSON that cannot be read, or is not the object or array its format needs"
        case .missingText: "a JSON object with no string `text`"
        case .tooDeep: "JSON nested deeper than the reader allows"
        case .noTextColumn: "a CSV/TSV header names no report text column"
        case .badCSV: "a CSV/TSV row with a stray or unclosed quote or another number of fields than the header"
        case .rowTooLong: "a CSV/TSV row over 1.25 × `--max-record-mb`"
        case .noMSH: "an HL7 v2 file or message without an MSH segment"
        case .badMSH1: "an MSH segment without a usable field separator (MSH-1)"
        case .badMSH2: "an MSH segment without usable encoding characters (MSH-2)"
        case .notAReport: "an HL7 message that is not a report (ORU or MDM), such as ADT or ACK"
        case .embeddedDocument: "an HL7 message whose only report is an embedded document that is not CDA"
        case .xmlParse: "XML that libxml2 cannot parse"
        case .xmlEntities: "XML that declares entities (a DOCTYPE with `<!ENTITY>`), refused unread"
        case .xmlNoRoot: "XML without a root element"
        case .unknownXML: "an XML document that is neither CDA, HL7 v2 XML nor FHIR"
        case .notCDA: "a root element that is not a CDA `ClinicalDocument`"
        case .noBody: "a CDA document with neither a structuredBody nor a nonXMLBody"
        case .noText: "a document or message that holds no report text"
        case .externalReference: "a CDA nonXMLBody that only references an external file (not followed)"
        case .badBase64: "base64 report text that is not valid base64"
        case .binaryOnly: "the report is in binary form only (a PDF or an image), with no text"
        case .unsupportedMedia: "a CDA nonXMLBody of a media type Falx does not read"
        case .notFHIR: "a JSON object without `resourceType`"
        case .notDiagnosticReport: "a FHIR resource that is not a DiagnosticReport"
        case .badBundleEntry: "a FHIR Bundle entry that is not a JSON object or holds no readable resource"
        case .recordTooLarge: "report text over `--max-record-mb`"
        case .recordTooCostly: "report text whose reading needs more than the work budget of its size"
        case .stopped: "the run was interrupted while the report was being read"
        case .goldMissing: "`falx eval`: a gold record whose id no input record has"
        }
    }

    /// The codes as a Markdown table, in declaration order: what `falx schema --errors` prints.
    public static var markdown: String {
        var out = "| code | when |\n|---|---|\n"
        for code in allCases { out += "| `\(code.rawValue)` | \(code.summary) |\n" }
        return out
    }
}
