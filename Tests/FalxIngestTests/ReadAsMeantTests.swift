import Foundation
import Testing
@testable import FalxIngest

/// One row as the tests compare it: the id, `ok` or the error code, and the text or the message.
struct Row: Equatable, CustomStringConvertible {
    var id: String
    var status: String
    var text: String
    var warnings: [String] = []
    var description: String { "\(id) \(status) \(text.debugDescription) \(warnings)" }
}

func rows(_ records: [Record]) -> [Row] {
    records.map { r in
        switch r {
        case .success(let x):
            Row(id: x.recordID, status: "ok", text: String(decoding: x.text, as: UTF8.self), warnings: x.warnings)
        case .failure(let e): Row(id: e.recordID, status: e.code.rawValue, text: e.message)
        }
    }
}

func read(_ name: String, _ options: ReadingOptions = ReadingOptions()) throws -> [Record] {
    var walker = InputWalker()
    walker.reading = options
    return walker.records(of: .init(path: try fixture(name), recordBase: name))
}

@Suite struct CSVReaderTests {
    @Test func risExportGivesOneReportPerRowWithItsColumns() throws {
        let records = try read("tabular/ris_export.csv")
        let base = "tabular/ris_export.csv"
        #expect(
            rows(records) == [
                Row(
                    id: "\(base)#1", status: "ok",
                    text:
                        "FINDINGS:\r\nDense calcification of the falx cerebri.\r\nIMPRESSION:\r\nFalcine calcification, likely \"physiological\"."
                ),
                Row(id: "\(base)#2", status: "ok", text: "No dural calcification. No acute abnormality."),
                Row(
                    id: "\(base)#3", status: "ok",
                    text: "Smooth dural thickening and enhancement.\r\n\r\nNo falcine calcification."),
                Row(id: "\(base)#4", status: "bad-csv", text: "row 4 (line 11) has 8 fields; the header has 9"),
                Row(id: "\(base)#5", status: "ok", text: "Tentorial calcification."),
            ])
        let first = try records[0].get()
        #expect(first.format == .csv)
        #expect(first.source.hasSuffix("ris_export.csv#1"))
        var m = ReportMetadata()
        m.accession = "RIS-1001"
        m.patientID = "MRN-501"
        m.studyDateTime = "2024-03-04"
        m.procedure = "CT HEAD WO CONTRAST"
        m.interpreter = "Smith, Jane"
        m.facility = "North"
        m.age = 67
        m.sex = "F"
        #expect(first.metadata == m)
        let third = try records[2].get().metadata
        #expect(third.age == 52 && third.sex == "F" && third.facility == "South")
        let fifth = try records[4].get().metadata
        #expect(fifth.accession == "" && fifth.age == nil && fifth.patientID == "MRN-505")
    }

    /// An export saved under another name is still read row by row, never as one giant report; a
    /// prose report whose first line has commas and a field word stays a report.
    @Test func anExportSavedAsTextIsReadByItsHeaderRow() throws {
        let records = try read("tabular/ris_export_saved_as.txt")
        #expect(
            rows(records) == [
                Row(
                    id: "tabular/ris_export_saved_as.txt#1", status: "ok",
                    text: "CT head: calcification of the falx cerebri, likely physiological."),
                Row(id: "tabular/ris_export_saved_as.txt#2", status: "ok", text: "CT head: normal study."),
            ])
        let first = try records[0].get()
        #expect(first.format == .csv && first.metadata.accession == "TX-501")
        let prose = try read("tabular/prose_with_commas.txt")
        #expect(prose.count == 1)
        #expect(try prose[0].get().format == .text)
    }

    @Test(arguments: [
        ("Accession,Exam Date,Report Text", true),
        ("id;narrative;radiologist", true),
        ("MRN\tFindings\tImpression", true),
        // Field words without a text column, or prose with commas: not an export.
        ("Accession,Exam Date,Radiologist", false),
        ("CT HEAD, ACCESSION 4471, REPORT", false),
        ("Findings, impression and report text reviewed with the registrar.", false),
        ("Patient: Jane Doe, MRN: 123, Report: see below", false),
        // Section names alone are a report's opening line, not a header row.
        ("Findings, impression, recommendations:", false),
        ("FINDINGS,IMPRESSION,TEXT", false),
    ])
    func aHeaderRowIsRecognised(_ line: String, _ expected: Bool) {
        let bytes = Array((line.replacingOccurrences(of: "\\t", with: "\t") + "\nA,B,C\n").utf8)
        #expect(DelimitedTextReader.looksLikeExport(bytes, names: FieldNames()) == expected, "\(line)")
    }

    @Test func semicolonExportWithBOMAndIdColumn() throws {
        #expect(
            rows(try read("tabular/ris_semicolon.csv")) == [
                Row(id: "S-1", status: "ok", text: "Calcification of the falx; no mass effect."),
                Row(id: "S-2", status: "ok", text: "Line one\nline two: \"quoted\" word"),
            ])
        #expect(try read("tabular/ris_semicolon.csv")[0].get().metadata.accession == "A-77")
    }

    @Test func tsvJoinsFindingsAndImpressionAsSections() throws {
        let records = try read("tabular/findings_impression.tsv")
        #expect(
            rows(records) == [
                Row(
                    id: "tabular/findings_impression.tsv#1", status: "ok",
                    text: "FINDINGS:\nDense falcine calcification.\n\nIMPRESSION:\nIncidental falx calcification."),
                Row(id: "tabular/findings_impression.tsv#2", status: "ok", text: "FINDINGS:\nNo acute intracranial abnormality."),
            ])
        let m = try records[0].get().metadata
        #expect(m.accession == "T-1" && m.patientID == "P-1" && m.studyDateTime == "2023-11-02")
    }

    @Test func aCSVWithoutATextColumnIsOneErrorRowNamingTheColumnsAndTheFlag() throws {
        #expect(
            rows(try read("tabular/unknown_text_column.csv")) == [
                Row(
                    id: "tabular/unknown_text_column.csv#1", status: "no-text-column",
                    text: "no report text column among the 3 columns ('acc', 'mrn', 'dictation'): name it with --text-column NAME"
                )
            ])
        var options = ReadingOptions()
        options.fields = try ReadingOptions.fieldNames(["accession=ACC", "patient_id=mrn"], textColumn: "Dictation").get()
        let named = try read("tabular/unknown_text_column.csv", options)
        #expect(rows(named) == [Row(id: "tabular/unknown_text_column.csv#1", status: "ok", text: "Falcine calcification.")])
        #expect(try named[0].get().metadata.accession == "X-1")
    }

    @Test func anUnterminatedQuoteIsAnErrorRowAndTheNextLinesAreRead() throws {
        #expect(
            rows(try read("tabular/unterminated_quote.csv")) == [
                Row(id: "q-1", status: "ok", text: "Falx calcified."),
                Row(
                    id: "tabular/unterminated_quote.csv#2", status: "bad-csv",
                    text: "row 2 (line 3) opens a quote that never closes"),
                Row(id: "q-3", status: "ok", text: "Tentorial calcification."),
            ])
    }

    @Test func rowsAreTheSameWhateverTheBlockSize() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try fixture("tabular/ris_export.csv"))))
        let whole = try read("tabular/ris_export.csv")
        for size in [1, 2, 3, 7, 64] {
            var out: [Record] = []
            InputWalker().forEachRecord(
                inMemory: bytes, entry: .init(path: try fixture("tabular/ris_export.csv"), recordBase: "tabular/ris_export.csv"),
                blockSize: size
            ) { out.append($0) }
            #expect(rows(out) == rows(whole), "block size \(size)")
        }
    }

    @Test func aRowOverTheSizeLimitIsAnErrorRowAndTheNextRowIsRead() throws {
        let long = String(repeating: "calcification ", count: 200)
        let csv = "id,text\na,\"\(long)\"\nb,Falx.\n"
        let path = try temporaryFile(Array(csv.utf8), name: "long.csv")
        var walker = InputWalker(maxLineBytes: 1000)
        walker.reading = ReadingOptions()
        #expect(
            rows(walker.records(of: .init(path: path, recordBase: "long.csv"))) == [
                Row(id: "long.csv#1", status: "row-too-long", text: "row 1 (line 2) is longer than 1000 bytes"),
                Row(id: "b", status: "ok", text: "Falx."),
            ])
    }

    @Test func scannerSplitsQuotedFieldsAndCRLF() {
        let scanner = DelimitedRowScanner(delimiter: 0x2C)
        let bytes = Array("a,\"b,\"\"c\"\"\r\nd\",e\r\nnext".utf8)
        #expect(
            scanner.scan(bytes, from: 0, atEOF: false)
                == .row(
                    fields: [Array("a".utf8), Array("b,\"c\"\r\nd".utf8), Array("e".utf8)], end: 18, lines: 2, malformed: nil))
        #expect(scanner.scan(bytes, from: 18, atEOF: false) == .needMore)
        #expect(
            scanner.scan(bytes, from: 18, atEOF: true) == .row(fields: [Array("next".utf8)], end: 22, lines: 1, malformed: nil))
        #expect(
            scanner.scan(Array("\"a\"b,c\n".utf8), from: 0, atEOF: true)
                == .row(
                    fields: [Array("ab".utf8), Array("c".utf8)], end: 7, lines: 1, malformed: "text after a closing quote"))
        #expect(DelimitedRowScanner.sniffDelimiter(Array("a;b;\"c,d,e\"\n".utf8), preferTab: false) == 0x3B)
        #expect(DelimitedRowScanner.sniffDelimiter(Array("a\tb\n".utf8), preferTab: false) == 0x09)
    }
}

@Suite struct FieldMappingTests {
    @Test func commonNamesMatchWhateverTheirCaseAndSpacing() {
        let names = FieldNames()
        #expect(names.match(Array("Report Text".utf8))?.field == .text)
        #expect(names.match(Array("REPORT_TEXT".utf8))?.field == .text)
        #expect(names.match(Array("Accession No.".utf8))?.field == .accession)
        #expect(names.match(Array("DOB".utf8))?.field == .birthDate)
        #expect(names.match(Array("dictation".utf8)) == nil)
        #expect(names.columns(of: ["report", "text", "id"].map { Array($0.utf8) }) == [.text: 1, .id: 2])
    }

    @Test func anOverrideTakesTheNameFromItsOldField() throws {
        let names = try ReadingOptions.fieldNames(["accession=exam", "text=Body Text"], textColumn: nil).get()
        #expect(names.match(Array("exam".utf8))?.field == .accession)
        #expect(names.match(Array("body_text".utf8))?.field == .text)
        #expect(names.match(Array("text".utf8)) == nil)
    }

    @Test(arguments: [
        ("nonsense", "--field 'nonsense' is not FIELD=NAME (for example --field accession=AccNo)"),
        ("age=", "--field 'age=' names no source column or key after '='"),
        ("colour=x", "--field 'colour=x': unknown field 'colour'; fields: "),
    ])
    func badFieldValuesAreRefused(spec: String, message: String) {
        guard case .failure(let e) = ReadingOptions.fieldNames([spec], textColumn: nil) else {
            Issue.record("accepted \(spec)")
            return
        }
        #expect(e.description.hasPrefix(message))
    }

    @Test func jsonLinesReadReportTextAndAStringAge() throws {
        for fast in [true, false] {
            let line = Array(#"{"id": "r", "report_text": "Falx.", "age": "52", "Patient ID": "P-1"}"#.utf8)[...]
            let r = JSONLinesReader.record(line: line, lineNumber: 1, recordBase: "f", source: "f", fastPath: fast)
            let report = try? r.get()
            #expect(report?.text == Array("Falx.".utf8), "fast path \(fast)")
            #expect(report?.metadata.age == 52 && report?.metadata.patientID == "P-1", "fast path \(fast)")
        }
        // `text` is the best name: it wins over `report` whichever comes first.
        let both = Array(#"{"text": "first", "report": "second"}"#.utf8)[...]
        #expect(
            try JSONLinesReader.record(line: both, lineNumber: 1, recordBase: "f", source: "f").get().text == Array("first".utf8))
        let mapped = try ReadingOptions.fieldNames(["text=dictation", "id=study_uid"], textColumn: nil).get()
        let custom = Array(#"{"study_uid": "u1", "dictation": "Falx.", "text": "not this"}"#.utf8)[...]
        let r = try? JSONLinesReader.record(
            line: custom, lineNumber: 1, recordBase: "f", source: "f", options: ReadingOptions(fields: mapped)
        ).get()
        #expect(r?.recordID == "u1" && r?.text == Array("Falx.".utf8))
    }
}

@Suite struct JSONArrayTests {
    @Test func oneReportPerElementAndAnErrorRowForANonObject() throws {
        let records = try read("tabular/reports_array.json")
        let base = "tabular/reports_array.json"
        #expect(
            rows(records) == [
                Row(id: "J-1", status: "ok", text: "Dense calcification of the falx cerebri."),
                Row(id: "\(base)#2", status: "ok", text: "No dural calcification."),
                Row(id: "\(base)#3", status: "bad-json", text: "element 3 is not a JSON object"),
                Row(id: "4", status: "ok", text: "Tentorial calcification.\nNo acute abnormality."),
            ])
        let first = try records[0].get()
        #expect(first.format == .json && first.metadata.age == 61 && first.metadata.sex == "M")
        #expect(try records[1].get().metadata.age == 48)
        #expect(try records[1].get().metadata.accession == "J-ACC-2")
    }

    @Test func aTruncatedArrayEndsInAnErrorRowForTheRest() throws {
        #expect(
            rows(try read("tabular/truncated_array.json")) == [
                Row(id: "K-1", status: "ok", text: "Falcine calcification."),
                Row(
                    id: "tabular/truncated_array.json#2", status: "bad-json",
                    text: "element 2 and what follows cannot be read: the array is cut short"),
            ])
    }

    @Test func aTextReportStartingWithABracketIsStillText() {
        #expect(!JSONArrayReader.looksLikeJSONArray(Array("[Preliminary] CT head".utf8), path: "r.txt"))
        #expect(JSONArrayReader.looksLikeJSONArray(Array(" [\n {\"text\": 1}]".utf8), path: "r"))
        #expect(JSONArrayReader.looksLikeJSONArray(Array("[]".utf8), path: "r.json"))
    }
}

@Suite struct JSONLinesBlankLineTests {
    @Test func blankLinesAreSkippedAndLineNumbersStayPhysical() throws {
        #expect(
            rows(try read("tabular/blank_lines.jsonl")) == [
                Row(id: "b-1", status: "ok", text: "Falcine calcification."),
                Row(
                    id: "b-4", status: "ok", text: "Café “quoted” calcification of the falx.",
                    warnings: [TextDecoding.windows1252Warning]),
                Row(id: "b-6", status: "ok", text: "No dural calcification."),
            ])
        #expect(try read("tabular/blank_lines.jsonl")[2].get().source.hasSuffix("blank_lines.jsonl#6"))
        #expect(try read("tabular/blank_lines.jsonl")[2].get().metadata.age == 52)
    }
}
