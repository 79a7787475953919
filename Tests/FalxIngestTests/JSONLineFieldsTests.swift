import Foundation
import Testing
@testable import FalxIngest

/// The byte-level JSON Lines reader must give exactly what `JSONSerialization` gives, or step aside.
@Suite struct JSONLineFieldsTests {
    /// Lines the fast path must read itself, each with the record `JSONSerialization` gives.
    static let handled: [String] = [
        #"{"id": "r1", "text": "Falcine calcification."}"#,
        #"{"text":"No dural calcification.","id":"r2","age":67,"sex":"female","interpreter":"Dr A"}"#,
        #"  {"id": 42, "text": "Tentorial calcification.", "accession": 123456789012345678}  "#,
        #"{"id": "", "text": "x"}"#,
        #"{"id": null, "text": "x", "age": null, "facility": null}"#,
        #"{"id": "r3", "text": "Line one\nline two\ttabbed \"quoted\" back\\slash \/ \b\f\r \u00e9 \u2028 \ud83d\ude00 \u0000 end"}"#,
        #"{"id": "r4", "text": "Falx", "labels": {"dural_calcification": "present", "nested": [1, -2.5e3, true, false, null, {"a": []}]}}"#,
        #"{"id": "r5", "text": "   \n\t  "}"#,
        #"{"id": "r6", "text": "\u00a0\u3000"}"#,
        #"{"id": "r7"}"#,
        #"{"id": "r8", "text": 5}"#,
        #"{"id": "r9", "text": ["a"]}"#,
        #"{"id": "r10", "text": "first", "text": "second"}"#,
        #"{"id": "r11", "te\u0078t": "escaped key", "age": -3}"#,
        #"{"id": "r12", "text": "Ünïcödé falx — dural", "patient_id": "P-1", "birth_date": "1950-01-02", "study_datetime": "2020-03-04T05:06"}"#,
        #"{}"#,
        #"{"id": {"nested": "object"}, "text": "an object id"}"#,
        #"{"report": "c", "Text": "a", "text": "b", "TEXT": "d", "report_text": "e"}"#,
        #"{"Report Text": "x", "narrative": "y", "Patient ID": "P-1", "MRN": "P-2", "age": "52"}"#,
    ]

    /// Lines the fast path must leave to `JSONSerialization` (which may accept or refuse them).
    static let declined: [String] = [
        "{\"id\": \"r1\", \"text\": \"raw control \u{01} in a string\"}",
        "{\"id\": \"r2\", \"text\": \"raw CR \r inside\"}",
        #"{"id": "r3", "text": "lone surrogate \ud800 here"}"#,
        #"{"id": "r4", "text": "lone low \udc00"}"#,
        #"{"id": "r5", "text": "bad escape \x"}"#,
        #"{"id": "r6", "text": "cut"#,
        #"{"id": "r7", "text": "x",}"#,
        #"{"id": "r8", "text": "x"} trailing"#,
        #"["not", "an", "object"]"#,
        #""just a string""#,
        #"{"id": 1.5, "text": "fractional id"}"#,
        #"{"id": 1e3, "text": "exponent id"}"#,
        #"{"id": "r9", "text": "x", "age": 45.7}"#,
        #"{"id": "r10", "text": "x", "age": true}"#,
        #"{"id": 12345678901234567890, "text": "huge id"}"#,
        #"{"id": -0, "text": "negative zero"}"#,
        #"{"id": 007, "text": "leading zeros"}"#,
        #"{"id": "r11", "text": "x", "labels": [1, 2,]}"#,
        #"{"id": "r12", "text": "x", "labels": 01}"#,
        #"{"id": "r13", "text": "x" "age": 3}"#,
        #"{id: "r14", "text": "x"}"#,
        #"{"id": "r15", "text": "x", "deep": "#,  // deep nesting, completed below
    ]

    static func deepLine() -> String {
        #"{"id": "r15", "text": "x", "deep": "# + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "}"
    }

    func record(_ line: String, fast: Bool) -> Record {
        JSONLinesReader.record(
            line: Array(line.utf8)[...], lineNumber: 7, recordBase: "f.jsonl", source: "in/f.jsonl", fastPath: fast)
    }

    @Test(arguments: handled)
    func fastPathReadsTheLineAsJSONSerializationDoes(_ line: String) {
        #expect(JSONLineFields(Array(line.utf8)[...]) != nil, "the fast path declined: \(line)")
        #expect(record(line, fast: true) == record(line, fast: false), "\(line)")
    }

    @Test(arguments: declined.dropLast() + [deepLine()])
    func fastPathStepsAsideWhenUnsure(_ line: String) {
        #expect(JSONLineFields(Array(line.utf8)[...]) == nil, "the fast path accepted: \(line)")
        // And the reader as a whole still gives JSONSerialization's verdict.
        #expect(record(line, fast: true) == record(line, fast: false), "\(line)")
    }

    @Test func decodedTextIsTheJSONString() throws {
        let line = #"{"id": "e", "text": "a\"b\\c\/d\ne\u00e9f\ud83d\ude00g"}"#
        let report = try record(line, fast: true).get()
        #expect(String(decoding: report.text, as: UTF8.self) == "a\"b\\c/d\ne\u{e9}f\u{1F600}g")
    }

    /// Every line of a real file: a sample of the public transcriptions (Fixtures/mtsamples, see its
    /// PROVENANCE.md) and the repository Corpus's JSON Lines; both must be there.
    @Test func realLinesAreReadTheSameBothWays() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let mtsamples = try #require(
            Bundle.module.url(
                forResource: "mtsamples-first200", withExtension: "jsonl", subdirectory: "Fixtures/mtsamples"),
            "Fixtures/mtsamples/mtsamples-first200.jsonl is missing from the test bundle")
        let paths = [mtsamples.path, root.appendingPathComponent("Corpus/corpus.gold.jsonl").path]
        for path in paths { try #require(FileManager.default.fileExists(atPath: path), "\(path) is missing") }
        var fast = 0
        var lines = 0
        for path in paths {
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            for (n, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(1500).enumerated() {
                lines += 1
                if JSONLineFields(line) != nil { fast += 1 }
                let a = JSONLinesReader.record(line: line, lineNumber: n + 1, recordBase: "b", source: "s")
                let b = JSONLinesReader.record(line: line, lineNumber: n + 1, recordBase: "b", source: "s", fastPath: false)
                #expect(a == b, "\(path) line \(n + 1)")
            }
        }
        // The fast path reads real lines itself.
        #expect(lines >= 450 && fast * 10 >= lines * 9, "\(fast) of \(lines) lines read by the fast path")
    }
}
