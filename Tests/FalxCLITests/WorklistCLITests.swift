import Foundation
import Testing

/// The worklist CSV beside the report: its columns, its order, the BOM with --excel, the formula guard.
extension CLITests {
    /// The report fixture's audit plus two flagged rows: one without a study date, one whose
    /// interpreter and accession a spreadsheet would run as formulas.
    func worklistAudit(_ dir: URL) throws -> URL {
        let fixture = try String(contentsOfFile: "Tests/FalxReportTests/Fixtures/audit.csv", encoding: .utf8)
        let r11 = try #require(fixture.split(separator: "\n").first { $0.hasPrefix("r11,") })
        let undated = r11.replacingOccurrences(of: "r11,archive/r11.txt", with: "r12,archive/r12.txt")
            .replacingOccurrences(of: ",P-r11,,2024-01-25,", with: ",P-r12,ACC-12,,")
        let formula = r11.replacingOccurrences(of: "r11,archive/r11.txt", with: "r13,archive/r13.txt")
            .replacingOccurrences(of: ",P-r11,,2024-01-25,CT HEAD,Dr A,", with: ",P-r13,=1+2,2024-01-25,CT HEAD,@SUM(A1),")
        let url = dir.appendingPathComponent("audit.csv")
        try (fixture + undated + "\n" + formula + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theWorklistSaysWhyEachCaseIsFlaggedMostUrgentFirst() throws {
        let dir = try temporaryDirectory()
        let audit = try worklistAudit(dir)
        let page = dir.appendingPathComponent("report.html")
        let r = try falx(["report", audit.path, "-o", page.path])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = String(decoding: try file(dir.appendingPathComponent("report-worklist.csv")), as: UTF8.self)
        let expected = #"""
            record_id,accession,patient_id,study_datetime,interpreter,facility,audit_verdict,strength,category,triggers,asks_for,report_recommendation,report_recommends,rules,source
            r2,,P-r2,2024-01-20,Dr A,North,missed_workup,urgent,davf_pathway,"dural_calcification=present [R1]: ""Calcification of the falx and tentorium; ""dAVF"" suspected.""; davf=present [R1]: ""Findings suggest a dural AV fistula.""; dc_temporality=progressive [M2]",dsa (R1); neurointerventional_consult (R1),,,R1;M2,archive/r2.txt
            r11,,P-r11,2024-01-25,Dr A,North,missed_workup,recommended,mri_workup,"dural_calcification=present [R5]: ""Calcified falx.""; seizure=present [R5]",mri_contrast (R5); swi (R5),,,R5,archive/r11.txt
            r13,'=1+2,P-r13,2024-01-25,'@SUM(A1),North,missed_workup,recommended,mri_workup,"dural_calcification=present [R5]: ""Calcified falx.""; seizure=present [R5]",mri_contrast (R5); swi (R5),,,R5,archive/r13.txt
            r5,,P-r5,2024-02-20,,South,missed_workup,recommended,venous_imaging,"dural_calcification=present [R4]: ""Calcification of the dura <script>alert(1)</script> along the
            petroclinoid ligament, thick.""; dural_thickening=uncertain [R4]",venography (R4); mri_contrast (R4),,,R4,archive/r5.txt
            r12,ACC-12,P-r12,,Dr A,North,missed_workup,recommended,mri_workup,"dural_calcification=present [R5]: ""Calcified falx.""; seizure=present [R5]",mri_contrast (R5); swi (R5),,,R5,archive/r12.txt
            r4,,P-r4,2024-02-15,Dr B,South,additional_imaging,routine,incidental_monitor,"dural_calcification=present [R6]: ""Small dural calcification over the convexity.""",clinical_follow_up (R6),MRI of the brain is suggested.,mri,R6,archive/r4.txt

            """#
        #expect(csv == expected)
        // The page lists the same cases in the same order.
        let html = String(decoding: try file(page), as: UTF8.self)
        let shown = html.components(separatedBy: "<tr id=\"case-").dropFirst().compactMap {
            $0.components(separatedBy: "title=\"archive/").dropFirst().first?.split(separator: ".").first
        }
        #expect(shown == ["r2", "r11", "r13", "r5", "r12", "r4"])
        #expect(html.contains("seizure=present [R5]") && html.contains("none found"))
        #expect(html.contains("mri \u{2014} \u{201C}MRI of the brain is suggested.\u{201D}"))

        // --excel: the same bytes after a UTF-8 BOM; without it, no BOM.
        #expect(!csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        let excelPage = dir.appendingPathComponent("excel.html")
        #expect(try falx(["report", audit.path, "-o", excelPage.path, "--excel"]).status == 0)
        let excel = try file(dir.appendingPathComponent("excel-worklist.csv"))
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(excel.dropFirst(3) == Data(expected.utf8))
    }

    @Test func auditExcelAlsoGivesTheWorklistItsBOM() throws {
        let dir = try temporaryDirectory()
        let r = try falx([
            "audit", "Corpus/reports/hx-037.txt", "-o", dir.appendingPathComponent("a.csv").path, "--excel", "--report",
            dir.appendingPathComponent("p.html").path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let worklist = try file(dir.appendingPathComponent("p-worklist.csv"))
        #expect(Array(worklist.prefix(13)) == [0xEF, 0xBB, 0xBF] + Array("record_id,".utf8))
        #expect(parseCSV(worklist.dropFirst(3)).count == 2)
    }
}
