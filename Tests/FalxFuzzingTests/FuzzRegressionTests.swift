import FalxIngest
import Foundation
import Testing

@testable import FalxFuzzing

/// Every input the fuzzers ever broke, replayed through the same invariants (file names:
/// `regressions/<target>-<what>`), and the harness checked against the fixtures it is seeded with.
@Suite struct FuzzRegressionTests {
    /// The saved crash inputs. The folder must be in the bundle (a missing folder fails, it does
    /// not leave a test with no cases); it may hold no input yet.
    static func regressions() throws -> [URL] {
        let dir = try #require(
            Bundle.module.url(forResource: "regressions", withExtension: nil, subdirectory: "Fixtures"),
            "Fixtures/regressions is missing from the test bundle")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// One test over every saved input rather than a parameterised test: with no input saved, a
    /// parameterised test has no case and is reported as skipped.
    @Test func everyCrashInputStaysFixed() throws {
        for url in try Self.regressions() {
            let name = url.lastPathComponent
            let target = try #require(FuzzTarget(rawValue: String(name.prefix { $0 != "-" })), "name \(name) has no target")
            #expect(throws: Never.self, "regression input \(name)") {
                try FuzzHarness.run(target, Array(try Data(contentsOf: url)))
            }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func harnessAcceptsHandMadeInputs(_ target: FuzzTarget) throws {
        let inputs: [String] = [
            "", "\n", "\n\n\n", "{}", "{\"id\":\"a\",\"text\":\"Falx calcification.\"}\n\n{bad\n",
            "MSH|^~\\&|RIS|H|||20240101||ORU^R01|1|P|2.5\rOBX|1|TX|||Calcified falx.\r",
            "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><nonXMLBody><text>x</text></nonXMLBody></component></ClinicalDocument>",
            "{\"resourceType\":\"DiagnosticReport\",\"conclusion\":\"Dural calcification.\"}",
            "FINDINGS: No falcine calcification.\u{0C}IMPRESSION: \"tentorial\", calcified, =1+2",
        ]
        for input in inputs { try FuzzHarness.run(target, Array(input.utf8)) }
    }

    /// Dense and repetitive texts (the issue 17 shapes and denser ones) stay within the linear
    /// work bound the engine target checks.
    @Test(arguments: [
        "no falx, tentorium or dural calcification, thickening or enhancement ", "calcified falx ", "calcified falx\n",
        "no falx ", "? falx; ", "no new calcified falx or tentorium but ", "consider MRI if symptoms persist and CTA ",
        "headache headache no headache ", "falx falx calcified ",
    ])
    func denseTextsCostLinearWork(_ unit: String) throws {
        try FuzzHarness.run(.engine, Array(String(repeating: unit, count: 3_000).utf8))
    }

    /// The memory invariant catches a reader that multiplies its input: a record holding a shared
    /// value copied many times over (as a reader copying a batch header into every field would).
    @Test func aRecordLargerThanTwiceItsInputBreaksTheFootprintInvariant() throws {
        let input = Array("MSH|^~\\&|RIS|H\rOBX|1|TX|||Calcified falx.\r".utf8)
        var report = Report(recordID: "fuzz#1", source: "fuzz", format: .hl7v2, text: Array("Calcified falx.".utf8))
        #expect(throws: Never.self) { try FuzzHarness.checkFootprint(of: .success(report), readFrom: input) }
        report.metadata.patientNameParts = Array(repeating: String(repeating: "n", count: 512), count: 16)
        #expect(throws: InvariantViolation.self) { try FuzzHarness.checkFootprint(of: .success(report), readFrom: input) }
        let gzip: [UInt8] = [0x1F, 0x8B] + input
        #expect(throws: Never.self) { try FuzzHarness.checkFootprint(of: .success(report), readFrom: gzip) }
    }

    @Test func jsonLinesCountsEveryLineIncludingTheUnterminatedLast() {
        // Three lines, the last without a newline: three rows, or the harness throws.
        #expect(throws: Never.self) { try FuzzHarness.run(.jsonl, Array("a\nb\nc".utf8)) }
    }

    /// The reading-cost invariant catches a reader that rescans its input for every record (here:
    /// the rest of a multi-report file split again at each report), by the bytes scanned, not the
    /// clock; and a reading that took far too long, by the clock.
    @Test func aReaderThatRescansItsInputBreaksTheReadingCostInvariant() throws {
        let input = Array(String(repeating: "=== REPORT ===\nCalcified falx.\n----\n\n", count: 400).utf8)
        let once = ScanTally()
        TextReader.forEachRecord(input, recordBase: "f", source: "f", watch: ScanWatch(tally: once)) { _ in }
        #expect(throws: Never.self) { try FuzzHarness.checkReadingCost(scanned: once.bytes, took: .zero, readFrom: input) }
        let rescanning = ScanTally()
        let reports = input.indices.filter { input[$0] == 0x3D && ($0 == 0 || input[$0 - 1] == 0x0A) }
        for start in reports {
            TextReader.forEachRecord(Array(input[start...]), recordBase: "f", source: "f", watch: ScanWatch(tally: rescanning)) {
                _ in
            }
        }
        #expect(throws: InvariantViolation.self) {
            try FuzzHarness.checkReadingCost(scanned: rescanning.bytes, took: .zero, readFrom: input)
        }
        #expect(throws: InvariantViolation.self) {
            try FuzzHarness.checkReadingCost(scanned: 0, took: .seconds(60), readFrom: input)
        }
    }
}
