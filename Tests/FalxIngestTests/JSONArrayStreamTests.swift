import FalxTestSupport
import Foundation
import Testing

@testable import FalxIngest

/// A JSON array of report objects read one element at a time: the same records as parsing the
/// whole array, element by element, and faults kept to the element that has them.
@Suite struct JSONArrayStreamTests {
    /// A report object with escapes, non-ASCII, and nested arrays and objects beside its fields.
    static func element(_ rng: inout SplitMix64, _ k: Int) -> [String: Any] {
        let words = ["falx", "calcified", "\"quoted\"", "back\\slash", "é", "line\nbreak", "]}[{,:", "\u{2028}", "tab\t"]
        var object: [String: Any] = [
            "text": (0..<1 + rng.below(12)).map { _ in words[rng.below(words.count)] }.joined(separator: " ")
        ]
        if !rng.oneIn(4) { object["id"] = "r\(k)-\(words[rng.below(words.count)])" }
        if rng.oneIn(2) { object["accession"] = "A\(rng.below(100_000))" }
        if rng.oneIn(2) { object["age"] = rng.below(100) }
        if rng.oneIn(3) { object["extra"] = ["nested": [1, ["deeper": "]"], [[], [:]]], "s": "}{"] as [String: Any] }
        if rng.oneIn(3) { object["list"] = [["a": "b"], "c", 3, NSNull()] as [Any] }
        return object
    }

    /// Each element on its own, read as the JSON array reader reads element `n`.
    static func expected(_ elements: [[String: Any]]) throws -> [Record] {
        try elements.enumerated().map { n, element in
            let bytes = Array(try JSONSerialization.data(withJSONObject: element))
            return JSONLinesReader.record(
                line: bytes[...], lineNumber: n + 1, recordBase: "a.json", source: "in/a.json", place: "element \(n + 1)",
                format: .json)
        }
    }

    static func read(_ bytes: [UInt8]) -> [Record] {
        JSONArrayReader.records(bytes, recordBase: "a.json", source: "in/a.json")
    }

    @Test func elementsReadOneAtATimeAreTheRecordsOfTheWholeParse() throws {
        var rng = SplitMix64(seed: 0x150A_77A1)
        for round in 0..<60 {
            let elements = (0..<1 + rng.below(40)).map { Self.element(&rng, $0) }
            let options: JSONSerialization.WritingOptions = rng.oneIn(2) ? [.prettyPrinted] : []
            let bytes = Array(try JSONSerialization.data(withJSONObject: elements, options: options))
            // The whole array, parsed at once, holds the elements the reader reads one by one.
            let whole = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
            #expect(whole.count == elements.count)
            #expect(Self.read(bytes) == (try Self.expected(whole)), "round \(round)")
        }
    }

    @Test func bracketsAndQuotesInsideStringsAndNestedValuesDoNotEndAnElement() throws {
        let text =
            #"[{"id":"a","text":"] } [ { \" , ","x":[1,[2,{"y":"]"}]],"z":{"w":{}}},"#
            + #" {"id":"b","text":"second \\\" one"}]"#
        let records = Self.read(Array(text.utf8))
        #expect(records.count == 2)
        guard case .success(let a) = records[0], case .success(let b) = records[1] else {
            Issue.record("\(records)")
            return
        }
        #expect(String(decoding: a.text, as: UTF8.self) == #"] } [ { " , "#)
        #expect(b.recordID == "b")
        #expect(String(decoding: b.text, as: UTF8.self) == #"second \" one"#)
    }

    @Test func aBrokenElementInTheMiddleIsOneErrorRowAndTheRestAreRead() {
        let text = #"[{"id":"a","text":"A"}, {"id":"b","text": }, 7, {"id":"c","text":"C"}]"#
        let records = Self.read(Array(text.utf8))
        #expect(records.count == 4)
        #expect(records[0].recordID == "a" && records[3].recordID == "c")
        guard case .failure(let broken) = records[1], case .failure(let scalar) = records[2] else {
            Issue.record("\(records)")
            return
        }
        #expect(broken.code == .badJSON && broken.recordID == "a.json#2")
        #expect(scalar.message == "element 3 is not a JSON object")
        if case .success = records[3] {} else { Issue.record("element 4 not read: \(records[3])") }
    }

    @Test func anElementThatNeverEndsEndsTheArrayWithOneErrorRow() {
        let records = Self.read(Array(#"[{"id":"a","text":"A"}, {"id":"b","text":"never closed}]"#.utf8))
        #expect(records.count == 2)
        guard case .failure(let e) = records[1] else {
            Issue.record("\(records)")
            return
        }
        #expect(e.message.hasPrefix("element 2 and what follows cannot be read"))
    }

    @Test func textAfterTheArrayIsAnErrorRowAfterTheElements() {
        let records = Self.read(Array(#"[{"id":"a","text":"A"}] trailing {"#.utf8))
        #expect(records.count == 2)
        #expect(records[0].recordID == "a")
        guard case .failure(let e) = records[1] else {
            Issue.record("\(records)")
            return
        }
        #expect(e.message == "text after the end of the JSON array" && e.recordID == "a.json#2")
    }

    @Test func anEmptyArrayIsOneErrorRow() {
        for text in ["[]", " [ \n ] ", "\u{FEFF}[]"] {
            let records = Self.read(Array(text.utf8))
            guard records.count == 1, case .failure(let e) = records[0] else {
                Issue.record("\(text): \(records)")
                continue
            }
            #expect(e.code == .empty)
        }
    }

    /// Once the watch asks to stop, no further element is read or handed out.
    @Test func aStopEndsTheElementsHandedOut() {
        let elements = (1...50).map { #"{"id":"r\#($0)","text":"Report \#($0)."}"# }
        let bytes = Array(("[" + elements.joined(separator: ",") + "]").utf8)
        let stop = StopAfter(3)
        var seen: [String] = []
        JSONArrayReader.forEachRecord(
            bytes, recordBase: "a.json", source: "a.json", watch: ScanWatch(shouldStop: { stop.asked() })
        ) { seen.append($0.recordID) }
        #expect(seen == ["r1", "r2"])
    }
}

/// Answers "stop" from its `n`-th question on.
final class StopAfter: @unchecked Sendable {
    private let lock = NSLock()
    private var questions = 0
    private let n: Int
    init(_ n: Int) { self.n = n }
    func asked() -> Bool {
        lock.withLock {
            questions += 1
            return questions >= n
        }
    }
}
