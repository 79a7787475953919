import FalxClinical
import Foundation
import Testing

/// The default lexicon's data file is the source of truth; the compiled-in text is generated from it.
@Suite struct DefaultLexiconTests {
    static let dataFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/FalxClinical/Resources/default.lexicon")

    @Test func compiledInTextIsTheDataFile() throws {
        let data = try String(contentsOf: Self.dataFile, encoding: .utf8)
        // When this fails, the data file was edited without regenerating:
        // run `python3 scripts/generate-lexicon.py` and commit both files.
        #expect(ClinicalLexicon.defaultText + "\n" == data)
    }

    @Test func dataFileLoadsAsTheDefaultLexicon() throws {
        let data = try String(contentsOf: Self.dataFile, encoding: .utf8)
        let fromFile = try ClinicalLexicon.load(text: data, name: "default.lexicon")
        let builtIn = try ClinicalLexicon.load(text: ClinicalLexicon.defaultText, name: "default.lexicon")
        let same = fromFile.compiled.source == builtIn.compiled.source
        #expect(same, "the data file parses to a different lexicon than the compiled-in text")
        #expect(fromFile.compiled.source.targets.count > 500)
    }
}
