import Foundation
import Testing

/// `--date-order` and the lexicon's header labels, end to end.
@Suite(.serialized) struct TextHeaderCLITests {
    let cli = CLITests()
    let uk = "Tests/FalxIngestTests/Fixtures/text-headers/uk-nhs.txt"

    func row(_ args: [String]) throws -> [String: String] {
        let run = try cli.falx(["audit"] + args + ["--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = cli.parseCSV(run.stdout)
        let header = try #require(rows.first)
        let values = try #require(rows.dropFirst().first)
        return Dictionary(uniqueKeysWithValues: zip(header, values))
    }

    @Test func dateOrderReadsDayFirstArchives() throws {
        // The report's own dates show day-first (23/11/1949): read so whatever the archive's order.
        let mdy = try row([uk])
        #expect(mdy["study_datetime"] == "2024-02-14T10:05" && mdy["age"] == "74")
        #expect(mdy["warnings"] == "")
        // A report whose dates contradict each other keeps the archive's order and says so.
        let dir = try cli.temporaryDirectory()
        let mixed = dir.appendingPathComponent("mixed.txt")
        try Data("DOB: 12/25/1950    Exam date: 13/05/2024\nFINDINGS: Normal.\n".utf8).write(to: mixed)
        let conflict = try row([mixed.path])
        #expect(conflict["study_datetime"] == "" && conflict["warnings"]?.contains("--date-order dmy") == true)
        let dmy = try row([uk, "--date-order", "dmy"])
        #expect(dmy["study_datetime"] == "2024-02-14T10:05")
        #expect(dmy["age"] == "74")
        #expect(dmy["warnings"] == "")
        #expect(try cli.falx(["audit", uk, "--date-order", "ymd"]).status == 64)
    }

    @Test func theLexiconCommandPrintsHeaderLabelsThatLoadBack() throws {
        let printed = try cli.falx(["lexicon"])
        let text = String(decoding: printed.stdout, as: UTF8.self)
        #expect(text.contains("header accession: acc \\#"))
        let dir = try cli.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A site's own label, added to a copy of the printed lexicon.
        let lexicon = dir.appendingPathComponent("site.lexicon")
        try Data((text + "\nheader accession: exam no\n").utf8).write(to: lexicon)
        let report = dir.appendingPathComponent("r.txt")
        try Data("Exam No: Q-17\n\nFINDINGS: Normal.\n".utf8).write(to: report)
        #expect(try row([report.path])["record_id"] == "r.txt#1")  // a file's id is its name, not its path
        #expect(try row([report.path, "--lexicon", lexicon.path])["record_id"] == "Q-17")
    }
}
