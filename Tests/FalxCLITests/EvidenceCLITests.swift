import Foundation
import Testing

/// The evidence columns end to end: `falx report` on an audit written before them (schema 2), and
/// the worklist of a fresh audit, whose triggers and recommendation carry their sentences.
extension CLITests {
    @Test func reportReadsASchema2AuditWithEmptyEvidence() throws {
        let dir = try temporaryDirectory()
        let page = dir.appendingPathComponent("old.html")
        let r = try falx(["report", "Tests/FalxReportTests/Fixtures/audit-v2.csv", "-o", page.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        #expect(html.contains("The audit has no column fact_evidence, recommendation_evidence"))
        let worklist = parseCSV(try Data(contentsOf: dir.appendingPathComponent("old-worklist.csv")))
        let header = try #require(worklist.first)
        #expect(header.contains("report_recommendation") && header.contains("report_recommends"))
        let rows = worklist.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(!rows.isEmpty && rows.allSatisfy { $0["report_recommendation"] == "" })
        let r2 = try #require(rows.first { $0["record_id"] == "r2" })
        #expect(r2["triggers"]?.hasPrefix("dural_calcification=present [R1]: \"Calcification of the falx") == true)
        #expect(r2["triggers"]?.hasSuffix("; davf=present [R1]; dc_temporality=progressive [M2]") == true)
        #expect(rows.first { $0["record_id"] == "r4" }?["report_recommends"] == "mri")
    }

    @Test func theWorklistOfAnAuditGivesEachTriggersSentence() throws {
        let dir = try temporaryDirectory()
        let audit = dir.appendingPathComponent("audit.csv")
        let r = try falx(["audit", "Corpus/formats/hl7/ct-heads-batch.hl7", "-o", audit.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try falx(["report", audit.path, "-o", dir.appendingPathComponent("p.html").path]).status == 0)
        let worklist = parseCSV(try Data(contentsOf: dir.appendingPathComponent("p-worklist.csv")))
        let header = try #require(worklist.first)
        let rows = worklist.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        // ACC-H002 (see explainOfAMissedWorkUpByRecordIdInAnHL7Batch): dural thickening fired R4.
        let h2 = try #require(rows.first { $0["record_id"] == "ACC-H002" })
        #expect(
            h2["triggers"]?.contains(
                "dural_thickening=present [R4]: \"Deep to the right-sided plaque there is mild smooth dural thickening over "
                    + "the parietal convexity.\"") == true)
        #expect(h2["report_recommendation"] == "Clinical correlation with calcium, phosphate & PTH levels is suggested.")
        #expect(h2["report_recommends"] == "clinical_follow_up")
    }
}
