import Foundation
import Testing

/// The documents travel with the code: every link resolves inside the repository, no document
/// cites a file the repository does not have, and the rules document is the table the engine runs.
@Suite struct DocsTests {
    static let root = CLITests.root

    /// README.md, docs/, Corpus/ and examples/ Markdown files.
    static func documents() throws -> [URL] {
        var found = [root.appendingPathComponent("README.md")]
        for folder in ["docs", "Corpus", "examples"] {
            let base = root.appendingPathComponent(folder)
            let walker = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
            for case let url as URL in walker where url.pathExtension == "md" { found.append(url) }
        }
        return found
    }

    @Test func everyRelativeLinkResolves() throws {
        let docs = try Self.documents()
        #expect(docs.count >= 10, "expected README.md and the docs/ folder, found \(docs.map(\.lastPathComponent))")
        let link = /\]\(([^)\s]+)\)/
        for doc in docs {
            let text = try String(contentsOf: doc, encoding: .utf8)
            for match in text.matches(of: link) {
                let target = String(match.1)
                if target.hasPrefix("http") || target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                let path = String(target.split(separator: "#", maxSplits: 1)[0])
                let resolved = doc.deletingLastPathComponent().appendingPathComponent(path).standardized
                #expect(
                    FileManager.default.fileExists(atPath: resolved.path),
                    "\(doc.lastPathComponent) links to \(target), which is not in the repository")
            }
        }
    }

    /// The specs the project was built from live outside the repository; a document that names
    /// them sends its reader to a file they do not have.
    @Test func noDocumentCitesASpecOutsideTheRepository() throws {
        let outside = ["AUDIT-SCHEMA.md", "LABELLING.md", "RECOMMENDATIONS.md", "DESIGN.md", "STYLE.md", "shared/docs"]
        var files = try Self.documents()
        for folder in ["Sources", "scripts", "examples", "bench"] {
            let base = Self.root.appendingPathComponent(folder)
            let walker = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
            for case let url as URL in walker where ["swift", "py", "sh"].contains(url.pathExtension) { files.append(url) }
        }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for name in outside where text.contains(name) {
                Issue.record("\(file.path.dropFirst(Self.root.path.count + 1)) cites \(name), which is not in the repository")
            }
        }
    }

    /// The text between `<!-- begin falx COMMAND -->` and its end marker in a document.
    static func block(_ command: String, in doc: String) throws -> String {
        let begin = try #require(doc.range(of: "<!-- begin falx \(command) -->\n"), "lost the begin marker")
        let end = try #require(doc.range(of: "<!-- end falx \(command) -->"), "lost the end marker")
        return String(doc[begin.upperBound..<end.lowerBound])
    }

    @Test func theRulesDocumentIsTheTableTheEngineRuns() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        let block = try Self.block("rules", in: doc)
        let run = try CLITests().falx(["rules"])
        #expect(run.status == 0)
        #expect(
            block == "```text\n" + String(decoding: run.stdout, as: UTF8.self) + "```\n",
            "docs/rules.md differs from `falx rules`: run scripts/golden.sh and commit the result")
        // Every citation in the table resolves to a row of the references table.
        let cited = Set(block.matches(of: /ref (\d)/).map { String($0.1) })
        #expect(!cited.isEmpty)
        for number in cited {
            #expect(doc.contains("| [ref \(number)]") || doc.contains("[ref \(number)], "), "[ref \(number)] has no reference")
        }
    }

    @Test func theSchemaDocumentIsTheSchemaTheWritersUse() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/audit-schema.md"), encoding: .utf8)
        let run = try CLITests().falx(["schema"])
        #expect(run.status == 0)
        #expect(
            try Self.block("schema", in: doc) == String(decoding: run.stdout, as: UTF8.self),
            "docs/audit-schema.md differs from `falx schema`: run scripts/golden.sh and commit the result")
    }

    @Test func theErrorCodeTableIsTheEnumTheReadersUse() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/audit-schema.md"), encoding: .utf8)
        let run = try CLITests().falx(["schema", "--errors"])
        #expect(run.status == 0)
        let printed = String(decoding: run.stdout, as: UTF8.self)
        #expect(
            try Self.block("schema --errors", in: doc) == printed,
            "docs/audit-schema.md differs from `falx schema --errors`: run scripts/golden.sh and commit the result")
        // Every code the golden audit of the fixtures holds is in the table.
        let golden = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/FalxCLITests/Fixtures/golden/fixtures.golden.jsonl"),
            encoding: .utf8)
        var written: Set<String> = []
        for line in golden.split(separator: "\n") {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for error in row["errors"] as? [String] ?? [] { written.insert(String(error.prefix { $0 != ":" })) }
        }
        #expect(!written.isEmpty)
        for code in written { #expect(printed.contains("| `\(code)` |"), "the error code \(code) is not in the table") }
    }
}
