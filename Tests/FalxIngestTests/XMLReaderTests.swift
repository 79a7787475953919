import FalxIngest
import Foundation
import Testing

/// The public interop samples (copied into Fixtures/interop, see its PROVENANCE.md) and this
/// target's other fixtures. A missing sample is a test failure, never a skip.
enum XMLTestFiles {
    /// The folder of the bundled interop samples.
    static func interop() throws -> URL {
        try #require(
            Bundle.module.url(forResource: "interop", withExtension: nil, subdirectory: "Fixtures"),
            "Fixtures/interop is missing from the test bundle")
    }

    static func sample(_ relative: String) throws -> [UInt8] {
        let url = try interop().appendingPathComponent(relative)
        try #require(FileManager.default.fileExists(atPath: url.path), "interop sample \(relative) is missing")
        return [UInt8](try Data(contentsOf: url))
    }

    static func fixture(_ name: String, _ ext: String, _ folder: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/\(folder)"))
        return [UInt8](try Data(contentsOf: url))
    }

    static func text(_ record: Record) throws -> String {
        String(decoding: try record.get().text, as: UTF8.self)
    }
}

extension Record {
    /// The error of a failed record, nil for a report.
    var xmlTestError: RecordError? {
        if case .failure(let e) = self { return e }
        return nil
    }
}

// MARK: - CDA

@Suite struct CDAReaderTests {
    @Test
    func cCDADiagnosticImagingReport() throws {
        let bytes = try XMLTestFiles.sample("cda/ccda_Diagnostic_Imaging_Report.xml")
        #expect(CDAReader.looksLikeCDA(bytes))
        let records = CDAReader.records(bytes, recordBase: "ccda.xml", source: "in/ccda.xml")
        #expect(records.count == 1)
        let report = try records[0].get()
        #expect(report.recordID == "10523475")
        #expect(report.source == "in/ccda.xml")
        #expect(report.format == .cda)
        let m = report.metadata
        #expect(m.accession == "10523475")
        #expect(m.patientID == "12345")
        #expect(m.birthDate == "1954-11-25")
        #expect(m.sex == "M")
        #expect(m.procedure == "Magnetic resonance angiography, head; without contrast material(s)")
        #expect(m.studyDateTime == "2006-08-23T22:24:00")
        #expect(m.interpreter == "Henry Seven")
        #expect(m.facility == "Good Health Clinic")
        let text = try XMLTestFiles.text(records[0])
        #expect(text.hasPrefix("INDICATION:\nSuspected lung tumor\nCLINICAL HISTORY:\nHistory: Sore throat.\nFINDINGS:\n"))
        #expect(
            text.contains(
                "Finding: The cardiomediastinum is within normal limits. The trachea is midline. The previously described opacity at the medial right lung base has cleared."
            ))
        #expect(text.contains("Diameter: 45mm\nSource of Measurement: Chest_PA\nIMPRESSION:\n"))
        #expect(text.contains("Impression: No acute cardiopulmonary process. Round density in left superior hilus"))
        #expect(!text.contains("wado"))
        #expect(!text.contains("DICOM Object Catalog"))
        #expect(!text.contains("  "))
    }

    @Test
    func nonXMLBodyBase64PlainText() throws {
        let bytes = try XMLTestFiles.sample("cda/ccda_CDA_Embedded_Text_Plain_Surgical_Consult.xml")
        let records = CDAReader.records(bytes, recordBase: "consult.xml", source: "consult.xml")
        #expect(records.count == 1)
        let report = try records[0].get()
        #expect(report.recordID == "consult.xml#1")
        let text = try XMLTestFiles.text(records[0])
        #expect(text.hasPrefix("LOCAL TITLE: SURGICAL CONSULT\n\nDICT DATE: APR 20, 2020@17:03"))
        #expect(text.contains("\nCC: Chronic cervical pain, stable symptomatology.\n"))
        #expect(text.contains("\nPLAN: F/u routine, pt is not interested in invasive procedure"))
        #expect(text.hasSuffix("Electronically signed by Mostafa BALIMOOD 04/20/2020 17:07"))
        let m = report.metadata
        #expect(m.patientID == "111-00-2330")
        #expect(m.birthDate == "1953-03-02")
        #expect(m.sex == "M")
        #expect(m.studyDateTime == "2020-04-20T19:18-08:00")
        #expect(m.procedure == "Community Health and Hospitals: SURGICAL CONSULT")
        #expect(m.interpreter == "Mostafa Balimood")
        #expect(m.facility == "Community Health and Hospitals")
        #expect(m.accession == "")
    }

    @Test
    func nonXMLBodyReferenceIsNotFollowed() throws {
        let bytes = try XMLTestFiles.sample("cda/ccda_Unstructured_Document_reference.xml")
        let records = CDAReader.records(bytes, recordBase: "ud.xml", source: "ud.xml")
        #expect(records.count == 1)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .externalReference)
        #expect(error.message.contains("UD_sample.pdf"))
        #expect(error.recordID == "ud.xml#1")
        #expect(error.format == .cda)
        #expect(error.metadata.patientID == "111-00-2330")
        #expect(error.metadata.facility == "Community Health and Hospitals")
    }

    @Test
    func cdaEmbeddedInHL7v2() throws {
        let hl7 = try XMLTestFiles.sample("hl7v2/dcm4che_ORU_R01-CDA.hl7")
        let marker = Array("^Text^text/xml^ASCII^".utf8)
        let start = try #require(
            hl7.indices.first { hl7[$0...].starts(with: marker) }.map { $0 + marker.count })
        let end = hl7[start...].firstIndex(of: 0x0D) ?? hl7.count
        var xml = Array(hl7[start..<end])
        while let last = xml.last, last != 0x3E { xml.removeLast() }  // drop trailing field separators
        #expect(CDAReader.looksLikeCDA(xml))
        let record = CDAReader.report(fromXML: xml, recordID: "AccessionNumber", source: "oru.hl7")
        let report = try record.get()
        #expect(report.recordID == "AccessionNumber")
        #expect(report.metadata.accession == "10523475")
        #expect(report.metadata.patientID == "0000680029")
        #expect(report.metadata.birthDate == "1964-11-28")
        #expect(report.metadata.procedure == "X-Ray Study")
        #expect(report.metadata.studyDateTime == "2006-08-23T22:24:00")
        #expect(report.metadata.interpreter == "Richard Blitz")
        #expect(report.metadata.facility == "World University Hospital")
        let text = try XMLTestFiles.text(record)
        #expect(text.contains("INDICATION:\nSuspected lung tumor\nCLINICAL HISTORY:\nHistory: Sore throat."))
        #expect(text.contains("FINDINGS:\n"))
        #expect(text.contains("IMPRESSION:\n"))
    }

    @Test func ownFixtureSectionsNarrativeAndMetadata() throws {
        let bytes = try XMLTestFiles.fixture("cda_ct_head", "xml", "xml")
        let records = CDAReader.records(bytes, recordBase: "xml/cda_ct_head.xml", source: "Fixtures/xml/cda_ct_head.xml")
        let report = try #require(records.first).get()
        #expect(report.recordID == "ACC-2024-0042")
        let m = report.metadata
        #expect(m.patientID == "MRN-4711")
        #expect(m.birthDate == "1958-07-04")
        #expect(m.sex == "F")
        #expect(m.procedure == "CT HEAD WO CONTRAST")
        #expect(m.studyDateTime == "2024-03-15T10:30:00+01:00")
        #expect(m.interpreter == "Jana Beispiel")
        #expect(m.facility == "Example Radiology Centre")
        let expected = """
            CLINICAL HISTORY:
            Headache for three weeks.
            No trauma.
            TECHNIQUE:
            Axial CT of the head without contrast.
            COMPARISON:
            None.
            FINDINGS:
            Dense calcification of the falx cerebri.
            No haemorrhage.
            Ventricles normal in size.
            Structure | Result
            Midline | No shift
            Sinuses | Clear
            IMPRESSION:
            Impression: Falcine calcification, likely physiological.
            RECOMMENDATION:
            No follow-up imaging required.
            RADIOLOGIST NOTE:
            Discussed with the referring team.
            """
        #expect(try XMLTestFiles.text(records[0]) == expected)
    }

    @Test func notACDADocument() throws {
        let xml = Array(#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>"#.utf8)
        #expect(!CDAReader.looksLikeCDA(xml))
        let error = try #require(CDAReader.records(xml, recordBase: "a.xml", source: "a.xml")[0].xmlTestError)
        #expect(error.code == .notCDA)
    }

    @Test func nonXMLBodyPDFIsBinaryOnly() throws {
        let pdf = Data("%PDF-1.4 fake".utf8).base64EncodedString()
        let xml = """
            <ClinicalDocument xmlns="urn:hl7-org:v3"><component><nonXMLBody>
            <text mediaType="application/pdf" representation="B64">\(pdf)</text>
            </nonXMLBody></component></ClinicalDocument>
            """
        let error = try #require(CDAReader.records(Array(xml.utf8), recordBase: "p.xml", source: "p.xml")[0].xmlTestError)
        #expect(error.code == .binaryOnly)
        #expect(error.message.contains("binary form, no text"))
    }

    @Test
    func sniffersTellTheFormatsApart() throws {
        let cda = try XMLTestFiles.sample("cda/ccda_Diagnostic_Imaging_Report.xml")
        let v2 = try XMLTestFiles.sample("hl7v2xml/hapi_ed_issue_ORU_R01.xml")
        let dtd = try XMLTestFiles.sample("hl7v2xml/hapi_get_version_external_dtd.xml")
        let xxe = try XMLTestFiles.sample("hl7v2xml/hapi_xml-with-xxe.xml")
        let fhir = try XMLTestFiles.sample("fhir/uscore_DiagnosticReport-chest-xray-report.json")
        let er7 = try XMLTestFiles.sample("hl7v2/dcm4che_ORU_R01-SR.hl7")
        #expect(CDAReader.looksLikeCDA(cda))
        #expect(!CDAReader.looksLikeCDA(v2) && !CDAReader.looksLikeCDA(fhir) && !CDAReader.looksLikeCDA(er7))
        #expect(HL7v2XMLReader.looksLikeHL7v2XML(v2))
        #expect(HL7v2XMLReader.looksLikeHL7v2XML(dtd))
        #expect(HL7v2XMLReader.looksLikeHL7v2XML(xxe))
        #expect(!HL7v2XMLReader.looksLikeHL7v2XML(cda) && !HL7v2XMLReader.looksLikeHL7v2XML(fhir))
        #expect(!HL7v2XMLReader.looksLikeHL7v2XML(er7))
        #expect(FHIRReader.looksLikeFHIR(fhir))
        #expect(!FHIRReader.looksLikeFHIR(cda) && !FHIRReader.looksLikeFHIR(v2) && !FHIRReader.looksLikeFHIR(er7))
        #expect(!FHIRReader.looksLikeFHIR(Array(#"{"id": "r1", "text": "no resourceType"}"#.utf8)))
    }
}

// MARK: - HL7 v2 XML

@Suite struct HL7v2XMLReaderTests {
    @Test
    func hapiORUWithEmbeddedPDF() throws {
        let bytes = try XMLTestFiles.sample("hl7v2xml/hapi_ed_issue_ORU_R01.xml")
        let records = HL7v2XMLReader.records(bytes, recordBase: "ed_issue.xml", source: "in/ed_issue.xml")
        #expect(records.count == 1)
        let report = try records[0].get()
        #expect(report.recordID == "123456")
        #expect(report.source == "in/ed_issue.xml")
        #expect(report.format == .hl7v2xml)
        let m = report.metadata
        #expect(m.accession == "123456")
        #expect(m.patientID == "")  // the message has PID-2 (a device id) but no PID-3
        #expect(m.birthDate == "1979-03-11")
        #expect(m.sex == "M")
        #expect(m.procedure == "Remote Follow-up")
        #expect(m.studyDateTime == "2004-03-28T13:46:23")
        #expect(m.facility == "VENDOR NAME")
        #expect(m.interpreter == "")
        // The NTE is the only text; the ED is a PDF (warning) and the CE values are codes.
        #expect(try XMLTestFiles.text(records[0]) == "Comment")
        #expect(report.warnings.contains { $0.contains("OBX 2") && $0.contains("PDF") })
    }

    @Test
    func queryMessageWithExternalDTDIsNotAReport() throws {
        let bytes = try XMLTestFiles.sample("hl7v2xml/hapi_get_version_external_dtd.xml")
        let records = HL7v2XMLReader.records(bytes, recordBase: "q.xml", source: "q.xml")
        #expect(records.count == 1)
        let error = try #require(records[0].xmlTestError)
        #expect(error.code == .notAReport)
        #expect(error.message.contains("QBP^Q22"))
        #expect(error.metadata.facility == "UHN")
    }

    @Test func ownFixtureSectionsEscapesAndMetadata() throws {
        let bytes = try XMLTestFiles.fixture("oru_ct_head_v2", "xml", "xml")
        #expect(HL7v2XMLReader.looksLikeHL7v2XML(bytes))
        let records = HL7v2XMLReader.records(bytes, recordBase: "xml/oru.xml", source: "xml/oru.xml")
        let report = try #require(records.first).get()
        #expect(report.recordID == "ACC-5555")
        let m = report.metadata
        #expect(m.accession == "ACC-5555")
        #expect(m.patientID == "MRN-1234")
        #expect(m.birthDate == "1945-01-02")
        #expect(m.sex == "M")
        #expect(m.procedure == "CT HEAD WITHOUT CONTRAST")
        #expect(m.studyDateTime == "2024-03-16T08:15:00")
        #expect(m.interpreter == "Rita Radiologist")
        #expect(m.facility == "EXAMPLE HOSPITAL")
        let expected = """
            FINDINGS:
            Calcification of the falx cerebri.
            No mass effect.
            Ventricles normal.
            IMPRESSION:
            Physiological falcine calcification.
            Reported by the duty radiologist.
            """
        #expect(try XMLTestFiles.text(records[0]) == expected)
        #expect(report.warnings.isEmpty)
    }

    @Test func base64PlainTextED() throws {
        let body = Data("FINDINGS: Falx calcification.\r\nIMPRESSION: Benign.".utf8).base64EncodedString()
        let xml = """
            <ORU_R01 xmlns="urn:hl7-org:v2xml"><MSH><MSH.1>|</MSH.1><MSH.9><MSG.1>ORU</MSG.1><MSG.2>R01</MSG.2></MSH.9></MSH>
            <OBR><OBR.3><EI.1>F-1</EI.1></OBR.3></OBR>
            <OBX><OBX.1>1</OBX.1><OBX.2>ED</OBX.2><OBX.3><CE.1>18748-4</CE.1><CE.2>Diagnostic imaging report</CE.2></OBX.3>
            <OBX.5><ED.2>TEXT</ED.2><ED.3>PLAIN</ED.3><ED.4>Base64</ED.4><ED.5>\(body)</ED.5></OBX.5></OBX></ORU_R01>
            """
        let records = HL7v2XMLReader.records(Array(xml.utf8), recordBase: "e.xml", source: "e.xml")
        let report = try records[0].get()
        #expect(report.recordID == "F-1")
        #expect(try XMLTestFiles.text(records[0]) == "FINDINGS: Falx calcification.\nIMPRESSION: Benign.")
    }

    @Test func pdfOnlyIsBinaryOnly() throws {
        let pdf = Data("%PDF-1.3 not really".utf8).base64EncodedString()
        let xml = """
            <ORU_R01 xmlns="urn:hl7-org:v2xml"><MSH><MSH.9><MSG.1>ORU</MSG.1></MSH.9></MSH><OBR><OBR.18>A-9</OBR.18></OBR>
            <OBX><OBX.2>ED</OBX.2><OBX.5><ED.3>PDF</ED.3><ED.4>Base64</ED.4><ED.5>\(pdf)</ED.5></OBX.5></OBX></ORU_R01>
            """
        let error = try #require(
            HL7v2XMLReader.records(Array(xml.utf8), recordBase: "p.xml", source: "p.xml")[0].xmlTestError)
        #expect(error.code == .binaryOnly)
        #expect(error.recordID == "A-9")
        #expect(error.message.contains("binary form, no text"))
    }

    @Test func messageWithoutMSH() throws {
        let xml = Array(#"<ORU_R01 xmlns="urn:hl7-org:v2xml"><PID><PID.3><CX.1>1</CX.1></PID.3></PID></ORU_R01>"#.utf8)
        let error = try #require(HL7v2XMLReader.records(xml, recordBase: "n.xml", source: "n.xml")[0].xmlTestError)
        #expect(error.code == .noMSH)
    }
}
