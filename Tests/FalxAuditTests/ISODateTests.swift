import FalxIngest
import Testing

@testable import FalxAudit

/// The study and birth date columns hold ISO 8601 whatever the export wrote, so that a typed reader
/// (pandas, DuckDB, Spark) reads every value; a value that is no date is a warning, never passed on.
@Suite struct ISODateTests {
    func row(study: String, birth: String = "", order: DateOrder = .mdy) -> AuditRow {
        var m = ReportMetadata()
        m.studyDateTime = study
        m.birthDate = birth
        let report = Report(
            recordID: "r", source: "s", format: .csv, text: Array("FINDINGS: Normal.".utf8), metadata: m)
        return Auditor(dateOrder: order).row(for: .success(report))
    }

    @Test(arguments: [
        ("2024-07-01 09:10", DateOrder.mdy, "2024-07-01T09:10"),
        ("07/01/2024 09:10", .mdy, "2024-07-01T09:10"),
        ("07/01/2024", .dmy, "2024-01-07"),
        ("2 May 2024", .mdy, "2024-05-02"),
        ("20240502143100", .mdy, "2024-05-02T14:31:00"),
        // Already ISO 8601: kept exactly, with its seconds, fraction and offset.
        ("2024-05-02", .mdy, "2024-05-02"),
        ("2024-05-02T10:00:00.000Z", .mdy, "2024-05-02T10:00:00.000Z"),
        ("2024-09-12T10:05:00+01:00", .mdy, "2024-09-12T10:05:00+01:00"),
    ])
    func studyDates(_ written: String, _ order: DateOrder, _ expected: String) {
        let r = row(study: written, order: order)
        #expect(r.metadata.studyDateTime == expected, "\(written)")
        #expect(r.warnings.isEmpty)
    }

    @Test func aValueThatIsNoDateIsAWarningAndEmpty() {
        let r = row(study: "yesterday afternoon", birth: "13/25/1950")
        #expect(r.metadata.studyDateTime == "" && r.metadata.birthDate == "")
        #expect(
            r.warnings == [
                "study date 'yesterday afternoon' is not a date Falx reads; left empty",
                "birth date '13/25/1950' is not a date Falx reads; left empty",
            ])
    }

    @Test func aBirthDateKeepsTheDateOnlyAndGivesTheAge() {
        let r = row(study: "03/04/2024", birth: "11/23/1949 00:00")
        #expect(r.metadata.birthDate == "1949-11-23")
        #expect(r.facts.age == 74)
    }

    @Test(arguments: ["2024-05-02", "2024-05-02T14:31", "2024-05-02T14:31:05", "2024-05-02T14:31:05.25+0100"])
    func isoFormsAreRecognised(_ value: String) { #expect(DateText.isISO(value)) }

    @Test(arguments: ["2024-5-02", "2024-05-02 14:31", "2024-05-02T14", "2024-05-02T14:31+1", "02/05/2024", ""])
    func otherFormsAreNot(_ value: String) { #expect(!DateText.isISO(value)) }
}
