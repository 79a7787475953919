import Testing

@testable import FalxIngest

/// Decoding the messages of an HL7 v2 batch on several threads gives the records of decoding
/// them on one, in the same order: the audit's output must not depend on `--jobs`.
@Suite
struct HL7ParallelDecodeTests {
    /// A batch of `count` messages, each with its own id, accession and text; every seventh has
    /// a broken MSH-2 (an error record), every fifth an escape sequence in its text.
    static func batch(_ count: Int) -> [UInt8] {
        var s = ""
        for i in 1...count {
            let encoding = i % 7 == 0 ? "^^~" : "^~\\&"
            s += "MSH|\(encoding)|RIS|GH|||20240315103000||ORU^R01|MSG\(i)|P|2.5.1\r"
            s += "PID|1||\(1000 + i)^^^GH^MR||Doe^Jane||19600704|F\r"
            s += "OBR|1|PL\(i)|FIL\(i)|71250^CT HEAD^CPT|||20240315101500|||||||||||ACC-\(i)|||||||F\r"
            let words = i % 5 == 0 ? "Dense falx \\T\\ tentorium, report \(i)." : "No acute finding in report \(i)."
            s += "OBX|1|TX|||FINDINGS: \(words)||||||F\r"
            s += "OBX|2|TX|||IMPRESSION: Unremarkable.||||||F\r\n"
        }
        return Array(s.utf8)
    }

    static func decode(_ bytes: [UInt8], jobs: Int) -> [HL7v2MessageRecord] {
        var out: [HL7v2MessageRecord] = []
        HL7v2Reader.forEachMessage(bytes, recordBase: "b.hl7", source: "in/b.hl7", jobs: jobs) { out.append($0) }
        return out
    }

    @Test(arguments: [2, 3, 8])
    func sameRecordsInTheSameOrderAtAnyJobCount(jobs: Int) {
        // More messages than one decoding group, and a last group that is not full.
        let count = HL7v2Reader.decodeGroup * 2 + 37
        let bytes = Self.batch(count)
        let one = Self.decode(bytes, jobs: 1)
        let many = Self.decode(bytes, jobs: jobs)
        #expect(one.count == count)
        #expect(many == one)
        // The batch holds both kinds of record, so both paths are compared.
        #expect(one.contains { if case .failure = $0.record { true } else { false } })
        #expect(one.contains { if case .success = $0.record { true } else { false } })
    }

    @Test func theWalkerDecodesOnItsParseJobs() {
        let bytes = Self.batch(HL7v2Reader.decodeGroup + 5)
        var walker = InputWalker()
        let entry = InputWalker.Entry(path: "in/b.hl7", recordBase: "b.hl7")
        let one = walker.hl7Records(bytes, entry)
        walker.parseJobs = 2
        #expect(walker.hl7Records(bytes, entry) == one)
    }
}
