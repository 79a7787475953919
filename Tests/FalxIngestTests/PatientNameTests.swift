import Foundation
import Testing

@testable import FalxIngest

/// Every reader that sees the patient's name keeps its parts (for pseudonymisation only) with the
/// patient's other identifiers.
@Suite struct PatientNameTests {
    static func report(_ records: [Record]) throws -> Report {
        try #require(records.count == 1)
        return try records[0].get()
    }

    @Test func hl7v2KeepsEveryPartOfPID5AndEveryPID3Identifier() throws {
        let message =
            "MSH|^~\\&|RIS|GH|EHR|GH|20240315103000||ORU^R01|M1|P|2.5.1\r"
            + "PID|1||998877^^^GH^PI~123456^^^GH^MR||O'Brien&Mac^Jane^Quinn~Doe^Janie||19521104|F\r"
            + "OBR|1|PL1|FIL1|71250^CT HEAD^CPT|||20240315101500|||||||||||AB7731\r"
            + "OBX|1|TX|18782-3^Impression||Calcified falx.||||||F\r"
        let r = try Self.report(HL7v2Reader.records(Array(message.utf8), recordBase: "t.hl7", source: "t.hl7"))
        #expect(r.metadata.patientNameParts == ["O'Brien", "Mac", "Jane", "Quinn", "Doe", "Janie"])
        #expect(r.metadata.otherPatientIDs == ["998877", "123456"])
        #expect(r.metadata.patientID == "123456")
    }

    @Test func hl7v2XMLKeepsPID5() throws {
        let xml = """
            <ORU_R01 xmlns="urn:hl7-org:v2xml"><MSH><MSH.1>|</MSH.1><MSH.2>^~\\&amp;</MSH.2></MSH>
            <PID><PID.3><CX.1>P-9</CX.1></PID.3><PID.5><XPN.1><FN.1>Smith</FN.1></XPN.1><XPN.2>Ann</XPN.2></PID.5>
            <PID.7><TS.1>19521104</TS.1></PID.7></PID>
            <OBR><OBR.18>AB7731</OBR.18></OBR>
            <OBX><OBX.2>TX</OBX.2><OBX.5>Calcified falx.</OBX.5><OBX.11>F</OBX.11></OBX></ORU_R01>
            """
        let r = try Self.report(HL7v2XMLReader.records(Array(xml.utf8), recordBase: "t.xml", source: "t.xml"))
        #expect(r.metadata.patientNameParts == ["Smith", "Ann"])
        #expect(r.metadata.otherPatientIDs == ["P-9"])
    }

    @Test func cdaKeepsTheRecordTargetName() throws {
        let xml = """
            <ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole><id extension="P-9"/>
            <id extension="NHS 943 476 5919"/><patient><name><prefix>Mrs</prefix><given>Ann Marie</given>
            <family>Lee</family></name><birthTime value="19521104"/></patient></patientRole></recordTarget>
            <component><structuredBody><component><section><code code="18782-3"/><text>Calcified falx.</text>
            </section></component></structuredBody></component></ClinicalDocument>
            """
        let r = try Self.report(CDAReader.records(Array(xml.utf8), recordBase: "c.xml", source: "c.xml"))
        #expect(r.metadata.patientNameParts == ["Mrs", "Ann", "Marie", "Lee"])
        #expect(r.metadata.otherPatientIDs == ["P-9", "NHS 943 476 5919"])
        #expect(r.metadata.birthDate == "1952-11-04")
    }

    @Test func fhirKeepsThePatientsHumanNames() throws {
        let json = """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "birthDate": "1952-11-04",
                "identifier": [{"value": "P-9"}, {"value": "X-77"}],
                "name": [{"family": "Lee", "given": ["Ann", "Marie"]}, {"text": "Annie Lee-Wong"}]}},
              {"resource": {"resourceType": "DiagnosticReport", "status": "final",
                "subject": {"reference": "urn:uuid:p1"}, "conclusion": "Calcified falx."}}]}
            """
        let r = try Self.report(FHIRReader.records(Array(json.utf8), recordBase: "f.json", source: "f.json"))
        #expect(r.metadata.patientNameParts == ["Lee", "Ann", "Marie", "Annie", "Lee-Wong"])
        #expect(r.metadata.otherPatientIDs == ["P-9", "X-77"])
    }
}
