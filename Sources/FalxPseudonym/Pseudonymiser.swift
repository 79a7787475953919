import FalxAudit
import FalxIngest
import Foundation

/// Replaces the identifiers of audit rows with keyed pseudonyms and scrubs their free text.
///
/// - `patient_id` → `p_` + 32 hex digits: the first 16 bytes (128 bits) of
///   HMAC-SHA256(key, `"falx-patient:" + id`).
/// - `accession`, `record_id` and the file part of `source` → `r_` + 32 hex digits of
///   HMAC-SHA256(key, `"falx-record:" + value)`. One domain for the three, because a record id *is* the
///   accession when the format carries one: equal values give equal pseudonyms, so audits join on them.
///   `source` loses its whole path (folders can name patients too) and keeps only its `#n` record number.
/// - `study_datetime` is cut to the ``DatePrecision``; a date that is not ISO 8601 is removed when a
///   precision is asked for.
/// - `dc_evidence`, `fact_evidence`, `recommendation_evidence`, `warnings` and `errors` go through
///   ``TextScrubber`` with the row's own identifiers (and, when the row was just read, the patient's
///   name, other ids and birth date).
/// - Empty values stay empty.
///
/// The same key gives the same pseudonyms in every run; without the key they cannot be reversed or
/// recomputed. 128 bits make an accidental collision negligible at any archive size (about 10⁻¹⁸ for a
/// billion identifiers).
///
///     let p = Pseudonymiser(key: try PseudonymKey.load(path: "falx.key"), datePrecision: .month)
///     var values = row.values
///     p.apply(to: &values)
public struct Pseudonymiser: Sendable {
    public let key: PseudonymKey
    public let datePrecision: DatePrecision

    static let column: [String: Int] = Dictionary(
        uniqueKeysWithValues: AuditRow.columns.enumerated().map { ($1, $0) })
    static let recordIDColumn = column["record_id"] ?? 0
    static let sourceColumn = column["source"] ?? 1
    static let patientColumn = column["patient_id"] ?? 4
    static let accessionColumn = column["accession"] ?? 5
    static let studyColumn = column["study_datetime"] ?? 6
    static let evidenceColumn = column["dc_evidence"] ?? 15
    static let warningsColumn = column["warnings"] ?? 43
    static let errorsColumn = column["errors"] ?? 44
    static let factEvidenceColumn = column["fact_evidence"] ?? 49
    static let recommendationEvidenceColumn = column["recommendation_evidence"] ?? 50

    public init(key: PseudonymKey, datePrecision: DatePrecision = .full) {
        self.key = key
        self.datePrecision = datePrecision
    }

    /// The kind of an identifier; each kind has its own HMAC domain.
    public enum Kind: String, Sendable {
        case patient = "falx-patient:"
        case record = "falx-record:"

        var prefix: String { self == .patient ? "p_" : "r_" }
    }

    /// The pseudonym of `identifier`, or `""` for an empty one.
    public func pseudonym(_ identifier: String, kind: Kind) -> String {
        guard !identifier.isEmpty else { return "" }
        let mac = key.mac(kind.rawValue + identifier)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = Array(kind.prefix.utf8)
        out.reserveCapacity(34)
        for b in mac.prefix(16) {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `value` has the form of a pseudonym: `p_` or `r_` and 32 lower-case hex digits.
    public static func isPseudonym(_ value: String) -> Bool {
        let u = Array(value.utf8)
        guard u.count == 34, u[0] == 0x70 || u[0] == 0x72, u[1] == 0x5F else { return false }
        return u.dropFirst(2).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Pseudonymises one row given as values in ``AuditRow/columns`` order (what the writers write and
    /// the report reader reads). Rows of another length are padded with empty values first.
    ///
    /// `metadata`, when the row was just read, adds what the source knows of the patient but no column
    /// shows: the parts of the name (→ `[NAME]`), other patient identifiers (→ `[ID]`) and the birth
    /// date in its written forms (→ `[DATE]`), all removed from the free text. `identifiers` are the
    /// values the row's header lines gave (``AuditRow/identifiers``), each replaced by its tag.
    public func apply(
        to values: inout [String], knowing metadata: ReportMetadata? = nil, identifiers: [HeaderIdentifier] = []
    ) {
        if values.count < AuditRow.columns.count {
            values += Array(repeating: "", count: AuditRow.columns.count - values.count)
        }
        let patient = values[Self.patientColumn]
        let accession = values[Self.accessionColumn]
        let recordID = values[Self.recordIDColumn]
        let source = values[Self.sourceColumn]
        let (path, recordNumber) = Self.splitSource(source)

        // Each pseudonym once: HMACs are most of the cost of a row.
        let patientP = pseudonym(patient, kind: .patient)
        let accessionP = pseudonym(accession, kind: .record)
        let recordP = recordID == accession ? accessionP : pseudonym(recordID, kind: .record)
        let pathP = path == recordID ? recordP : pseudonym(path, kind: .record)
        values[Self.patientColumn] = patientP
        values[Self.accessionColumn] = accessionP
        values[Self.recordIDColumn] = recordP
        values[Self.sourceColumn] = path.isEmpty ? "" : pathP + recordNumber
        values[Self.studyColumn] = Self.truncate(values[Self.studyColumn], to: datePrecision)

        let texts = [
            Self.evidenceColumn, Self.warningsColumn, Self.errorsColumn, Self.factEvidenceColumn,
            Self.recommendationEvidenceColumn,
        ].filter { !values[$0].isEmpty }
        guard !texts.isEmpty else { return }
        let file = (path as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        var replacements: [(String, String)] = [
            (patient, patientP), (accession, accessionP), (recordID, recordP), (path, pathP), (file, pathP), (stem, pathP),
        ]
        replacements += identifiers.map { ($0.value, Self.tag[$0.kind] ?? TextScrubber.Tag.id.rawValue) }
        replacements = replacements.filter { TextScrubber.key($0.0).count >= TextScrubber.minimumIdentifierLength }
        if let metadata {
            replacements += Self.privateIdentifiers(metadata)
        }
        // The longest first, so a whole name or id is one tag before its parts are looked for.
        replacements.sort { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
        for c in texts {
            values[c] = TextScrubber.scrub(values[c], replacing: replacements)
        }
    }

    static let tag: [HeaderIdentifier.Kind: String] = [
        .id: TextScrubber.Tag.id.rawValue, .name: TextScrubber.Tag.name.rawValue, .date: TextScrubber.Tag.date.rawValue,
    ]

    /// What the source knows of the patient beyond the columns, with the tag that replaces each:
    /// other identifiers (3 letters or digits or more), name parts (2 or more; `Ng`, `Li`), and the
    /// birth date in its written forms.
    static func privateIdentifiers(_ m: ReportMetadata) -> [(String, String)] {
        var out: [(String, String)] = []
        for id in m.otherPatientIDs where TextScrubber.key(id).count >= TextScrubber.minimumIdentifierLength {
            out.append((id, TextScrubber.Tag.id.rawValue))
        }
        var names = Set<String>()
        for part in m.patientNameParts {
            for word in part.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
                let w = String(word)
                if TextScrubber.key(w).count >= TextScrubber.minimumKeyLength, names.insert(w.lowercased()).inserted {
                    out.append((w, TextScrubber.Tag.name.rawValue))
                }
            }
        }
        // The whole name first, so `Ann Lee` becomes one tag.
        let whole = m.patientNameParts.joined(separator: " ")
        if names.count > 1 { out.insert((whole, TextScrubber.Tag.name.rawValue), at: 0) }
        out += TextScrubber.writtenForms(ofISODate: m.birthDate).map { ($0, TextScrubber.Tag.date.rawValue) }
        return out
    }

    /// `"dir/file.txt#3"` → (`"dir/file.txt"`, `"#3"`); a source without a trailing `#digits` has no number.
    static func splitSource(_ source: String) -> (path: String, recordNumber: String) {
        guard let hash = source.lastIndex(of: "#") else { return (source, "") }
        let digits = source[source.index(after: hash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (source, "") }
        return (String(source[..<hash]), String(source[hash...]))
    }

    /// Cuts an ISO 8601 date or date-time (`YYYY-MM-DD…`, `YYYYMMDD…`) to `precision`; another value is
    /// removed unless the precision is `.full`.
    public static func truncate(_ value: String, to precision: DatePrecision) -> String {
        guard precision != .full, !value.isEmpty else { return value }
        let u = Array(value.utf8)
        func digits(_ r: Range<Int>) -> String? {
            guard r.upperBound <= u.count, u[r].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return String(decoding: u[r], as: UTF8.self)
        }
        guard let year = digits(0..<4) else { return "" }
        var month: String?
        var day: String?
        if u.count >= 7, u[4] == 0x2D {
            month = digits(5..<7)
            if u.count >= 10, u[7] == 0x2D { day = digits(8..<10) }
        } else {
            month = digits(4..<6)
            day = digits(6..<8)
        }
        switch precision {
        case .full: return value
        case .year: return year
        case .month: return month.map { "\(year)-\($0)" } ?? ""
        case .day:
            guard let month, let day else { return "" }
            return "\(year)-\(month)-\(day)"
        }
    }
}
