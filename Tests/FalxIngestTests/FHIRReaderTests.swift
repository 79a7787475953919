import FalxIngest
import Foundation
import Testing

@Suite struct FHIRReaderTests {
    @Test
    func usCoreChestXRayWithXHTMLPresentedForm() throws {
        let bytes = try XMLTestFiles.sample("fhir/uscore_DiagnosticReport-chest-xray-report.json")
        #expect(FHIRReader.looksLikeFHIR(bytes))
        let records = FHIRReader.records(bytes, recordBase: "chest.json", source: "in/chest.json")
        #expect(records.count == 1)
        let report = try records[0].get()
        #expect(report.recordID == "chest.json#1")
        #expect(report.source == "in/chest.json")
        #expect(report.format == .fhir)
        let m = report.metadata
        #expect(m.patientID == "Patient/example")  // not resolvable: the reference itself
        #expect(m.studyDateTime == "2019-02-03T19:43:30.000Z")
        #expect(m.procedure == "Portable XR Chest Views")
        #expect(m.interpreter == "Dr Ronald Bone")
        #expect(m.accession == "")
        #expect(m.birthDate == "" && m.sex == "")
        let text = try XMLTestFiles.text(records[0])
        #expect(
            text.hasPrefix(
                "Result\nChest Portable\nINDICATION/CLINICAL QUESTION: Fever / Pneumonia\nCOMPARISON: None.\nFINDINGS:\n"))
        #expect(
            text.contains(
                "LUNGS AND PLEURA:\nClear lungs. Normal pulmonary vascularity.\nNo pleural effusion.\nNo pneumothorax.\n"))
        #expect(text.contains("IMPRESSION:\nNo acute abnormality.\nWSN: O19IC-SC-0211\n"))
        #expect(!text.contains("DOCTYPE") && !text.contains("xhtml1") && !text.contains("<"))
        #expect(!text.contains("Chest Portable\nResult"))  // the <title> in <head> is dropped
    }

    @Test
    func usCoreBoneDensityPDFOnly() throws {
        let bytes = try XMLTestFiles.sample("fhir/uscore_DiagnosticReport-bone-density-report.json")
        let records = FHIRReader.records(bytes, recordBase: "dxa.json", source: "dxa.json")
        #expect(records.count == 1)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .binaryOnly)
        #expect(error.message.contains("binary form, no text"))
        #expect(error.message.contains("application/pdf"))
        #expect(error.recordID == "dxa.json#1")
        #expect(error.metadata.procedure == "DXA Bone density quantitative measurement panel")
        #expect(error.metadata.interpreter == "Dr Ronald Bone")
        #expect(error.metadata.studyDateTime == "2021-11-10T19:30:46-08:00")
    }

    @Test func searchsetBundleWithTwoReports() throws {
        let bytes = try XMLTestFiles.fixture("bundle_searchset", "json", "fhir")
        let records = FHIRReader.records(bytes, recordBase: "fhir/bundle.json", source: "Fixtures/fhir/bundle.json")
        #expect(records.count == 2)
        let first = try records[0].get()
        #expect(first.recordID == "ACC-7001")
        #expect(first.source == "Fixtures/fhir/bundle.json#1")
        #expect(first.metadata.accession == "ACC-7001")
        #expect(first.metadata.patientID == "MRN-2001")
        #expect(first.metadata.birthDate == "1961-09-30")
        #expect(first.metadata.sex == "F")
        #expect(first.metadata.studyDateTime == "2024-02-01T08:30:00+01:00")
        #expect(first.metadata.procedure == "MR Brain")
        #expect(first.metadata.interpreter == "Paula Reader")
        #expect(first.metadata.facility == "Example Imaging Centre")
        // The conclusion is already in the text; the url-only PDF is never fetched.
        #expect(
            try XMLTestFiles.text(records[0])
                == "EXAM: MRI brain\nFINDINGS:\nSmall dural calcification along the falx.\nIMPRESSION:\nNo acute intracranial abnormality."
        )
        #expect(first.warnings.contains { $0.contains("is not fetched") })

        let second = try records[1].get()
        #expect(second.recordID == "fhir/bundle.json#2")
        #expect(second.source == "Fixtures/fhir/bundle.json#2")
        #expect(second.metadata.patientID == "MRN-3003")
        #expect(second.metadata.birthDate == "1970-01-15")
        #expect(second.metadata.sex == "M")
        #expect(second.metadata.studyDateTime == "2024-02-02T10:00:00Z")
        #expect(second.metadata.procedure == "CT Head")
        #expect(second.metadata.interpreter == "Dr. Q. Example")
        #expect(
            try XMLTestFiles.text(records[1])
                == "FINDINGS: Calcified tentorium, stable.\nIMPRESSION: Stable appearance & no change.")
    }

    @Test func conclusionOnlyTransactionBundleWithURNReferences() throws {
        let json = """
            {"resourceType": "Bundle", "type": "transaction", "entry": [
              {"fullUrl": "urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a",
               "resource": {"resourceType": "Patient", "gender": "other", "birthDate": "1990-05-05",
                            "identifier": [{"value": "P-55"}]},
               "request": {"method": "POST", "url": "Patient"}},
              {"fullUrl": "urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0",
               "resource": {"resourceType": "DiagnosticReport", "status": "final",
                            "identifier": [{"type": {"coding": [{"code": "ACSN"}]}, "value": "ACC-\\u00e9-1"}],
                            "subject": {"reference": "urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a"},
                            "code": {"coding": [{"display": "XR Skull"}]},
                            "conclusion": "Calcified falx.\\nNo fracture."},
               "request": {"method": "POST", "url": "DiagnosticReport"}}]}
            """
        let records = FHIRReader.records(Array(json.utf8), recordBase: "t.json", source: "t.json")
        #expect(records.count == 1)
        let report = try records[0].get()
        #expect(report.recordID == "ACC-é-1")
        #expect(report.metadata.patientID == "P-55")
        #expect(report.metadata.sex == "O")
        #expect(report.metadata.birthDate == "1990-05-05")
        #expect(report.metadata.procedure == "XR Skull")
        #expect(try XMLTestFiles.text(records[0]) == "IMPRESSION:\nCalcified falx.\nNo fracture.")
    }

    @Test func reportWithoutAnyTextIsAnErrorRow() throws {
        let json = #"{"resourceType": "DiagnosticReport", "status": "final", "code": {"text": "CT"}}"#
        let error = try #require(FHIRReader.records(Array(json.utf8), recordBase: "e.json", source: "e.json")[0].xmlTestError)
        #expect(error.code == .noText)
        #expect(error.metadata.procedure == "CT")
    }
}
