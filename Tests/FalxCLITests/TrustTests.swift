import Foundation
import Testing

/// No silent wrong result: outputs never destroy or pollute inputs, a file is read once, a missing
/// input or a bad lexicon is refused before anything is read, and the command line says what it reads.
extension CLITests {
    static let trust = "Tests/FalxCLITests/Fixtures/trust"

    /// A temporary folder holding a copy of the trust fixture report, and the copy's path.
    func folderWithReport() throws -> (dir: URL, report: String) {
        let dir = try temporaryDirectory()
        let report = dir.appendingPathComponent("r.txt").path
        try FileManager.default.copyItem(
            atPath: Self.root.appendingPathComponent("\(Self.trust)/report.txt").path, toPath: report)
        return (dir, report)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
        let (dir, report) = try folderWithReport()
        let original = try bytes(report)
        let link = dir.appendingPathComponent("link.csv").path
        let hard = dir.appendingPathComponent("hard.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: report)
        try FileManager.default.linkItem(atPath: report, toPath: hard)
        let cases: [(args: [String], named: String)] = [
            (["audit", report, "-o", report], "-o \(report)"),
            (["audit", report, "-o", link], "-o \(link)"),
            (["audit", report, "-o", hard], "-o \(hard)"),
            (["audit", report, "--report", report], "--report \(report)"),
            (["audit", dir.path, "-o", dir.appendingPathComponent("out.csv").path, "--report", link], "--report \(link)"),
            (["report", report, "-o", report], "-o \(report)"),
        ]
        for c in cases {
            let r = try falx(c.args)
            #expect(r.status == 2, "\(c.args): \(r.stderr)")
            #expect(r.stderr.contains(c.named) && r.stderr.contains("is the input"), "\(r.stderr)")
            #expect(r.stderr.contains("Nothing was read or written"))
            #expect(try bytes(report) == original)
        }
        // The worklist beside a report page is an output too.
        let worklist = dir.appendingPathComponent("page-worklist.csv").path
        try FileManager.default.copyItem(atPath: report, toPath: worklist)
        let w = try falx(["audit", worklist, "--report", dir.appendingPathComponent("page.html").path])
        #expect(w.status == 2 && w.stderr.contains("the worklist \(worklist) is the input \(worklist)"), "\(w.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("page.html").path))
        // Two outputs on one file.
        let same = try falx([
            "audit", report, "-o", dir.appendingPathComponent("x.html").path, "--report",
            dir.appendingPathComponent("x.html").path,
        ])
        #expect(same.status == 2 && same.stderr.contains("are the same file"), "\(same.stderr)")
    }

    @Test func filesFalxWroteInAnInputFolderAreSkippedWithOneWarning() throws {
        let (dir, _) = try folderWithReport()
        let p = { (name: String) in dir.appendingPathComponent(name).path }
        // An audit (CSV with header), one with a BOM, one in JSON Lines, and a report page with its worklist.
        #expect(try falx(["audit", dir.path, "-o", p("audit.csv"), "--report", p("page.html"), "--quiet"]).status == 0)
        #expect(try falx(["audit", dir.path, "-o", p("excel.csv"), "--excel", "--quiet"]).status == 0)
        #expect(try falx(["audit", dir.path, "-o", p("audit.jsonl"), "--format", "jsonl", "--quiet"]).status == 0)
        let again = try falx(["audit", dir.path])
        #expect(again.status == 0, "\(again.stderr)")
        let rows = parseCSV(again.stdout)
        #expect(rows.dropFirst().map { $0[0] } == ["r.txt#1"])
        #expect(
            again.stderr.contains(
                "skipped 5 files Falx wrote (2 audit CSV, 1 audit JSON Lines, 1 worklist CSV, 1 HTML report)"),
            "\(again.stderr)")
        #expect(again.stderr.contains("1 records: 1 ok, 0 error"))
        // Writing over the previous audit inside the input folder is allowed: it is not an input.
        let rerun = try falx(["audit", dir.path, "-o", p("audit.csv"), "--report", p("page.html")])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(parseCSV(try bytes(p("audit.csv"))).count == 2)
        let page = String(decoding: try bytes(p("page.html")), as: UTF8.self)
        #expect(page.contains("<meta name=\"generator\" content=\"falx "))
    }

    @Test func theSameFileReachedTwiceIsReadOnce() throws {
        let (dir, report) = try folderWithReport()
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: sub.appendingPathComponent("link.txt").path, withDestinationPath: report)
        try FileManager.default.linkItem(atPath: report, toPath: sub.appendingPathComponent("hard.txt").path)
        let r = try falx(["audit", report, dir.path, report])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(parseCSV(r.stdout).dropFirst().map { $0[0] } == ["\(report)#1"])
        #expect(r.stderr.contains("\(dir.path)/r.txt is a file already read"), "\(r.stderr)")
        #expect(r.stderr.contains("4 files were reached twice and read once"))
        #expect(r.stderr.contains("1 records: 1 ok, 0 error"))
    }

    @Test func aMissingInputIsRefusedBeforeAnythingIsWritten() throws {
        let (dir, report) = try folderWithReport()
        let out = dir.appendingPathComponent("audit.csv").path
        let missing = dir.appendingPathComponent("site-b").path
        for quiet in [[], ["--quiet"]] {
            let r = try falx(["audit", report, missing, "-o", out] + quiet)
            #expect(r.status == 2, "\(r.stderr)")
            #expect(r.stderr.contains("no such file or folder: \(missing)"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let e = try falx(["explain", missing])
        #expect(e.status == 2 && e.stderr.contains("no such file or folder: \(missing)"), "\(e.stderr)")
        let rep = try falx(["report", missing, "-o", dir.appendingPathComponent("page.html").path])
        #expect(rep.status == 2 && rep.stderr.contains(missing))
    }

    @Test func versionHelpAndStandardInputForEveryFormat() throws {
        let v = try falx(["--version"])
        #expect(v.status == 0)
        #expect(String(decoding: v.stdout, as: UTF8.self).hasPrefix("falx 0.9.0, ruleset falx-rules-1.0"))
        let help = String(decoding: try falx(["audit", "--help"]).stdout, as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for format in ["plain-text", "JSON Lines", "HL7 v2 ER7", "HL7 v2 XML", "CDA R2", "FHIR JSON", "gzip", "'-'"] {
            #expect(help.contains(format), "audit --help lacks \(format)")
        }
        // '-' is read by content: plain text, and an HL7 message.
        let text = try falx(["audit", "-"], input: try bytes(Self.root.appendingPathComponent("\(Self.trust)/report.txt").path))
        let textRows = parseCSV(text.stdout)
        #expect(text.status == 0 && textRows.count == 2, "\(text.stderr)")
        #expect(textRows[1][0] == "stdin#1" && textRows[1][2] == "text" && textRows[1][12] == "present")
        let hl7Files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Corpus/formats/hl7").path
        )
        .sorted()
        let hl7 = try #require(hl7Files.first)
        let viaStdin = try falx(
            ["audit", "-"], input: try bytes(Self.root.appendingPathComponent("Corpus/formats/hl7/\(hl7)").path))
        #expect(viaStdin.status == 0)
        #expect(parseCSV(viaStdin.stdout).dropFirst().allSatisfy { $0[2] == "hl7v2" && $0[3] == "ok" })
        let twice = try falx(["audit", "-", "-"], input: Data())
        #expect(twice.status == 2 && twice.stderr.contains("'-' (standard input) is named more than once"))
        // explain reads '-' too.
        let explain = try falx(
            ["explain", "-"], input: try bytes(Self.root.appendingPathComponent("\(Self.trust)/report.txt").path))
        #expect(explain.status == 0 && String(decoding: explain.stdout, as: UTF8.self).contains("dural_calcification"))
    }

    @Test func aBadLexiconIsRefusedWithItsLineBeforeAnyReport() throws {
        let cases: [(file: String, message: String)] = [
            (
                "misspelt-concept.lex",
                "misspelt-concept.lex:2: unknown concept 'dural_calcifcation' (did you mean 'dural_calcification'?); valid concepts: atrophy,"
            ),
            (
                "unknown-near-class.lex",
                "unknown-near-class.lex:2: unknown word class 'calcium' in a near rule; defined classes: atrophyblock,"
            ),
            (
                "unknown-location.lex",
                "unknown-location.lex:2: unknown attribute 'sagittal'; valid attributes: convexity, falx, generic,"
            ),
            (
                "unknown-attribute.lex",
                "unknown-attribute.lex:2: unknown attribute 'negative'; valid attributes: convexity, falx, generic, interval, negated,"
            ),
            ("empty.lex", "empty.lex: the lexicon has no entries"),
        ]
        for c in cases {
            let path = "\(Self.trust)/\(c.file)"
            for flag in ["--lexicon-add", "--lexicon"] where !(c.file == "unknown-near-class.lex" && flag == "--lexicon") {
                let r = try falx(["audit", "Corpus", "-o", "/dev/null", flag, path])
                #expect(r.status == 64, "\(c.file) \(flag): \(r.stderr)")
                #expect(r.stderr.contains(c.message), "\(c.file) \(flag): \(r.stderr)")
                #expect(!r.stderr.contains("records:"), "no report may be read")
            }
        }
        // A replacing lexicon must define the classes Falx reads itself.
        let partial = try falx(["explain", "\(Self.trust)/report.txt", "--lexicon", "\(Self.trust)/site-wording.lex"])
        #expect(partial.status == 64 && partial.stderr.contains("defines no class 'recbaseline'"), "\(partial.stderr)")
    }

    @Test func lexiconAddExtendsTheBuiltInLexicon() throws {
        let report = "\(Self.trust)/site-wording.txt"
        let builtIn = parseCSV(try falx(["audit", report]).stdout)
        #expect(builtIn[1][12] == "not_mentioned")
        let added = try falx(["audit", report, "--lexicon-add", "\(Self.trust)/site-wording.lex"])
        #expect(added.status == 0, "\(added.stderr)")
        let rows = parseCSV(added.stdout)
        #expect(rows[1][12] == "present" && rows[1][13] == "falx")
        // The built-in entries still work beside the added ones.
        let corpus = try falx(["audit", "Corpus", "--lexicon-add", "\(Self.trust)/site-wording.lex", "--quiet"])
        #expect(corpus.stdout == (try falx(["audit", "Corpus", "--quiet"])).stdout)
    }

    @Test func evalRefusesAThresholdOutsideZeroToOne() throws {
        for bad in ["1.5", "-0.1", "nan"] {
            let r = try falx(["eval", "Corpus/corpus.gold.jsonl", "--min-accuracy=\(bad)"])
            #expect(r.status == 64 && r.stderr.contains("--min-accuracy must be a number between 0 and 1"), "\(bad): \(r.stderr)")
        }
    }
}
