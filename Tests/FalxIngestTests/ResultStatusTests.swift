import Foundation
import Testing

@testable import FalxIngest

/// HL7 v2 study time and result status, read the same way from ER7 and from HL7 v2 XML
/// (`HL7OrderFields`), and the ids a run gives its records.
@Suite struct ResultStatusTests {
    static func fixture(_ path: String) throws -> String {
        try FalxIngestTests.fixture("results/" + path)
    }

    /// `accession study_datetime result_status` of each record.
    static func summary(_ records: [Record]) -> [String] {
        records.map { r in
            guard case .success(let report) = r else { return "error" }
            let m = report.metadata
            return "\(m.accession) \(m.studyDateTime) \(m.resultStatus?.rawValue ?? "-")"
        }
    }

    @Test func er7TakesOBR22ThenOBR6WhenOBR7IsEmptyAndReadsOBR25() throws {
        let records = InputWalker().records(of: .init(path: try Self.fixture("status-sequence.hl7"), recordBase: "s.hl7"))
        #expect(
            Self.summary(records) == [
                "ACC-7001 2024-05-01T08:15:00 preliminary", "ACC-7001 2024-05-01T08:15:00 final",
                "ACC-7001 2024-05-01T08:15:00 corrected", "ACC-7002 2024-05-03T10:15:00 final",
                "ACC-7003 2024-05-04T07:30:00 -", "ACC-7004 2024-05-05T09:00:00 final",
                "ACC-7004 2024-05-05T09:00:00 preliminary",
            ])
    }

    @Test(arguments: [
        ("P", ResultStatus.preliminary), ("prelim", .preliminary), ("Registered", .preliminary),
        ("partial", .preliminary), ("Wet Read", .preliminary), ("F", .final), ("FINAL", .final),
        ("Signed", .final), ("finalized", .final), (" verified ", .final), ("c", .corrected),
        ("Corrected", .corrected), ("appended", .amended), ("Addendum", .amended), ("modified", .amended),
        ("X", .cancelled), ("entered-in-error", .cancelled), ("Voided", .cancelled), ("unknown", .other),
        ("Reviewed", .other), ("R", .other),
    ])
    func aWrittenStatusIsReadAsHL7CodesFHIRCodesAndCommonWords(written: String, expected: ResultStatus) {
        #expect(ResultStatus(written: written) == expected)
        #expect(ResultStatus.isKnown(written) == (written != "Reviewed"))
    }

    @Test func aBlankStatusIsNoStatus() {
        #expect(ResultStatus(written: "") == nil && ResultStatus(written: "  ") == nil)
        #expect(ResultStatus.isKnown(""))
    }

    @Test(arguments: [
        ("acc-7101-1-preliminary.xml", "ACC-7101 2024-06-01T08:15:00 preliminary"),
        ("acc-7101-3-corrected.xml", "ACC-7101 2024-06-01T08:15:00 corrected"),
        ("acc-7102-obr22.xml", "ACC-7102 2024-06-03T10:15:00 final"),
        ("acc-7103-obr6.xml", "ACC-7103 2024-06-04T07:30:00 -"),
    ])
    func xmlReadsTheSameFields(name: String, expected: String) throws {
        let records = InputWalker().records(of: .init(path: try Self.fixture("xml/" + name), recordBase: name))
        #expect(Self.summary(records) == [expected])
    }

    @Test func theStudyTimeFallsBackInOneOrder() {
        typealias O = HL7OrderFields
        #expect(O.studyTime([O(observed: "", resultsReported: "2", requested: "3")], txa4: "4")! == ("2", "OBR-22"))
        #expect(O.studyTime([O(requested: "3"), O(observed: "1")], txa4: nil)! == ("1", "OBR-7"))
        #expect(O.studyTime([O(requested: "3")], txa4: "4")! == ("3", "OBR-6"))
        #expect(O.studyTime([O()], txa4: "4")! == ("4", "TXA-4"))
        #expect(O.studyTime([], txa4: "") == nil)
    }

    @Test(arguments: [
        ("P", ResultStatus.preliminary), ("f", .final), ("C", .corrected), ("A", .amended), ("X", .cancelled),
        ("R", .other), ("", nil), ("\"\"", nil),
    ])
    func obr25Codes(code: String, status: ResultStatus?) {
        #expect(ResultStatus(hl7: code) == status)
    }

    @Test func rootNamesAreTheInputsOwnNamesMadeUnique() {
        #expect(
            InputWalker.rootNames(["a/reports", "b/reports/", "reports~2", "x.txt", "-"]) == [
                "reports", "reports~2", "reports~2~2", "x.txt", "stdin",
            ])
        #expect(InputWalker.rootNames(["."]) == [(FileManager.default.currentDirectoryPath as NSString).lastPathComponent])
    }

    @Test func repeatedIdsGetTheNextFreeSuffix() {
        var ids = UniqueRecordIDs()
        func id(_ s: String) -> String {
            ids.unique(.failure(RecordError(code: .empty, message: "x", recordID: s, source: "s", format: .text))).recordID
        }
        #expect(["A", "A", "A~2", "A", "B", "A~2"].map(id) == ["A", "A~2", "A~2~2", "A~3", "B", "A~2~3"])
    }
}
