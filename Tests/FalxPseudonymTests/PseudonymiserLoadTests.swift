import FalxAudit
import Foundation
import Testing

@testable import FalxPseudonym

/// `--pseudonymise KEYFILE` as the commands load it: a bad key is a usage error naming its problem.
@Suite struct PseudonymiserLoadTests {
    @Test func aKeyFileGivesAPseudonymiserAndABadOneAUsageError() throws {
        #expect(try Pseudonymiser.load(keyFile: nil, datePrecision: .year) == nil)
        let path = NSTemporaryDirectory() + "falx-key-\(UUID().uuidString).key"
        defer { unlink(path) }
        try Data(repeating: 7, count: 16).write(to: URL(fileURLWithPath: path))
        #expect(throws: UsageError.self) { try Pseudonymiser.load(keyFile: path, datePrecision: nil) }
        do {
            _ = try Pseudonymiser.load(keyFile: path, datePrecision: nil)
        } catch {
            #expect(error.message.hasPrefix("--pseudonymise: key-too-short: "))
        }
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: path))
        let p = try #require(try Pseudonymiser.load(keyFile: path, datePrecision: .month))
        #expect(p.datePrecision == .month)
        #expect(try Pseudonymiser.load(keyFile: path, datePrecision: nil)?.datePrecision == .full)
        do {
            _ = try Pseudonymiser.load(keyFile: path + ".missing", datePrecision: nil)
        } catch {
            #expect(error.message.hasPrefix("--pseudonymise: key-missing: "))
        }
    }
}
