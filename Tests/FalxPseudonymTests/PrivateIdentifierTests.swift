import FalxAudit
import FalxIngest
import Foundation
import Testing

@testable import FalxPseudonym

/// With a key, nothing the row knows about the patient survives in its free text, however it is
/// written: case, punctuation, spacing, character width, date forms.
@Suite struct PrivateIdentifierTests {
    static let key = try? PseudonymKey(bytes: Array(repeating: 0x41, count: 32))

    /// A row with these identifiers and this evidence, pseudonymised knowing `metadata`.
    static func scrubbedEvidence(
        _ evidence: String, accession: String = "AB7731", patient: String = "P-4411", metadata: ReportMetadata
    ) throws -> (evidence: String, p: Pseudonymiser) {
        let p = Pseudonymiser(key: try #require(key))
        var values = Array(repeating: "", count: AuditRow.columns.count)
        func column(_ name: String) -> Int { AuditRow.columns.firstIndex(of: name) ?? 0 }
        values[column("record_id")] = accession
        values[column("accession")] = accession
        values[column("patient_id")] = patient
        values[column("source")] = "in/feed.hl7#2"
        values[column("dc_evidence")] = evidence
        p.apply(to: &values, knowing: metadata)
        return (values[column("dc_evidence")], p)
    }

    static func occurrences(of tag: String, in text: String) -> Int { text.components(separatedBy: tag).count - 1 }

    @Test func theBirthDateGoesInEveryCommonWrittenForm() throws {
        var m = ReportMetadata()
        m.birthDate = "1952-11-04"
        let forms = [
            "4-Nov-1952", "04NOV1952", "1952-Nov-04", "Nov-4-1952", "4.Nov.1952", "04/11/1952", "11/04/1952",
            "4th November 1952", "November 4, 1952", "19521104", "4 Nov 52", "1952 11 04",
        ]
        let (out, _) = try Self.scrubbedEvidence("Born " + forms.joined(separator: "; ") + ": falx calcified.", metadata: m)
        #expect(Self.occurrences(of: "[DATE]", in: out) == forms.count, "\(out)")
        #expect(!out.contains("1952") && !out.lowercased().contains("nov") && !out.contains("52"), "\(out)")
        #expect(out.hasSuffix(": falx calcified."))
    }

    @Test(arguments: ["4-Nov-1952", "04NOV1952", "1952-Nov-04", "Nov-4-1952", "4.Nov.1952", "12-Dec-21", "3/Jan/2020"])
    func anyDateWithAMonthNameBetweenSeparatorsIsADate(form: String) {
        #expect(TextScrubber.scrub("Seen \(form) again.") == "Seen [DATE] again.")
    }

    @Test(arguments: ["T2 and 3 mar 2.", "Falx 10-12 mm.", "MR brain 1.5T, ms lesions.", "A 4-may-be lesion."])
    func clinicalTextThatIsNoDateOrNameStays(text: String) {
        #expect(TextScrubber.scrub(text) == text)
    }

    @Test func theAccessionWrittenDifferentlyBecomesItsPseudonym() throws {
        let text = "Compare ab-7731, AB7731, accession AB 7731 and ＡＢ７７３１; not AB77310."
        let (out, p) = try Self.scrubbedEvidence(text, metadata: ReportMetadata())
        let r = p.pseudonym("AB7731", kind: .record)
        #expect(out == "Compare \(r), \(r), accession \(r) and \(r); not [ID].", "\(out)")
    }

    @Test func anUnknownAccessionWrittenWithASpaceIsStillAnID() {
        #expect(TextScrubber.scrub("See accession AB 7731 now.") == "See accession [ID] now.")
    }

    @Test func theNameGoesWithoutTitleInAnyCaseAndWidth() throws {
        var m = ReportMetadata()
        m.patientNameParts = ["O'Brien", "Jane", "Quinn"]
        let text = "jane o'brien, JANE OBRIEN, Mrs Obrien, mrs o'brien, ｊａｎｅ　ｏ’ｂｒｉｅｎ and Quinn said falx calcified."
        let (out, _) = try Self.scrubbedEvidence(text, metadata: m)
        for leaked in ["jane", "brien", "quinn", "ｊａｎｅ", "ｂｒｉｅｎ"] {
            #expect(!out.lowercased().contains(leaked), "\(leaked) in \(out)")
        }
        #expect(out.hasSuffix("said falx calcified."))
    }

    @Test func lowerCaseAndCapitalTitlesTakeTheirNames() {
        #expect(TextScrubber.scrub("Seen by mrs jones today.") == "Seen by mrs [NAME] today.")
        #expect(TextScrubber.scrub("Seen by mrs Jones today.") == "Seen by mrs [NAME] today.")
        #expect(TextScrubber.scrub("Seen by MRS JONES today.") == "Seen by MRS [NAME] today.")
        #expect(TextScrubber.scrub("Called dr patel.") == "Called dr [NAME].")
        // A capitalised title wants a capitalised name.
        #expect(TextScrubber.scrub("The Dr was told.") == "The Dr was told.")
    }

    @Test func otherPatientIdentifiersAndFullWidthNumbersGo() throws {
        var m = ReportMetadata()
        m.otherPatientIDs = ["NHS 943 476 5919", "X-77"]
        let (out, p) = try Self.scrubbedEvidence("Ids 9434765919, x77, p 4411 and ＭＲＮ １２３４５６７.", metadata: m)
        let patient = p.pseudonym("P-4411", kind: .patient)
        #expect(out == "Ids [ID], [ID], \(patient) and ＭＲＮ [ID].", "\(out)")
    }
}
