import Foundation
import Testing

@testable import FalxIngest

/// Demographic header lines as RIS exports and dictation systems from other places write them:
/// date labels without a colon, several labelled dates in one sentence-like line, a report's own
/// dates deciding day-first or month-first, `Age/Sex` given together, and a `Patient:` value that
/// is an age and sex rather than a name.
@Suite struct TextHeaderDemographicsTests {
    func read(_ text: String, _ order: DateOrder = .mdy) -> TextHeader {
        TextHeaderReader.read(Array(text.utf8), options: TextHeaderOptions(dateOrder: order))
    }

    /// `birth_date study_datetime age sex` of a header.
    func summary(_ h: TextHeader) -> String {
        let m = h.metadata
        return "\(m.birthDate) \(m.studyDateTime) \(m.age.map(String.init) ?? "-") \(m.sex.isEmpty ? "-" : m.sex)"
    }

    @Test(arguments: [
        // Labels without a colon before a date; the report's own "14/02" and "20/11" show day-first.
        ("CT HEAD\nDOB 14/02/1969. Study date 20/11/2026.\nFindings: Normal.", "1969-02-14 2026-11-20 - -"),
        ("Examination: cCT native\nPatient born 03.05.1952. Examination date 20.11.2024.\n", "1952-05-03 2024-11-20 - -"),
        // A month-first date ("12/25") keeps the archive's order for the ambiguous one.
        ("DOB: 03/04/1950    Exam date: 12/25/2024\nFindings: Normal.", "1950-03-04 2024-12-25 - -"),
        // Dates that contradict each other: the archive's order, the other date refused (a warning).
        ("DOB: 12/25/1950    Exam date: 13/05/2024\nFindings: Normal.", "1950-12-25  - -"),
        // Nothing decides: the archive's order (month first by default).
        ("DOB: 03/04/1950    Exam date: 05/06/2024\nFindings: Normal.", "1950-03-04 2024-05-06 - -"),
        // Combined age and sex.
        ("CT BRAIN (PLAIN)\n\nName: Mrs. R.K.          Age/Sex: 45 Yrs / F\n", "  45 F"),
        ("Age/Sex: 48 Y/M\nClinical history: CKD.", "  48 M"),
        ("Sex/Age: F/67\nFindings: Normal.", "  67 F"),
        // A patient value that gives the age and sex names no one.
        ("Cranial CT native\n\nPatient: female, 66 years\nClinical information: fall.", "  66 F"),
    ])
    func demographics(_ text: String, _ expected: String) {
        #expect(summary(read(text)) == expected, "\(text)")
    }

    @Test func aDayFirstReportReadsTheSameWithEitherArchiveOrder() {
        let text = "DOB 14/02/1969. Study date 03/04/2026.\nFindings: Normal."
        #expect(summary(read(text, .mdy)) == "1969-02-14 2026-04-03 - -")
        #expect(summary(read(text, .dmy)) == "1969-02-14 2026-04-03 - -")
    }

    @Test(arguments: [
        // No number after the label: not a header line, so the line stays report text.
        "DOB unknown, history of falls.\nFindings: Normal.",
        // A procedure word without a colon is prose.
        "Examination of the falx shows calcification.\nFindings: Normal.",
    ])
    func aLabelWithoutColonNeedsADate(_ text: String) {
        let h = read(text)
        #expect(h.ranges.isEmpty && h.metadata.birthDate.isEmpty && h.metadata.procedure.isEmpty, "\(text)")
    }

    @Test func aNameIsStillAName() {
        let h = read("Patient: Maria Fernandez    Age/Sex: 45 Y / F\nFindings: Normal.")
        #expect(h.identifiers.contains(HeaderIdentifier("Maria Fernandez", .name)))
        #expect(summary(h) == "  45 F")
    }

    @Test func anUnreadableAgeAndSexIsAWarning() {
        let h = read("Age/Sex: see request form\nFindings: Normal.")
        #expect(h.warnings == ["header 'age / sex': unreadable age and sex 'see request form'"])
        #expect(h.metadata.age == nil && h.metadata.sex.isEmpty)
    }
}
