import FalxClinical
import FalxCore
import FalxIngest

/// One row of the audit: a report's metadata, facts, recommendation and verdict — or its error.
public struct AuditRow: Sendable, Equatable {
    public var recordID: String
    public var source: String
    public var format: InputFormat
    public var ok: Bool
    public var metadata: ReportMetadata
    public var facts: CaseFacts
    public var evidence: Evidence?
    public var recommendation: Recommendation?
    /// Data-quality warnings: what was odd in the input (the `warnings` column).
    public var warnings: [String]
    public var errors: [String]
    /// The decision table's clinical notes (the `clinical_notes` column).
    public var clinicalNotes: [String] = []
    /// Identifying values read from the report's header lines (names, MRN, dates of birth): not
    /// columns, but what pseudonymisation must scrub from the text columns.
    public var identifiers: [HeaderIdentifier] = []
    /// The `fact_evidence` cell: the stated findings, symptoms and renal disease, one item per
    /// deciding sentence, `name=value, name=value: sentence` (`name=value` alone when no sentence
    /// decided it), joined as ``sentenceList(_:)`` joins.
    public var factEvidence = ""
    /// The `recommendation_evidence` cell: the sentences read as the report's own recommendations,
    /// joined as ``sentenceList(_:)`` joins.
    public var recommendationEvidence = ""

    /// The audit's columns, in their fixed order (``AuditSchema``).
    public static let columns: [String] = AuditSchema.names

    /// The row's values, as strings, in column order.
    public var values: [String] {
        // One array of the row's width, appended to in place (no temporary array per group).
        var v: [String] = []
        v.reserveCapacity(Self.columns.count)
        v.append(recordID)
        v.append(source)
        v.append(format.rawValue)
        v.append(ok ? "ok" : "error")
        v.append(metadata.patientID)
        v.append(metadata.accession)
        v.append(metadata.studyDateTime)
        v.append(metadata.procedure)
        v.append(metadata.interpreter)
        v.append(metadata.facility)
        v.append(facts.age.map(String.init) ?? "")
        v.append(metadata.sex)
        guard ok else {
            while v.count < Self.columns.count - Self.trailing { v.append("") }
            v.append(Self.list(warnings))
            v.append(Self.list(errors))
            appendTail(to: &v)
            return v
        }
        v.append(facts.duralCalcification.rawValue)
        v.append(facts.locations.map(\.rawValue).joined(separator: ";"))
        v.append(facts.temporality.rawValue)
        v.append(evidence?.sentence ?? "")
        v.append(evidence.map { "\($0.scalarRange.lowerBound)-\($0.scalarRange.upperBound)" } ?? "")
        for finding in Finding.allCases { v.append(facts.status(finding).rawValue) }
        for symptom in Symptom.allCases { v.append(facts.status(symptom).rawValue) }
        v.append(facts.renalDisease.rawValue)
        let rec = recommendation
        v.append(rec?.category.rawValue ?? "")
        v.append(rec?.strength?.rawValue ?? "")
        v.append(rec?.actionCodes.joined(separator: ";") ?? "")
        v.append(rec?.followUp ?? "")
        v.append((rec?.gadoliniumCaution ?? false) ? "yes" : "no")
        v.append(facts.reportRecommends.isEmpty ? "none" : facts.reportRecommends.map(\.rawValue).joined(separator: ";"))
        v.append(rec?.verdict.rawValue ?? "")
        v.append(rec?.rules.joined(separator: ";") ?? "")
        v.append(rec?.rulesetVersion ?? "")
        v.append(Self.list(warnings))
        v.append(Self.list(errors))
        appendTail(to: &v)
        return v
    }

    /// The columns after `errors`: `clinical_notes`, `result_status`, `superseded_by` (empty
    /// here; filled when the run knows a later report replaces this one, see ``Supersession``),
    /// `fact_evidence` and `recommendation_evidence`.
    func appendTail(to values: inout [String]) {
        values.append(Self.list(clinicalNotes))
        values.append(metadata.resultStatus?.rawValue ?? "")
        values.append("")
        values.append(factEvidence)
        values.append(recommendationEvidence)
    }

    /// The separator of the evidence columns' items (``sentenceList(_:)``).
    public static let sentenceSeparator = " | "

    /// Evidence items as one cell, joined by ``sentenceSeparator``. Every `|` of an item becomes
    /// `/`, so that the cell splits back into exactly its items.
    public static func sentenceList(_ items: [String]) -> String {
        var cell = EvidenceCell()
        for item in items {
            cell.startItem()
            cell.append(item)
        }
        return cell.text
    }

    /// Free-text items as one cell, `; `-joined. An item's own `; ` becomes `, `, so that the cell
    /// splits back into exactly its items (JSON Lines writes them as an array).
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return listItem(items[0])
        default: return items.map(listItem).joined(separator: "; ")
        }
    }

    /// One item of a ``list(_:)`` cell: its own `; ` made `, `, byte by byte (Foundation's string
    /// replacement was a few per cent of a run); an item without one is returned as it is.
    static func listItem(_ item: String) -> String {
        let bytes = item.utf8
        var semicolon = false
        guard
            bytes.contains(where: { b in
                defer { semicolon = b == 0x3B }
                return semicolon && b == 0x20
            })
        else { return item }
        var out = Array(bytes)
        for i in out.indices.dropFirst() where out[i] == 0x20 && out[i - 1] == 0x3B { out[i - 1] = 0x2C }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many columns an error row fills after the metadata: `warnings`, `errors` and the tail (``appendTail(to:)``).
    static let trailing = 7
}
