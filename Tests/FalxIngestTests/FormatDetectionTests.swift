import Foundation
import Testing

@testable import FalxIngest

/// Content decides the reader, whatever the file is called.
@Suite struct FormatDetectionTests {
    func formats(_ bytes: [UInt8], name: String) throws -> [String] {
        let path = try temporaryFile(bytes, name: name)
        return InputWalker().records(of: .init(path: path, recordBase: name)).map { r in
            switch r {
            case .success(let x): x.format.rawValue
            case .failure(let e): "\(e.format.rawValue):\(e.code)"
            }
        }
    }

    @Test func eachFormatIsRecognisedByContent() throws {
        let hl7 =
            "MSH|^~\\&|RIS|HOSP|||20240101||ORU^R01|1|P|2.5\rPID|||123^^^H^MR\rOBR|1||F1|CTHEAD^CT HEAD\rOBX|1|TX|&GDT||Falcine calcification.\r"
        #expect(try formats(Array(hl7.utf8), name: "export.dat") == ["hl7v2"])
        let mllp: [UInt8] = [0x0B] + Array(hl7.utf8) + [0x1C, 0x0D]
        #expect(try formats(mllp, name: "feed.bin") == ["hl7v2"])
        let cda = """
            <?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole><id extension="1"/></patientRole></recordTarget>
            <component><structuredBody><component><section><title>Findings</title><text>Falcine calcification.</text></section></component></structuredBody></component></ClinicalDocument>
            """
        #expect(try formats(Array(cda.utf8), name: "doc.txt") == ["cda"])
        let fhir =
            #"{"resourceType":"DiagnosticReport","status":"final","code":{"text":"CT head"},"conclusion":"Falcine calcification."}"#
        #expect(try formats(Array(fhir.utf8), name: "report.json") == ["fhir"])
        let jsonl = #"{"id":"a","text":"Falcine calcification."}"# + "\n"
        #expect(try formats(Array(jsonl.utf8), name: "a.json") == ["jsonl"])
        #expect(try formats(Array("FINDINGS: Falcine calcification.".utf8), name: "r.hl7") == ["text"])
        #expect(try formats(Array("<html><body>hi</body></html>".utf8), name: "page.html") == ["cda:unknown-xml"])
    }

    @Test func embeddedCDAInHL7IsReadWithTheMessageMetadata() throws {
        let path = try XMLTestFiles.interop().appendingPathComponent("hl7v2/dcm4che_ORU_R01-CDA.hl7").path
        try #require(FileManager.default.fileExists(atPath: path), "the interop sample \(path) is missing")
        let records = InputWalker().records(of: .init(path: path, recordBase: "x.hl7"))
        #expect(records.count == 1)
        guard case .success(let r) = records.first else {
            Issue.record("expected the embedded CDA to be read: \(records)")
            return
        }
        #expect(r.format == .hl7v2 && r.recordID == "AccessionNumber")
        #expect(r.metadata.patientID == "PID_1" && r.metadata.facility == "XYZ_RADIOLOGY")
        #expect(String(decoding: r.text, as: UTF8.self).contains("IMPRESSION:"))
    }
}
