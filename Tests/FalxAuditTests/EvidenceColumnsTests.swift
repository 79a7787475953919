import FalxCore
import FalxIngest
import Foundation
import Testing

@testable import FalxAudit

/// The audit's `fact_evidence` and `recommendation_evidence`: the sentence behind each stated
/// finding, symptom and renal disease, and the sentences read as the report's own recommendation.
@Suite struct EvidenceColumnsTests {
    static let auditor = Auditor()

    /// The row of one plain-text report, as names to values.
    static func row(_ text: String) -> [String: String] {
        let row = auditor.row(for: .success(Report(recordID: "r", source: "r.txt", format: .text, text: Array(text.utf8))))
        return Dictionary(uniqueKeysWithValues: zip(AuditRow.columns, row.values))
    }

    @Test func aFindingsSentenceIsItsEvidence() throws {
        let v = Self.row(
            "FINDINGS: Dense calcification of the falx cerebri.\nThere is thrombosis of the superior sagittal sinus.\n"
                + "No hydrocephalus.\nIMPRESSION: Falx calcification.")
        #expect(v["venous_sinus_thrombosis"] == "present")
        let items = try #require(v["fact_evidence"]).components(separatedBy: " | ")
        #expect(items.contains("venous_sinus_thrombosis=present: There is thrombosis of the superior sagittal sinus."))
        // Every stated fact once, in column order; the unstated ones are not listed.
        let first = try #require(AuditRow.columns.firstIndex(of: "white_matter_lesions"))
        let last = try #require(AuditRow.columns.firstIndex(of: "renal_disease"))
        let stated = AuditRow.columns[first...last].filter { v[$0] != "not_mentioned" }
        let named = items.flatMap { item in
            (item.components(separatedBy: ": ").first ?? "").components(separatedBy: ", ").map {
                String($0.prefix { $0 != "=" })
            }
        }
        #expect(named == stated)
    }

    @Test func aSentenceThatDecidedSeveralFactsIsWrittenOnce() throws {
        let v = Self.row(
            "FINDINGS: Calcification of the falx.\nMild periventricular white matter hypodensity and generalised volume loss.\n"
                + "IMPRESSION: Falx calcification.")
        #expect(v["white_matter_lesions"] == "present" && v["atrophy"] == "present")
        #expect(
            v["fact_evidence"]
                == "white_matter_lesions=present, atrophy=present: Mild periventricular white matter hypodensity and generalised volume loss."
        )
    }

    @Test func aDeniedSymptomGivesItsDenial() throws {
        let v = Self.row("HISTORY: Headache. No seizures.\nFINDINGS: Calcification of the falx.")
        #expect(v["headache"] == "present" && v["seizure"] == "absent")
        let items = try #require(v["fact_evidence"]).components(separatedBy: " | ")
        #expect(items.contains("headache=present: Headache.") && items.contains("seizure=absent: No seizures."))
    }

    @Test func theRecommendationSentenceIsItsEvidence() {
        let v = Self.row(
            "FINDINGS: Calcification of the falx with dural thickening.\n"
                + "IMPRESSION: Falx calcification.  MR venography is recommended   for further evaluation.")
        #expect(v["report_recommends"]?.contains("venography") == true)
        #expect(v["recommendation_evidence"] == "MR venography is recommended for further evaluation.")
    }

    @Test func aReportWithoutRecommendationHasNone() {
        let v = Self.row("EXAM: MRI brain.\nFINDINGS: Calcification of the falx.\nIMPRESSION: Falx calcification.")
        #expect(v["report_recommends"] == "none")
        #expect(v["recommendation_evidence"] == "")
        // The EXAM line names MRI: it is never evidence of a recommendation.
        #expect(v["fact_evidence"] == "")
    }

    @Test func aBarInASentenceCannotBreakTheSplit() throws {
        let v = Self.row(
            "FINDINGS: Calcification of the falx.\nThere is thrombosis of the transverse sinus | sigmoid sinus.\n"
                + "IMPRESSION: Recommend MR venography | CT venography for further evaluation.")
        let facts = try #require(v["fact_evidence"])
        #expect(facts.contains("venous_sinus_thrombosis=present: There is thrombosis of the transverse sinus / sigmoid sinus."))
        #expect(facts.components(separatedBy: " | ").allSatisfy { $0.contains("=") })
        #expect(v["recommendation_evidence"] == "Recommend MR venography / CT venography for further evaluation.")
        // Several items split back into exactly themselves.
        #expect(AuditRow.sentenceList(["a | b", "c|d", "e"]) == "a / b | c/d | e")
        #expect(AuditRow.sentenceList(["a | b", "c|d", "e"]).components(separatedBy: " | ").count == 3)
        #expect(AuditRow.sentenceList([]) == "" && AuditRow.sentenceList(["x"]) == "x")
    }

    @Test func theJSONLinesEvidenceIsAnArrayOfItems() throws {
        let row = Self.auditor.row(
            for: .success(
                Report(
                    recordID: "r", source: "r.txt", format: .text,
                    text: Array("HISTORY: Headache. Seizure.\nFINDINGS: Calcification of the falx.".utf8))))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONLines.lineBytes(row.values))) as? [String: Any])
        let items = try #require(object["fact_evidence"] as? [String])
        #expect(items == ["headache=present: Headache.", "seizure=present: Seizure."])
        #expect(object["recommendation_evidence"] is NSNull)
    }

    @Test func anErrorRowHasNoEvidence() {
        let row = Self.auditor.row(
            for: .failure(RecordError(code: .unreadable, message: "unreadable", recordID: "e", source: "e.txt", format: .text)))
        #expect(row.values.count == AuditRow.columns.count)
        #expect(row.values.suffix(3) == ["", "", ""])
    }

    /// `--resume` of a partial audit written before the evidence columns (schema 2) is refused, and
    /// the refusal names the schema version and the columns.
    @Test func aSchema2PartialIsNotResumed() throws {
        let now = Provenance(
            falxVersion: "v", rulesetVersion: "r", lexiconName: "default", lexiconSHA256: "00", format: .csv, header: true,
            excelBOM: false, pseudonymisationKey: nil, datePrecision: nil, maxFileMB: 1, maxRecordMB: 1, inputs: ["-"])
        var old = now
        old.auditColumns = Array(AuditRow.columns.prefix { $0 != "fact_evidence" })
        old.auditSchemaVersion = 2
        let differences = old.differences(from: now)
        #expect(differences.count == 2)
        #expect(differences.contains("audit schema version: 2 → 3"))
        #expect(
            differences.contains { $0.hasPrefix("audit columns: ") && $0.hasSuffix(",fact_evidence,recommendation_evidence") })
        #expect(AuditSchema.version == 3)
    }
}
