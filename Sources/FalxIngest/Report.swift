/// Input formats Falx reads.
public enum InputFormat: String, Sendable, Equatable, CaseIterable {
    case text, hl7v2, hl7v2xml, cda, fhir, jsonl, csv, json
}

/// Structured metadata a format may carry.
public struct ReportMetadata: Sendable, Equatable {
    public var patientID = ""
    public var accession = ""
    /// ISO 8601.
    public var studyDateTime = ""
    public var procedure = ""
    public var interpreter = ""
    public var facility = ""
    /// ISO 8601 date.
    public var birthDate = ""
    /// `F`, `M`, `O` or empty.
    public var sex = ""
    /// The result status the format gives (HL7 OBR-25), if any.
    public var resultStatus: ResultStatus?
    /// Age in years given directly by the source (e.g. a JSONL `age` field).
    public var age: Int?
    /// The parts of the patient's name (given, middle, family) as the source gives them. Never an
    /// audit column: kept only so that pseudonymisation can remove the name from free text.
    public var patientNameParts: [String] = []
    /// The patient's other identifiers (every PID-3 repetition, every FHIR `Patient.identifier`),
    /// beside `patientID`. Never an audit column: kept only for pseudonymisation.
    public var otherPatientIDs: [String] = []

    public init() {}
}

/// One report read from the input: text plus where it came from.
public struct Report: Sendable, Equatable {
    public var recordID: String
    public var source: String
    public var format: InputFormat
    /// The report text as UTF-8 (BOM removed, invalid sequences replaced by U+FFFD).
    public var text: [UInt8]
    public var metadata: ReportMetadata
    /// Non-fatal problems (invalid UTF-8 repaired, ...).
    public var warnings: [String]
    /// Byte ranges of `text` that are metadata (header and signature lines), not report text.
    public var headerRanges: [Range<Int>] = []
    /// Identifying values read from the header lines, for pseudonymisation to scrub.
    public var identifiers: [HeaderIdentifier] = []

    public init(
        recordID: String, source: String, format: InputFormat, text: [UInt8],
        metadata: ReportMetadata = ReportMetadata(), warnings: [String] = []
    ) {
        self.recordID = recordID
        self.source = source
        self.format = format
        self.text = text
        self.metadata = metadata
        self.warnings = warnings
    }

    /// Takes in what the text's header lines say: fields the format left empty are filled from
    /// them, and their ranges, identifiers and warnings are kept.
    public mutating func add(_ header: TextHeader) {
        metadata = InputWalker.merge(metadata, over: header.metadata)
        headerRanges += header.ranges
        identifiers += header.identifiers
        warnings += header.warnings
    }
}

/// A record that could not be read; it still becomes an audit row with `status=error`.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: RecordErrorCode
    public var message: String
    public var recordID: String
    public var source: String
    public var format: InputFormat
    public var metadata: ReportMetadata

    public init(
        code: RecordErrorCode, message: String, recordID: String, source: String, format: InputFormat,
        metadata: ReportMetadata = ReportMetadata()
    ) {
        self.code = code
        self.message = message
        self.recordID = recordID
        self.source = source
        self.format = format
        self.metadata = metadata
    }

    public var description: String { "\(code): \(message)" }
}

/// A record: a report, or the reason it could not be read.
public typealias Record = Result<Report, RecordError>

extension Result where Success == Report, Failure == RecordError {
    /// The record's id, read or not.
    public var recordID: String {
        switch self {
        case .success(let r): r.recordID
        case .failure(let e): e.recordID
        }
    }
}
