import FalxIngest
import Foundation
import Testing

/// Hostile input for the XML and FHIR readers: each gives an error row or a clean ok row, never a
/// crash, a hang, a network request or a byte of a local file in the output.
@Suite struct HostileInputTests {
    /// The three readers under one signature.
    enum Reader: String, CaseIterable, Sendable {
        case cda, hl7v2xml, fhir

        func read(_ bytes: [UInt8], maxInputBytes: Int = 32 << 20) -> [Record] {
            switch self {
            case .cda: CDAReader.records(bytes, recordBase: "h", source: "h", maxInputBytes: maxInputBytes)
            case .hl7v2xml: HL7v2XMLReader.records(bytes, recordBase: "h", source: "h", maxInputBytes: maxInputBytes)
            case .fhir: FHIRReader.records(bytes, recordBase: "h", source: "h", maxInputBytes: maxInputBytes)
            }
        }
    }

    /// Everything a record shows: text, error message, metadata, warnings.
    static func everything(_ records: [Record]) -> String {
        records.map { record in
            switch record {
            case .success(let r):
                return String(decoding: r.text, as: UTF8.self) + "\(r.metadata)" + r.warnings.joined()
            case .failure(let e):
                return e.message + "\(e.metadata)"
            }
        }.joined(separator: "\n")
    }

    /// No line of /etc/passwd (or any passwd-like line) reached the output.
    static func leaksNoLocalFile(_ records: [Record]) -> Bool {
        let all = everything(records)
        return !all.contains("root:") && !all.contains("/bin/") && !all.contains("nologin")
    }

    static let cdaHead = #"<ClinicalDocument xmlns="urn:hl7-org:v3">"#
    static func cda(text: String, doctype: String = "") -> [UInt8] {
        Array(
            """
            <?xml version="1.0"?>\(doctype)
            \(cdaHead)<component><structuredBody><component><section>
            <code code="18782-3"/><text>\(text)</text></section></component></structuredBody></component></ClinicalDocument>
            """.utf8)
    }

    // MARK: - Entities and DTDs

    @Test func xxeEntityPointingAtPasswd() throws {
        let doc = Self.cda(
            text: "Leak: &xxe;",
            doctype: #"<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#)
        let records = Reader.cda.read(doc)
        #expect(records.count == 1)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .xmlEntities)
        #expect(error.message.contains("document declares entities"))
        #expect(Self.leaksNoLocalFile(records))
    }

    @Test
    func hapiXXESample() throws {
        let bytes = try XMLTestFiles.sample("hl7v2xml/hapi_xml-with-xxe.xml")
        let records = HL7v2XMLReader.records(bytes, recordBase: "xxe.xml", source: "xxe.xml")
        #expect(records.count == 1)
        #expect(records[0].xmlTestError?.code == .xmlEntities)
        #expect(Self.leaksNoLocalFile(records))
    }

    @Test func parameterEntityAndExternalDTDInInternalSubset() throws {
        let doc = Self.cda(
            text: "x",
            doctype: #"<!DOCTYPE ClinicalDocument [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>"#)
        let records = Reader.cda.read(doc)
        #expect(records[0].xmlTestError != nil)
        #expect(Self.leaksNoLocalFile(records))
    }

    @Test func externalDTDURLIsNeverFetched() throws {
        // Port 9 (discard) on localhost: a fetch would fail or hang; the parser must not try.
        let doc = Self.cda(
            text: "Falx calcification.", doctype: #"<!DOCTYPE ClinicalDocument SYSTEM "http://127.0.0.1:9/cda.dtd">"#)
        let started = Date()
        let records = Reader.cda.read(doc)
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(try XMLTestFiles.text(records[0]) == "FINDINGS:\nFalx calcification.")
    }

    @Test
    func hapiExternalDTDSample() throws {
        let bytes = try XMLTestFiles.sample("hl7v2xml/hapi_get_version_external_dtd.xml")
        let started = Date()
        let records = HL7v2XMLReader.records(bytes, recordBase: "q.xml", source: "q.xml")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(records[0].xmlTestError?.code == .notAReport)
    }

    @Test func billionLaughs() throws {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let doc = Self.cda(text: "&lol9;", doctype: "<!DOCTYPE ClinicalDocument [\(entities)]>")
        let started = Date()
        let records = Reader.cda.read(doc)
        #expect(Date().timeIntervalSince(started) < 2)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .xmlEntities || error.code == .xmlParse)
        #expect(!Self.everything(records).contains("lollol"))
    }

    @Test func xIncludeIsNotProcessed() throws {
        let doc = Self.cda(
            text:
                #"Falx calcification.<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>"#
        )
        let records = Reader.cda.read(doc)
        #expect(try XMLTestFiles.text(records[0]) == "FINDINGS:\nFalx calcification.")
        #expect(Self.leaksNoLocalFile(records))
    }

    @Test func htmlPresentedFormWithEntityDeclarations() throws {
        let html = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <html><body><p>FINDINGS: Falx calcification. &xxe;</p></body></html>
            """
        let json = """
            {"resourceType": "DiagnosticReport", "status": "final",
             "presentedForm": [{"contentType": "text/html", "data": "\(Data(html.utf8).base64EncodedString())"}]}
            """
        let records = Reader.fhir.read(Array(json.utf8))
        #expect(Self.leaksNoLocalFile(records))
        #expect(try XMLTestFiles.text(records[0]).contains("FINDINGS: Falx calcification."))
    }

    // MARK: - Broken bytes

    @Test(arguments: Reader.allCases)
    func zeroByteInput(_ reader: Reader) throws {
        let records = reader.read([])
        #expect(records.count == 1)
        #expect(records[0].xmlTestError?.code == .empty)
    }

    @Test(arguments: Reader.allCases)
    func gzipHeader(_ reader: Reader) throws {
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + Array(repeating: 0x41, count: 40)
        let records = reader.read(gzip)
        #expect(records.count == 1)
        #expect(records[0].xmlTestError?.code == .compressed)
    }

    @Test(arguments: Reader.allCases)
    func randomBinary(_ reader: Reader) throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes: [UInt8] = []
        bytes.reserveCapacity(65_536)
        for _ in 0..<65_536 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        let records = reader.read(bytes)
        #expect(records.count == 1)
        #expect(records[0].xmlTestError != nil)
    }

    @Test(arguments: Reader.allCases)
    func oversizedInputIsRefusedBeforeParsing(_ reader: Reader) throws {
        let records = reader.read(Self.cda(text: String(repeating: "calcification ", count: 200)), maxInputBytes: 1024)
        #expect(records[0].xmlTestError?.code == .tooLarge)
    }

    @Test
    func truncatedXML() throws {
        let bytes = try XMLTestFiles.sample("cda/ccda_Diagnostic_Imaging_Report.xml")
        for cut in [1, 100, bytes.count / 2, bytes.count - 20] {
            let records = Reader.cda.read(Array(bytes.prefix(cut)))
            let error = try #require(records[0].xmlTestError)
            #expect(error.code == .xmlParse)
            #expect(error.message.contains("libxml2 error"))
        }
    }

    @Test func invalidUTF8() throws {
        var doc = Self.cda(text: "Falx calcification X.")
        let x = try #require(doc.firstIndex(of: 0x58))
        doc.replaceSubrange(x...x, with: [0xFF, 0xFE, 0xC0, 0x80])
        let records = Reader.cda.read(doc)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .xmlParse)
        #expect(error.message.contains("not proper UTF-8"))
        #expect(!error.message.contains("\n"))
    }

    @Test func deeplyNestedXML() throws {
        let depth = 100_000
        let doc = Array((String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)).utf8)
        let records = Reader.cda.read(doc)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .xmlParse)
    }

    // MARK: - FHIR

    @Test func fhirResourceThatIsNotADiagnosticReport() throws {
        let json = #"{"resourceType": "Patient", "id": "p", "birthDate": "1950-01-01"}"#
        let error = try #require(Reader.fhir.read(Array(json.utf8))[0].xmlTestError)
        #expect(error.code == .notDiagnosticReport)
        #expect(error.message.contains("Patient"))
    }

    @Test func fhirBundleWithoutADiagnosticReport() throws {
        let json = """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Patient", "id": "p"}},
              {"resource": {"resourceType": "Observation", "id": "o1"}},
              {"resource": {"resourceType": "Observation", "id": "o2"}}]}
            """
        let error = try #require(Reader.fhir.read(Array(json.utf8))[0].xmlTestError)
        #expect(error.code == .notDiagnosticReport)
        #expect(error.message.contains("Bundle (type collection)"))
        #expect(error.message.contains("Patient ×1, Observation ×2"))
    }

    @Test func deeplyNestedJSON() throws {
        let depth = 100_000
        let arrays = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        #expect(Reader.fhir.read(arrays)[0].xmlTestError?.code == .tooDeep)
        let objects = Array(
            (#"{"resourceType": "DiagnosticReport", "x": "#
                + String(repeating: #"{"a": "#, count: depth) + "1" + String(repeating: "}", count: depth + 1)).utf8)
        #expect(Reader.fhir.read(objects)[0].xmlTestError?.code == .tooDeep)
        let unclosed = Array(String(repeating: "[", count: depth).utf8)
        #expect(Reader.fhir.read(unclosed)[0].xmlTestError?.code == .tooDeep)
    }

    @Test func bracketsInsideJSONStringsDoNotCount() throws {
        let deepString = String(repeating: "[{", count: 500)
        let json = #"{"resourceType": "DiagnosticReport", "conclusion": "Falx calcification \#(deepString)"}"#
        #expect(Reader.fhir.read(Array(json.utf8))[0].xmlTestError == nil)
    }

    @Test func malformedJSON() throws {
        let records = Reader.fhir.read(Array(#"{"resourceType": "DiagnosticReport", "conclusion": "#.utf8))
        #expect(records[0].xmlTestError?.code == .badJSON)
    }

    // MARK: - Concurrency

    /// The pipeline may read files concurrently: parses after the one-time set-up are independent.
    @Test func concurrentParsesGiveIdenticalResults() async throws {
        let doc = try XMLTestFiles.fixture("cda_ct_head", "xml", "xml")
        let expected = CDAReader.records(doc, recordBase: "c", source: "c")
        let results = await withTaskGroup(of: [Record].self) { group in
            for _ in 0..<16 { group.addTask { CDAReader.records(doc, recordBase: "c", source: "c") } }
            var all: [[Record]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }
}
