import FalxAudit
import FalxCore
import Foundation
import Testing

@testable import FalxReport

/// Why a case is flagged: Wilson intervals of the rates, the worklist's reasons and its order.
@Suite struct WhyFlaggedTests {
    /// The Wilson score interval written out plainly, independently of `Wilson.interval`.
    static func plainWilson(_ x: Double, _ n: Double) -> (Double, Double) {
        let z = 1.959964
        let p = x / n
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = (z / (1 + z * z / n)) * ((p * (1 - p) / n) + (z * z) / (4 * n * n)).squareRoot()
        return (centre - half, centre + half)
    }

    @Test(arguments: [(0, 10), (5, 10), (10, 10), (1, 3), (81, 263), (3, 19), (19, 20)])
    func wilsonMatchesTheFormula(_ x: Int, _ n: Int) throws {
        let ci = try #require(Wilson.interval(x, of: n))
        let (lower, upper) = Self.plainWilson(Double(x), Double(n))
        #expect(abs(ci.lower - max(0, lower)) < 1e-12 && abs(ci.upper - min(1, upper)) < 1e-12)
        #expect(ci.lower >= 0 && ci.upper <= 1 && ci.lower < ci.upper)
    }

    @Test func wilsonClosedFormsAtTheEnds() throws {
        // 0 of n: [0, z² / (n + z²)]; n of n: [n / (n + z²), 1]; 5 of 10 is symmetric about 0.5.
        let z2 = 1.959964 * 1.959964
        let zero = try #require(Wilson.interval(0, of: 10))
        #expect(zero.lower == 0 && abs(zero.upper - z2 / (10 + z2)) < 1e-12)
        let all = try #require(Wilson.interval(10, of: 10))
        #expect(abs(all.lower - 10 / (10 + z2)) < 1e-12 && abs(all.upper - 1) < 1e-12)
        let half = try #require(Wilson.interval(5, of: 10))
        #expect(abs((half.lower + half.upper) / 2 - 0.5) < 1e-12)
        #expect(Wilson.interval(0, of: 0) == nil && Wilson.interval(4, of: 3) == nil)
    }

    /// Published values: Newcombe (1998), "Two-sided confidence intervals for the single
    /// proportion", Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no
    /// continuity correction), to four decimals.
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
    ])
    func wilsonMatchesNewcombe(_ x: Int, _ n: Int, _ lower: Double, _ upper: Double) throws {
        let ci = try #require(Wilson.interval(x, of: n))
        #expect(abs(ci.lower - lower) < 0.00005 && abs(ci.upper - upper) < 0.00005)
    }

    @Test func rateRowsSayTheIntervalAndMarkSmallN() {
        #expect(RateRow(label: "Dr A", numerator: 1, denominator: 3).summary == "1/3 = 33 % (95 % CI 6–79 %), small n")
        #expect(RateRow(label: "Dr B", numerator: 81, denominator: 263).summary == "81/263 = 31 % (95 % CI 26–37 %)")
        #expect(RateRow(label: "Dr C", numerator: 0, denominator: 20).isSmall == false)
        #expect(RateRow(label: "Dr D", numerator: 0, denominator: 0).summary == "no case needing work-up")
    }

    /// An audit built by the test: one interpreter with 3 cases needing work-up, one with 25.
    @Test func thePageShowsIntervalsAndSmallNMarks() throws {
        var agg = ReportAggregates()
        let base = try #require(Self.fixtureRows().first { $0[AuditColumns.recordID] == "r2" })
        for i in 0..<28 {
            var v = base
            v[AuditColumns.recordID] = "c\(i)"
            v[AuditColumns.interpreter] = i < 3 ? "Dr Few" : "Dr Many"
            v[AuditColumns.facility] = "North"
            // Dr Few: 1 missed of 3; Dr Many: 5 missed of 25.
            let missed = i < 3 ? i == 0 : i < 8
            v[AuditColumns.verdict] = missed ? "missed_workup" : "concordant"
            agg.add(v)
        }
        let html = HTMLReport(aggregates: agg, stats: AuditReadStats(rows: 28), context: .init(auditName: "a.csv")).html
        #expect(html.contains("id=\"chart-interpreter-rate\"") && html.contains("id=\"chart-facility-rate\""))
        #expect(html.contains("1/3 = 33 % (95 % CI 6–79 %), small n"))
        #expect(html.contains("5/25 = 20 % (95 % CI 9–39 %)"))
        #expect(!html.contains("5/25 = 20 % (95 % CI 9–39 %), small n"))
        // The count table: the small group's row is greyed and marked; the interval has its column.
        let few = try #require(html.range(of: "<tr class=\"small-n\"><td>Dr Few</td>"))
        let row = html[few.lowerBound...].prefix { $0 != "\n" }.prefix(400)
        #expect(row.contains("6–79 %") && row.contains("small n (&lt; 20)"))
        #expect(html.contains("<tr><td>Dr Many</td>"))
        // The interval is drawn: a line and two end ticks per bar (two interpreters, one facility).
        #expect(html.components(separatedBy: "class=\"ci\"").count - 1 == 3 * 3)
    }

    @Test func theReferencesResolveEveryShortCitation() throws {
        var agg = ReportAggregates()
        for v in try Self.fixtureRows() { agg.add(v) }
        let html = HTMLReport(aggregates: agg, stats: AuditReadStats(rows: 11), context: .init(auditName: "a.csv")).html
        // Every "[ref N]" link on the page points at a reference list entry that is on the page.
        let targets = html.components(separatedBy: "href=\"#ref-").dropFirst().compactMap { $0.split(separator: "\"").first }
        #expect(!targets.isEmpty)
        for t in Set(targets) { #expect(html.contains("<li id=\"ref-\(t)\">"), "\(t)") }
        #expect(html.contains("Progressive subcortical calcifications secondary to venous hypertension"))
        // R1 cites two sources; each gets its link ([ref 1, 2] to [ref 1], [ref 4] to [ref 2] – [ref 6]).
        #expect(html.contains(">[ref 1, 2]</a>") && html.contains("href=\"#ref-1\"") && html.contains("href=\"#ref-2-6\""))
        #expect(html.contains("href=\"#ref-clinical-summary\""))
    }

    static func fixtureRows() throws -> [[String]] {
        let url = try #require(Bundle.module.url(forResource: "audit.csv", withExtension: nil, subdirectory: "Fixtures"))
        var rows: [[String]] = []
        _ = try AuditFileReader.read(bytes: Array(try Data(contentsOf: url))) { rows.append($0) }
        return rows
    }

    @Test func reasonsAreNotGuessedForAnotherRulesetOrAnEditedRow() throws {
        let r2 = try #require(Self.fixtureRows().first { $0[AuditColumns.recordID] == "r2" })
        var old = r2
        old[AuditColumns.rulesetVersion] = "falx-rules-0.9"
        let c = WorklistCase(auditValues: old)
        #expect(c.triggers.hasPrefix("rules R1;M2 (facts not re-derived: the audit's ruleset falx-rules-0.9 is not"))
        #expect(c.asksFor == "dsa; neurointerventional_consult")
        var edited = r2
        edited[AuditColumns.rules] = "R2;M2"
        #expect(WorklistCase(auditValues: edited).triggers.contains("the row's facts give another recommendation"))
        var odd = r2
        odd[AuditColumns.findingColumns[0]] = "maybe"
        #expect(WorklistCase(auditValues: odd).triggers.contains("is not one Falx writes"))
    }

    /// The sorter gives the same order in memory and through run files on disk.
    @Test func theSortIsTheSameThroughRunFiles() throws {
        var rng = SystemRandomNumberGenerator()
        let strengths = ["urgent", "recommended", "consider", "routine", ""]
        var cases: [(WorklistKey, [UInt8])] = []
        for i in 0..<2_000 {
            var c = try WorklistCase(auditValues: #require(Self.fixtureRows().first))
            c.strength = strengths[Int.random(in: 0..<5, using: &rng)]
            c.studyDateTime = Bool.random(using: &rng) ? "" : "2024-0\(Int.random(in: 1...9, using: &rng))-1\(i % 10)"
            c.recordID = "r\(Int.random(in: 0..<50, using: &rng))"
            cases.append((c.key(sequence: UInt64(i)), CSV.lineBytes([c.recordID, c.strength, c.studyDateTime, String(i)])))
        }
        let expected = cases.sorted { $0.0 < $1.0 }.map(\.1)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("falx-sort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sorter = WorklistSorter(runPrefix: dir.appendingPathComponent(".w.sort").path, budget: 8 << 10)
        for (k, line) in cases { try sorter.add(key: k, line: line) }
        #expect(sorter.runs.count > 5)
        var out: [[UInt8]] = []
        try sorter.finish { out.append($0) }
        #expect(out == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // Urgent first, no strength last; within a strength dated before undated.
        let first = String(decoding: expected[0], as: UTF8.self)
        #expect(first.contains(",urgent,"))
        let last = String(decoding: try #require(expected.last), as: UTF8.self)
        #expect(last.contains(",,"))
    }

    @Test func aSortFileThatCannotBeWrittenIsAClearError() throws {
        let sorter = WorklistSorter(runPrefix: "/nonexistent-falx-folder/.w.sort", budget: 1)
        let key = WorklistKey(rank: 0, date: [], recordID: Array("r1".utf8), sequence: 0)
        #expect(throws: OutputError.self) { try sorter.add(key: key, line: Array("r1\n".utf8)) }
        do {
            try sorter.add(key: key, line: Array("r1\n".utf8))
        } catch let e as OutputError {
            #expect(e.message == "cannot write the worklist's sort file /nonexistent-falx-folder/.w.sort.1")
        }
    }

    @Test(arguments: [
        ("2021-03-12T10:04:00+01:00", "20210312100400"), ("20210312", "20210312"), ("", ""), ("unknown", ""),
        ("2021-03-12Z", "20210312"),
    ])
    func sortableDates(_ date: String, _ digits: String) {
        #expect(WorklistKey.sortableDate(date) == Array(digits.utf8))
    }
}

/// The worklist's triggers and the report's recommendation, from the audit's evidence columns.
@Suite struct WorklistEvidenceTests {
    /// The fixture's r2 (R1 and M2 on dural calcification, davf and progression) with evidence.
    static func r2(factEvidence: String, recommendation: String) throws -> [String] {
        var v = try #require(WhyFlaggedTests.fixtureRows().first { $0[AuditColumns.recordID] == "r2" })
        v[AuditColumns.factEvidence] = factEvidence
        v[AuditColumns.recommendationEvidence] = recommendation
        return v
    }

    @Test func eachTriggerCarriesItsSentence() throws {
        let v = try Self.r2(
            factEvidence: "davf=present: A dural AV fistula is suspected. | headache=present: Headache for a week.",
            recommendation: "Clinical follow-up is suggested.")
        let c = WorklistCase(auditValues: v)
        #expect(
            c.triggers
                == "dural_calcification=present [R1]: \"Calcification of the falx and tentorium; \"dAVF\" suspected.\"; "
                + "davf=present [R1]: \"A dural AV fistula is suspected.\"; dc_temporality=progressive [M2]")
        // The page shows the calcification sentence in its own column, the others with their fact.
        #expect(
            c.triggerFacts
                == "dural_calcification=present [R1]; davf=present [R1]: \"A dural AV fistula is suspected.\"; "
                + "dc_temporality=progressive [M2]")
        #expect(c.reportRecommendation == "Clinical follow-up is suggested.")
        let row = Dictionary(uniqueKeysWithValues: zip(WorklistCase.columns, c.values))
        #expect(row["triggers"] == c.triggers && row["report_recommendation"] == "Clinical follow-up is suggested.")
        #expect(row["report_recommends"] == "" && row["asks_for"] == "dsa (R1); neurointerventional_consult (R1)")
    }

    @Test func aSentenceOfAnotherValueIsNotUsed() throws {
        // An edited cell whose item names another value than the row's column is not the evidence.
        let c = WorklistCase(auditValues: try Self.r2(factEvidence: "davf=absent: No fistula.", recommendation: ""))
        #expect(c.triggers.contains("davf=present [R1]; ") && !c.triggers.contains("No fistula"))
        #expect(c.reportRecommendation == "" && c.pageRecommendation == "none found")
    }

    @Test func thePageShowsTheCodesAndTheSentence() throws {
        var c = WorklistCase(auditValues: try Self.r2(factEvidence: "", recommendation: "MRI is advised. | Refer to neurology."))
        c.reportRecommends = "mri;neurology_consult"
        #expect(
            c.pageRecommendation
                == "mri; neurology consult \u{2014} \u{201C}MRI is advised.\u{201D} \u{2014} \u{201C}Refer to neurology.\u{201D}")
    }

    /// An audit of schema version 2 (no evidence columns: the fixture's rows in audit-v2.csv): read,
    /// its evidence empty, said on the page; the worklist keeps the codes and the calcification sentence.
    @Test func aSchema2AuditIsReadWithEmptyEvidence() throws {
        let url = try #require(Bundle.module.url(forResource: "audit-v2.csv", withExtension: nil, subdirectory: "Fixtures"))
        let bytes = Array(try Data(contentsOf: url))
        let header = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        #expect(header.hasSuffix(",superseded_by") && !header.contains("fact_evidence"))
        #expect(FalxOutputKind.recognise(fileStart: bytes) == .auditCSV)
        var rows: [[String]] = []
        let stats = try AuditFileReader.read(bytes: bytes) { rows.append($0) }
        #expect(stats.missingColumns == ["fact_evidence", "recommendation_evidence"])
        #expect(rows.allSatisfy { $0[AuditColumns.factEvidence].isEmpty && $0[AuditColumns.recommendationEvidence].isEmpty })
        let r2 = WorklistCase(auditValues: try #require(rows.first { $0[AuditColumns.recordID] == "r2" }))
        #expect(r2.triggers.hasPrefix("dural_calcification=present [R1]: \"Calcification of the falx"))
        #expect(r2.triggers.hasSuffix("davf=present [R1]; dc_temporality=progressive [M2]"))
        #expect(r2.reportRecommendation == "")
        let r4 = WorklistCase(auditValues: try #require(rows.first { $0[AuditColumns.recordID] == "r4" }))
        #expect(r4.reportRecommends == "mri" && r4.reportRecommendation == "" && r4.pageRecommendation == "mri")
        var agg = ReportAggregates()
        for v in rows { agg.add(v) }
        let html = HTMLReport(aggregates: agg, stats: stats, context: .init(auditName: "a.csv")).html
        #expect(html.contains("The audit has no column fact_evidence, recommendation_evidence; those values count as empty."))
    }

    @Test func everyWorklistHeaderIsFalxOutput() {
        for columns in [WorklistCase.columns] + WorklistCase.previousColumns {
            #expect(FalxOutputKind.recognise(fileStart: Array((columns.joined(separator: ",") + "\nx\n").utf8)) == .worklist)
        }
        #expect(WorklistCase.columns.contains("report_recommends") && WorklistCase.columns.contains("report_recommendation"))
    }
}
