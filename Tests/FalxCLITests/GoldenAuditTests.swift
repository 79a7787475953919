import FalxAudit
import Foundation
import Testing

/// The golden audits: what Falx outputs for the Corpus and the test fixtures, committed under
/// Fixtures/golden and compared byte for byte. A failure here means the output changed: if the
/// change is intended, run `scripts/golden.sh`, review `git diff Tests/FalxCLITests/Fixtures/golden`
/// and commit it with the reason.
@Suite struct GoldenAuditTests {
    static let folder = CLITests.root.appendingPathComponent("Tests/FalxCLITests/Fixtures/golden")

    struct Golden: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var testDescription: String { name }
    }

    /// MANIFEST.tsv: one golden file and its falx arguments per line, the same list that
    /// scripts/golden.sh regenerates from.
    static let manifest: [Golden] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return Golden(name: String(parts[0]), arguments: parts[1].split(separator: " ").map(String.init))
        }
    }()

    @Test func theManifestListsEveryGoldenFile() throws {
        #expect(Self.manifest.count >= 7, "MANIFEST.tsv is missing or short: \(Self.manifest.map(\.name))")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.contains(".golden.") }
        #expect(Set(onDisk) == Set(Self.manifest.map(\.name)), "golden files and MANIFEST.tsv disagree")
    }

    @Test(arguments: manifest) func outputMatchesTheGoldenFile(_ golden: Golden) throws {
        let expected = try Data(contentsOf: Self.folder.appendingPathComponent(golden.name))
        let run = try CLITests().falx(golden.arguments)
        #expect(run.status == 0, "falx \(golden.arguments.joined(separator: " ")): \(run.stderr)")
        guard run.stdout != expected else { return }
        let actualPath = FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(golden.name)")
        try run.stdout.write(to: actualPath)
        Issue.record(
            """
            \(golden.name) changed: \(Self.firstDifference(expected, run.stdout))
            The new output is in \(actualPath.path). If the change is intended, run scripts/golden.sh, \
            review `git diff Tests/FalxCLITests/Fixtures/golden` and commit it with the reason.
            """)
    }

    /// Every cell of the golden Corpus and fixture audits takes a value its column allows.
    @Test(arguments: ["corpus.golden.csv", "fixtures.golden.csv"])
    func everyCellFitsItsColumn(_ name: String) throws {
        let rows = CLITests().parseCSV(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        #expect(rows.first == AuditSchema.names)
        for row in rows.dropFirst() {
            try #require(row.count == AuditSchema.columns.count, "\(row.first ?? "")")
            for (column, value) in zip(AuditSchema.columns, row) where !value.isEmpty {
                let fits: Bool
                switch column.values {
                case .text, .textList: fits = true
                case .oneOf(let allowed): fits = allowed.contains(value)
                case .listOf(let allowed): fits = value.split(separator: ";").allSatisfy { allowed.contains(String($0)) }
                case .integer: fits = Int(value) != nil
                case .offsets: fits = value.wholeMatch(of: /\d+-\d+/) != nil
                case .dateTime:
                    fits = value.wholeMatch(of: /\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?/) != nil
                }
                #expect(fits, "\(row[0]): \(column.name) = \(value)")
            }
        }
    }

    /// The first line that differs, as "line N: expected … / actual …".
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<end of file>"
            let y = i < b.count ? String(b[i]) : "<end of file>"
            if x != y {
                // Show the lines from a little before the first character that differs.
                let same = zip(x, y).prefix { $0 == $1 }.count
                let from = max(0, same - 60)
                let column = from > 0 ? " from character \(from + 1)" : ""
                return
                    "line \(i + 1)\(column):\n  expected: \(x.dropFirst(from).prefix(200))\n  actual:   \(y.dropFirst(from).prefix(200))"
            }
        }
        return "the bytes differ (line endings or a final newline)"
    }
}
