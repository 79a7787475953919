import FalxAudit
import Foundation
import Testing

@testable import FalxPseudonym

@Suite struct PseudonymTests {
    static let keyA = try? PseudonymKey(bytes: Array(repeating: 0x41, count: 32))
    static let keyB = try? PseudonymKey(bytes: Array(repeating: 0x41, count: 31) + [0x42])

    @Test func sameKeyGivesTheSamePseudonymAndAnotherKeyAnother() throws {
        let a = Pseudonymiser(key: try #require(Self.keyA))
        let a2 = Pseudonymiser(key: try PseudonymKey(bytes: Array(repeating: 0x41, count: 32)))
        let b = Pseudonymiser(key: try #require(Self.keyB))
        let p = a.pseudonym("MRN-123456", kind: .patient)
        #expect(p == a2.pseudonym("MRN-123456", kind: .patient))
        #expect(p != b.pseudonym("MRN-123456", kind: .patient))
        #expect(p.hasPrefix("p_") && p.count == 34)
        #expect(p.dropFirst(2).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        // Domains differ: the same string as a patient id and as an accession.
        #expect(a.pseudonym("12345", kind: .patient).dropFirst(2) != a.pseudonym("12345", kind: .record).dropFirst(2))
        #expect(a.pseudonym("", kind: .record) == "")
    }

    @Test func pseudonymIsHMACSHA256OfTheDomainAndValue() throws {
        // Computed independently with Python:
        // hmac.new(b"A" * 32, b"falx-patient:42", hashlib.sha256).hexdigest()[:32]
        let a = Pseudonymiser(key: try #require(Self.keyA))
        #expect(a.pseudonym("42", kind: .patient) == "p_" + "16c336d41f58587fe8d6bbe3c72ee903")
    }

    @Test func shortOrMissingKeysAreRefused() throws {
        #expect(throws: KeyError.self) { try PseudonymKey(bytes: Array(repeating: 1, count: 31)) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("falx-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let short = dir.appendingPathComponent("short.key")
        try Data(repeating: 7, count: 16).write(to: short)
        do {
            _ = try PseudonymKey.load(path: short.path)
            Issue.record("a 16-byte key was accepted")
        } catch let e as KeyError {
            #expect(e.code == "key-too-short")
            #expect(e.message.contains("16 bytes"))
        }
        do {
            _ = try PseudonymKey.load(path: dir.appendingPathComponent("none.key").path)
            Issue.record("a missing key was accepted")
        } catch let e as KeyError {
            #expect(e.code == "key-missing")
        }
        do {
            _ = try PseudonymKey.load(path: dir.path)
            Issue.record("a folder was accepted as a key")
        } catch let e as KeyError {
            #expect(e.code == "key-unreadable")
        }
        let good = dir.appendingPathComponent("good.key")
        try Data(repeating: 9, count: 32).write(to: good)
        _ = try PseudonymKey.load(path: good.path)
    }

    @Test(arguments: [
        ("2021-03-12T10:20:00Z", DatePrecision.full, "2021-03-12T10:20:00Z"),
        ("2021-03-12T10:20:00Z", .day, "2021-03-12"),
        ("2021-03-12T10:20:00Z", .month, "2021-03"),
        ("2021-03-12", .year, "2021"),
        ("20210312102000", .month, "2021-03"),
        ("20210312", .day, "2021-03-12"),
        ("2021-03", .day, ""),
        ("12/03/2021", .month, ""),
        ("", .month, ""),
    ])
    func studyDatesAreCut(value: String, precision: DatePrecision, expected: String) {
        #expect(Pseudonymiser.truncate(value, to: precision) == expected)
    }

    @Test func aRowLosesItsIdentifiers() throws {
        let p = Pseudonymiser(key: try #require(Self.keyA), datePrecision: .month)
        var values = Array(repeating: "", count: AuditRow.columns.count)
        func set(_ c: String, _ v: String) { values[AuditRow.columns.firstIndex(of: c) ?? 0] = v }
        func get(_ c: String) -> String { values[AuditRow.columns.firstIndex(of: c) ?? 0] }
        set("record_id", "ACC778899")
        set("accession", "ACC778899")
        set("patient_id", "PAT-4411")
        set("source", "archive/smith_john/2021/ct-0042.hl7#3")
        set("study_datetime", "2021-03-12T10:20:00")
        set("interpreter", "Dr A Reader")
        set(
            "dc_evidence",
            "Compared with the study of 01/02/2020 (PAT-4411, ACC778899), Dr. John Smith notes falx calcification."
        )
        set("errors", "archive/smith_john/2021/ct-0042.hl7#3: bad-segment: in ct-0042.hl7")
        p.apply(to: &values)
        let record = p.pseudonym("ACC778899", kind: .record)
        let file = p.pseudonym("archive/smith_john/2021/ct-0042.hl7", kind: .record)
        #expect(get("record_id") == record)
        #expect(get("accession") == record)
        #expect(get("patient_id") == p.pseudonym("PAT-4411", kind: .patient))
        #expect(get("source") == file + "#3")
        #expect(get("study_datetime") == "2021-03")
        #expect(get("interpreter") == "Dr A Reader")
        #expect(
            get("dc_evidence")
                == "Compared with the study of [DATE] (\(p.pseudonym("PAT-4411", kind: .patient)), \(record)), Dr. [NAME] notes falx calcification."
        )
        #expect(get("errors") == "\(file)#3: bad-segment: in \(file)")
        let all = values.joined(separator: "|")
        for original in ["ACC778899", "PAT-4411", "smith_john", "ct-0042", "John Smith", "01/02/2020"] {
            #expect(!all.contains(original), "\(original) leaked")
        }
    }

    @Test(arguments: [
        ("Dense falx calcification, stable since 12/03/2021.", "Dense falx calcification, stable since [DATE]."),
        ("Unchanged from 2019-04-01T08:15:00Z and 3.5.21.", "Unchanged from [DATE] and [DATE]."),
        ("As on 12 March 2021 and on March 12, 2021.", "As on [DATE] and on [DATE]."),
        ("Seen on 3rd of Sept. 2020; again Mar 2021.", "Seen on [DATE]; again [DATE]."),
        ("Falcine calcification may be physiological in 2020.", "Falcine calcification may be physiological in 2020."),
        ("Compared with 03/2021 and 2021-03.", "Compared with [DATE] and [DATE]."),
        ("Discussed with Dr. Jane O'Neil-Smith on the phone.", "Discussed with Dr. [NAME] on the phone."),
        ("Discussed with Dr Patel and Mrs. J. Brown.", "Discussed with Dr [NAME] and Mrs. [NAME]."),
        ("Call (555) 123-4567 or +44 20 7946 0958.", "Call [PHONE] or [PHONE]."),
        ("Mail j.doe@hospital.example.org now.", "Mail [EMAIL] now."),
        ("MRN: 4411, accession # A12, NHS no. 943 476 5919.", "MRN: [ID], accession # [ID], NHS no. [ID]."),
        ("Record 12345678 and MRN12345678 and ACC-55512.", "Record [ID] and [ID] and [ID]."),
        ("A 3.5 x 2.1 cm calcification, 10-12 mm, T2 and MR 1.5T.", "A 3.5 x 2.1 cm calcification, 10-12 mm, T2 and MR 1.5T."),
        ("A 67-year-old with falx calcification.", "A 67-year-old with falx calcification."),
        ("The falx is calcified (6-12 months follow-up).", "The falx is calcified (6-12 months follow-up)."),
    ])
    func scrubberTable(input: String, expected: String) {
        #expect(TextScrubber.scrub(input) == expected)
    }

    @Test func ownIdentifiersAreReplacedBeforeThePatterns() {
        let out = TextScrubber.scrub("Patient XY12 had falx calcification.", replacing: [("XY12", "p_abc")])
        #expect(out == "Patient p_abc had falx calcification.")
        // Too short to search for safely: left alone.
        #expect(TextScrubber.scrub("Seen 7 times.", replacing: [("7", "p_x")]) == "Seen 7 times.")
        // Private-use characters in the input never turn into tags.
        #expect(TextScrubber.scrub("a\u{E000}b 12/03/2021") == "a\u{FFFD}b [DATE]")
        // Nothing to find: the text comes back as it was.
        #expect(TextScrubber.scrub("Dense falx calcification.", replacing: [("XY12", "p_abc")]) == "Dense falx calcification.")
    }
}
