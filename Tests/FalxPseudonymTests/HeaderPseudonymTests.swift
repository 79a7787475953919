import FalxAudit
import FalxIngest
import Testing

@testable import FalxPseudonym

/// Values read from a report's header lines are identifiers of its row: none may survive a
/// pseudonymised audit, in any column.
@Suite struct HeaderPseudonymTests {
    static let text = """
        Accession: 2024-CT-004711        MRN: 00384421
        Patient: DOE, Jane   DOB: 03/14/1958   Sex: F
        Exam: CT HEAD WITHOUT CONTRAST   Exam date: 2024-05-02 14:31
        Ordering: Dr A. Smith            Location: Main Campus ED
        Hospital No: RX-77 31   NHS No: 943 476 5919

        FINDINGS: Jane Doe, MRN 00384421, born 03/14/1958, has dense calcification of the falx as Smith asked, \
        per RX-77 31 and 9434765919.

        Dictated by: Dr R. Patel  Electronically signed: 05/02/2024 15:02
        """

    /// The row of the report above, encoded as the audit writes it, each column's value.
    func values(pseudonymised: Bool, identifiers: Bool = true) throws -> [String] {
        let record = try #require(TextReader.records(Array(Self.text.utf8), recordBase: "in.txt", source: "in.txt").first)
        let row = Auditor().row(for: record)
        #expect(row.facts.duralCalcification == .present)
        guard pseudonymised else { return row.values }
        let p = Pseudonymiser(key: try PseudonymKey(bytes: Array(repeating: 0x41, count: 32)), datePrecision: .month)
        let transform: RowTransform = { row, values in
            p.apply(to: &values, identifiers: identifiers ? row.identifiers : [])
        }
        return AuditWriter.encode(row, format: .csv, transform: transform).values
    }

    static let patientValues = [
        "2024-CT-004711", "00384421", "DOE", "Doe", "Jane", "03/14/1958", "1958-03-14", "943 476 5919", "9434765919",
        "RX-77 31", "Smith", "2024-05-02 14:31", "05/02/2024",
    ]

    @Test func noHeaderValueSurvivesAnywhere() throws {
        let plain = try values(pseudonymised: false)
        let evidence = plain[AuditRow.columns.firstIndex(of: "dc_evidence") ?? 0]
        // The evidence holds them all before pseudonymisation, so the test can fail.
        for v in ["Jane Doe", "00384421", "03/14/1958", "Smith", "RX-77 31", "9434765919"] {
            #expect(evidence.contains(v), "\(v)")
        }
        let out = try values(pseudonymised: true)
        for (column, value) in zip(AuditRow.columns, out) {
            for secret in Self.patientValues {
                #expect(!value.contains(secret), "\(column) keeps \(secret): \(value)")
            }
            // The interpreter and facility columns are kept, as for every format; nowhere else.
            if column != "interpreter" { #expect(!value.contains("Patel"), "\(column): \(value)") }
            if column != "facility" { #expect(!value.contains("Main Campus"), "\(column): \(value)") }
        }
        let scrubbed = out[AuditRow.columns.firstIndex(of: "dc_evidence") ?? 0]
        #expect(scrubbed.contains("[NAME]") && scrubbed.contains("[ID]"))
    }

    @Test func withoutTheHeaderIdentifiersTheNameSurvives() throws {
        // The control: the scrubber's own patterns do not catch a name without a title.
        let out = try values(pseudonymised: true, identifiers: false)
        #expect(out[AuditRow.columns.firstIndex(of: "dc_evidence") ?? 0].contains("Jane"))
    }
}
