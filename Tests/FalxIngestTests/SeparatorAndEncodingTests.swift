import Foundation
import Testing
@testable import FalxIngest

@Suite struct ReportSeparatorTests {
    static let r1 = "EXAM: CT head\nFINDINGS: Dense calcification of the falx cerebri.\n"
    static let r2 = "EXAM: MRI brain\nFINDINGS: No dural calcification.\n"
    static let r3 = "EXAM: CT head\nFINDINGS: Tentorial calcification.\n"

    func texts(_ name: String) throws -> [String] {
        try rows(read("separators/" + name)).map { row in
            #expect(row.status == "ok", "\(name): \(row)")
            return row.text
        }
    }

    @Test(arguments: ["rule_equals.txt", "rule_dashes.txt", "rule_stars.txt", "rule_underscores.txt", "form_feed.txt"])
    func eachSeparatorKindSplitsThreeReports(name: String) throws {
        let t = try texts(name)
        #expect(t.count == 3, "\(name): \(t)")
        guard t.count == 3 else { return }
        // A blank line next to a rule stays with its report; the report's own lines are all there.
        #expect(t.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) + "\n" } == [Self.r1, Self.r2, Self.r3])
        let ids = try rows(read("separators/" + name)).map(\.id)
        #expect(ids == (1...3).map { "separators/\(name)#\($0)" })
    }

    @Test func reportHeadersOfEveryMarkSplitAndAreNotReportText() throws {
        #expect(try texts("report_headers.txt") == [Self.r1, Self.r2, Self.r3])
    }

    @Test func endOfReportLinesCloseReportsAndATrailingOneMakesNoBlankRow() throws {
        #expect(
            try texts("end_of_report.txt").map { $0.trimmingCharacters(in: .newlines) + "\n" } == [Self.r1, Self.r2, Self.r3])
    }

    @Test func aHeadingUnderlineAndASectionDividerAreReportText() throws {
        let t = try texts("rules_inside_report.txt")
        #expect(t.count == 1)
        #expect(t.first?.contains("--------\nDense") == true && t.first?.contains("IMPRESSION") == true)
    }

    /// The borders of a structured report's table are report text; the rule between two such
    /// reports still separates them.
    @Test func aTablesBordersAreReportText() throws {
        let t = try texts("table_rules.txt")
        #expect(t.count == 2, "\(t)")
        #expect(t.first?.contains("Finding              | Result") == true && t.first?.contains("Conclusion: No acute") == true)
        #expect(t.last?.hasPrefix("CT HEAD - STRUCTURED REPORT\nPatient age: 64") == true)
    }

    @Test func aBlankReportAfterAHeaderIsStillAnErrorRow() {
        let parts = TextSeparators.split(Array("=== REPORT 1\nFalx.\n=== REPORT 2\n\n".utf8))
        #expect(parts.map(\.announced) == [true, true])
        #expect(TextSeparators.split(Array("Falx.\n=====\n\n".utf8)).count == 1)
    }
}

@Suite struct EncodingTests {
    static let text =
        "EXAM: CT head\nCLINICAL HISTORY: 70-year-old café owner, “worst headache” – fall.\nFINDINGS: Calcification of the falx cerebri. Room at 21°C.\nIMPRESSION: Falcine calcification.\n"

    @Test func windows1252IsDetectedAndDecodedWithAWarning() throws {
        #expect(
            rows(try read("encodings/windows1252.txt")) == [
                Row(id: "encodings/windows1252.txt#1", status: "ok", text: Self.text, warnings: [TextDecoding.windows1252Warning])
            ])
    }

    @Test func declaredWindows1252AndLatin1DecodeWithoutAWarning() throws {
        let cp = try read("encodings/windows1252.txt", ReadingOptions(encoding: .windows1252))
        #expect(rows(cp) == [Row(id: "encodings/windows1252.txt#1", status: "ok", text: Self.text)])
        // Latin-1 has no curly quotes or dash: the bytes 0x93, 0x94, 0x96 are C1 controls there.
        let latin = try rows(read("encodings/windows1252.txt", ReadingOptions(encoding: .latin1)))
        #expect(latin.count == 1 && latin[0].text.contains("café") && latin[0].text.contains("\u{93}worst"))
    }

    @Test(arguments: ["encodings/utf16le_bom.txt", "encodings/utf16be_bom.txt"])
    func utf16WithABOMIsConverted(name: String) throws {
        #expect(rows(try read(name)) == [Row(id: "\(name)#1", status: "ok", text: Self.text)])
    }

    @Test func utf16IsConvertedWhateverTheBlockSize() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try fixture("encodings/utf16le_bom.txt"))))
        for size in [1, 3, 5] {
            var out: [Record] = []
            InputWalker().forEachRecord(inMemory: bytes, entry: .init(path: "u.txt", recordBase: "u.txt"), blockSize: size) {
                out.append($0)
            }
            #expect(rows(out) == [Row(id: "u.txt#1", status: "ok", text: Self.text)], "block size \(size)")
        }
    }

    @Test func damagedUTF8IsReplacedAndTheRowSaysHowMuch() throws {
        #expect(
            rows(try read("encodings/damaged_utf8.txt")) == [
                Row(
                    id: "encodings/damaged_utf8.txt#1", status: "ok",
                    text: "FINDINGS: Falcine calcification — stable. \u{FFFD}\u{FFFD} end.\n",
                    warnings: ["invalid UTF-8: 2 byte sequences replaced with U+FFFD"])
            ])
    }

    @Test func aDeclaredUTF8NeverGuessesWindows1252() throws {
        let r = try rows(read("encodings/windows1252.txt", ReadingOptions(encoding: .utf8)))
        #expect(r.count == 1 && r[0].warnings == ["invalid UTF-8: 5 byte sequences replaced with U+FFFD"])
    }

    @Test func csvCellsAreDecodedPerRow() throws {
        let bytes: [UInt8] = Array("id,text\na,Caf".utf8) + [0xE9] + Array(" falx.\nb,Plain.\n".utf8)
        let path = try temporaryFile(bytes, name: "cp.csv")
        #expect(
            rows(InputWalker().records(of: .init(path: path, recordBase: "cp.csv"))) == [
                Row(id: "a", status: "ok", text: "Café falx.", warnings: [TextDecoding.windows1252Warning]),
                Row(id: "b", status: "ok", text: "Plain."),
            ])
    }

    @Test func encodingNamesOnTheCommandLine() {
        #expect(TextEncoding(name: "UTF8") == .utf8 && TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "ISO-8859-1") == .latin1 && TextEncoding(name: "utf-16") == .utf16)
        #expect(TextEncoding(name: "klingon") == nil)
    }
}

@Suite struct HL7CharacterSetTests {
    @Test func msh18Of8859Slash1IsReadAsLatin1WithoutAWarning() throws {
        let head = "MSH|^~\\&|RIS|HOSP|||20240102080000||ORU^R01|1|P|2.5||||||8859/1\rPID|||P1^^^H^MR\rOBR|1||ACC1\r"
        let bytes = Array((head + "OBX|1|TX|||Caf").utf8) + [0xE9] + Array(" falx calcification.\r".utf8)
        let path = try temporaryFile(bytes, name: "m.hl7")
        #expect(
            rows(InputWalker().records(of: .init(path: path, recordBase: "m.hl7"))) == [
                Row(id: "ACC1", status: "ok", text: "Café falx calcification.")
            ])
    }
}

@Suite struct UTF16XMLTests {
    @Test func aUTF16CDAIsConvertedAndItsDeclarationRelabelled() throws {
        let cda = String(decoding: try Data(contentsOf: URL(fileURLWithPath: try fixture("xml/cda_ct_head.xml"))), as: UTF8.self)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let bytes: [UInt8] = [0xFF, 0xFE] + cda.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try temporaryFile(bytes, name: "cda16.xml")
        let utf16 = InputWalker().records(of: .init(path: path, recordBase: "cda16.xml"))
        let utf8 = InputWalker().records(of: .init(path: try fixture("xml/cda_ct_head.xml"), recordBase: "cda16.xml"))
        #expect(utf16.count == 1 && (try? utf16[0].get()) != nil)
        #expect((try? utf16[0].get().text) == (try? utf8[0].get().text))
        #expect(
            TextDecoding.relabelledXMLDeclaration(Array("<?xml version='1.0' encoding='utf-16'?><a/>".utf8))
                == Array("<?xml version='1.0' encoding='UTF-8'?><a/>".utf8))
    }
}
