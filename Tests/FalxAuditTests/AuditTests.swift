import FalxClinical
import FalxCore
import FalxIngest
import Foundation
import Testing
@testable import FalxAudit

@Suite struct CSVTests {
    @Test func quotingFollowsRFC4180() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"no\"") == "\"say \"\"no\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
    }

    @Test(arguments: ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulaCellsAreNeutralised(_ cell: String) {
        let f = CSV.field(cell)
        #expect(f.hasPrefix("'") || f.hasPrefix("\"'"))
    }

    @Test func headerIsTheSchemaInOrder() {
        let cols = AuditRow.columns
        #expect(cols.count == 50)
        #expect(Array(cols.prefix(4)) == ["record_id", "source", "format", "status"])
        #expect(cols[17] == "white_matter_lesions" && cols[26] == "subcortical_calcification")
        #expect(cols[27] == "headache" && cols[32] == "focal_deficit")
        #expect(
            Array(cols.suffix(8)) == [
                "ruleset_version", "warnings", "errors", "clinical_notes", "result_status", "superseded_by", "fact_evidence",
                "recommendation_evidence",
            ])
    }

    @Test func jsonLinesUseTheSameKeysAndEscape() throws {
        let values = AuditRow.columns.map { _ in "a\"b\\c\n\u{1}" }
        let line = JSONLines.line(values)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(obj.keys) == Set(AuditRow.columns))
        #expect(obj["record_id"] as? String == "a\"b\\c\n\u{1}")
        // A value that is not a whole number stays a string in the integer column.
        #expect(obj["age"] as? String == "a\"b\\c\n\u{1}")
        #expect(JSONLines.cells(from: obj) == values)
    }
}

@Suite struct AuditorTests {
    let auditor = Auditor()

    @Test func okRowCarriesFactsRulesAndCitations() {
        let report = Report(
            recordID: "r1", source: "r1.txt", format: .text,
            text: Array(
                "History: 70 y/o, seizure.\nFindings: Calcified falx.\nImpression: MRI with contrast is recommended.".utf8))
        let row = auditor.row(for: .success(report))
        let v = Dictionary(uniqueKeysWithValues: zip(AuditRow.columns, row.values))
        #expect(v["status"] == "ok" && v["dural_calcification"] == "present" && v["dc_locations"] == "falx")
        #expect(v["seizure"] == "present" && v["category"] == "mri_workup" && v["strength"] == "recommended")
        #expect(v["report_recommends"] == "mri_contrast" && v["audit_verdict"] == "concordant")
        #expect(v["rules"] == "R5" && v["age"] == "70" && v["ruleset_version"] == Ruleset.default.version)
        #expect(v["actions"] == "mri_contrast;swi")
    }

    @Test func errorRowKeepsItsPlaceAndReason() throws {
        let e = RecordError(
            code: .badJSON, message: "line 3 is not valid JSON", recordID: "f.jsonl#3", source: "f.jsonl#3", format: .jsonl)
        let row = auditor.row(for: .failure(e))
        let v = row.values
        #expect(v.count == AuditRow.columns.count)
        let errors = try #require(AuditRow.columns.firstIndex(of: "errors"))
        #expect(v[3] == "error" && v[errors] == "bad-json: line 3 is not valid JSON")
        #expect(v.suffix(3) == ["", "", ""])  // clinical_notes, result_status, superseded_by
    }

    @Test(arguments: [
        ("1950-06-15", "2024-06-14T10:00:00", Optional(73)),
        ("19500615", "20240615", 74),
        ("2024-01-01", "2024-03-01", 0),
        ("", "2024-03-01", nil),
    ])
    func ageFromBirthAndStudyDates(_ birth: String, _ study: String, _ expected: Int?) {
        #expect(Auditor.age(birth: birth, study: study) == expected)
    }

    @Test func summaryCountsEveryRow() {
        var s = Summary()
        s.add(
            auditor.row(
                for: .success(Report(recordID: "a", source: "a", format: .text, text: Array("Falcine calcification.".utf8)))))
        s.add(auditor.row(for: .failure(RecordError(code: .empty, message: "x", recordID: "b", source: "b", format: .text))))
        #expect(s.line.hasPrefix("2 records: 1 ok, 1 error"))
        #expect(s.line.contains("incidental_monitor 1"))
    }
}

@Suite struct EvaluationTests {
    @Test func scoresFieldsAndDerivesCategoryFromGoldFacts() throws {
        let gold = """
            {"id":"1","text":"Findings: Falcine calcification.","labels":{"dural_calcification":"present","dc_locations":"falx","report_recommends":"none","age":null}}
            {"id":"2","text":"Findings: No dural calcification.","labels":{"dural_calcification":"absent","findings":{"davf":"not_mentioned"}}}
            {"id":"3","text":"Findings: Normal.","labels":{"dural_calcification":"present"}}
            not json
            """
        let (records, problems) = Evaluation.readGold(Data(gold.utf8))
        #expect(records.count == 3 && problems.count == 1)
        let e = Evaluation.run(records, auditor: Auditor())
        #expect(e.fieldCounts["dural_calcification"]?.correct == 2)
        #expect(e.fieldCounts["dural_calcification"]?.total == 3)
        #expect(e.accuracy("dc_locations") == 1 && e.accuracy("age") == 1 && e.accuracy("davf") == 1)
        #expect(e.fieldCounts["category"]?.total == 3 && e.fieldCounts["category"]?.correct == 2)
        let p = e.prf("dural_calcification", "present")
        #expect(p.p == 1 && p.r == 0.5)
        #expect(e.report(showMismatches: true).contains("3\tdural_calcification\tgold=present\tpredicted=not_mentioned"))
    }
}

@Suite struct GoldLabelTests {
    @Test func unknownKeysAndValuesAreProblemsWithTheirLine() {
        let gold = """
            {"id":"1","text":"Falcine calcification.","labels":{"dural_calcification":"present","dc_locations":"falx;tentorium"}}
            {"id":"2","text":"x","labels":{"findings":{"headache":"present"}}}
            {"id":"3","text":"x","labels":{"dc_locations":"falx;sagittal"}}
            {"id":"4","text":"x","labels":{"report_recommends":"mri;none","age":"52"}}
            {"id":"5","text":"x","labels":{"age":"fifty"}}
            """
        let (records, problems) = Evaluation.readGold(Data(gold.utf8))
        #expect(records.map(\.id) == ["1", "4"])
        #expect(problems.count == 3)
        #expect(problems[0].hasPrefix("gold line 2: unknown label key 'headache' in \"findings\"; valid keys: atrophy,"))
        #expect(problems[1].hasPrefix("gold line 3: unknown value 'sagittal' for label 'dc_locations'"))
        #expect(problems[2] == "gold line 5: age must be a whole number of years (0-149) or null, not 'fifty'")
    }

    @Test func macroF1IgnoresNotMentioned() {
        let gold = """
            {"id":"1","text":"Findings: Falcine calcification.","labels":{"dural_calcification":"present"}}
            {"id":"2","text":"Findings: No dural calcification.","labels":{"dural_calcification":"absent"}}
            {"id":"3","text":"Findings: Normal.","labels":{"dural_calcification":"not_mentioned"}}
            {"id":"4","text":"Findings: Normal brain.","labels":{"dural_calcification":"not_mentioned"}}
            """
        let e = Evaluation.run(Evaluation.readGold(Data(gold.utf8)).records, auditor: Auditor())
        // present and absent right (F1 1 each), uncertain absent from both sides (F1 0): 2/3.
        #expect(abs(e.macroF1 - 2.0 / 3.0) < 1e-9)
        #expect(e.report(showMismatches: false).contains("dural_calcification macro-F1 0.667"))
    }
}
