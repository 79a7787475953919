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

    public init(lexicon: ClinicalLexicon = .standard, ruleset: Ruleset = .default, maxTextBytes: Int = defaultMaxTextBytes) {
        extractor = CaseFactsExtractor(lexicon: lexicon)
        self.ruleset = ruleset
        self.maxTextBytes = maxTextBytes
        workBudget = WorkMeter.budget(forMaxTextBytes: maxTextBytes)
    }

    public func row(for record: Record) -> AuditRow {
        if case .success(let report) = record, report.text.count > maxTextBytes {
            let e = RecordError(
                code: "record-too-large",
                message: "the report text is \(report.text.count) bytes, over the limit of \(maxTextBytes)",
                recordID: report.recordID, source: report.source, format: report.format, metadata: report.metadata)
            return row(for: .failure(e))
        }
        switch record {
        case .failure(let e):
            return AuditRow(
                recordID: e.recordID, source: e.source, format: e.format, ok: false, metadata: e.metadata,
                facts: CaseFacts(), evidence: nil, recommendation: nil, warnings: [], errors: [e.description])
        case .success(let report):
            let age = report.metadata.age ?? Self.age(birth: report.metadata.birthDate, study: report.metadata.studyDateTime)
            var meter = WorkMeter(limit: workBudget, shouldStop: shouldStop)
            let reading = extractor.read(report.text, metadataAge: age, meter: &meter)
            if let outcome = meter.outcome {
                return row(for: .failure(abandoned(report, outcome)))
            }
            let rec = ruleset.evaluate(reading.facts)
            return AuditRow(
                recordID: report.recordID, source: report.source, format: report.format, ok: true,
                metadata: report.metadata, facts: reading.facts, evidence: reading.evidence,
                recommendation: rec, warnings: report.warnings + rec.warnings, errors: [])
        }
    }

    /// The error of a record whose reading was abandoned.
    func abandoned(_ report: Report, _ outcome: WorkMeter.Outcome) -> RecordError {
        let (code, message) =
            switch outcome {
            case .overBudget:
                (
                    "record-too-costly",
                    "reading the report needs more than the work budget of \(workBudget) units (many times what "
                        + "\(Self.size(maxTextBytes)) of ordinary report text needs): its text makes the work grow "
                        + "faster than its length; split the report, or raise --max-record-mb"
                )
            case .stopped: ("stopped", "the run was interrupted while this report was being read")
            }
        return RecordError(
            code: code, message: message, recordID: report.recordID, source: report.source, format: report.format,
            metadata: report.metadata)
    }

    /// "8 MiB", or a byte count below one MiB.
    static func size(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes" }

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
