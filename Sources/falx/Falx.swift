import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
import FalxText
import Foundation

@main
struct Falx: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "falx",
        abstract: "Audit radiology report archives for dural calcification and its recommended work-up.",
        discussion: """
            Decision support for audit and research, not a diagnosis and not a substitute for clinical \
            judgement. Every recommendation carries its rule id and citation (see `falx rules`).
            """,
        subcommands: [
            Audit.self, ReportCommand.self, Eval.self, Explain.self, Rules.self, SchemaCommand.self, LexiconCommand.self,
            NegEx.self,
        ]
    )
}

/// Loads the lexicon named by `--lexicon`, or the built-in one.
func loadLexicon(_ path: String?) throws -> ClinicalLexicon {
    guard let path else { return .standard }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read lexicon file \(path)")
    }
    do {
        return try ClinicalLexicon.load(text: String(decoding: data, as: UTF8.self), name: path)
    } catch let e as LexiconError {
        throw ValidationError("\(path): \(e)")
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
