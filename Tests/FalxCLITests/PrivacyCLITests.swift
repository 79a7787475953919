import Foundation
import Testing

/// With `--pseudonymise`: resume works, no message names a raw identifier, and what the reader knows
/// of the patient never reaches the audit.
extension CLITests {
    /// A 32-byte key file in `dir`.
    func keyFile(in dir: URL) throws -> String {
        let key = dir.appendingPathComponent("falx.key")
        try Data((0..<32).map { UInt8($0 * 7 % 256) }).write(to: key)
        return key.path
    }

    @Test func resumeContinuesAPseudonymisedPartialAudit() throws {
        let dir = try temporaryDirectory()
        let key = try keyFile(in: dir)
        let input = dir.appendingPathComponent("in.jsonl")
        try jsonLines(300).write(to: input)
        let reference = dir.appendingPathComponent("reference.csv")
        #expect(try falx(["audit", input.path, "-o", reference.path, "--pseudonymise", key, "--quiet"]).status == 0)
        // The partial an interrupted run leaves: the header and the first 120 rows.
        let full = try Data(contentsOf: reference)
        let lines = full.split(separator: 0x0A, omittingEmptySubsequences: false)
        let out = dir.appendingPathComponent("out.csv").path
        try Data((lines.prefix(121).joined(separator: [0x0A])) + [0x0A]).write(to: URL(fileURLWithPath: out + ".partial"))
        // With its provenance beside it, as an interrupted run leaves it.
        try FileManager.default.copyItem(atPath: reference.path + ".meta.json", toPath: out + ".partial.meta.json")
        let resumed = try falx(["audit", input.path, "-o", out, "--pseudonymise", key, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after 120 rows"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == full)
    }

    @Test func aRefusedResumeNamesNoRawIdentifierWhenAKeyIsInUse() throws {
        let dir = try temporaryDirectory()
        let key = try keyFile(in: dir)
        func lines(_ prefix: String) -> Data {
            Data((1...40).map { #"{"id":"\#(prefix)-\#($0)","text":"Calcified falx."}"# }.joined(separator: "\n").utf8)
        }
        let mine = dir.appendingPathComponent("mine.jsonl")
        let theirs = dir.appendingPathComponent("theirs.jsonl")
        try lines("SECRET").write(to: theirs)
        try lines("PRIVATE").write(to: mine)
        let out = dir.appendingPathComponent("out.csv").path
        // A partial of other inputs, written without the key, then one written with it.
        for keyed in [false, true] {
            let args = ["audit", theirs.path, "-o", out + ".partial", "--quiet"] + (keyed ? ["--pseudonymise", key] : [])
            #expect(try falx(args).status == 0)
            let r = try falx(["audit", mine.path, "-o", out, "--pseudonymise", key, "--resume"])
            #expect(r.status == 2 && r.stderr.contains("does not match"), "\(r.stderr)")
            #expect(!r.stderr.contains("SECRET") && !r.stderr.contains("PRIVATE"), "\(r.stderr)")
            // Paths can name patients: with a key in use they are not printed either.
            #expect(!r.stderr.contains("theirs.jsonl") && !r.stderr.contains("mine.jsonl"), "\(r.stderr)")
        }
    }

    @Test func thePatientsNameBirthDateAndAccessionLeaveNoTrace() throws {
        let dir = try temporaryDirectory()
        let key = try keyFile(in: dir)
        let message =
            "MSH|^~\\&|RIS|GH|EHR|GH|20240315103000||ORU^R01|M1|P|2.5.1\r"
            + "PID|1||123456^^^GH^MR||Doe^Jane||19521104|F\r"
            + "OBR|1|PL1|FIL1|71250^CT HEAD^CPT|||20240315101500|||||||||||AB7731\r"
            + "OBX|1|TX|18782-3^Impression||Dense calcification of the falx in jane doe (born 4-Nov-1952, "
            + "04NOV1952, 1952-Nov-04, Nov-4-1952, 4.Nov.1952), accession ab-7731, AB 7731, mrs doe, ＤＯＥ.||||||F\r"
        let input = dir.appendingPathComponent("pid.hl7")
        try Data(message.utf8).write(to: input)
        let r = try falx(["audit", input.path, "--pseudonymise", key, "--format", "jsonl", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let row = String(decoding: r.stdout, as: UTF8.self)
        #expect(row.contains("Dense calcification of the falx in [NAME] [NAME] (born [DATE], [DATE]"), "\(row)")
        for leaked in ["jane", "doe", "ｄｏｅ", "1952", "nov", "7731", "123456"] {
            #expect(!row.lowercased().contains(leaked), "\(leaked) in \(row)")
        }
    }
}

/// Report targets that are not regular files are refused, never replaced.
extension CLITests {
    @Test func aReportIsNeverRenamedOverAFIFOOrAFolder() throws {
        let dir = try temporaryDirectory()
        let fifo = dir.appendingPathComponent("page.html").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let folder = dir.appendingPathComponent("folder.html").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let audit = dir.appendingPathComponent("a.csv").path
        #expect(try falx(["audit", "Corpus/formats", "-o", audit, "--quiet"]).status == 0)
        for target in [fifo, folder] {
            let viaAudit = try falx([
                "audit", "Corpus/formats", "-o", dir.appendingPathComponent("b.csv").path, "--report", target,
            ])
            let viaReport = try falx(["report", audit, "-o", target])
            for r in [viaAudit, viaReport] {
                #expect(r.status == 2, "\(r.stderr)")
                #expect(r.stderr.contains(target) && r.stderr.contains("not a regular file"), "\(r.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: worklistPath(target)))
        }
        var st = stat()
        #expect(stat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.csv").path))
    }

    func worklistPath(_ page: String) -> String { (page as NSString).deletingPathExtension + "-worklist.csv" }
}
