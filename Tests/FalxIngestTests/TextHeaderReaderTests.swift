import Foundation
import Testing

@testable import FalxIngest

@Suite struct TextHeaderReaderTests {
    func read(_ text: String, _ order: DateOrder = .mdy) -> TextHeader {
        TextHeaderReader.read(Array(text.utf8), options: TextHeaderOptions(dateOrder: order))
    }

    @Test func noHeaderAtAll() {
        let h = read("EXAMINATION CT HEAD\nFINDINGS: Dural calcification along the falx.\nIMPRESSION: Normal.\n")
        #expect(h == TextHeader())
    }

    @Test func labelledLinesInsideTheReportAreText() {
        // A "Site:" or "Location:" line inside the findings describes the lesion, not the facility.
        let h = read("FINDINGS:\nSite: along the falx cerebri.\nLocation: parafalcine.\nSex: not relevant\n")
        #expect(h.ranges.isEmpty && h.metadata == ReportMetadata())
    }

    /// A whole report on one line after an `EXAM:` label: the metadata ends at the first section
    /// label, and the report text after it is never blanked.
    @Test(arguments: [
        "EXAM: CT HEAD W/O CONTRAST. HISTORY: 74-year-old man, syncope. FINDINGS: Stable calcification of the falx.",
        "EXAM:CT HEAD W/O CONTRAST INDICATION:58yo female, headache.FINDINGS:Thin dural calcification.",
        "Exam: CT head.FINDINGS: Falcine calcification. IMPRESSION: Incidental.",
    ])
    func aReportOnTheExamLineIsReportText(_ text: String) throws {
        let h = read(text)
        let range = try #require(h.ranges.first)
        #expect(h.ranges.count == 1)
        let blanked = String(decoding: Array(text.utf8)[range], as: UTF8.self)
        #expect(!blanked.lowercased().contains("calcification") && !blanked.contains("FINDINGS"), "\(blanked)")
        #expect(h.metadata.procedure.lowercased().hasPrefix("ct head"), "\(h.metadata.procedure)")
        #expect(!h.metadata.procedure.contains(":"))
    }

    /// A header value that is prose leaves its line in the report text (so "on peritoneal dialysis"
    /// or "known Gorlin syndrome" is read); what metadata it holds is still taken.
    @Test(
        arguments: [
            ("CT BRAIN\nAge: 64. On peritoneal dialysis. Routine review after a fall.\nFalx calcified.\n", 64),
            ("CT HEAD\nPatient: 9 yo boy. Known basal cell naevus syndrome.\nIndication: Baseline.\n", nil),
            ("CT HEAD\nPatient: 68-year-old woman, 18 months of progressive forgetfulness.\nFalx calcified.\n", nil),
            ("CT HEAD\nSex: F. Presents with headache.\nFalx calcified.\n", nil),
        ] as [(String, Int?)])
    func aHeaderValueThatIsProseStaysReportText(_ text: String, _ age: Int?) {
        let h = read(text)
        let second = String(text.split(separator: "\n")[1])
        for range in h.ranges {
            let blanked = String(decoding: Array(text.utf8)[range], as: UTF8.self)
            #expect(!blanked.contains(second), "\(blanked)")
        }
        #expect(h.metadata.age == age)
        #expect(h.metadata.patientNameParts.isEmpty && !h.identifiers.contains { $0.kind == .name })
    }

    /// Near misses: short values and names with initials are still header lines.
    @Test(arguments: [
        "Age: 64\n", "Age: 64 yrs.\n", "Patient: DOE, Jane A.\n", "Referred by: Dr R. Patel\n", "Sex: F.\n",
        "Patient: John Smith (45 y)\n", "Patient: Jane Mary Elizabeth Doe-Smith van der Berg\n",
    ])
    func aShortHeaderValueIsStillMetadata(_ line: String) {
        let h = read("CT HEAD\n" + line + "FINDINGS: Falx calcified.\n")
        #expect(h.ranges.count == 1, "\(line)")
        // A name stays a name, so pseudonymisation scrubs it from the text.
        if line.hasPrefix("Patient:") { #expect(h.identifiers.contains { $0.kind == .name }, "\(line)") }
    }

    @Test func signatureLabelsAreReadAnywhereAndOpenABlock() {
        let text = "FINDINGS: Normal.\n\nRadiologist: Dr Ada Byrne\nLocation: West Wing\nThank you.\nSite: ignored\n"
        let h = read(text)
        #expect(h.metadata.interpreter == "Ada Byrne")
        #expect(h.metadata.facility == "West Wing")
        #expect(h.ranges.count == 2)
    }

    @Test func labelsNeedAColonAndAWordBoundary() {
        #expect(read("Accessioned: 77\n").metadata.accession == "")
        let h = read("MRN 1234\nAcc # 55-1\n")
        #expect(h.metadata.accession == "55-1")
        #expect(h.metadata.patientID == "")
    }

    @Test func periodsAndSpacingInLabelsDoNotMatter() {
        let h = read("Acc. No.: X-1  D.O.B.: 1 Feb 1970  M.R.N.#: 42\n")
        #expect(h.metadata.accession == "X-1")
        #expect(h.metadata.birthDate == "1970-02-01")
        #expect(h.metadata.patientID == "42")
    }

    @Test func pipesSeparatePairsToo() {
        let h = read("Acc#: RAD-55812 | MRN: 88123 | Gender: Female\nProcedure: MRI BRAIN; Facility: Lakeside\n")
        #expect(h.metadata.accession == "RAD-55812" && h.metadata.patientID == "88123" && h.metadata.sex == "F")
        #expect(h.metadata.procedure == "MRI BRAIN" && h.metadata.facility == "Lakeside")
    }

    @Test func anUnknownLabelOpeningAHeaderLineKeepsTheKnownOnesAfterIt() {
        let h = read("Pt Name: LEE, ANNA   MRN#: 777001\nAccession Number: A99812\n\nFINDINGS: Normal.\n")
        #expect(h.metadata.patientID == "777001" && h.metadata.accession == "A99812")
        #expect(h.ranges.count == 2)
        // Prose with one space between words is not a row of columns.
        #expect(read("History: fall at home. Site: left frontal scalp.\n").ranges.isEmpty)
    }

    @Test func anUnknownLabelInTheNextColumnEndsTheValue() {
        let h = read("DOB: 12/01/1966                     ACCT#: 900122334\nExam: MRI Head  Date: 14.03.2024\n")
        #expect(h.metadata.birthDate == "1966-12-01")
        #expect(h.metadata.procedure == "MRI Head")
        #expect(h.warnings.isEmpty)
        // A time is not a label.
        #expect(read("Exam date: 2024-01-01  10:30\n").metadata.studyDateTime == "2024-01-01T10:30")
    }

    @Test func aStatedAgeUnlessTheDatesTellIt() {
        #expect(read("Patient age: 63 y/o  Sex: M\n").metadata.age == 63)
        #expect(read("Age: 8 months\n").metadata.age == 0)
        #expect(read("Age: sixty\n").warnings == ["header 'age': unreadable age 'sixty'"])
        let dated = read("Age: 70  DOB: 1950-06-01  Exam date: 2024-05-01\n")
        #expect(dated.metadata.age == nil && dated.metadata.birthDate == "1950-06-01")
    }

    @Test func examDateWinsOverTheSignatureDate() {
        let h = read("Exam date: 2024-03-01\nFINDINGS: none.\nElectronically signed: 2024-03-04 10:00\n")
        #expect(h.metadata.studyDateTime == "2024-03-01")
    }

    @Test func anExamLineMayCarryItsDate() {
        let h = read("EXAM: CT HEAD WITHOUT CONTRAST, 03/04/2023\nFINDINGS: none.\nSigned: 03/05/2023\n")
        #expect(h.metadata.procedure == "CT HEAD WITHOUT CONTRAST")
        #expect(h.metadata.studyDateTime == "2023-03-04")
    }

    @Test func aSignatureLineMayNameTheSigner() {
        let h = read("FINDINGS: none.\nElectronically signed: Dr. M. Kowalski, MD, teleradiology, 03:47 EST.\n")
        #expect(h.metadata.interpreter == "M. Kowalski")
        #expect(h.metadata.studyDateTime == "")
        // A time alone is no date, and no error either; a wrong date is.
        #expect(h.warnings.isEmpty)
        #expect(read("Signed by: Dr Ng on 31/31/2024\n").warnings == ["header 'signed by': unreadable date '31/31/2024'"])
    }

    @Test func birthAfterStudyIsAWarning() {
        let h = read("DOB: 2030-01-01  Exam date: 2024-03-01\n")
        #expect(h.metadata.birthDate == "")
        #expect(h.warnings == ["header date of birth 2030-01-01 is after the study date"])
    }

    @Test(arguments: [
        ("Dr R. Patel", "R. Patel"), ("Patel, Raj MD", "Patel, Raj"), ("Prof. K. Tanaka, FRCR", "K. Tanaka"),
        ("Jane Okafor, Consultant Radiologist", "Jane Okafor"), ("Dr. Lee", "Lee"), ("A. Smith M.D.", "A. Smith"),
    ])
    func interpreterTitlesAreStripped(_ written: String, _ name: String) {
        #expect(TextHeaderReader.personName(written) == name)
    }

    @Test(arguments: [
        ("F", "F"), ("female", "F"), ("M", "M"), ("Male", "M"), ("O", "O"), ("other", "O"), ("U", ""), ("Unknown", ""),
    ])
    func sexIsNormalised(_ written: String, _ code: String) {
        #expect(TextHeaderReader.sex(written) == code)
    }

    @Test func sitesAddTheirOwnLabels() throws {
        let labels = try #require(HeaderLabels(entries: [("accession", "exam no"), ("patient_id", "k-nummer")]))
        let h = TextHeaderReader.read(Array("Exam No: 77\tK-Nummer: 12\nMRN: 9\n".utf8), options: .init(labels: labels))
        #expect(h.metadata.accession == "77" && h.metadata.patientID == "12")
        #expect(HeaderLabels(entries: [("shoe_size", "shoe")]) == nil)
    }
}

@Suite struct DateTextTests {
    @Test(arguments: [
        ("2024-05-02", "2024-05-02"), ("2024-05-02 14:31", "2024-05-02T14:31"), ("2024-05-02T14:31:05", "2024-05-02T14:31:05"),
        ("05/02/2024", "2024-05-02"), ("5/2/2024 3:02 pm", "2024-05-02T15:02"), ("12-JAN-2024 07:15", "2024-01-12T07:15"),
        ("2nd of May, 2024", "2024-05-02"), ("May 2, 2024", "2024-05-02"), ("Sept 30 2024", "2024-09-30"),
        ("20240502", "2024-05-02"), ("202405021431", "2024-05-02T14:31"), ("02/29/2024", "2024-02-29"),
    ])
    func monthFirst(_ written: String, _ iso: String) {
        #expect(DateText.iso(written, order: .mdy) == iso)
    }

    @Test func dayFirst() {
        #expect(DateText.iso("05/02/2024", order: .dmy) == "2024-02-05")
        #expect(DateText.iso("23.11.1949", order: .dmy) == "1949-11-23")
        // ISO and written months read the same in either order.
        #expect(DateText.iso("2024-05-02", order: .dmy) == "2024-05-02")
        #expect(DateText.iso("May 2, 2024", order: .dmy) == "2024-05-02")
    }

    @Test(arguments: [
        "02/30/2024", "13/05/2024", "02/29/2023", "5/2/24", "yesterday", "2024-05-02 noonish", "25:00", "", "May 2024",
    ])
    func unreadable(_ written: String) {
        #expect(DateText.iso(written, order: .mdy) == nil)
    }
}
