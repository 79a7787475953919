import FalxCore
import FalxIngest

/// One column of the audit: its name (CSV header cell and JSON Lines key), what it holds and the
/// values it can take. ``AuditSchema/columns`` is the one list the writers, the report's reader,
/// `falx schema` and docs/audit-schema.md all come from.
public struct AuditColumn: Sendable, Equatable {
    /// The values a column can take.
    public enum Values: Sendable, Equatable {
        /// Free text (may be empty).
        case text
        /// Exactly one of these (or empty on an `error` row).
        case oneOf([String])
        /// Any of these, `;`-joined, in this order (empty when none).
        case listOf([String])
        /// A list of free-text items joined by `separator` (empty when none).
        case textList(separator: String)
        /// A whole number (empty when unknown).
        case integer
        /// An ISO 8601 date (`2024-05-02`) or date and time (`2024-05-02T14:31`, with the source's
        /// offset when it gives one), or empty.
        case dateTime
        /// `start-end` offsets.
        case offsets

        /// The values in words, for the schema table.
        public var summary: String {
            switch self {
            case .text: "text"
            case .oneOf(let v): v.map { "`\($0)`" }.joined(separator: " \\| ")
            case .listOf(let v): "list (`;`): " + v.map { "`\($0)`" }.joined(separator: ", ")
            case .textList(let separator): "list (`\(separator)`) of text"
            case .integer: "integer"
            case .dateTime: "ISO 8601 date or date-time"
            case .offsets: "`start-end`"
            }
        }

        /// The closed set of values of a `oneOf` or `listOf` column (empty for the others).
        public var allowed: [String] {
            switch self {
            case .oneOf(let v), .listOf(let v): v
            default: []
            }
        }

        /// How the value is written in JSON Lines (an empty value is always `null`).
        public var json: JSONType {
            switch self {
            case .text, .oneOf, .offsets, .dateTime: .string
            case .listOf: .list(separator: ";")
            case .textList(let separator): .list(separator: separator)
            case .integer: .integer
            }
        }

        /// The JSON type of a column: a string, a whole number, or an array of strings (the CSV
        /// cell split at `separator`).
        public enum JSONType: Sendable, Equatable {
            case string, integer
            case list(separator: String)
        }
    }

    public let name: String
    public let meaning: String
    public let values: Values

    public init(_ name: String, _ values: Values, _ meaning: String) {
        self.name = name
        self.values = values
        self.meaning = meaning
    }
}

/// The audit's columns, in their fixed order.
public enum AuditSchema {
    static func names<T: RawRepresentable & CaseIterable>(_: T.Type) -> [String] where T.RawValue == String {
        T.allCases.map(\.rawValue)
    }

    public static let columns: [AuditColumn] =
        [
            AuditColumn(
                "record_id", .text,
                "the record's id, unique in the run: the JSONL `id`, the accession, else `<file>#<n>`; a repeat gets `~2`, `~3`, …"
            ),
            AuditColumn("source", .text, "the input path as given, plus `#n` inside a multi-record file"),
            AuditColumn("format", .oneOf(names(InputFormat.self)), "the input format, detected from the content"),
            AuditColumn("status", .oneOf(["ok", "error"]), "`error`: the record could not be read (see `errors`)"),
            AuditColumn("patient_id", .text, "the patient identifier the format carries"),
            AuditColumn("accession", .text, "the accession number the format carries"),
            AuditColumn("study_datetime", .dateTime, "the study's date and time"),
            AuditColumn("procedure", .text, "the procedure or exam name"),
            AuditColumn("interpreter", .text, "the reporting radiologist"),
            AuditColumn("facility", .text, "the facility or sending application"),
            AuditColumn("age", .integer, "age in years at the study: birth date and study date, else the text"),
            AuditColumn("sex", .text, "sex as the format gives it"),
            AuditColumn(
                "dural_calcification", .oneOf(names(FindingStatus.self)),
                "what the report says of dural calcification"),
            AuditColumn("dc_locations", .listOf(names(DuralLocation.self)), "where the calcification is"),
            AuditColumn("dc_temporality", .oneOf(names(DCTemporality.self)), "compared with a prior study"),
            AuditColumn("dc_evidence", .text, "the sentence of the deciding mention, white space collapsed"),
            AuditColumn(
                "dc_offsets", .offsets,
                "the mention's position: 0-based, half-open, in Unicode scalars of the report text"),
        ]
        + Finding.allCases.map {
            AuditColumn($0.rawValue, .oneOf(names(FindingStatus.self)), "associated finding")
        }
        + Symptom.allCases.map {
            AuditColumn($0.rawValue, .oneOf(names(SymptomStatus.self)), "symptom of this patient")
        }
        + [
            AuditColumn(
                "renal_disease", .oneOf(names(SymptomStatus.self)),
                "ESRD, CKD, dialysis, renal transplant or secondary hyperparathyroidism"),
            AuditColumn("category", .oneOf(names(Category.self)), "the first decision-table row that applies"),
            AuditColumn("strength", .oneOf(names(Strength.self)), "how strongly the work-up is indicated"),
            AuditColumn("actions", .textList(separator: ";"), "the action codes of every rule that fired (`falx rules`)"),
            AuditColumn("follow_up", .text, "the clinical follow-up interval, for incidental cases"),
            AuditColumn("gadolinium_caution", .oneOf(["yes", "no"]), "renal disease and a contrast study in view"),
            AuditColumn(
                "report_recommends", .listOf(names(ReportRecommendation.self) + ["none"]),
                "what the report itself recommends; `none` when nothing codable"),
            AuditColumn(
                "audit_verdict", .oneOf(names(AuditVerdict.self)), "the report's recommendation against the table"),
            AuditColumn("rules", .textList(separator: ";"), "the ids of the rules that fired (R0–R6, M1–M4)"),
            AuditColumn("ruleset_version", .text, "the version of the decision table"),
            AuditColumn(
                "warnings", .textList(separator: "; "),
                "data-quality warnings: what was odd in the input or could not be read (clinical notes are in `clinical_notes`)"),
            AuditColumn("errors", .textList(separator: "; "), "the `code: message` reasons of an `error` row"),
            AuditColumn(
                "clinical_notes", .textList(separator: "; "),
                "the decision table's clinical notes (gadolinium caution, closer monitoring)"),
            AuditColumn(
                "result_status", .oneOf(names(ResultStatus.self)),
                "the report's result status (HL7 OBR-25, FHIR `status`, an export's status column); empty when the format gives none"
            ),
            AuditColumn(
                "superseded_by", .text,
                "the `record_id` of a later report of the same accession that replaces this one; empty for the report that counts"
            ),
            AuditColumn(
                "fact_evidence", .textList(separator: " | "),
                "the findings, symptoms and `renal_disease` the report states, one item per deciding sentence: `name=value, name=value: sentence` (the sentence once, white space collapsed; `name=value` alone when no sentence decided it: an eGFR in a header line); a `|` in a sentence is written `/`"
            ),
            AuditColumn(
                "recommendation_evidence", .textList(separator: " | "),
                "the sentences read as the report's own recommendation (`report_recommends`), in text order, white space collapsed, a `|` written `/`; empty when none"
            ),
        ]

    /// The version of the audit's layout: the columns, their order and the JSON Lines types. It
    /// changes with any of them, and is written in the provenance sidecar.
    /// 2: typed JSON Lines; `clinical_notes`, `result_status` and `superseded_by` added.
    /// 3: `fact_evidence` and `recommendation_evidence` added at the end (after `superseded_by`).
    public static let version = 3

    /// Each column's JSON Lines type, in column order.
    public static let jsonTypes: [AuditColumn.Values.JSONType] = columns.map(\.values.json)

    /// Each column's list separator (`nil` for a column that is not a list), in column order.
    public static let listSeparators: [String?] = jsonTypes.map {
        if case .list(let separator) = $0 { separator } else { nil }
    }

    /// The column names, in order: the CSV header and the JSON Lines keys.
    public static let names: [String] = columns.map(\.name)

    /// The columns' JSON Lines types as one JSON object (`falx schema --json`): `version` and
    /// `columns`, each `{"name", "type"}` with `type` `string`, `integer` or `array` (of strings;
    /// `separator` joins them in the CSV cell), `values` for a column with a closed set of values
    /// (the string, or each item of the array, is one of them) and `"format": "date-time"` for an
    /// ISO 8601 date or date-time. Every value may be `null`.
    public static var json: String {
        let cols = columns.map { c -> String in
            var out = "{\"name\":\"\(c.name)\""
            switch c.values.json {
            case .string: out += ",\"type\":\"string\""
            case .integer: out += ",\"type\":\"integer\""
            case .list(let sep): out += ",\"type\":\"array\",\"separator\":\"\(sep)\""
            }
            if c.values == .dateTime { out += ",\"format\":\"date-time\"" }
            let allowed = c.values.allowed
            if !allowed.isEmpty { out += ",\"values\":[" + allowed.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
            return out + "}"
        }
        return "{\"version\":\(version),\"columns\":[\n" + cols.joined(separator: ",\n") + "\n]}\n"
    }

    /// The schema as a Markdown table (`falx schema`, docs/audit-schema.md).
    public static var markdown: String {
        var out = "| # | column | values | meaning |\n|---|---|---|---|\n"
        for (i, c) in columns.enumerated() {
            out += "| \(i + 1) | `\(c.name)` | \(c.values.summary) | \(c.meaning) |\n"
        }
        return out
    }
}
