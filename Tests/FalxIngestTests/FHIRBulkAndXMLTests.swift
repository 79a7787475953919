import Foundation
import Testing
@testable import FalxIngest

@Suite struct FHIRBulkTests {
    @Test func diagnosticReportsTakeTheirPatientFromPatientNDJSON() throws {
        let records = try read("fhir-bulk/DiagnosticReport.ndjson")
        #expect(
            rows(records).map { "\($0.id) \($0.status)" } == ["BULK-1 ok", "BULK-2 ok", "BULK-3 ok"])
        let metadata = try records.map { try $0.get().metadata }
        #expect(metadata.map(\.patientID) == ["MRN-9001", "Patient/p2", "Patient/p-unknown"])
        #expect(metadata.map(\.birthDate) == ["1950-02-03", "1981-12-30", ""])
        #expect(metadata.map(\.sex) == ["F", "M", ""])
        #expect(metadata[0].patientNameParts == ["Testperson", "Ada"])
        #expect(try records[1].get().text == Array("IMPRESSION:\nNo dural calcification.".utf8))
    }
}

@Suite struct FHIRXMLTests {
    @Test func aDiagnosticReportInXMLIsReadLikeItsJSON() throws {
        let records = try read("fhir/diagnosticreport.xml")
        #expect(
            rows(records) == [
                Row(
                    id: "XML-ACC-1", status: "ok",
                    text: "FINDINGS: Dense calcification of the falx cerebri.\nIMPRESSION: Falcine calcification.")
            ])
        let report = try records[0].get()
        #expect(report.format == .fhir)
        #expect(report.metadata.patientID == "MRN-X1" && report.metadata.birthDate == "1948-07-09" && report.metadata.sex == "F")
        #expect(
            report.metadata.procedure == "CT HEAD WITHOUT CONTRAST" && report.metadata.studyDateTime == "2024-06-01T09:30:00Z")
    }

    @Test func aBundleInXMLGivesOneRowPerDiagnosticReport() throws {
        let records = try read("fhir/bundle_collection.xml")
        #expect(rows(records).map(\.status) == ["ok", "ok"])
        let first = try records[0].get()
        #expect(String(decoding: first.text, as: UTF8.self).contains("Tentorial calcification."))
        #expect(String(decoding: first.text, as: UTF8.self).contains("No acute abnormality & no mass."))
        #expect(first.metadata.birthDate == "1960-01-01" && first.metadata.sex == "M")
        #expect(try records[1].get().text == Array("IMPRESSION:\nNo dural calcification.".utf8))
    }

    @Test func anXMLDocumentWithEntitiesIsRefusedOnTheHardenedPath() {
        let xml = Array(
            """
            <?xml version="1.0"?>
            <!DOCTYPE DiagnosticReport [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <DiagnosticReport xmlns="http://hl7.org/fhir"><conclusion value="x"/><note>&xxe;</note></DiagnosticReport>
            """.utf8)
        let records = FHIRXMLReader.records(xml, recordBase: "x.xml", source: "x.xml")
        #expect(rows(records).map(\.status) == ["xml-entities"])
        #expect(!rows(records).contains { $0.text.contains("root:") })
    }
}
