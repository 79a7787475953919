import Foundation
import Testing

@testable import FalxIngest

// MARK: - Helpers

/// The public HL7 v2 interop samples, bundled in Fixtures/interop/hl7v2 (see its PROVENANCE.md).
enum HL7v2Samples {
    static func bytes(_ name: String) throws -> [UInt8] {
        try XMLTestFiles.sample("hl7v2/" + name)
    }

    static func messages(_ name: String) throws -> [HL7v2MessageRecord] {
        HL7v2Reader.messages(try bytes(name), recordBase: name, source: "interop/" + name)
    }
}

/// Turns `\r` in a literal into the segment separator under test.
private func hl7(_ s: String, separator: String = "\r") -> [UInt8] {
    Array(s.replacingOccurrences(of: "\n", with: separator).utf8)
}

private func read(_ bytes: [UInt8], base: String = "t.hl7", accession: HL7AccessionField = .obr18ThenObr3) -> [Record] {
    HL7v2Reader.records(bytes, recordBase: base, source: "in/" + base, accessionField: accession)
}

private func report(_ r: Record?) throws -> Report {
    switch r {
    case .success(let x): return x
    case .failure(let e): throw HL7TestFailure(description: "expected a report, got \(e)")
    case nil: throw HL7TestFailure(description: "expected a report, got nothing")
    }
}

private func failure(_ r: Record?) throws -> RecordError {
    switch r {
    case .failure(let e): return e
    case .success(let x): throw HL7TestFailure(description: "expected an error row, got report \(x.recordID)")
    case nil: throw HL7TestFailure(description: "expected an error row, got nothing")
    }
}

private struct HL7TestFailure: Error, CustomStringConvertible { var description: String }

private func text(_ r: Report) -> String { String(decoding: r.text, as: UTF8.self) }

private let header =
    "MSH|^~\\&|RIS|GENERAL HOSP|EHR|GH|20240315103000||ORU^R01^ORU_R01|MSG001|P|2.5.1\n"
    + "PID|1||998877^^^GH^PI~123456^^^GH^MR||Doe^Jane^Q||19600704|F\n"
    + "OBR|1|PL1|FIL1|71250^CT HEAD WITHOUT CONTRAST^CPT|||20240315101500|||||||||||ACC-1001|||||||F|||||||&Hart&Anna&&&Dr\n"

// MARK: - Public samples

@Suite
struct HL7v2SampleTests {
    @Test func dcm4cheStructuredReportWithSections() throws {
        let messages = try HL7v2Samples.messages("dcm4che_ORU_R01-SR.hl7")
        #expect(messages.count == 1)
        let r = try report(messages.first?.record)
        #expect(r.recordID == "AccessionNumber")
        #expect(r.source == "interop/dcm4che_ORU_R01-SR.hl7")
        #expect(r.format == .hl7v2)
        let m = r.metadata
        #expect(m.patientID == "PID_1")
        #expect(m.accession == "AccessionNumber")
        #expect(m.studyDateTime == "2022-03-24T19:30:57")
        #expect(m.procedure == "Microscopic Observation")
        #expect(m.interpreter == "VerifyingObserverGN VerifyingObserverMN VerifyingObserverFN")
        #expect(m.facility == "XYZ_RADIOLOGY")
        #expect(m.birthDate == "2014-10-14")
        #expect(m.sex == "F")
        let t = text(r)
        #expect(
            t.hasPrefix(
                "FINDINGS:\nThe right kidney is slightly enlarged, but otherwise normal\n"
                    + "There is a small mass in the left lung measuring approximately 3mmx2mm.\nLiver Mass:\n4mmx6mm\n5mmx7mm\n"
                    + "CXR PA+LAT:\nInfiltrate probably representing bronchopneumonia"))
        #expect(t.contains("RECOMMENDATION:\nFollow-up with CT of the Abdomen without contrast is recommended in 6 months.\n"))
        #expect(t.hasSuffix("X-ray Modulation Type = NONE"))
        // Study / series UIDs (ST), coded results (CE) and the patient note after PID are not report text.
        #expect(!t.contains("1.2.392.200036"))
        #expect(!t.contains("Malignant neoplasm"))
        #expect(!t.contains("PatientComments"))
        #expect(r.warnings.isEmpty)
        #expect(messages.first?.embeddedDocuments.isEmpty == true)
    }

    @Test func dcm4cheEmbeddedCDAIsHandedOnWithRawAmpersands() throws {
        let raw = try HL7v2Samples.bytes("dcm4che_ORU_R01-CDA.hl7")
        let messages = try HL7v2Samples.messages("dcm4che_ORU_R01-CDA.hl7")
        #expect(messages.count == 1)
        // The message's report is the embedded document, a case of its own (not an error to catch).
        guard case .embeddedReport(let embedded) = messages.first else {
            Issue.record("expected an embedded report, got \(String(describing: messages.first))")
            return
        }
        #expect(embedded.recordID == "AccessionNumber")
        #expect(
            embedded.metadata.patientID == "PID_1" && embedded.metadata.sex == "F"
                && embedded.metadata.facility == "XYZ_RADIOLOGY")
        // Read by the HL7 v2 reader alone, the message is an `embedded-document` error row.
        #expect(try failure(messages.first?.record).code == .embeddedDocument)
        let doc = try #require(messages.first?.embeddedDocuments.first)
        #expect(doc.isCDA && doc.mediaType == "text/xml" && doc.observation == "5")
        #expect(doc.bytes.starts(with: Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><ClinicalDocument".utf8)))
        #expect(doc.bytes.suffix(19).elementsEqual("</ClinicalDocument>".utf8))
        // The XML's raw '&' (from &amp;) survive: the data component is never split on '&'.
        #expect(doc.bytes.filter { $0 == 0x26 }.count == 20)
        // The document is the file's bytes, unchanged.
        let start = try #require(HL7v2MessageReader.firstIndex(of: Array("<?xml".utf8), in: raw[...]))
        #expect(Array(raw[start..<(start + doc.bytes.count)]) == doc.bytes)
    }

    @Test func dcm4chePDFHasNoTextAndItsSplitBase64IsRejoined() throws {
        let messages = try HL7v2Samples.messages("dcm4che_ORU_R01-PDF.hl7")
        #expect(messages.count == 1)
        let e = try failure(messages.first?.record)
        #expect(e.code == .binaryOnly)
        #expect(e.message.contains("application/pdf") && e.message.contains("binary form, no text"))
        #expect(e.recordID == "AccessionNumber" && e.metadata.birthDate == "2014-10-14")
        // The CR inside the base64 made a bogus "A0KJ..." line; it is read as the OBX's continuation.
        let bytes = try HL7v2Samples.bytes("dcm4che_ORU_R01-PDF.hl7")
        guard case .messages(let chunks) = HL7v2Framing(bytes: bytes).layout() else {
            Issue.record("expected messages")
            return
        }
        #expect(chunks.count == 1 && chunks[0].segments.count == 9)
        #expect(chunks[0].segments.last?.count == 2)
        #expect(chunks[0].warnings.contains { $0.contains("line 10") && $0.contains("continuation") })
        let obx = chunks[0].segments[8].map { Array(bytes[$0]) }.joined(separator: [0x0A]).map { $0 }
        let seg = HL7Segment(bytes: obx, line: 9, fieldSeparator: 0x7C)
        let data = try #require(seg.field(5).split(separator: 0x5E, maxSplits: 4, omittingEmptySubsequences: false).last)
        let pdf = try #require(HL7Binary.base64(data))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(HL7v2MessageReader.firstIndex(of: Array("%%EOF".utf8), in: pdf[...]) != nil)
        #expect(seg.field(11).elementsEqual("F".utf8))
    }

    @Test func fhirConverterMDMWithTXAAndLFSeparators() throws {
        let messages = try HL7v2Samples.messages("fhirconverter_MDM-T02-03.hl7")
        #expect(messages.count == 1)
        let r = try report(messages.first?.record)
        #expect(r.recordID == "Placer 1")
        #expect(r.source == "interop/fhirconverter_MDM-T02-03.hl7")
        let m = r.metadata
        #expect(m.patientID == "3196695816")
        #expect(m.birthDate == "1930-01-22")
        #expect(m.sex == "M")
        #expect(m.facility == "SFAC")
        #expect(m.procedure == "Bacteria identified in Stool by Culture")
        #expect(m.studyDateTime == "2002-02-15T07:30+02:15")
        #expect(m.interpreter == "Geny Raud")
        let lines = text(r).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 29)
        #expect(lines.first == "Toilet cylinder crackers model step-mother visor opening communication")
        #expect(lines.last == "Reminder shofar congo vibration mother-in-law bondsman suspect")
    }

    @Test func fhirConverterBatchOfLabResults() throws {
        let messages = try HL7v2Samples.messages("fhirconverter_BundleToHl7v2_batch.hl7")
        #expect(messages.count == 2)
        let errors = try messages.map { try failure($0.record) }
        #expect(errors.map(\.code) == [.noText, .noText])
        // OBR-18 is empty, so the accession is OBR-3 (here the converter wrote the test code there).
        #expect(errors.map(\.recordID) == ["15074-8", "11111-1"])
        #expect(
            errors.map(\.source) == [
                "interop/fhirconverter_BundleToHl7v2_batch.hl7#1", "interop/fhirconverter_BundleToHl7v2_batch.hl7#2",
            ])
        #expect(errors.allSatisfy { $0.metadata.patientID == "12345" })
        guard
            case .messages(let chunks) = HL7v2Framing(bytes: try HL7v2Samples.bytes("fhirconverter_BundleToHl7v2_batch.hl7"))
                .layout()
        else {
            Issue.record("expected messages")
            return
        }
        #expect(chunks.allSatisfy { $0.warnings.contains("BTS-1 (line 11) says the batch holds 1 message(s), it holds 2") })
    }

    @Test func hapiMessageLibraryWithJunkAndOddDelimiters() throws {
        let messages = try HL7v2Samples.messages("hapi_messages.txt")
        #expect(messages.count == 18)
        let first = try report(messages.first?.record)
        #expect(first.recordID == "0000000566")
        #expect(first.source == "interop/hapi_messages.txt#1")
        #expect(
            text(first)
                == "FINDINGS:\nThis is a test on 05/02/94.\nThis is a test for the CRR.\n"
                + "This is a test result to generate multiple obr's to check the cost\ndisplay for multiple exams.\nAPPROVING MD:"
        )
        #expect(first.metadata.patientID == "N00803")
        #expect(first.metadata.procedure == "CT CHEST; CT ABDOMEN; CT PELVIS (LIMITED)")
        #expect(first.metadata.studyDateTime == "1994-05-02T15:45")
        #expect(first.metadata.interpreter == "MARK E BAKER")
        #expect(first.metadata.birthDate == "1952-06-06" && first.metadata.sex == "F")
        #expect(first.warnings == ["line 8: 6 segments written on one line were split apart"])
        let rest = try messages.dropFirst().map { try failure($0.record) }
        #expect(rest.allSatisfy { $0.code == .notAReport })
        #expect(rest.map(\.recordID).prefix(3) == ["hapi_messages.txt#2", "hapi_messages.txt#3", "hapi_messages.txt#4"])
        // Message 4 declares MSH-2 "^~}" (no subcomponent separator) and is still read.
        #expect(rest[2].message.contains("BAR^P01") && rest[2].metadata.patientID == "479305169")
        #expect(rest[2].metadata.birthDate == "1950-03-31")
        #expect(rest[1].message.contains("ACK"))
        #expect(rest.last?.message.contains("QRY^Q01") == true)
    }

    @Test(arguments: [
        "dcm4che_ORU_R01-SR.hl7", "dcm4che_ORU_R01-CDA.hl7", "dcm4che_ORU_R01-PDF.hl7", "fhirconverter_MDM-T02-03.hl7",
        "fhirconverter_BundleToHl7v2_batch.hl7", "hapi_messages.txt",
    ])
    func everySampleIsDetectedAsHL7(_ name: String) throws {
        #expect(HL7v2Reader.looksLikeHL7(try HL7v2Samples.bytes(name)))
    }
}

// MARK: - Report text shapes

@Suite struct HL7v2TextTests {
    @Test func oneOBXPerLineEpicStyleWithLatin1() throws {
        var bytes = hl7(
            "MSH|^~\\&|EPIC|NORTH CLINIC|||20240102080000||ORU^R01|9|P|2.3||||||ISO_IR 100\n"
                + "PID|||55501^^^NC^MR||Roe^Sam||19701231|M\n"
                + "OBR|1||ACC77|IMG123^CT BRAIN^EAP|||20240102075500\n"
                + "OBX|1|FT|&GDT|1|EXAM: CT BRAIN||||||F\nOBX|2|FT|&GDT|1| ||||||F\n"
                + "OBX|3|FT|&GDT|1|FINDINGS: Dense falx, area 2 cm")
        bytes += [0xB2]  // '²' in ISO-8859-1
        bytes += hl7(".||||||F\nOBX|4|FT|&GDT|1|IMPRESSION: No acute finding.||||||F\n")
        let records = read(bytes)
        #expect(records.count == 1)
        let r = try report(records.first)
        #expect(text(r) == "EXAM: CT BRAIN\n\nFINDINGS: Dense falx, area 2 cm².\nIMPRESSION: No acute finding.")
        #expect(r.warnings.isEmpty)  // MSH-18 declares ISO_IR 100
        #expect(r.recordID == "ACC77" && r.metadata.procedure == "CT BRAIN" && r.metadata.studyDateTime == "2024-01-02T07:55:00")
    }

    @Test func oneOBXWithLineBreaksAndEveryEscape() throws {
        let records = read(
            hl7(
                header
                    + "OBX|1|TX|18748-4^Diagnostic Imaging Report^LN||CLINICAL HISTORY: headache\\.br\\FINDINGS: a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f"
                    + " \\H\\bold\\N\\ \\X41\\\\.br\\IMPRESSION: calcified falx.\\.sp\\End.||||||F\n"))
        let r = try report(records.first)
        #expect(
            text(r) == "CLINICAL HISTORY: headache\nFINDINGS: a|b^c&d~e\\f bold A\nIMPRESSION: calcified falx.\n\nEnd.")
        #expect(r.recordID == "ACC-1001")
        #expect(r.metadata.patientID == "123456")  // the MR repetition of PID-3
        #expect(r.metadata.interpreter == "Anna Hart")
        #expect(r.metadata.facility == "GENERAL HOSP")
        #expect(r.metadata.procedure == "CT HEAD WITHOUT CONTRAST")
    }

    @Test func oneOBXPerSectionGetsHeaders() throws {
        let records = read(
            hl7(
                header + "OBX|1|TX|11329-0^History^LN||Headache.||||||F\n"
                    + "OBX|2|TX|18782-3^Study observation^LN||Dense falcine calcification.~Normal ventricles.||||||F\n"
                    + "OBX|3|TX|19005-8^Impression^LN||Benign calcification.||||||F\n"
                    + "OBX|4|TX|IMP^IMPRESSION^L||No follow-up needed.||||||F\n"))
        let r = try report(records.first)
        #expect(
            text(r)
                == "CLINICAL HISTORY:\nHeadache.\nFINDINGS:\nDense falcine calcification.\nNormal ventricles.\n"
                + "IMPRESSION:\nBenign calcification.\nNo follow-up needed.")
    }

    @Test func sectionNamesFromDICOMCodesAndTexts() {
        typealias K = HL7ReportText.Key
        #expect(HL7ReportText.canonicalHeader(K(identifier: "121070", text: "")) == "FINDINGS")
        #expect(HL7ReportText.canonicalHeader(K(identifier: "121072", text: "Impressions")) == "IMPRESSION")
        #expect(HL7ReportText.canonicalHeader(K(identifier: "FIND", text: "FINDINGS")) == "FINDINGS")
        #expect(HL7ReportText.canonicalHeader(K(identifier: "X1", text: "Radiology Impression")) == "IMPRESSION")
        #expect(HL7ReportText.canonicalHeader(K(identifier: "X2", text: "Liver Mass")) == nil)
        #expect(HL7ReportText.isGeneric(K(identifier: "GDT", text: "")))
    }

    @Test func nteSegmentsAfterOBRAndOBXAreText() throws {
        let records = read(
            hl7(
                header + "NTE|1||Clinical history: fall.\n"
                    + "OBX|1|TX|FIND^FINDINGS^L||Falx calcified.||||||F\nNTE|1||Radiologist note~second line\n"))
        #expect(
            try text(report(records.first))
                == "Clinical history: fall.\nFINDINGS:\nFalx calcified.\nRadiologist note\nsecond line")
    }

    @Test func mdmWithTXAAndNoOBR() throws {
        let records = read(
            hl7(
                "MSH|^~\\&|DOCS|WEST IMAGING|||20240401||MDM^T02|77|P|2.6\nEVN|T02|20240401\n"
                    + "PID|||P-9^^^W^MR||Poe^Al||19511111|U\n"
                    + "TXA|1|RAD|TX|20240331140000||||||||DOC-5||||||AU||||^Kent^Clara^M\n"
                    + "OBX|1|TX|RAD^Report||CT HEAD: calcified falx.||||||F\nOBX|2|TX|RAD^Report||No mass.||||||F\n"),
            base: "mdm.hl7")
        let r = try report(records.first)
        #expect(r.recordID == "mdm.hl7#1" && r.source == "in/mdm.hl7")
        #expect(text(r) == "CT HEAD: calcified falx.\nNo mass.")
        #expect(r.metadata.studyDateTime == "2024-03-31T14:00:00")
        #expect(r.metadata.interpreter == "Clara M Kent")
        #expect(r.metadata.sex == "" && r.metadata.patientID == "P-9")
    }

    @Test func edWithBase64PlainText() throws {
        let b64 = Data("FINDINGS: Falx calcified.\r\nIMPRESSION: Benign.".utf8).base64EncodedString()
        let records = read(hl7(header + "OBX|1|ED|18748-4^Report^LN||^TEXT^plain^Base64^\(b64)||||||F\n"))
        #expect(try text(report(records.first)) == "FINDINGS: Falx calcified.\nIMPRESSION: Benign.")
    }

    @Test func edWithRawXMLIsReturnedAsAnEmbeddedDocument() throws {
        let xml = "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>A &amp; B</title></ClinicalDocument>"
        let bytes = hl7(header + "OBX|1|ED|18748-4^Report^LN||^Text^text/xml^A^\(xml)||||||F\nNTE|1||Preliminary.\n")
        let messages = HL7v2Reader.messages(bytes, recordBase: "x", source: "x")
        let doc = try #require(messages.first?.embeddedDocuments.first)
        #expect(doc.bytes == Array(xml.utf8) && doc.isCDA && doc.mediaType == "text/xml")
        // The message's own plain text (the NTE) is the record meanwhile.
        let r = try report(messages.first?.record)
        #expect(text(r) == "Preliminary.")
        #expect(r.warnings.contains { $0.contains("embedded CDA document") })
    }

    @Test func anEmbeddedDocumentNoReaderReadsIsAnEmbeddedDocumentRow() throws {
        // An HTML document is the message's only report: the walker has no reader for it, so the
        // message becomes the `embedded-document` row, with the message's id and metadata.
        let html = "<html><body><p>Falx calcified.</p></body></html>"
        let bytes = hl7(header + "OBX|1|ED|18748-4^Report^LN||^Text^text/html^A^\(html)||||||F\n")
        let messages = HL7v2Reader.messages(bytes, recordBase: "x", source: "x")
        guard case .embeddedReport(let embedded) = messages.first else {
            Issue.record("expected an embedded report, got \(messages)")
            return
        }
        #expect(embedded.documents.map(\.mediaType) == ["text/html"] && !embedded.documents[0].isCDA)
        let records = InputWalker().hl7Records(bytes, .init(path: "x", recordBase: "x"))
        let e = try failure(records.first)
        #expect(records.count == 1 && e.code == .embeddedDocument && e.recordID == "ACC-1001")
        #expect(e.message == "the report is a text/html document embedded in OBX 1 (ED); it is not read as HL7 text")
        #expect(e.metadata.patientID == "123456")
    }

    @Test func edWithPDFAndTextKeepsTheTextAndWarns() throws {
        let pdf = Data("%PDF-1.4 binary".utf8).base64EncodedString()
        let records = read(
            hl7(header + "OBX|1|TX|FIND^Findings||Falx calcified.||||||F\nOBX|2|ED|PDF^Report||^AP^PDF^Base64^\(pdf)||||||F\n"))
        let r = try report(records.first)
        #expect(text(r) == "FINDINGS:\nFalx calcified.")
        #expect(r.warnings == ["OBX 2 holds application/pdf (binary form, no text)"])
    }

    @Test func nonTextObservationsAndWrongResultsAreLeftOut() throws {
        let records = read(
            hl7(
                header + "OBX|1|ST|113014^DICOM Study^DCM||1.2.840.113619.2.1||||||F\nOBX|2|NM|8302-2^Height||170|cm|||||F\n"
                    + "OBX|3|CE|X^Dx||C71^Brain tumour^I10||||||F\nOBX|4|TX|FIND^Findings||Wrong patient.||||||W\n"
                    + "OBX|5|ST|FIND^Findings||Calcified falx.||||||F\n"))
        let r = try report(records.first)
        #expect(text(r) == "FINDINGS:\nCalcified falx.")
        #expect(r.warnings == ["OBX 4 (line 7) is marked wrong (OBX-11 = W); skipped"])
    }
}

// MARK: - Framing, delimiters, metadata

@Suite struct HL7v2FramingTests {
    static let message =
        header + "OBX|1|TX|FIND^FINDINGS^L||Calcified falx.||||||F\nOBX|2|TX|FIND^FINDINGS^L||No mass.||||||F\n"

    @Test(arguments: ["\r", "\n", "\r\n"])
    func segmentSeparators(_ separator: String) throws {
        let records = read(hl7(Self.message + Self.message, separator: separator))
        #expect(records.count == 2)
        let r = try report(records.last)
        #expect(text(r) == "FINDINGS:\nCalcified falx.\nNo mass.")
        #expect(r.source == "in/t.hl7#2" && r.recordID == "ACC-1001")
        #expect(r.warnings.isEmpty)
    }

    @Test func mllpFramedMessages() throws {
        var bytes: [UInt8] = []
        for _ in 0..<3 { bytes += [0x0B] + hl7(Self.message) + [0x1C, 0x0D] }
        #expect(HL7v2Reader.looksLikeHL7(bytes))
        let records = read(bytes)
        #expect(records.count == 3)
        #expect(try records.allSatisfy { try text(report($0)) == "FINDINGS:\nCalcified falx.\nNo mass." })
    }

    @Test func batchWithACorruptMessageInTheMiddle() throws {
        let broken = "MSH|^^~|RIS|GH|||20240315||ORU^R01|2|P|2.5\nPID|||X\nOBX|1|TX|||lost||||||F\n"
        let bytes = hl7("FHS|^~\\&|RIS\nBHS|^~\\&|RIS\n" + Self.message + broken + Self.message + "BTS|3\nFTS|1\n")
        let records = read(bytes)
        #expect(records.count == 3)
        let bad = try failure(records[1])
        #expect(bad.code == .badMSH2 && bad.recordID == "t.hl7#2" && bad.source == "in/t.hl7#2")
        #expect(bad.message.contains("repeat"))
        #expect(try report(records[2]).recordID == "ACC-1001")
        #expect(try report(records[0]).warnings.isEmpty)
    }

    @Test(arguments: [
        ("MSH||RIS|GH\n", "bad-msh2"), ("MSH|^~\\&abc|RIS\n", "bad-msh2"), ("MSH|^~\\&#!%|RIS\n", "bad-msh2"),
        ("MSH|^~ &|RIS\n", "bad-msh2"), ("MSH|\n", "bad-msh2"), ("MSHA^~\\&A\n", "bad-msh1"), ("MSH\n", "bad-msh1"),
    ])
    func brokenMSHIsAnErrorRowAndNeighboursAreRead(_ msh: String, _ code: String) throws {
        let records = read(hl7(Self.message + msh + "PID|||1\n" + Self.message))
        #expect(records.count == 3)
        #expect(try failure(records[1]).code.rawValue == code)
        #expect(try report(records[2]).recordID == "ACC-1001")
    }

    @Test func oddAndShortEncodingCharacters() throws {
        let odd = read(
            hl7(
                "MSH#$%*@#RIS#GH###20240315##ORU$R01#1#P#2.4\nPID###77$$$$MR##Doe$Ann##19800101#F\n"
                    + "OBR#1##A-9#CT$CT HEAD\nOBX#1#TX#FIND$Findings##Falx*F*calcified%second line*T*x######F\n"))
        let r = try report(odd.first)
        #expect(text(r) == "FINDINGS:\nFalx#calcified\nsecond line@x")
        #expect(r.recordID == "A-9" && r.metadata.patientID == "77" && r.metadata.procedure == "CT HEAD")
        // "^~}": escape '}', no subcomponent separator; '&' stays literal.
        let short = read(hl7("MSH|^~}|RIS|GH|||2024||ORU^R01|1|P|2.1\nOBR|1||B-1\nOBX|1|TX|||A & B }F} C||||||F\n"))
        #expect(try text(report(short.first)) == "A & B | C")
    }

    @Test func junkAndCommentsBetweenMessages() throws {
        let bytes = hl7(
            "// library of messages\n/*\n * a comment\n */\n\n" + Self.message + "\n# next one\nthis is stray text\n\n"
                + Self.message)
        #expect(HL7v2Reader.looksLikeHL7(bytes))
        let records = read(bytes)
        #expect(records.count == 2)
        let first = try report(records[0])
        #expect(first.warnings == ["line 13 is not part of an HL7 message; skipped"])
        #expect(text(first) == "FINDINGS:\nCalcified falx.\nNo mass.")
    }

    @Test func lineBreakInsideATextValueIsAContinuation() throws {
        let records = read(hl7(header + "OBX|1|TX|FIND^FINDINGS^L||Calcified\nfalx and tentorium.||||||F\n"))
        let r = try report(records.first)
        #expect(text(r) == "FINDINGS:\nCalcified\nfalx and tentorium.")
        #expect(r.warnings.count == 1 && r.warnings[0].contains("continuation"))
    }

    /// A message of many continuation lines names the first five and counts the rest, so its
    /// warnings stay a few lines whatever the file holds; the text keeps every line.
    @Test func manyContinuationLinesAreCountedNotListed() throws {
        let lines = (1...2_000).map { "continued line \($0)" }.joined(separator: "\n")
        let records = read(hl7(header + "OBX|1|TX|FIND^FINDINGS^L||Calcified falx.\n" + lines + "||||||F\n"))
        let r = try report(records.first)
        #expect(r.warnings.count == 6, "\(r.warnings.prefix(8))")
        #expect(r.warnings.prefix(5).allSatisfy { $0.contains("read as the continuation") })
        #expect(
            r.warnings.last
                == "1995 more lines, each of which does not start with a segment id; read as the continuation of the segment before it"
        )
        #expect(text(r).hasSuffix("continued line 2000"))
    }

    @Test func flattenedSegmentsAreSplitApart() throws {
        let records = read(
            hl7(header.dropLast() + "| OBX||TX|FIND^FINDINGS^L|1|Calcified falx.|  OBX||TX|FIND^FINDINGS^L|2|Stable.|\n"))
        let r = try report(records.first)
        #expect(text(r) == "FINDINGS:\nCalcified falx.\nStable.")
    }

    @Test(arguments: HL7AccessionField.allCases)
    func accessionFieldIsConfigurable(_ field: HL7AccessionField) throws {
        let r = try report(read(hl7(Self.message), accession: field).first)
        let expected = [HL7AccessionField.obr18ThenObr3: "ACC-1001", .obr3ThenObr18: "FIL1", .obr18: "ACC-1001", .obr3: "FIL1"]
        #expect(r.recordID == expected[field] && r.metadata.accession == expected[field])
        #expect(HL7AccessionField(rawValue: field.rawValue) == field)
    }

    @Test func undeclaredLatin1IsReadWithAWarning() throws {
        var bytes = hl7(header + "OBX|1|TX|||Caf")
        bytes += [0xE9]
        bytes += hl7(" falx.||||||F\n")
        let r = try report(read(bytes).first)
        #expect(text(r) == "Café falx.")
        #expect(r.warnings == ["bytes that are not UTF-8 were read as ISO-8859-1 (MSH-18 is empty)"])
    }

    @Test func otherMessageTypesAreErrorRowsWithMetadata() throws {
        let e = try failure(
            read(hl7("MSH|^~\\&|ADT|GH|||2024||ADT^A01|1|P|2.5\nPID|||44^^^GH^MR||Doe^J||19990101|M\n")).first)
        #expect(e.code == .notAReport && e.message.contains("ADT^A01"))
        #expect(e.metadata.patientID == "44" && e.metadata.sex == "M" && e.metadata.birthDate == "1999-01-01")
    }

    @Test(arguments: [
        ("20240315103000", "2024-03-15T10:30:00"), ("202403151030", "2024-03-15T10:30"), ("20240315", "2024-03-15"),
        ("202403", "2024-03"), ("20240315103000.1234-0500", "2024-03-15T10:30:00-05:00"),
        ("2021080109064+0215", nil), ("20241315", nil), ("tomorrow", nil), ("", nil),
    ])
    func dateTimes(_ value: String, _ expected: String?) {
        #expect(HL7DateTime.iso(value) == expected)
    }

    @Test(arguments: [
        ("\\.br\\", "\n"), ("a\\X4142\\b", "aABb"), ("\\Xzz\\", "\\Xzz\\"), ("100\\", "100\\"), ("\\\\", "\\\\"),
        ("\\.sk 2\\x", "  x"), ("\\.in+4\\x", "x"), ("\\Cxxyy\\x", "x"), ("\\Q\\", "\\Q\\"), ("a\\E\\b", "a\\b"),
    ])
    func escapes(_ raw: String, _ expected: String) {
        var out: [UInt8] = []
        HL7Escapes.decode(Array(raw.utf8)[...], .standard, hexIsLatin1: false, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }
}

// MARK: - Hostile input

@Suite struct HL7v2HostileTests {
    @Test(arguments: [
        [UInt8](), Array("PID|||1\nOBX|1|TX|||text\n".utf8), Array("Just a plain report.\nMSH|^~\\&|X\n".utf8),
        [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], Array("// only a comment\n\n".utf8), [0x0B, 0x1C, 0x0D],
    ])
    func fileWithoutMSHIsOneErrorRow(_ bytes: [UInt8]) throws {
        let records = read(bytes, base: "x.hl7")
        #expect(records.count == 1)
        let e = try failure(records.first)
        #expect(e.code == .noMSH && e.message.hasPrefix("no MSH segment") && e.recordID == "x.hl7#1")
        #expect(!HL7v2Reader.looksLikeHL7(bytes))
    }

    @Test func randomBinaryNeverTraps() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var bytes = (0..<Int.random(in: 0..<600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if Bool.random(using: &generator) { bytes = hl7(HL7v2FramingTests.message) + bytes }
            let records = read(bytes)
            #expect(!records.isEmpty)
        }
    }

    @Test func truncatedMessagesNeverTrap() {
        let full = hl7(HL7v2FramingTests.message + "OBX|3|ED|X^Y||^TEXT^plain^Base64^QUJD\\.br\\REVG||||||F\n")
        for cut in 0...full.count {
            let records = read(Array(full.prefix(cut)))
            #expect(records.count == 1)
        }
    }

    @Test func largeInputsStayLinear() throws {
        // 5,000 back-to-back messages.
        let one = hl7(HL7v2FramingTests.message)
        var many: [UInt8] = []
        many.reserveCapacity(5_000 * one.count)
        for _ in 0..<5_000 { many += one }
        let clock = ContinuousClock()
        var records: [Record] = []
        let elapsed = clock.measure { records = read(many) }
        #expect(records.count == 5_000)
        #expect(elapsed < .seconds(60))
        // One 3 MB OBX value full of escape characters and repetitions.
        let unit = Array("a~\\.\\X4".utf8)
        var value = [UInt8]()
        value.reserveCapacity(unit.count * 400_000)
        for _ in 0..<400_000 { value.append(contentsOf: unit) }
        let big = hl7(header + "OBX|1|TX|||") + value + hl7("||||||F\n")
        let r = try report(read(big).first)
        #expect(r.text.count > 400_000)
        // A long unclosed escape, and a line of delimiters only.
        let odd =
            hl7(header + "OBX|1|TX|||\\") + [UInt8](repeating: 0x41, count: 2_000_000) + hl7("\nOBX|2|TX|||")
            + [UInt8](repeating: 0x5E, count: 1_000_000) + hl7("\n")
        #expect(read(odd).count == 1)
    }

    @Test func undecodableEDIsAWarningNotACrash() throws {
        let records = read(
            hl7(
                header
                    + "OBX|1|TX|||Falx.||||||F\nOBX|2|ED|X||^TEXT^plain^Base64^!!not base64!!||||||F\nOBX|3|ED|X||^^^^||||||F\n"))
        let r = try report(records.first)
        #expect(text(r) == "Falx.")
        #expect(r.warnings == ["OBX 2 (line 5): ED data is not valid base64", "OBX 3 (line 6): ED value holds no data"])
    }
}
