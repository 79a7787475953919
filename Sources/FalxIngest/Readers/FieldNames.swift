/// How the columns of a CSV/TSV export and the keys of a JSON record map to a report's fields.
///
/// A name matches when it equals one of the field's names once case, spaces, underscores, hyphens
/// and dots are ignored (`Report Text`, `report_text` and `REPORTTEXT` are one name). The first
/// name in a field's list that a record holds wins, so `text` beats `report` when both are there.
/// `--field FIELD=NAME` (``ReadingOptions/fields``) replaces a field's list with that one name.
public struct FieldNames: Sendable, Equatable {
    /// The fields a record can fill, with the names users give them on the command line
    /// (`--field accession=AccNo`): those of the JSON Lines keys, `findings` and `impression`.
    public enum Field: Int, CaseIterable, Sendable {
        case id, text, accession, patientID, studyDateTime, procedure, interpreter, facility, birthDate, sex, age
        /// The report's status (preliminary, final, corrected …), for superseding repeats of one id.
        case resultStatus
        /// Report sections in their own columns, joined as the text when no text column exists.
        case findings, impression

        /// The field's name on the command line and its JSON Lines key.
        public var name: String {
            switch self {
            case .patientID: "patient_id"
            case .studyDateTime: "study_datetime"
            case .birthDate: "birth_date"
            case .resultStatus: "result_status"
            default: "\(self)"
            }
        }

        /// The field named on the command line (`record_id` is accepted for `id`).
        public init?(name: String) {
            let key = FieldNames.normalized(Array(name.utf8))
            if key == FieldNames.normalized(Array("record_id".utf8)) {
                self = .id
                return
            }
            guard let f = Field.allCases.first(where: { FieldNames.normalized(Array($0.name.utf8)) == key }) else {
                return nil
            }
            self = f
        }

        /// The common names of the field in exports, best first.
        var commonNames: [String] {
            switch self {
            case .id: ["id", "record_id", "report_id"]
            case .text:
                ["text", "report_text", "report", "narrative", "report_body", "body", "result", "result_text", "note_text"]
            case .accession: ["accession", "accession_number", "accession_no", "acc_no", "accno", "acc"]
            case .patientID: ["patient_id", "mrn", "medical_record_number", "patient_number", "pat_id"]
            case .studyDateTime:
                ["study_datetime", "study_date_time", "study_date", "exam_date", "exam_datetime", "date", "study_time"]
            case .procedure:
                ["procedure", "procedure_description", "procedure_name", "exam", "exam_description", "study_description"]
            case .interpreter:
                ["interpreter", "radiologist", "interpreting_radiologist", "reading_radiologist", "signed_by", "author"]
            case .facility: ["facility", "site", "hospital", "institution"]
            case .birthDate: ["birth_date", "date_of_birth", "dob", "birthdate", "patient_birth_date"]
            case .sex: ["sex", "gender", "patient_sex"]
            case .age: ["age", "patient_age", "age_years"]
            case .resultStatus: ["result_status", "report_status", "status"]
            case .findings: ["findings"]
            case .impression: ["impression", "conclusion"]
            }
        }
    }

    /// The best name of each field exactly as written (`text`, `patient_id`, or the `--field` name):
    /// the common case, matched without normalising.
    let exact: [(name: [UInt8], field: Field)]
    /// Every name, normalised, with its field and rank.
    let normalizedNames: [[UInt8]: (field: Field, rank: Int)]
    /// The `--field` overrides, kept for equality.
    let overrides: [Field: String]

    /// The built-in names, with `overrides` (field → the one source name to read) in their place.
    public init(overrides: [Field: String] = [:]) {
        self.overrides = overrides
        var exact: [(name: [UInt8], field: Field)] = []
        var normalizedNames: [[UInt8]: (field: Field, rank: Int)] = [:]
        for field in Field.allCases {
            let list = overrides[field].map { [$0] } ?? field.commonNames
            exact.append((Array(list[0].utf8), field))
            for (rank, name) in list.enumerated() {
                let key = FieldNames.normalized(Array(name.utf8))
                // An override takes its name from any field that had it.
                if let seen = normalizedNames[key], overrides[seen.field] != nil || overrides[field] == nil { continue }
                normalizedNames[key] = (field, rank)
            }
        }
        // A built-in name that an override took over no longer means its old field.
        self.exact = exact.filter { normalizedNames[FieldNames.normalized($0.name)]?.field == $0.field }
        self.normalizedNames = normalizedNames
    }

    public static func == (a: FieldNames, b: FieldNames) -> Bool { a.overrides == b.overrides }

    /// Whether the names are the built-in ones (no `--field` given).
    public var isDefault: Bool { overrides.isEmpty }

    /// The field a source name fills and its rank, or nil: 0 for the field's best name exactly as
    /// written, 1 + its place in the list for a name matched once normalised (at most 14).
    func match(_ name: [UInt8]) -> (field: Field, rank: Int)? {
        for e in exact where e.name == name { return (e.field, 0) }
        return normalizedNames[FieldNames.normalized(name)].map { ($0.field, min(1 + $0.rank, 14)) }
    }

    /// For each field, the index of the header cell that fills it (the best-ranked name; the first
    /// such column when a name repeats).
    func columns(of header: [[UInt8]]) -> [Field: Int] {
        var best: [Field: (rank: Int, column: Int)] = [:]
        for (column, cell) in header.enumerated() {
            guard let (field, rank) = match(cell) else { continue }
            if let seen = best[field], seen.rank <= rank { continue }
            best[field] = (rank, column)
        }
        return best.mapValues(\.column)
    }

    /// The text of a record whose report sits in `findings` and `impression` fields: each present,
    /// non-blank one under its header (`FINDINGS:`, `IMPRESSION:`); nil when neither is.
    static func sections(findings: [UInt8]?, impression: [UInt8]?) -> [UInt8]? {
        var out: [UInt8] = []
        for (header, value) in [("FINDINGS:", findings), ("IMPRESSION:", impression)] {
            guard let value, value.contains(where: { !ASCIISpace.isSpace($0) }) else { continue }
            if !out.isEmpty { out += [0x0A, 0x0A] }
            out += Array(header.utf8) + [0x0A] + value
        }
        if out.isEmpty { return findings ?? impression }
        return out
    }

    /// Lower-case ASCII with spaces, `_`, `-` and `.` removed.
    static func normalized(_ name: [UInt8]) -> [UInt8] {
        name.compactMap { b in
            if isIgnored(b) { return nil }
            return b >= 0x41 && b <= 0x5A ? b + 0x20 : b
        }
    }

    static func isIgnored(_ b: UInt8) -> Bool { b == 0x20 || b == 0x5F || b == 0x2D || b == 0x2E || b == 0x09 }
}

/// How records are read: the field names of CSV/TSV and JSON records, and the text encoding.
public struct ReadingOptions: Sendable, Equatable {
    /// Source names of the record fields (`--field`, `--text-column`).
    public var fields = FieldNames()
    /// The encoding of the input's bytes (`--encoding`); nil: UTF-8, UTF-16 by its BOM, and
    /// Windows-1252 when the bytes are not UTF-8 but read as it.
    public var encoding: TextEncoding?

    public init(fields: FieldNames = FieldNames(), encoding: TextEncoding? = nil) {
        self.fields = fields
        self.encoding = encoding
    }

    /// Parses the `--field FIELD=NAME` values (and `--text-column NAME`, the same as
    /// `--field text=NAME`); the error says what is wrong, for a bad-flag message.
    public static func fieldNames(_ specs: [String], textColumn: String?) -> Result<FieldNames, FieldSpecError> {
        var overrides: [FieldNames.Field: String] = [:]
        for spec in specs {
            guard let eq = spec.firstIndex(of: "=") else {
                return .failure(FieldSpecError("--field '\(spec)' is not FIELD=NAME (for example --field accession=AccNo)"))
            }
            let fieldName = String(spec[..<eq])
            let source = String(spec[spec.index(after: eq)...])
            guard let field = FieldNames.Field(name: fieldName) else {
                let valid = FieldNames.Field.allCases.map(\.name).joined(separator: ", ")
                return .failure(FieldSpecError("--field '\(spec)': unknown field '\(fieldName)'; fields: \(valid)"))
            }
            guard !FieldNames.normalized(Array(source.utf8)).isEmpty else {
                return .failure(FieldSpecError("--field '\(spec)' names no source column or key after '='"))
            }
            overrides[field] = source
        }
        if let textColumn {
            guard !FieldNames.normalized(Array(textColumn.utf8)).isEmpty else {
                return .failure(FieldSpecError("--text-column needs a column name"))
            }
            overrides[.text] = textColumn
        }
        return .success(FieldNames(overrides: overrides))
    }

    /// The reading options of the flags `--text-column`, `--field` (repeatable) and `--encoding`.
    ///
    /// - Throws: ``FieldSpecError`` saying what is wrong, for a bad-flag message.
    public init(textColumn: String?, fields specs: [String], encoding: String?) throws(FieldSpecError) {
        self.init()
        fields = try Self.fieldNames(specs, textColumn: textColumn).get()
        if let encoding {
            guard let parsed = TextEncoding(name: encoding) else {
                let valid = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                throw FieldSpecError("--encoding '\(encoding)' is not an encoding Falx reads; use one of: \(valid)")
            }
            self.encoding = parsed
        }
    }

    /// The same flags in one canonical line (nil when none is given): an audit's provenance names
    /// it, so a resume with other reading flags is refused instead of mixing two readings in one audit.
    public static func flagsLine(textColumn: String?, fields specs: [String], encoding: String?) -> String? {
        var parts: [String] = []
        if let textColumn { parts.append("--text-column \(textColumn)") }
        parts += specs.sorted().map { "--field \($0)" }
        if let encoding { parts.append("--encoding \(encoding.lowercased())") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

/// A `--field` or `--text-column` value that cannot be used.
public struct FieldSpecError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}
