import Foundation
import Testing

/// `--text-column`, `--field` and `--encoding` end to end, and their refusals.
@Suite(.serialized) struct ReadingFlagsCLITests {
    let cli = CLITests()

    func audit(_ files: [String: [UInt8]], _ args: [String]) throws -> (status: Int32, rows: [[String: String]], stderr: String) {
        let dir = try cli.temporaryDirectory()
        for (name, bytes) in files {
            _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data(bytes))
        }
        let r = try cli.falx(["audit"] + files.keys.sorted() + ["--format", "jsonl", "--quiet", "-o", "-"] + args, in: dir)
        // Typed JSON Lines (audit schema 2): each value as its CSV cell would read.
        func cell(_ v: Any) -> String {
            switch v {
            case let s as String: s
            case let list as [Any]: list.map(cell).joined(separator: ";")
            case is NSNull: ""
            default: "\(v)"
            }
        }
        let rows = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?.mapValues(cell)
        }
        return (r.status, rows, r.stderr)
    }

    static let csv = Array("AccNo,MRN,Dictation,Yrs\nA-1,P-1,\"Dense calcification of the falx cerebri.\",64\n".utf8)

    @Test func aCSVWithoutAKnownTextColumnIsOneErrorRowAndExitZero() throws {
        let r = try audit(["x.csv": Self.csv], [])
        #expect(r.status == 0)
        #expect(r.rows.count == 1)
        #expect(r.rows.first?["record_id"] == "x.csv#1" && r.rows.first?["status"] == "error")
        #expect(r.rows.first?["format"] == "csv")
        #expect(
            r.rows.first?["errors"]
                == "no-text-column: no report text column among the 4 columns ('AccNo', 'MRN', 'Dictation', 'Yrs'): name it with --text-column NAME"
        )
    }

    @Test func textColumnAndFieldMapTheColumns() throws {
        let r = try audit(
            ["x.csv": Self.csv], ["--text-column", "dictation", "--field", "accession=AccNo", "--field", "age=Yrs"])
        #expect(r.status == 0)
        let row = try #require(r.rows.first)
        #expect(r.rows.count == 1)
        #expect(row["status"] == "ok" && row["record_id"] == "x.csv#1" && row["source"] == "x.csv#1")
        #expect(row["accession"] == "A-1" && row["patient_id"] == "P-1" && row["age"] == "64")
        #expect(row["dural_calcification"] == "present")
    }

    @Test func fieldAppliesToJSONLinesKeys() throws {
        let line = Array(#"{"uid": "u-7", "body_text": "Falcine calcification.", "yrs": 70}"#.utf8) + [0x0A]
        let r = try audit(["r.jsonl": line], ["--field", "id=uid", "--field", "text=body_text", "--field", "age=yrs"])
        #expect(r.status == 0)
        #expect(
            r.rows.map { "\($0["record_id"]!) \($0["status"]!) \($0["age"]!) \($0["dural_calcification"]!)" } == [
                "u-7 ok 70 present"
            ])
    }

    @Test func encodingIsHonouredAndWindows1252IsDetectedWithAWarning() throws {
        let bytes =
            Array("FINDINGS: Caf".utf8) + [0xE9] + Array(" \u{0093}falx\u{0094} calcification.\n".utf8.filter { $0 < 0x80 })
        let detected = try audit(["r.txt": bytes], [])
        #expect(detected.rows.first?["warnings"] == "decoded-as-windows-1252: the bytes are not UTF-8, read as Windows-1252")
        let declared = try audit(["r.txt": bytes], ["--encoding", "windows-1252"])
        #expect(declared.status == 0 && declared.rows.first?["warnings"] == "")
        #expect(declared.rows.first?["dural_calcification"] == "present")
    }

    @Test(arguments: [
        (["--field", "nonsense"], "--field 'nonsense' is not FIELD=NAME"),
        (["--field", "age="], "--field 'age=' names no source column or key"),
        (["--field", "colour=x"], "unknown field 'colour'"),
        (["--encoding", "klingon"], "--encoding 'klingon' is not an encoding Falx reads"),
        (["--text-column", ""], "--text-column needs a column name"),
    ])
    func badReadingFlagsStopTheRunBeforeAnythingIsWritten(args: [String], message: String) throws {
        let dir = try cli.temporaryDirectory()
        let input = dir.appendingPathComponent("x.csv").path
        _ = FileManager.default.createFile(atPath: input, contents: Data(Self.csv))
        let out = dir.appendingPathComponent("audit.csv").path
        let r = try cli.falx(["audit", input, "-o", out] + args)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func helpListsEveryFormat() throws {
        let help = try cli.falx(["audit", "--help"])
        let text = String(decoding: help.stdout, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        for format in [
            "plain-text", "JSON Lines", "CSV/TSV", "JSON arrays", "HL7 v2 ER7", "HL7 v2 XML", "CDA R2", "FHIR JSON", "NDJSON",
            "gzip", "UTF-16", "Windows-1252", "--text-column", "--field", "--encoding",
        ] {
            #expect(text.contains(format), "\(format) is not in audit --help")
        }
    }
}
