import FalxAudit
import Foundation
import Testing

/// Record ids are unique in a run, the same for the same inputs, whatever the working directory;
/// CSV and typed JSON Lines carry the same values; warnings and clinical notes are apart.
extension CLITests {
    static let identity = "Tests/FalxCLITests/Fixtures/identity"

    @Test func twoInputsWithTheSameRelativePathGetDistinctStableIds() throws {
        let fixtures = Self.root.appendingPathComponent(Self.identity)
        let fromRoot = try auditRows(["\(Self.identity)/siteA", "\(Self.identity)/siteB"])
        let elsewhere = try temporaryDirectory()
        let fromTmp = try auditRows(
            [fixtures.appendingPathComponent("siteA").path, fixtures.appendingPathComponent("siteB").path + "/"],
            in: elsewhere)
        let fromInside = try auditRows(["./siteA", "siteB"], in: fixtures)
        let ids = fromRoot.rows.map { $0["record_id"] ?? "" }
        #expect(ids == ["siteA/2024/r1.txt#1", "siteB/2024/r1.txt#1"])
        #expect(fromTmp.rows.map { $0["record_id"] ?? "" } == ids)
        #expect(fromInside.rows.map { $0["record_id"] ?? "" } == ids)
        // Two inputs of the same name: the second is `~2`, in the order given.
        let same = try auditRows(["\(Self.identity)/siteA/2024", "\(Self.identity)/siteB/2024"])
        #expect(same.rows.map { $0["record_id"] ?? "" } == ["2024/r1.txt#1", "2024~2/r1.txt#1"])
        // One folder: ids relative to it, as before; one file: its name.
        #expect(try auditRows(["\(Self.identity)/siteA"]).rows.map { $0["record_id"] ?? "" } == ["2024/r1.txt#1"])
        #expect(try auditRows(["\(Self.identity)/siteA/2024/r1.txt"]).rows.map { $0["record_id"] ?? "" } == ["r1.txt#1"])
    }

    @Test func jsonLinesValuesAreTypedAndMatchTheCSV() throws {
        let dir = try temporaryDirectory()
        let input = "\(Self.results)/status-sequence.hl7"
        let jsonl = dir.appendingPathComponent("out.jsonl").path
        #expect(try falx(["audit", input, "--format", "jsonl", "-o", jsonl, "--quiet"]).status == 0)
        let objects = try Data(contentsOf: URL(fileURLWithPath: jsonl)).split(separator: 0x0A).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
        let first = try #require(objects.first)
        #expect((first["age"] as? NSNumber)?.intValue == 66 && !(first["age"] is String))
        #expect(first["dc_locations"] as? [String] == ["falx"])
        #expect(first["rules"] as? [String] == ["R6"] && first["actions"] as? [String] == ["clinical_follow_up"])
        #expect(first["report_recommends"] as? [String] == ["none"])
        #expect(first["warnings"] is NSNull && first["errors"] is NSNull && first["clinical_notes"] is NSNull)
        #expect(first["result_status"] as? String == "preliminary" && first["superseded_by"] as? String == "ACC-7001~3")
        #expect(objects[2]["superseded_by"] is NSNull)
        // Every typed line reads back as exactly the CSV row's cells (the formula guard aside).
        let csv = try auditRows([input]).rows
        for (object, row) in zip(objects, csv) {
            #expect(JSONLines.cells(from: object) == AuditSchema.names.map { CSV.unguarded(row[$0] ?? "?") })
        }
        #expect(objects.count == 7 && csv.count == 7)
    }

    @Test func warningsAndClinicalNotesAreSeparateColumns() throws {
        let (rows, _) = try auditRows(["\(Self.identity)/renal-dialysis.txt"])
        let row = try #require(rows.first)
        // The stray byte reads as Windows-1252: a data-quality warning, kept apart from the clinical notes.
        #expect(row["warnings"] == "decoded-as-windows-1252: the bytes are not UTF-8, read as Windows-1252")
        #expect(
            row["clinical_notes"]
                == "renal disease: gadolinium caution (NSF risk), ESRD / secondary hyperparathyroidism is a possible "
                + "cause of dural calcification [ref 5, 6] renal disease: NSF risk, ESRD with secondary hyperparathyroidism; "
                + "progressive calcification: closer monitoring")
        #expect(row["rules"] == "R6;M1;M2" && row["renal_disease"] == "present")
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.jsonl").path
        #expect(try falx(["audit", "\(Self.identity)/renal-dialysis.txt", "--format", "jsonl", "-o", out]).status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(object["warnings"] as? [String] == ["decoded-as-windows-1252: the bytes are not UTF-8, read as Windows-1252"])
        #expect((object["clinical_notes"] as? [String])?.count == 2)
    }

    @Test func theSchemaCommandPrintsEachColumnsJSONType() throws {
        let r = try falx(["schema", "--json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(object["version"] as? Int == AuditSchema.version)
        #expect(columns.map { $0["name"] as? String ?? "" } == AuditSchema.names)
        let byName = Dictionary(uniqueKeysWithValues: columns.map { ($0["name"] as? String ?? "", $0) })
        let types = byName.mapValues { $0["type"] as? String ?? "" }
        #expect(types["age"] == "integer" && types["dc_locations"] == "array" && types["warnings"] == "array")
        #expect(types["superseded_by"] == "string" && types["record_id"] == "string")
        // Closed value sets and the date-time column, for typed readers (pandas, DuckDB, Spark).
        #expect(byName["dural_calcification"]?["values"] as? [String] == ["present", "uncertain", "absent", "not_mentioned"])
        #expect(byName["dc_locations"]?["values"] as? [String] == ["falx", "tentorium", "convexity", "petroclinoid", "other"])
        #expect(byName["study_datetime"]?["format"] as? String == "date-time")
        #expect(byName["record_id"]?["values"] == nil && byName["warnings"]?["values"] == nil)
    }
}
