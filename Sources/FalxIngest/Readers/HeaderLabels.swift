/// What a labelled header or signature line of a report gives.
public enum HeaderField: String, Sendable, CaseIterable {
    case accession
    case patientID = "patient_id"
    /// The patient's name: not an audit column, only an identifier to scrub.
    case patientName = "patient_name"
    case birthDate = "birth_date"
    /// The age as stated (`63 y/o`); the date of birth, when given, decides instead.
    case age
    case sex
    case procedure
    case studyDate = "study_date"
    case facility
    case interpreter
    /// The ordering or referring clinician: not an audit column, only an identifier to scrub.
    case referrer
    /// When the report was signed: the study date only when no exam date is given.
    case signedDate = "signed_date"

    /// Labels of the signature block, read on any line of a report (the others only in the header
    /// block at the top, or in a signature block once one has started).
    public var isSignature: Bool { self == .interpreter || self == .signedDate }

    /// Fields whose value is a date.
    var isDate: Bool { self == .birthDate || self == .studyDate || self == .signedDate }
}

/// The labels of header and signature lines (`Accession:`, `DOB:`, `Dictated by:`), by field.
///
/// Labels are matched case-insensitively at the start of a line or after a space or tab, ignoring
/// periods (`Acc. No.` is `acc no`), a space in a label matching any run of spaces or none; a label
/// must be followed by a colon, except one ending in `#` (`Acc # 2024-17`) and a birth or study
/// date's label followed by a number (`DOB 04/11/1952`, `Study date 20.11.2024`). The longest label wins
/// (`Exam date:` over `Exam:`).
///
/// The built-in table is ``standard``; a lexicon file's `header FIELD: LABEL` lines replace it
/// (`falx lexicon` prints the built-in ones to copy and extend).
public struct HeaderLabels: Sendable, Equatable {
    /// One label, lower-cased, periods removed, spaces collapsed.
    public struct Label: Sendable, Equatable {
        public var field: HeaderField
        public var text: String
        let bytes: [UInt8]

        public init(field: HeaderField, text: String) {
            self.field = field
            let cleaned = text.lowercased().filter { $0 != "." }.split(whereSeparator: { $0 == " " || $0 == "\t" })
            self.text = cleaned.joined(separator: " ")
            bytes = Array(self.text.utf8)
        }
    }

    /// The labels, longest first.
    public private(set) var labels: [Label]
    /// Labels by their first byte, for the scan (a table: every line of every report asks it).
    let byFirstByte: [[Label]]

    public init(_ labels: [Label]) {
        let usable = labels.filter { !$0.bytes.isEmpty }
        self.labels = usable.sorted {
            ($0.bytes.count, $1.text, $1.field.order) > ($1.bytes.count, $0.text, $0.field.order)
        }
        var index: [[Label]] = Array(repeating: [], count: 256)
        for label in self.labels {
            if let first = label.bytes.first { index[Int(first)].append(label) }
        }
        byFirstByte = index
    }

    /// Labels from `(field name, label)` pairs, as a lexicon file gives them; nil for an unknown field name.
    public init?(entries: [(field: String, label: String)]) {
        var out: [Label] = []
        for e in entries {
            guard let field = HeaderField(rawValue: e.field) else { return nil }
            out.append(Label(field: field, text: e.label))
        }
        self.init(out)
    }

    public static func == (a: HeaderLabels, b: HeaderLabels) -> Bool { a.labels == b.labels }

    /// The labels as lexicon lines (`header accession: acc \#`, a `#` escaped), in field order.
    public var lexiconText: String {
        labels.sorted { ($0.field.order, $0.text) < ($1.field.order, $1.text) }
            .map { "header \($0.field.rawValue): " + $0.text.replacing("#", with: "\\#") }.joined(separator: "\n")
    }

    /// The built-in labels: the common spellings of RIS print exports, dictation systems and PACS.
    public static let standard = HeaderLabels(
        [
            (HeaderField.accession, ["accession", "accession no", "accession number", "accession #", "acc", "acc #", "acc no"]),
            (
                .patientID,
                [
                    "mrn", "mrn #", "mr #", "medical record number", "patient id", "hospital no", "hospital number", "hosp no",
                    "nhs no",
                    "nhs number", "unit no",
                ]
            ),
            (.patientName, ["patient", "patient name", "name"]),
            (.birthDate, ["dob", "date of birth", "birth date", "born", "born on", "patient born"]),
            // "Age/Sex: 48 Y/M" gives both (``TextHeaderReader/readAgeAndSex``).
            (.age, ["age", "patient age", "age / sex", "age / gender"]),
            (.sex, ["sex", "gender", "sex / age", "gender / age"]),
            (.procedure, ["exam", "examination", "procedure", "study", "exam description"]),
            (
                .studyDate,
                [
                    "exam date", "examination date", "date of exam", "date of service", "service date", "study date",
                    "date of study", "performed", "performed on", "exam date/time",
                ]
            ),
            (.facility, ["location", "facility", "site", "hospital", "institution"]),
            (
                .interpreter,
                [
                    "dictated by", "reported by", "interpreted by", "read by", "electronically signed by", "signed by",
                    "attending", "attending radiologist", "radiologist", "reporting radiologist",
                ]
            ),
            (
                .referrer,
                [
                    "ordering", "ordering physician", "ordering provider", "referring", "referring physician", "referring doctor",
                    "referred by", "requested by",
                ]
            ),
            (
                .signedDate,
                [
                    "electronically signed", "signed", "signed on", "date signed", "signed date", "verified", "finalized",
                    "finalised",
                ]
            ),
        ].flatMap { field, texts in texts.map { Label(field: field, text: $0) } })
}

extension HeaderField {
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// How the header reader reads: its labels and the order of numeric dates.
public struct TextHeaderOptions: Sendable, Equatable {
    public var labels: HeaderLabels
    public var dateOrder: DateOrder

    public init(labels: HeaderLabels = .standard, dateOrder: DateOrder = .mdy) {
        self.labels = labels
        self.dateOrder = dateOrder
    }
}
