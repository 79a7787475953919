import FalxTestSupport
import Foundation
import Testing

@testable import FalxIngest

/// The byte scanner that lets a Bundle be read one entry at a time, checked against
/// `JSONSerialization` on generated JSON, and the Bundle reading built on it.
@Suite struct FHIRBundleStreamTests {
    /// A random JSON value: objects, arrays, strings with escapes and non-ASCII, numbers, literals.
    static func value(_ rng: inout SplitMix64, depth: Int = 0) -> Any {
        switch depth > 3 ? 2 + rng.below(3) : rng.below(5) {
        case 0:
            var object: [String: Any] = [:]
            for k in 0..<rng.below(5) { object[key(&rng, k)] = value(&rng, depth: depth + 1) }
            return object
        case 1: return (0..<rng.below(5)).map { _ in value(&rng, depth: depth + 1) }
        case 2: return key(&rng, rng.below(100))
        case 3: return [0, -1.5, 1e10, 42][rng.below(4)]
        default: return [true, false, NSNull()][rng.below(3)] as Any
        }
    }

    static func key(_ rng: inout SplitMix64, _ k: Int) -> String {
        ["resourceType", "entry", "a\"b", "back\\slash", "é\u{2028}", "{[,:]}", "k\(k)", ""][rng.below(8)]
    }

    static func json(_ v: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .prettyPrinted]))
    }

    /// One spelling per JSON value, for comparing parsed values.
    static func canonical(_ v: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed])
    }

    @Test func scannerFindsTheMembersAndElementsJSONSerializationFinds() throws {
        var rng = SplitMix64(seed: 0x5EED_F41)
        for round in 0..<400 {
            let v = Self.value(&rng)
            let bytes = try Self.json(v)
            let scan = JSONScan(bytes: bytes)
            let whole = try #require(scan.value(at: 0), "seed round \(round): \(String(decoding: bytes, as: UTF8.self))")
            #expect(scan.skipSpace(whole.upperBound) == bytes.count, "round \(round)")
            if let object = v as? [String: Any] {
                var seen: [String: Any] = [:]
                let ok = scan.forEachMember(of: whole) { key, value in
                    seen[scan.string(key) ?? "?"] =
                        try? JSONSerialization.jsonObject(with: Data(bytes[value]), options: .fragmentsAllowed)
                }
                #expect(ok, "round \(round)")
                #expect(try Self.canonical(seen) == Self.canonical(object), "round \(round)")
            } else if let array = v as? [Any] {
                var seen: [Any] = []
                let ok = scan.forEachElement(of: whole) { element in
                    seen.append(
                        (try? JSONSerialization.jsonObject(with: Data(bytes[element]), options: .fragmentsAllowed)) ?? "?")
                }
                #expect(ok, "round \(round)")
                #expect(try Self.canonical(seen) == Self.canonical(array), "round \(round)")
            }
            // Cut short anywhere, an object or array is never taken as whole.
            if bytes.count > 2, bytes[0] == 0x7B || bytes[0] == 0x5B {
                let cut = Array(bytes[..<(1 + rng.below(bytes.count - 1))])
                #expect(JSONScan(bytes: cut).value(at: 0) == nil, "round \(round)")
            }
        }
    }

    func records(_ json: String) -> [Record] { FHIRReader.records(Array(json.utf8), recordBase: "b.json", source: "b.json") }

    @Test func aBundleInsideABundleAndAnEscapedKeyAreRead() throws {
        let records = records(
            #"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":[{"resource":"#
                + #"{"resourceType":"DiagnosticReport","subject":{"reference":"Patient/p"},"conclusion":"Calcified falx."}}]}},"#
                + #"{"resource":{"resource\u0054ype":"Patient","id":"p","gender":"male","birthDate":"1940-02-03"}}]}"#)
        #expect(records.count == 1)
        let report = try records[0].get()
        #expect(report.metadata.sex == "M" && report.metadata.birthDate == "1940-02-03")
        #expect(String(decoding: report.text, as: UTF8.self).contains("Calcified falx."))
    }

    @Test func aBadEntryIsItsOwnRowAndTheOthersAreRead() throws {
        let records = records(
            #"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"DiagnosticReport","conclusion":"One."}},"#
                + #"7,{"resource":{"resourceType":"DiagnosticReport","conclusion":"Two.","x":01}},"#
                + #"{"resource":{"conclusion":"no type"}}]}"#)
        #expect(records.count == 4)
        #expect((try? records[0].get()) != nil)
        let codes = records.compactMap { r -> String? in if case .failure(let e) = r { e.code.rawValue } else { nil } }
        #expect(codes == ["bad-json", "bad-bundle-entry", "bad-bundle-entry"])
        if case .failure(let e) = records[1] { #expect(e.message == "DiagnosticReport 2 of the Bundle is not valid JSON") }
        if case .failure(let e) = records[2] { #expect(e.message == "the Bundle, entry 2 is not a JSON object") }
    }

    @Test(arguments: [
        #"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"DiagnosticReport"}"#,
        #"{"resourceType":"Bundle","entry":[]} trailing"#, #"{"resourceType":"Bundle","entry":[}"#,
    ])
    func aBundleCutShortOrFollowedByGarbageIsNotValidJSON(_ json: String) throws {
        let records = records(json)
        #expect(records.count == 1)
        guard case .failure(let e) = records[0] else { throw Expectation.failed }
        #expect(e.code == .badJSON)
    }

    enum Expectation: Error { case failed }
}
