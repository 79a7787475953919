import Foundation
import Testing

@testable import FalxIngest

/// Nothing is dropped silently: every report found gets a row, every structure not understood an
/// error row, and an out-of-range number is a warning, not a wrong value.
@Suite struct NothingDroppedTests {
    static func outcome(_ r: Record) -> String {
        switch r {
        case .success(let report): "\(report.recordID):ok"
        case .failure(let e): "\(e.recordID):\(e.code)"
        }
    }

    static func walk(_ name: String, _ content: String) throws -> [Record] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("falx-drop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(content.utf8).write(to: dir.appendingPathComponent(name))
        let walker = InputWalker()
        var records: [Record] = []
        walker.forEachEntry([dir.path]) { entry in walker.forEachRecord(of: entry) { records.append($0) } }
        return records
    }

    static func report(_ n: Int, patient: String = "Patient/p1") -> String {
        #"{"resourceType":"DiagnosticReport","status":"final","subject":{"reference":"\#(patient)"},"#
            + #""conclusion":"Calcified falx, report \#(n)."}"#
    }

    @Test(arguments: ["bulk.ndjson", "bulk.jsonl"])
    func aFHIRBulkExportGivesOneRowPerLine(name: String) throws {
        let lines = (1...50).map { $0 % 10 == 0 ? #"{"resourceType":"Patient","id":"p\#($0)"}"# : Self.report($0) }
        let records = try Self.walk(name, lines.joined(separator: "\n") + "\n")
        #expect(records.count == 50)
        #expect(records.filter { (try? $0.get()) != nil }.count == 45)
        let patientRow = try #require(records[9].xmlTestError)
        #expect(patientRow.code == .notDiagnosticReport && patientRow.message.contains("Patient"))
        #expect(records.map(Self.outcome).prefix(2) == ["\(name)#1:ok", "\(name)#2:ok"])
        let first = try records[0].get()
        #expect(first.format == .fhir && first.source.hasSuffix("\(name)#1"))
        #expect(String(decoding: first.text, as: UTF8.self).contains("Calcified falx, report 1."))
    }

    @Test func aReportInABundleInsideABundleGetsItsRowAndABrokenEntryAnErrorRow() {
        let json = """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Bundle","type":"collection","entry":[
                {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","identifier":[{"value":"P-1"}]}},
                {"resource":\(Self.report(1, patient: "urn:uuid:p1"))}]}},
              {"resource":\(Self.report(2))},
              {"resource":{"status":"final"}},
              7,
              {"request":{"method":"DELETE","url":"Patient/9"}}]}
            """
        let records = FHIRReader.records(Array(json.utf8), recordBase: "b.json", source: "b.json")
        #expect(
            records.map(Self.outcome) == ["b.json#1:ok", "b.json#2:ok", "b.json#3:bad-bundle-entry", "b.json#4:bad-bundle-entry"])
        #expect((try? records[0].get())?.metadata.patientID == "P-1")
        #expect(records[2].xmlTestError?.message == "the Bundle, entry 3 holds a resource without resourceType")
        #expect(records[3].xmlTestError?.message == "the Bundle, entry 4 is not a JSON object")
    }

    @Test func invalidBase64InPresentedFormIsABase64Error() throws {
        let json = """
            {"resourceType":"DiagnosticReport","status":"final",
             "presentedForm":[{"contentType":"text/plain","data":"not base64 at all!"}]}
            """
        let error = try #require(FHIRReader.records(Array(json.utf8), recordBase: "d.json", source: "d.json")[0].xmlTestError)
        #expect(error.code == .badBase64)
        #expect(error.message.contains("text/plain") && error.message.contains("not valid base64"))
        // With other text the report is read, and the bad form is a warning.
        let withConclusion = json.replacingOccurrences(
            of: #""status":"final","#, with: #""status":"final","conclusion":"Falx.","#)
        let report = try FHIRReader.records(Array(withConclusion.utf8), recordBase: "d.json", source: "d.json")[0].get()
        #expect(report.warnings.contains { $0.contains("not valid base64") })
    }

    @Test(arguments: ["1e308", "-1e308", "-5", "131", "67.5", "9223372036854775807", "99999999999999999999"])
    func anOutOfRangeAgeIsAWarningAndNoAge(age: String) throws {
        let line = #"{"id":"r1","text":"Calcified falx.","age":\#(age)}"#
        for fast in [true, false] {
            let r = try JSONLinesReader.record(
                line: Array(line.utf8)[...], lineNumber: 1, recordBase: "a", source: "a", fastPath: fast
            )
            .get()
            #expect(r.metadata.age == nil, "\(age) fast \(fast)")
            #expect(r.warnings.contains { $0.contains("age") && $0.contains("left empty") }, "\(age) fast \(fast)")
        }
        let ok = #"{"id":"r1","text":"Calcified falx.","age":67}"#
        #expect(
            try JSONLinesReader.record(line: Array(ok.utf8)[...], lineNumber: 1, recordBase: "a", source: "a").get().metadata.age
                == 67)
    }
}
