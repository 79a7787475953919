import FalxAudit
import Foundation
import Testing

/// One report per study: a preliminary, final and corrected report of one accession keep their rows,
/// and every row but the one that counts names it in `superseded_by` (docs/audit-schema.md).
extension CLITests {
    static let results = "Tests/FalxIngestTests/Fixtures/results"
    static let statusWords = "Tests/FalxIngestTests/Fixtures/status-words"

    /// The audit written to a file, as rows of cells keyed by column name.
    func auditRows(_ args: [String], in directory: URL? = nil) throws -> (rows: [[String: String]], stderr: String) {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.csv").path
        let r = try falx(["audit"] + args + ["-o", out], in: directory)
        #expect(r.status == 0, "\(r.stderr)")
        let table = parseCSV(try Data(contentsOf: URL(fileURLWithPath: out)))
        let header = try #require(table.first)
        return (table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }, r.stderr)
    }

    /// `record_id | study_datetime | result_status | superseded_by` of each row.
    func statusLines(_ rows: [[String: String]]) -> [String] {
        rows.map { r in
            ["record_id", "study_datetime", "result_status", "superseded_by"].map { r[$0] ?? "?" }.joined(separator: " | ")
        }
    }

    @Test func anHL7BatchOfPreliminaryFinalAndCorrectedCountsEachStudyOnce() throws {
        let (rows, stderr) = try auditRows(["\(Self.results)/status-sequence.hl7"])
        #expect(
            statusLines(rows) == [
                "ACC-7001 | 2024-05-01T08:15:00 | preliminary | ACC-7001~3",
                "ACC-7001~2 | 2024-05-01T08:15:00 | final | ACC-7001~3",
                "ACC-7001~3 | 2024-05-01T08:15:00 | corrected | ",
                // OBR-7 empty: OBR-22 (the report's time), not OBR-6.
                "ACC-7002 | 2024-05-03T10:15:00 | final | ",
                // Only OBR-6, and no OBR-25.
                "ACC-7003 | 2024-05-04T07:30:00 |  | ",
                // Final, then a preliminary sent again: the final still counts.
                "ACC-7004 | 2024-05-05T09:00:00 | final | ",
                "ACC-7004~2 | 2024-05-05T09:00:00 | preliminary | ACC-7004",
            ])
        #expect(stderr.contains("7 records: 4 ok, 0 error, 3 superseded by a later report of the same accession"), "\(stderr)")
        #expect(stderr.contains("dural calcification: present 2, absent 1, not_mentioned 1"), "\(stderr)")
    }

    @Test func theSameStudiesInHL7XMLGiveTheSameTimesAndStatuses() throws {
        let (rows, stderr) = try auditRows(["\(Self.results)/xml"])
        #expect(
            statusLines(rows) == [
                "ACC-7101 | 2024-06-01T08:15:00 | preliminary | ACC-7101~3",
                "ACC-7101~2 | 2024-06-01T08:15:00 | final | ACC-7101~3",
                "ACC-7101~3 | 2024-06-01T08:15:00 | corrected | ",
                "ACC-7102 | 2024-06-03T10:15:00 | final | ",
                "ACC-7103 | 2024-06-04T07:30:00 |  | ",
            ])
        #expect(stderr.contains("5 records: 3 ok, 0 error, 2 superseded"), "\(stderr)")
    }

    @Test func aRepeatedAccessionInJSONLinesCountsByItsLastRow() throws {
        let (rows, _) = try auditRows(["\(Self.results)/repeated-accession.jsonl"])
        #expect(
            rows.map { "\($0["record_id"]!) \($0["accession"]!) → \($0["superseded_by"]!)" } == [
                "J-1 ACC-8001 → J-3", "J-2 ACC-8002 → ", "J-3 ACC-8001 → ",
                // The id J-1 again, of another accession: unique in the run, and not replaced.
                "J-1~2 ACC-8003 → ", "J-5  → ", "J-6  → ",
            ])
    }

    @Test func aStatusColumnInARISExportDecidesWhichRowCounts() throws {
        let (rows, _) = try auditRows(["\(Self.statusWords)/ris-status.csv"])
        #expect(
            rows.map { "\($0["accession"]!) \($0["result_status"]!) → \($0["superseded_by"]!)" } == [
                "RIS-9001 preliminary → ris-status.csv#4", "RIS-9002 final → ", "RIS-9001 final → ris-status.csv#4",
                "RIS-9001 amended → ", "RIS-9003 other → ", "RIS-9004 cancelled → ",
            ])
        #expect(rows[4]["warnings"] == "result status 'Reviewed' is not a status Falx knows, read as other")
        #expect(rows.allSatisfy { $0["warnings"]!.isEmpty || $0["accession"] == "RIS-9003" })
    }

    @Test func fhirDiagnosticReportStatusSupersedesAndAWithdrawnReportNeverReplacesOne() throws {
        let (rows, stderr) = try auditRows(["\(Self.statusWords)/fhir-status"])
        #expect(
            statusLines(rows) == [
                "FS-1 | 2024-08-01T10:00:00Z | preliminary | FS-1~2",
                "FS-1~2 | 2024-08-01T10:00:00Z | final | ",
                "FS-2 | 2024-08-02T10:00:00Z | preliminary | ",
                // entered-in-error is read as cancelled: it comes last and still does not count.
                "FS-1~3 | 2024-08-01T10:00:00Z | cancelled | FS-1~2",
                "FS-3 | 2024-08-03T10:00:00Z | amended | ",
            ])
        #expect(stderr.contains("5 records: 3 ok, 0 error, 2 superseded"), "\(stderr)")
    }

    @Test func superseded_byIsTheSameAtEveryJobCount() throws {
        let dir = try temporaryDirectory()
        var outputs: [Data] = []
        for (jobs, format) in [("1", "csv"), ("4", "csv"), ("1", "jsonl"), ("4", "jsonl")] {
            let out = dir.appendingPathComponent("out-\(jobs).\(format)").path
            let r = try falx(["audit", Self.results, "Corpus/formats", "-o", out, "--jobs", jobs, "--format", format])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0] == outputs[1] && outputs[2] == outputs[3])
        // superseded_by is filled in place, before the evidence columns that follow it.
        let rows = parseCSV(outputs[0])
        let column = try #require(rows.first?.firstIndex(of: "superseded_by"))
        #expect(column == rows[0].count - 3)
        #expect(rows.filter { $0[column] == "ACC-7001~3" }.count == 2)
        #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count })
        let jsonl = String(decoding: outputs[2], as: UTF8.self).split(separator: "\n")
        #expect(jsonl.filter { $0.contains(#""superseded_by":"ACC-7001~3","fact_evidence":"#) }.count == 2)
    }

    @Test func aResumedRunStillMarksRowsOfThePartialAudit() throws {
        let dir = try temporaryDirectory()
        let reference = dir.appendingPathComponent("reference.csv")
        let full = try falx(["audit", Self.results, "-o", reference.path])
        #expect(full.status == 0, "\(full.stderr)")
        // The partial an interrupted run leaves: the header and 7 rows, superseded_by not yet filled
        // (it is written when a run finishes), the provenance beside it.
        let lines = try Data(contentsOf: reference).split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        let partialRows =
            [lines[0]]
            + lines[1..<8].map { line in
                line.hasSuffix(",") ? line : String(line[...(line.lastIndex(of: ",") ?? line.startIndex)])
            }
        #expect(partialRows[1].hasPrefix("J-1,") && partialRows[7].hasPrefix("ACC-7001,") && partialRows[7].hasSuffix(","))
        let out = dir.appendingPathComponent("out.csv").path
        try Data((partialRows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: out + ".partial"))
        try FileManager.default.copyItem(atPath: reference.path + ".meta.json", toPath: out + ".partial.meta.json")
        let resumed = try falx(["audit", Self.results, "-o", out, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after 7 rows"))
        // J-1 and ACC-7001 (both in the partial) are marked by rows of the partial and of this run.
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: reference))
        #expect(resumed.stderr.contains("18 records: 12 ok, 0 error, 6 superseded"), "\(resumed.stderr)")
        #expect(full.stderr.contains("18 records: 12 ok, 0 error, 6 superseded"), "\(full.stderr)")
    }

    @Test func pseudonymisedAccessionsSupersedeAsTheRawOnesDo() throws {
        let dir = try temporaryDirectory()
        let key = try keyFile(in: dir)
        let (rows, _) = try auditRows(["\(Self.results)/status-sequence.hl7", "--pseudonymise", key])
        let ids = rows.map { $0["record_id"] ?? "" }
        #expect(ids.allSatisfy { $0.hasPrefix("r_") } && Set(ids).count == 7)
        #expect(rows.map { $0["superseded_by"] ?? "?" } == [ids[2], ids[2], "", "", "", "", ids[5]])
    }

    @Test func theReportPageCountsEachStudyOnce() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.csv").path
        let streamed = dir.appendingPathComponent("streamed.html").path
        let r = try falx(["audit", Self.results, "-o", out, "--report", streamed, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let read = dir.appendingPathComponent("read.html").path
        #expect(try falx(["report", out, "-o", read]).status == 0)
        for page in [streamed, read] {
            let html = try String(contentsOfFile: page, encoding: .utf8)
            // 18 rows, 6 of them replaced by a later report of their accession.
            #expect(html.contains("<b>12</b><span>records</span>"), "\(page)")
        }
    }

    @Test func onStandardOutputTheColumnStaysEmptyAndStderrSaysSo() throws {
        let r = try falx(["audit", "\(Self.results)/status-sequence.hl7"])
        #expect(r.status == 0)
        #expect(parseCSV(r.stdout).dropFirst().allSatisfy { $0.last == "" })
        #expect(r.stderr.contains("3 rows are replaced by a later report of the same accession; superseded_by is filled"))
    }
}
