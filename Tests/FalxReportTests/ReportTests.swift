import FalxAudit
import FalxCore
import Foundation
import Testing

@testable import FalxReport

/// The fixture audit (Fixtures/audit.csv and the same rows as audit.jsonl, typed; audit-v2.csv
/// without the evidence columns, as schema version 2 wrote them; audit-v1.jsonl the first 11 as
/// schema version 1 wrote them) holds 12 hand-written rows; r12 is superseded by r8 and
/// enters no figure, so every count below is of r1–r11:
///
/// | row | status | format | interpreter | facility | month | age | dc | verdict | strength |
/// |---|---|---|---|---|---|---|---|---|---|
/// | r1 | ok | text | Dr A | North | 2024-01 | 45 | present | concordant | consider |
/// | r2 | ok | hl7v2 | Dr A | North | 2024-01 | 67 | present | missed_workup | urgent |
/// | r3 | ok | text | Dr B | South | 2024-02 | 72 | uncertain | concordant | recommended |
/// | r4 | ok | text | Dr B | South | 2024-02 | 30 | present | additional_imaging | routine |
/// | r5 | ok | text | — | South | 2024-02 | — | present | missed_workup | recommended |
/// | r6 | ok | text | Dr A | North | 2024-03 | 55 | absent | not_applicable | — |
/// | r7 | ok | jsonl | Dr C | — | — | 40 | not_mentioned | not_applicable | — |
/// | r8 | ok | jsonl | Dr C | — | 2024-03 | 91 | present | concordant | routine |
/// | r9 | error | text | | | — | | | | |
/// | r10 | error | hl7v2 | | | 2024-04 | | | | |
/// | r11 | ok | text | Dr A | North | 2024-01 | 8 | present | missed_workup | recommended |
/// | r12 | ok | hl7v2 | Dr Z | Elsewhere | 2020-01 | 12 | present | missed_workup | routine | (superseded_by r8)
@Suite struct ReportAggregateTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func aggregate(_ name: String, limits: ReportAggregates.Limits = .init(worklist: 3)) throws -> (
        ReportAggregates, AuditReadStats
    ) {
        var agg = ReportAggregates(limits: limits)
        let stats = try AuditFileReader.read(bytes: try fixture(name)) { agg.add($0) }
        return (agg, stats)
    }

    @Test func countsMatchTheHandCountedFixture() throws {
        let (a, stats) = try Self.aggregate("audit.csv")
        #expect(stats.kind == .csv && stats.rows == 12 && stats.skipped == 0 && stats.missingColumns.isEmpty)
        #expect(a.records == 11 && a.ok == 9 && a.errorRows == 2 && a.rowsWithWarnings == 1 && a.supersededRows == 1)
        #expect(a.formats == ["text": 7, "hl7v2": 2, "jsonl": 2])
        #expect(a.rulesetVersions == ["falx-rules-1.1": 9])
        #expect(a.firstStudy == "2024-01-10T09:00:00" && a.lastStudy == "2024-04-01" && a.rowsWithoutDate == 2)
        #expect(a.duralCalcification == ["present": 6, "uncertain": 1, "absent": 1, "not_mentioned": 1])
        #expect(a.positives == 7)
        #expect(
            a.categories == [
                "mri_workup": 3, "davf_pathway": 1, "incidental_monitor": 2, "venous_imaging": 1, "not_applicable": 2,
            ])
        #expect(a.verdicts == ["concordant": 3, "missed_workup": 3, "additional_imaging": 1, "not_applicable": 2])
        #expect(a.strengths == ["consider": 1, "urgent": 1, "recommended": 3, "routine": 2])
        #expect(a.findings["atrophy"] == ["present": 1, "not_mentioned": 6])
        #expect(a.findings["davf"] == ["present": 1, "not_mentioned": 6])
        #expect(a.findings["dural_thickening"] == ["uncertain": 1, "not_mentioned": 6])
        #expect(a.findings["white_matter_lesions"] == ["not_mentioned": 7])
        #expect(a.findings.count == 10 && a.symptoms.count == 6)
        #expect(a.symptoms["headache"]?["present"] == 1 && a.symptoms["seizure"]?["present"] == 1)
        #expect(a.renalDisease == ["present": 1, "not_mentioned": 6])
        #expect(a.locations == ["falx": 5, "tentorium": 1, "convexity": 1, "petroclinoid": 1])
        #expect(a.temporality == ["stable": 1, "progressive": 1, "unknown": 5])
        #expect(a.ageDecades == [1, 0, 0, 1, 1, 0, 1, 1, 0, 1] && a.agesUnknown == 1)
    }

    @Test func verdictsOverallAndByGroup() throws {
        let (a, _) = try Self.aggregate("audit.csv")
        var overall = VerdictCounts()
        overall.positives = 7
        overall.workupIndicated = 4
        overall.missedWorkup = 3
        overall.concordant = 3
        overall.additionalImaging = 1
        #expect(a.overall == overall)
        #expect(a.overall.missedRate == 0.75)

        let dr = a.byInterpreter.counts
        #expect(dr["Dr A"]?.positives == 3 && dr["Dr A"]?.workupIndicated == 2 && dr["Dr A"]?.missedWorkup == 2)
        #expect(dr["Dr B"]?.positives == 2 && dr["Dr B"]?.additionalImaging == 1 && dr["Dr B"]?.missedRate == 0)
        #expect(dr[ReportAggregates.notRecorded]?.missedWorkup == 1 && dr["Dr C"]?.concordant == 1)
        #expect(dr["Dr C"]?.missedRate == nil)
        // Top 2 by cases, then the other two summed.
        let top = a.byInterpreter.top(2, other: "others")
        #expect(top.map(\.key) == ["Dr A", "Dr B", "others (2 more)"])
        #expect(top[2].counts.positives == 2 && top[2].counts.missedWorkup == 1 && top[2].counts.concordant == 1)

        #expect(a.byFacility.counts["North"]?.positives == 3 && a.byFacility.counts["South"]?.positives == 3)
        #expect(a.byFacility.counts[ReportAggregates.notRecorded]?.positives == 1)
        let months = a.byMonth.ascending
        #expect(months.map(\.key) == ["2024-01", "2024-02", "2024-03"])
        #expect(months.map(\.counts.missedWorkup) == [2, 1, 0])
        #expect(months.map(\.counts.workupIndicated) == [2, 2, 0])
    }

    @Test func worklistIsCappedAndErrorsAreKept() throws {
        let (a, _) = try Self.aggregate("audit.csv")
        #expect(a.worklistTotal == 4)
        // The first three in worklist order (urgent r2; recommended r11 of January before r5 of
        // February), not the first three of the file (r2, r4, r5); the routine r4 is left out.
        #expect(a.worklist.map(\.recordID) == ["r2", "r11", "r5"])
        #expect(a.worklist[1].verdict == "missed_workup" && a.worklist[0].rules == "R1;M2")
        #expect(a.worklist[2].evidence.contains("<script>") && a.worklist[2].evidence.contains("\npetroclinoid"))
        #expect(
            a.worklist[0].triggerFacts
                == "dural_calcification=present [R1]; davf=present [R1]: \"Findings suggest a dural AV fistula.\"; "
                + "dc_temporality=progressive [M2]")
        #expect(a.worklist[0].asksFor == "dsa (R1); neurointerventional_consult (R1)")
        #expect(a.worklist[1].triggerFacts == "dural_calcification=present [R5]; seizure=present [R5]")
        #expect(a.errorCodes == ["empty-file": 1, "no-report-text": 1])
        #expect(a.errorList.map(\.recordID) == ["r9", "r10"])
        // The formula guard is undone: the sentence starts with its dash again.
        var first: [String] = []
        _ = try AuditFileReader.read(bytes: try Self.fixture("audit.csv")) { if first.isEmpty { first = $0 } }
        #expect(first[AuditColumns.evidence] == "- Dense falx calcification, as before.")
    }

    @Test func jsonLinesGiveTheSameAggregatesAsCSV() throws {
        let (csv, _) = try Self.aggregate("audit.csv")
        let (jsonl, stats) = try Self.aggregate("audit.jsonl")
        #expect(stats.kind == .jsonl && stats.rows == 12)
        #expect(csv == jsonl)
    }

    /// Typed JSON Lines (numbers, null, arrays) read back as the CSV cells: every row the same.
    @Test func typedJSONLinesReadBackAsTheCSVCells() throws {
        var csv: [[String]] = []
        var jsonl: [[String]] = []
        _ = try AuditFileReader.read(bytes: try Self.fixture("audit.csv")) { csv.append($0) }
        _ = try AuditFileReader.read(bytes: try Self.fixture("audit.jsonl")) { jsonl.append($0) }
        #expect(csv.count == 12 && csv == jsonl)
        #expect(jsonl[1][AuditColumns.locations] == "falx;tentorium" && jsonl[1][AuditColumns.age] == "67")
        #expect(jsonl[9][AuditColumns.errors] == "no-report-text: no OBX text; x-y: z")
    }

    /// An audit written before schema version 2 (every value a string, 45 columns) still reads,
    /// its new columns empty, with the same figures (and the same worklist as the schema 2 audit,
    /// which has no evidence sentences either).
    @Test func anAuditOfSchemaVersionOneStillReads() throws {
        let (csv, _) = try Self.aggregate("audit.csv")
        let (v2, _) = try Self.aggregate("audit-v2.csv")
        let (old, stats) = try Self.aggregate("audit-v1.jsonl")
        #expect(stats.kind == .jsonl && stats.rows == 11 && stats.skipped == 0)
        #expect(old.records == csv.records && old.positives == csv.positives && old.worklist == v2.worklist)
        #expect(old.worklist.map(\.recordID) == csv.worklist.map(\.recordID))
        #expect(old.supersededRows == 0 && csv.supersededRows == 1 && v2.supersededRows == 1)
    }

    @Test func blockBoundariesDoNotChangeTheRows() throws {
        for name in ["audit.csv", "audit.jsonl", "audit-v1.jsonl", "audit-v2.csv"] {
            let bytes = try Self.fixture(name)
            var whole: [[String]] = []
            _ = try AuditFileReader.read(bytes: bytes) { whole.append($0) }
            for size in [1, 2, 3, 7, 64, 1000] {
                var reader = AuditFileReader.Reader()
                var rows: [[String]] = []
                var i = 0
                while i < bytes.count {
                    try reader.feed(Array(bytes[i..<min(i + size, bytes.count)]), path: name) { rows.append($0) }
                    i += size
                }
                try reader.finish(path: name) { rows.append($0) }
                #expect(rows == whole, "\(name) in blocks of \(size)")
            }
        }
    }

    @Test func distinctKeysAreBounded() {
        var k = KeyedVerdicts(maxKeys: 2)
        for name in ["a", "b", "c", "d", "a"] { k.add(key: name, verdict: "missed_workup", strength: "urgent") }
        #expect(k.counts.count == 2 && k.counts["a"]?.positives == 2 && k.overflow.positives == 2)
        #expect(k.top(5).last?.counts.positives == 2)
    }

    @Test func unreadableAuditsAreClearErrors() throws {
        #expect(throws: AuditFileError.self) { try AuditFileReader.read(bytes: Array("a,b\n1,2\n".utf8)) { _ in } }
        #expect(throws: AuditFileError.self) { try AuditFileReader.read(bytes: Array("  \n".utf8)) { _ in } }
        #expect(throws: AuditFileError.self) { try AuditFileReader.read(path: "/nonexistent/audit.csv") { _ in } }
        // A row with the wrong number of fields, a JSON line that is not a flat object: counted, skipped.
        let csv = "record_id,status\nx,ok\ny,ok,extra\n"
        var n = 0
        let s1 = try AuditFileReader.read(bytes: Array(csv.utf8)) { _ in n += 1 }
        #expect(n == 1 && s1.skipped == 1 && s1.skippedAt == [3] && s1.missingColumns.count == AuditRow.columns.count - 2)
        let jsonl = "{\"record_id\":\"x\"}\n{\"record_id\":{\"nested\":1}}\nnot json\n\n"
        let s2 = try AuditFileReader.read(bytes: Array(jsonl.utf8)) { _ in }
        #expect(s2.rows == 1 && s2.skipped == 2 && s2.skippedAt == [2, 3])
    }

    @Test(arguments: [
        ("2024-03-12T10:00:00", "2024-03"), ("20240312", "2024-03"), ("2024", ReportAggregates.noDate),
        ("", ReportAggregates.noDate), ("12/03/2024", ReportAggregates.noDate),
    ])
    func monthOfAStudyDate(study: String, month: String) {
        #expect(ReportAggregates.month(of: study) == month)
    }

    @Test(arguments: [
        ("empty-file: the file is empty", "empty-file"), ("no-report-text: a; b: c", "no-report-text"),
        ("dir/a b.txt: something", "other"), ("", "(no reason given)"),
    ])
    func errorCodeOfAnErrorCell(errors: String, code: String) {
        #expect(ReportAggregates.errorCode(errors) == code)
    }
}

@Suite struct FlatJSONTests {
    func parse(_ s: String) -> [String: String]? {
        var out: [String: String] = [:]
        return FlatJSON.parseObject(Array(s.utf8)) { out[$0] = $1 } ? out : nil
    }

    @Test func stringsNumbersAndEscapes() {
        #expect(
            parse(#"{"a":"x\"y\\z\/\n\t","b":12,"c":null,"d":true}"#) == ["a": "x\"y\\z/\n\t", "b": "12", "c": "", "d": "true"])
        #expect(parse(#"{"e":"caf\u00e9 \ud83d\ude00"}"#) == ["e": "café 😀"])
        #expect(parse("\u{FEFF}{ \"a\" : \"b\" }\r") == ["a": "b"])
        #expect(parse("{}") == [:])
    }

    @Test(arguments: [#"{"a":{"b":1}}"#, #"{"a":[1]}"#, #"{"a":"b""#, #"{"a" "b"}"#, #"{"a":"b"} x"#, "[]", #"{"a":"\x"}"#])
    func notAFlatObject(line: String) {
        #expect(parse(line) == nil)
    }
}

@Suite struct HTMLTests {
    @Test func controlCharactersFromMetadataNeverReachThePage() {
        let n = Node.element("td", ["title": "a\u{0}b"], text: "x\u{0}y\u{1B}z\u{7F}\u{85}\tok\n")
        #expect(n.rendered == "<td title=\"a\u{FFFD}b\">x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{FFFD}\tok\n</td>")
    }

    @Test func textAndAttributesAreEscaped() {
        let n = Node.element(
            "p", ["title": "a\"b'c<d>&"], [.text("<script>alert('x') & \"y\"</script>"), .element("br"), .trusted("<!-- ok -->")])
        #expect(
            n.rendered
                == "<p title=\"a&quot;b&#39;c&lt;d&gt;&amp;\">&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;<br><!-- ok --></p>"
        )
    }

    @Test func evidenceHighlightMarksTheMentionWords() {
        let html = Node.fragment(
            EvidenceHighlight.nodes("Dense FALX calcification; the dura <b> and tentorial leaf, duration 2.")
        ).rendered
        #expect(
            html
                == "Dense <mark>FALX</mark> <mark>calcification</mark>; the <mark>dura</mark> &lt;b&gt; and <mark>tentorial</mark> leaf, duration 2."
        )
    }

    @Test func chartsCarryTitlesDescriptionsAndValues() {
        let bars = Chart.bars(
            id: "c1", title: "Verdicts", series: [.alarm("missed"), .light("concordant")],
            rows: [ChartRow(label: "Dr <A>", values: [2, 3], note: "n = 5"), ChartRow(label: "Dr B", values: [0, 1])]
        ).rendered
        #expect(bars.contains("role=\"img\"") && bars.contains("aria-labelledby=\"c1-t c1-d\""))
        #expect(bars.contains("<desc id=\"c1-d\">Dr &lt;A&gt;: missed 2, concordant 3; Dr B: missed 0, concordant 1.</desc>"))
        #expect(bars.contains(">n = 5</text>") && bars.contains("<figcaption>Verdicts</figcaption>"))
        #expect(bars.components(separatedBy: "<rect").count - 1 == 3 + 2)  // three segments, two legend swatches

        let line = Chart.line(
            id: "c2", title: "Rate",
            points: [
                RatePoint(label: "2024-01", numerator: 1, denominator: 2),
                RatePoint(label: "2024-02", numerator: 0, denominator: 0),
                RatePoint(label: "2024-03", numerator: 1, denominator: 1),
                RatePoint(label: "2024-04", numerator: 0, denominator: 4),
            ], yLabel: "missed"
        ).rendered
        // A gap at 2024-02: one lone point, then a line of two.
        #expect(line.components(separatedBy: "<polyline").count - 1 == 1)
        #expect(line.components(separatedBy: "<circle").count - 1 == 3)
        #expect(line.contains("2024-01: 1 of 2 (50.0 %)") && line.contains(">1/2</text>"))
    }

    @Test func monthRangeFillsTheCalendar() {
        #expect(
            HTMLReport.monthRange(from: "2023-11", to: "2024-02", limit: 120) == ["2023-11", "2023-12", "2024-01", "2024-02"])
        #expect(HTMLReport.monthRange(from: "2023-11", to: "2024-02", limit: 2) == ["2024-01", "2024-02"])
        #expect(HTMLReport.monthRange(from: nil, to: "2024-02", limit: 2).isEmpty)
    }

    @Test func thePageIsSelfContainedAndShowsEverySection() throws {
        let (a, stats) = try ReportAggregateTests.aggregate("audit.csv")
        let html = HTMLReport(
            aggregates: a, stats: stats, context: .init(auditName: "audit.csv", worklistFile: "report-worklist.csv")
        ).html
        for id in ["summary", "prevalence", "recommendations", "verdicts", "ages", "worklist", "errors", "rules"] {
            #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        #expect(html.contains("Decision support for audit and research, not a diagnosis."))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Nothing is fetched: the only URL is the SVG namespace name.
        let urls = html.components(separatedBy: "http:").count + html.components(separatedBy: "https:").count - 2
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        #expect(urls == namespaces)
        #expect(!html.contains("src="))
        // Worklist: three of four shown, with a note; rules link to their citations.
        #expect(html.components(separatedBy: "<tr id=\"case-").count - 1 == 3)
        #expect(html.contains("Showing 3 of 4 cases"))
        #expect(html.contains("<a href=\"#rule-R1\" title=\"\(Ruleset.default.citation(of: "R1"))\">R1</a>"))
        #expect(html.contains("<tr id=\"rule-R1\">"))
        #expect(html.contains("<mark>petroclinoid</mark>"))
        // Counts, not only shares.
        #expect(html.contains("missed 2/2 = 100 %"))
        #expect(html.contains("<b>11</b><span>records</span>"))
    }
}
