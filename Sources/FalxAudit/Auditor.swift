import Foundation
import FalxClinical
import FalxCore
import FalxIngest
import FalxText

/// The pipeline for one record: text → case facts → recommendation → audit row. Pure and
/// `Sendable`, so many records run at once.
public struct Auditor: Sendable {
    public let extractor: CaseFactsExtractor
    public let ruleset: Ruleset
    /// Longest report text audited, in UTF-8 bytes; a longer one is an `error` row. Reading costs
    /// about twelve times the text in memory, so this bounds a run's memory whatever the input.
    public let maxTextBytes: Int
    /// Work units a record may spend (`WorkMeter`): what the largest accepted report needs and
    /// more, so a record over it is one whose reading would not be linear in its length.
    public var workBudget: Int
    /// Asked every few thousand units of work: true abandons the record in hand (an interrupt).
    /// Its row is then an `error` row with code `stopped`, which a caller stopping the run discards.
    public var shouldStop: (@Sendable () -> Bool)?

    /// The default limit on a report's text: 8 MiB, some hundred times a long radiology report.
    public static let defaultMaxTextBytes = 8 << 20

    /// How header and signature lines are read: the lexicon's `header` labels (the built-in ones
    /// when it has none) and the order of numeric dates. Give the same to the ``InputWalker`` that
    /// reads the records (``InputWalker/textHeaders``).
    public let textHeaders: TextHeaderOptions

    public init(
        lexicon: ClinicalLexicon = .standard, ruleset: Ruleset = .default, maxTextBytes: Int = defaultMaxTextBytes,
        dateOrder: DateOrder = .mdy
    ) {
        extractor = CaseFactsExtractor(lexicon: lexicon)
        self.ruleset = ruleset
        self.maxTextBytes = maxTextBytes
        workBudget = WorkMeter.budget(forMaxTextBytes: maxTextBytes)
        let entries = lexicon.headerLabels.map { (field: $0.field, label: $0.label) }
        let labels = entries.isEmpty ? nil : HeaderLabels(entries: entries)
        textHeaders = TextHeaderOptions(labels: labels ?? .standard, dateOrder: dateOrder)
    }

    public func row(for record: Record) -> AuditRow {
        if case .success(let report) = record, report.text.count > maxTextBytes {
            let e = RecordError(
                code: .recordTooLarge,
                message: "the report text is \(report.text.count) bytes, over the limit of \(maxTextBytes)",
                recordID: report.recordID, source: report.source, format: report.format, metadata: report.metadata)
            return row(for: .failure(e))
        }
        switch record {
        case .failure(let e):
            return AuditRow(
                recordID: e.recordID, source: e.source, format: e.format, ok: false, metadata: e.metadata,
                facts: CaseFacts(), evidence: nil, recommendation: nil, warnings: [], errors: [e.description])
        case .success(let read):
            let report = withISODates(withHeaders(read))
            let age = report.metadata.age ?? Self.age(birth: report.metadata.birthDate, study: report.metadata.studyDateTime)
            var meter = WorkMeter(limit: workBudget, shouldStop: shouldStop)
            let reading = extractor.read(Self.withoutHeaders(report), metadataAge: age, meter: &meter)
            if let outcome = meter.outcome {
                return row(for: .failure(abandoned(report, outcome)))
            }
            let rec = ruleset.evaluate(reading.facts)
            var row = AuditRow(
                recordID: report.recordID, source: report.source, format: report.format, ok: true,
                metadata: report.metadata, facts: reading.facts, evidence: reading.evidence,
                recommendation: rec, warnings: report.warnings, errors: [])
            row.clinicalNotes = rec.warnings
            row.identifiers = report.identifiers
            row.factEvidence = Self.factEvidence(reading)
            row.recommendationEvidence = Self.recommendationEvidence(reading)
            return row
        }
    }

    /// The facts evidenced in `fact_evidence`: the findings, the symptoms and renal disease, in
    /// column order.
    static let evidencedFacts: [Fact] =
        Finding.allCases.map { .finding($0) } + Symptom.allCases.map { .symptom($0) } + [.renalDisease]

    /// The `fact_evidence` cell: one item per deciding sentence, `name=value, name=value: sentence`
    /// for the stated facts it decided (in column order of their first fact), then `name=value` for
    /// each fact no sentence decided. A sentence is written once however many facts it decided.
    /// Only stated facts cost anything; the cell is one string.
    static func factEvidence(_ reading: ClinicalReading) -> String {
        // (sentence or -1, facts) in column order of each group's first fact; a report states few.
        var groups: [(sentence: Int, facts: [Fact])] = []
        for fact in evidencedFacts where fact.isStated(in: reading.facts) {
            let s = reading.decidingSentence(of: fact) ?? -1
            if s >= 0, let g = groups.firstIndex(where: { $0.sentence == s }) {
                groups[g].facts.append(fact)
            } else {
                groups.append((s, [fact]))
            }
        }
        var cell = EvidenceCell()
        for group in groups {
            cell.startItem()
            for (i, fact) in group.facts.enumerated() {
                if i > 0 { cell.append(", ") }
                cell.append(fact.name)
                cell.append("=")
                cell.append(fact.value(in: reading.facts))
            }
            if group.sentence >= 0 {
                cell.append(": ")
                cell.append(sentence: group.sentence, of: reading.document)
            }
        }
        return cell.text
    }

    /// The `recommendation_evidence` cell: the sentences read as the report's recommendations.
    static func recommendationEvidence(_ reading: ClinicalReading) -> String {
        var cell = EvidenceCell()
        for s in reading.recommendationSentences {
            cell.startItem()
            cell.append(sentence: s, of: reading.document)
        }
        return cell.text
    }

    /// The error of a record whose reading was abandoned.
    func abandoned(_ report: Report, _ outcome: WorkMeter.Outcome) -> RecordError {
        let (code, message): (RecordErrorCode, String) =
            switch outcome {
            case .overBudget:
                (
                    .recordTooCostly,
                    "reading the report needs more than the work budget of \(workBudget) units (many times what "
                        + "\(Self.size(maxTextBytes)) of ordinary report text needs): its text makes the work grow "
                        + "faster than its length; split the report, or raise --max-record-mb"
                )
            case .stopped: (.stopped, "the run was interrupted while this report was being read")
            }
        return RecordError(
            code: code, message: message, recordID: report.recordID, source: report.source, format: report.format,
            metadata: report.metadata)
    }

    /// "8 MiB", or a byte count below one MiB.
    static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes" }

    /// The report with its text's header lines read: plain text had them read by its reader; the
    /// text of another format may carry some too, which fill the fields the format left empty.
    public func withHeaders(_ report: Report) -> Report {
        guard report.format != .text else { return report }
        var r = report
        r.add(TextHeaderReader.read(report.text, options: textHeaders))
        return r
    }

    /// The report with its study and birth dates in ISO 8601, as the audit's columns hold them: an
    /// export's `07/01/2024 09:10` or `2 May 2024` is read in the run's date order; a value that is
    /// no date Falx reads is a warning and an empty column, never passed on as written.
    public func withISODates(_ report: Report) -> Report {
        var r = report
        func iso(_ value: String, _ what: String, dateOnly: Bool) -> String {
            guard !value.isEmpty, !DateText.isISO(value) else { return value }
            if let d = DateText.iso(value.trimmingCharacters(in: .whitespaces), order: textHeaders.dateOrder) {
                return dateOnly ? String(d.prefix(10)) : d
            }
            r.warnings.append("\(what) '\(value)' is not a date Falx reads; left empty")
            return ""
        }
        r.metadata.studyDateTime = iso(report.metadata.studyDateTime, "study date", dateOnly: false)
        r.metadata.birthDate = iso(report.metadata.birthDate, "birth date", dateOnly: true)
        return r
    }

    /// The report's text with its header lines blanked, so they never yield findings. Every ASCII
    /// byte of a header line becomes a space and other bytes stay: byte and character offsets
    /// (the evidence columns) are those of the original text.
    public static func withoutHeaders(_ report: Report) -> [UInt8] {
        guard !report.headerRanges.isEmpty else { return report.text }
        var text = report.text
        for range in report.headerRanges {
            for i in range where i < text.count && text[i] < 0x80 { text[i] = 0x20 }
        }
        return text
    }

    /// Completed years between an ISO birth date and an ISO study date (`YYYY-MM-DD…` or `YYYYMMDD…`).
    public static func age(birth: String, study: String) -> Int? {
        func parts(_ s: String) -> (Int, Int, Int)? {
            let digits = s.filter(\.isNumber)
            guard digits.count >= 8, let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)),
                let d = Int(digits.dropFirst(6).prefix(2))
            else { return nil }
            return (y, m, d)
        }
        guard let b = parts(birth), let s = parts(study) else { return nil }
        var years = s.0 - b.0
        if (s.1, s.2) < (b.1, b.2) { years -= 1 }
        return years >= 0 && years <= 130 ? years : nil
    }
}
