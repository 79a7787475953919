import FalxCore
import Foundation
import Testing

/// No silent wrong result: outputs never destroy or pollute inputs, a file is read once, a missing
/// input or a bad lexicon is refused before anything is read, and the command line says what it reads.
extension CLITests {
    /// The ruleset version the binary reports.
    static var rulesetVersion: String { Ruleset.default.version }

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
        // An output hard-linked into an input folder is met during the walk: the run stops, the output stays.
        let outside = try temporaryDirectory().appendingPathComponent("out.csv").path
        try FileManager.default.copyItem(atPath: report, toPath: outside)
        try FileManager.default.linkItem(atPath: outside, toPath: dir.appendingPathComponent("zz-copy.txt").path)
        let hard2 = try falx(["audit", dir.path, "-o", outside])
        #expect(hard2.status == 2, "\(hard2.stderr)")
        #expect(hard2.stderr.contains("-o \(outside) is the input \(dir.path)/zz-copy.txt"), "\(hard2.stderr)")
        #expect(hard2.stderr.contains("The run stopped; no output was written"))
        #expect(try bytes(outside) == original)
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
                "skipped 8 files Falx wrote (2 audit CSV, 1 audit JSON Lines, 1 worklist CSV, 1 HTML report, 3 provenance JSON)"),
            "\(again.stderr)")
        #expect(again.stderr.contains("1 records: 1 ok, 0 error"))
        // Named as an input, Falx's own output (a pseudonymised audit fed back, say) is refused.
        for (name, kind) in [("audit.csv", "audit CSV"), ("audit.jsonl", "audit JSON Lines"), ("page.html", "HTML report")] {
            let named = try falx(["audit", p(name)])
            #expect(named.status == 2, "\(named.stderr)")
            #expect(named.stderr.contains("\(p(name)) is Falx's own \(kind) (an output, not a report): nothing was read"))
        }
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
        #expect(parseCSV(r.stdout).dropFirst().map { $0[0] } == ["r.txt#1"])  // named as the first input
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
        #expect(String(decoding: v.stdout, as: UTF8.self).hasPrefix("falx 0.9.0, ruleset \(Self.rulesetVersion)"))
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
                "unknown-near-class.lex:2: unknown word class 'calcium' in a near rule; defined classes: agephrase, atrophyblock,"
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
        // The built-in entries still work beside the added ones: every Corpus row whose report does
        // not use the added wording is the same.
        func rowsWithoutTheAddedWording(_ csv: Data) -> [Substring] {
            String(decoding: csv, as: UTF8.self).split(separator: "\n").filter {
                !$0.lowercased().contains("falcine hyperdensity")
            }
        }
        let corpus = try falx(["audit", "Corpus", "--lexicon-add", "\(Self.trust)/site-wording.lex", "--quiet"])
        let plain = try falx(["audit", "Corpus", "--quiet"])
        #expect(rowsWithoutTheAddedWording(corpus.stdout) == rowsWithoutTheAddedWording(plain.stdout))
        #expect(rowsWithoutTheAddedWording(plain.stdout).count > 600)
    }

    @Test func evalRefusesAThresholdOutsideZeroToOne() throws {
        for bad in ["1.5", "-0.1", "nan"] {
            let r = try falx(["eval", "Corpus/corpus.gold.jsonl", "--min-accuracy=\(bad)"])
            #expect(r.status == 64 && r.stderr.contains("--min-accuracy must be a number between 0 and 1"), "\(bad): \(r.stderr)")
        }
    }
}

/// Provenance beside every audit file, and a resume that cannot mix runs.
extension CLITests {
    func provenance(_ path: String) throws -> [String: Any] {
        let data = try bytes(path + ".meta.json")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyAuditFileHasItsProvenanceAndThePageShowsIt() throws {
        let (dir, _) = try folderWithReport()
        let out = dir.appendingPathComponent("out/audit.csv").path
        try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("out").path, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("out/page.html").path
        let r = try falx(["audit", dir.path, "-o", out, "--report", page, "--excel"])
        #expect(r.status == 0, "\(r.stderr)")
        let meta = try provenance(out)
        #expect(meta["falx_version"] as? String == "0.9.0" && meta["ruleset_version"] as? String == Self.rulesetVersion)
        #expect(meta["lexicon_name"] as? String == "falx-default-1.0")
        #expect((meta["lexicon_sha256"] as? String)?.count == 64)
        #expect(meta["format"] as? String == "csv" && meta["excel_bom"] as? Bool == true && meta["header"] as? Bool == true)
        #expect(meta["pseudonymisation_key_fingerprint"] == nil && meta["date_precision"] == nil)
        #expect(meta["inputs"] as? [String] == [dir.standardizedFileURL.path])
        #expect((meta["audit_columns"] as? [String])?.first == "record_id")
        let html = String(decoding: try bytes(page), as: UTF8.self)
        #expect(html.contains("Provenance: Falx 0.9.0, ruleset \(Self.rulesetVersion), lexicon falx-default-1.0 (sha256 "))
        // `falx report` shows the audit's provenance file too, and says when there is none.
        let again = dir.appendingPathComponent("out/again.html").path
        #expect(try falx(["report", out, "-o", again]).status == 0)
        #expect(String(decoding: try bytes(again), as: UTF8.self).contains("Provenance: Falx 0.9.0"))
        let bare = dir.appendingPathComponent("out/bare.csv").path
        try FileManager.default.copyItem(atPath: out, toPath: bare)
        #expect(try falx(["report", bare, "-o", again]).status == 0)
        #expect(String(decoding: try bytes(again), as: UTF8.self).contains("Provenance: no provenance file"))
        // A pseudonymised run records the key's fingerprint, never the key.
        let key = dir.appendingPathComponent("k.key").path
        let keyBytes = Data((0..<32).map { UInt8($0 * 7 % 256) })
        try keyBytes.write(to: URL(fileURLWithPath: key))
        let pseudo = dir.appendingPathComponent("out/pseudo.csv").path
        #expect(try falx(["audit", dir.path, "-o", pseudo, "--pseudonymise", key, "--date-precision", "year"]).status == 0)
        let p = try provenance(pseudo)
        let fingerprint = try #require(p["pseudonymisation_key_fingerprint"] as? String)
        #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit))
        let keyHex = keyBytes.map { String(format: "%02x", $0) }.joined()
        #expect(!String(decoding: try bytes(pseudo + ".meta.json"), as: UTF8.self).contains(keyHex.prefix(16)))
        #expect(p["date_precision"] as? String == "year")
    }

    @Test func resumeRefusesAnyOutputChangingDifferenceAndKeepsThePartial() throws {
        let (dir, report) = try folderWithReport()
        let second = dir.appendingPathComponent("s.txt").path
        try FileManager.default.copyItem(atPath: report, toPath: second)
        let out = dir.appendingPathComponent("audit.csv").path
        let partial = out + ".partial"
        // A finished run written under the partial's name stands for an interrupted one.
        #expect(try falx(["audit", report, second, "-o", partial, "--quiet"]).status == 0)
        let kept = try bytes(partial)
        let key = dir.appendingPathComponent("k.key").path
        try Data(repeating: 0x5A, count: 32).write(to: URL(fileURLWithPath: key))
        let lexicon = "\(Self.trust)/site-wording.lex"
        let cases: [(extra: [String], difference: String)] = [
            (["--pseudonymise", key], "pseudonymisation key: none → "),
            (["--lexicon-add", lexicon], "lexicon: falx-default-1.0 (sha256 "),
            (["--format", "jsonl"], "--format: csv → jsonl"),
            (["--excel"], "--excel: off → on"),
            (["--max-record-mb", "1"], "--max-record-mb: 8 → 1"),
            (["--encoding", "windows-1252"], "reading (--text-column, --field, --encoding): none → --encoding windows-1252"),
            (
                ["--field", "accession=acc", "--text-column", "body"],
                "reading (--text-column, --field, --encoding): none → --text-column body --field accession=acc"
            ),
        ]
        for c in cases {
            let r = try falx(["audit", report, second, "-o", out, "--resume"] + c.extra)
            #expect(r.status == 2, "\(c.extra): \(r.stderr)")
            #expect(r.stderr.contains("does not match this run (\(c.difference)"), "\(c.extra): \(r.stderr)")
            #expect(r.stderr.contains("the partial file is kept"))
            #expect(try bytes(partial) == kept && !FileManager.default.fileExists(atPath: out))
        }
        // Same options, but an input file gone since: the record count no longer fits.
        try FileManager.default.removeItem(atPath: second)
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: false)
        let fewer = try falx(["audit", report, second, "-o", out, "--resume"])
        #expect(fewer.status == 2 && fewer.stderr.contains("has 2 rows but the inputs hold only 1 records"), "\(fewer.stderr)")
        // A partial with no provenance file cannot be checked: refused, kept.
        try FileManager.default.removeItem(atPath: partial + ".meta.json")
        let bare = try falx(["audit", report, "-o", out, "--resume"])
        #expect(bare.status == 2 && bare.stderr.contains("has no provenance file"), "\(bare.stderr)")
        #expect(try bytes(partial) == kept)
        // Nothing to resume is said even with --quiet, and the run starts from the first record.
        let fresh = dir.appendingPathComponent("fresh.csv").path
        let none = try falx(["audit", report, "-o", fresh, "--resume", "--quiet"])
        #expect(none.status == 0 && none.stderr.contains("nothing to resume for \(fresh)"))
        #expect(FileManager.default.fileExists(atPath: fresh + ".meta.json"))
    }
}

/// `falx eval` scores only a whole, valid gold file, the same from any working directory.
extension CLITests {
    @Test func evalGivesTheSameScoresFromAnyFolderAndRefusesUnknownLabels() throws {
        let fromRoot = try falx(["eval", "\(Self.trust)/gold.jsonl"])
        #expect(fromRoot.status == 0, "\(fromRoot.stderr)")
        let text = String(decoding: fromRoot.stdout, as: UTF8.self)
        #expect(text.contains("Falx evaluation: 2 gold records") && fromRoot.stderr.isEmpty)
        #expect(text.contains("dural_calcification macro-F1 0.333 (present, uncertain, absent)"))
        let inside = try falx(["eval", "gold.jsonl"], in: Self.root.appendingPathComponent(Self.trust))
        #expect(inside.status == 0 && inside.stdout == fromRoot.stdout, "\(inside.stderr)")

        let typos = try falx(["eval", "\(Self.trust)/gold-typos.jsonl"])
        #expect(typos.status == 2, "\(typos.stderr)")
        for expected in [
            "gold line 2: unknown label key 'dural_calcificaton'; valid keys: age, atrophy,",
            "gold line 3: unknown value 'presnt' for label 'dural_calcification'; valid values: absent, not_mentioned, present, uncertain",
            "gold line 4: unknown value 'maybe' for label 'davf'",
            "has 3 bad line(s); fix them and run again",
        ] {
            #expect(typos.stderr.contains(expected), "\(expected)\n\(typos.stderr)")
        }
        #expect(typos.stdout.isEmpty)
    }
}

extension CLITests {
    @Test func anInterruptedRunWithAReportLeavesAResumableState() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("in.jsonl")
        try jsonLines(6_000).write(to: input)
        let reference = try falx(["audit", input.path, "--quiet"])
        let out = dir.appendingPathComponent("out.csv").path
        let page = dir.appendingPathComponent("page.html").path
        let p = try start(["audit", input.path, "-o", out, "--report", page, "--jobs", "1"], stderr: Pipe())
        #expect(waitForPartial(in: dir, prefix: ".out.csv."))
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        if p.terminationStatus == 0 { return }  // finished before the signal landed: nothing to test
        #expect(p.terminationStatus == 130)
        #expect(FileManager.default.fileExists(atPath: out + ".partial"))
        #expect(FileManager.default.fileExists(atPath: out + ".partial.meta.json"))
        #expect(!FileManager.default.fileExists(atPath: page))
        let resumed = try falx(["audit", input.path, "-o", out, "--report", page, "--jobs", "1", "--resume"])
        #expect(resumed.status == 0 && resumed.stderr.contains("resuming after"), "\(resumed.stderr)")
        #expect(try bytes(out) == reference.stdout)
        #expect(FileManager.default.fileExists(atPath: page) && FileManager.default.fileExists(atPath: out + ".meta.json"))
        #expect(!FileManager.default.fileExists(atPath: out + ".partial.meta.json"))
    }
}
