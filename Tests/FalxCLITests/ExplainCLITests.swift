import Foundation
import Testing

/// `falx explain`: why a case got its verdict, and `--record` by number or by id.
extension CLITests {
    func explain(_ args: [String]) throws -> (status: Int32, text: String, stderr: String) {
        let r = try falx(["explain"] + args + ["--no-color"])
        return (r.status, String(decoding: r.stdout, as: UTF8.self), r.stderr)
    }

    /// The lines of one section of the output ("Verdict", "The report's own recommendations").
    func section(_ text: String, _ title: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: title) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// `explain` reads a file as `audit` does with the same reading flags, so the record explained
    /// is the row audited; without them, an export whose text column has an uncommon name is an
    /// error row, said on stderr.
    @Test func explainTakesTheReadingFlagsOfAudit() throws {
        let dir = try temporaryDirectory()
        let csv = dir.appendingPathComponent("export.csv")
        try Data("id,Befund,Untersuchungsdatum\nX1,\"FINDINGS: Calcification of the falx.\",03/04/2024\n".utf8)
            .write(to: csv)
        let read = try explain([csv.path, "--text-column", "Befund", "--field", "study_datetime=Untersuchungsdatum"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.text.contains("affirmed dural_calcification [falx]"))
        #expect(read.text.contains("study_datetime: 2024-03-04"))
        let dayFirst = try explain([
            csv.path, "--text-column", "Befund", "--field", "study_datetime=Untersuchungsdatum", "--date-order", "dmy",
        ])
        #expect(dayFirst.text.contains("study_datetime: 2024-04-03"))
        let unread = try explain([csv.path])
        #expect(unread.status == 1 && unread.text.isEmpty)
        #expect(unread.stderr.contains("error row: no-text-column") && unread.stderr.contains("--text-column"))
    }

    @Test func explainSaysWhichRecommendationSatisfiedTheRule() throws {
        // "Transverse sinus narrowing; MR venogram advised." with dural calcification and narrowing.
        let e = try explain(["Corpus/reports/rw-080.txt"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(
            section(e.text, "The report's own recommendations") == [
                "  read as recommending venography, in impression \"IMPRESSION\": "
                    + "\"1.Left transverse sinus dural calcification.2.Transverse sinus narrowing;MR venogram advised.\""
            ])
        #expect(
            section(e.text, "Verdict") == [
                "  the report recommends venography; R4 (recommended) asks for venography (R4); mri_contrast (R4); swi (R5); "
                    + "venography is a work-up → concordant",
                "  the report's recommendation was read from: "
                    + "\"1.Left transverse sinus dural calcification.2.Transverse sinus narrowing;MR venogram advised.\"",
            ])
        #expect(e.text.contains("  R4 (venous_imaging, recommended) when "))
    }

    @Test func explainOfAMissedWorkUpByRecordIdInAnHL7Batch() throws {
        let batch = "Corpus/formats/hl7/ct-heads-batch.hl7"
        let byAccession = try explain([batch, "--record", "ACC-H002"])
        #expect(byAccession.status == 0, "\(byAccession.stderr)")
        // Every form names the same record: the accession, the audit's source, '#2' and the number.
        for form in ["ct-heads-batch.hl7#2", "\(batch)#2", "#2", "2"] {
            #expect(try explain([batch, "--record", form]).text == byAccession.text, "\(form)")
        }
        let text = byAccession.text
        #expect(text.hasPrefix("record ACC-H002  (hl7v2,"))
        #expect(text.contains("\n  R4 (venous_imaging, recommended) when dural_thickening, dural_enhancement"))
        #expect(
            text.contains(
                "\n      dural_thickening=present: \"Deep to the right-sided plaque there is mild smooth dural thickening over "
                    + "the parietal convexity.\"\n"))
        #expect(
            text.contains("\n  M2 (modifier) when temporality progressive or new\n      dc_temporality=progressive: \"Thick,"))
        #expect(
            section(text, "The report's own recommendations") == [
                "  not a recommendation (an exam, technique or comparison line names a study, it does not ask for one), "
                    + "in comparison \"COMPARISON\": \"Noncontrast CT head 04/02/2022.\"",
                "  read as recommending clinical_follow_up, in impression \"IMPRESSION\": "
                    + "\"Clinical correlation with calcium, phosphate & PTH levels is suggested.\"",
            ])
        let verdict = section(text, "Verdict")
        #expect(verdict.count == 2 && verdict[0].hasPrefix("  the report recommends clinical_follow_up, none of it a work-up"))
        #expect(verdict[0].hasSuffix("→ missed_workup"))
        #expect(
            verdict[1]
                == "  the report's recommendation was read from: "
                + "\"Clinical correlation with calcium, phosphate & PTH levels is suggested.\"")

        // Another record of the batch, and ids that name none.
        #expect(try explain([batch, "--record", "ACC-H001"]).text.hasPrefix("record ACC-H001  ("))
        let missing = try explain([batch, "--record", "ACC-NOPE"])
        #expect(missing.status == 64 && missing.stderr.contains("has no record \"ACC-NOPE\"; its 4 record(s): ACC-H001"))
        let beyond = try explain([batch, "--record", "9"])
        #expect(beyond.status == 64 && beyond.stderr.contains("holds 4 record(s); there is no record 9"))
    }

    @Test func explainWithNoRecommendationSentenceSaysMissed() throws {
        // An MRI report (its EXAM line and technique name MRI) with no recommendation the table codes.
        let e = try explain(["Corpus/reports/us-011.txt"])
        #expect(e.status == 0)
        #expect(section(e.text, "Verdict").first?.hasPrefix("  no recommendation sentence found; R4 (recommended)") == true)
        #expect(section(e.text, "Verdict").first?.hasSuffix("→ missed_workup") == true)
        #expect(section(e.text, "Verdict").last == "  the report's recommendation was read from: no sentence")
        // The EXAM line names MRI; it is listed, as not a recommendation, never as read.
        let recommendations = section(e.text, "The report's own recommendations")
        #expect(!recommendations.contains { $0.hasPrefix("  read as recommending") })
    }

    @Test(arguments: ["us-005", "us-011", "us-022", "us-032", "us-037"])
    func anExamLineNamingMRIIsNeverARecommendation(_ name: String) throws {
        let path = "Corpus/reports/\(name).txt"
        let exam = try #require(
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("EXAM:") })
        #expect(exam.contains("MRI"))
        let e = try explain([path])
        #expect(e.status == 0)
        let recommendations = section(e.text, "The report's own recommendations")
        #expect(!recommendations.isEmpty)
        for line in recommendations where line.contains("read as recommending") {
            #expect(!line.contains("EXAM") && !line.contains(" in exam") && !line.contains(" in technique"), "\(line)")
        }
        // A technique line naming the MRI done is listed, as not a recommendation.
        if let technique = recommendations.first(where: { $0.contains("in technique") }) {
            #expect(technique.hasPrefix("  not a recommendation (an exam, technique or comparison line"))
        }
    }
}
