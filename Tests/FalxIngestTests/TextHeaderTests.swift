import Foundation
import Testing

@testable import FalxIngest

/// The records of a fixture under `text-headers/`, read as a walk of the fixtures folder would.
func headed(_ name: String, _ order: DateOrder = .mdy) throws -> [Report] {
    var walker = InputWalker()
    walker.textHeaders = TextHeaderOptions(dateOrder: order)
    let records = walker.records(of: .init(path: try fixture("text-headers/" + name), recordBase: "text-headers/" + name))
    return try records.map { try $0.get() }
}

/// The text of the lines a header reading marked as metadata.
func headerLines(_ report: Report) -> [String] {
    report.headerRanges.map { String(decoding: report.text[$0], as: UTF8.self) }
}

@Suite struct TextHeaderFixtureTests {
    @Test func risPrintExportWithSeveralPairsToALine() throws {
        let r = try #require(try headed("ris-print.txt").first)
        #expect(r.recordID == "2024-CT-004711")
        let m = r.metadata
        #expect(m.accession == "2024-CT-004711")
        #expect(m.patientID == "00384421")
        #expect(m.birthDate == "1958-03-14")
        #expect(m.sex == "F")
        #expect(m.procedure == "CT HEAD WITHOUT CONTRAST")
        #expect(m.studyDateTime == "2024-05-02T14:31")
        #expect(m.facility == "Main Campus ED")
        #expect(m.interpreter == "R. Patel")
        #expect(r.warnings.isEmpty)
        // The title line and the report's own lines stay text; the four header lines and the signature do not.
        #expect(headerLines(r).count == 5)
        #expect(headerLines(r).first == "Accession: 2024-CT-004711        MRN: 00384421")
        #expect(headerLines(r).last == "Dictated by: Dr R. Patel  Electronically signed: 05/02/2024 15:02")
        let ids = Set(r.identifiers.map(\.value))
        for value in ["2024-CT-004711", "00384421", "DOE, Jane", "Jane DOE", "Doe", "03/14/1958", "A. Smith", "R. Patel"] {
            #expect(ids.contains(value), "\(value)")
        }
    }

    @Test func dictationFooterGivesInterpreterAndSignedDate() throws {
        let r = try #require(try headed("dictation-footer.txt").first)
        #expect(r.recordID == "text-headers/dictation-footer.txt#1")
        #expect(r.metadata.interpreter == "Maria L. Gonzalez")
        // No exam date: the signature's date stands for it.
        #expect(r.metadata.studyDateTime == "2024-06-03T09:12")
        #expect(r.metadata.procedure == "")
        #expect(
            headerLines(r) == [
                "Dictated by: Maria L. Gonzalez, MD", "Electronically signed by: Maria L. Gonzalez, MD on 06/03/2024 at 9:12 AM",
            ])
        #expect(r.warnings.isEmpty)
    }

    @Test func ukDayFirstDatesReadWithEitherOrder() throws {
        let r = try #require(try headed("uk-nhs.txt", .dmy).first)
        let m = r.metadata
        #expect(m.patientID == "RX1234567")
        #expect(m.birthDate == "1949-11-23")
        #expect(m.sex == "M")
        #expect(m.procedure == "CT Head")
        #expect(m.studyDateTime == "2024-02-14T10:05")
        #expect(m.facility == "St Elsewhere General Hospital")
        #expect(m.interpreter == "Jane Okafor")
        #expect(r.warnings.isEmpty)
        #expect(
            Set(r.identifiers.map(\.value)).isSuperset(of: ["943 476 5919", "9434765919", "SMITH, John", "John SMITH", "Smith"]))

        // In a month-first archive the report's own dates (23/11/1949 can only be day-first) decide
        // for it, as the labelling conventions say: the same values, no warning.
        let mdy = try #require(try headed("uk-nhs.txt").first)
        #expect(mdy.metadata.birthDate == "1949-11-23" && mdy.metadata.studyDateTime == "2024-02-14T10:05")
        #expect(mdy.warnings.isEmpty)
    }

    @Test func tabSeparatedHeaderAndWrittenMonth() throws {
        let r = try #require(try headed("tabbed.txt").first)
        #expect(r.recordID == "88-1204")
        #expect(r.metadata.patientID == "Z998877")
        #expect(r.metadata.sex == "M")
        #expect(r.metadata.procedure == "CT HEAD")
        #expect(r.metadata.studyDateTime == "2024-01-12T07:15")
        #expect(r.metadata.facility == "North Clinic")
        #expect(r.metadata.interpreter == "K. Tanaka")
        #expect(headerLines(r).count == 3)
    }

    @Test func wrongValuesAreWarningsNotLostRecords() throws {
        let r = try #require(try headed("messy.txt").first)
        #expect(r.recordID == "text-headers/messy.txt#1")
        #expect(r.metadata.accession == "")
        #expect(r.metadata.patientID == "55-0192")
        // 13/05/2024 reads only day-first, and no date of the header reads only month-first: the
        // report's own writing decides (02/30/1961 is no date either way).
        #expect(r.metadata.birthDate == "" && r.metadata.sex == "" && r.metadata.studyDateTime == "2024-05-13")
        #expect(r.metadata.procedure == "CT HEAD")
        #expect(
            r.warnings == [
                "header 'dob': unreadable date '02/30/1961'", "header 'sex': unknown sex 'Q'",
                "header 'signed': unreadable date 'yesterday afternoon'",
            ])
    }

    @Test func headerRepeatedAtTheTopOfEachReport() throws {
        let reports = try headed("multi-report.txt")
        #expect(reports.map(\.recordID) == ["A-1001", "A-1002", "A-1001#2"])
        #expect(reports.map(\.metadata.patientID) == ["111222", "333444", "111222"])
        #expect(reports.map(\.metadata.birthDate) == ["1950-07-04", "1950-07-04", "1950-07-04"])
        #expect(reports.map(\.metadata.studyDateTime) == ["2024-01-15T09:00", "2024-01-16", "2024-01-15T09:00"])
        #expect(reports.map(\.metadata.sex) == ["M", "M", "M"])
        #expect(reports.map(\.metadata.interpreter) == ["Lee", "Lee", ""])
        #expect(reports.map(\.metadata.facility) == ["Neuro ICU", "Neuro ICU", ""])
        #expect(reports[0].warnings.isEmpty && reports[1].warnings.isEmpty)
        #expect(reports[2].warnings == ["accession A-1001 is repeated in this file: record id A-1001#2"])
    }
}
