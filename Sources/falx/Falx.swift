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
        version: "falx \(FalxVersion.current), ruleset \(Ruleset.default.version)",
        subcommands: [
            Audit.self, ReportCommand.self, Eval.self, Explain.self, Rules.self, SchemaCommand.self, LexiconCommand.self,
            NegEx.self, Bench.self,
        ]
    )
}

/// Loads the lexicon: the built-in one, or `--lexicon FILE` instead of it, extended by the entries of
/// `--lexicon-add FILE`. Every entry is checked on load; a bad one is a usage error naming
/// `FILE:LINE`, what is wrong and the valid names, before any report is read.
func loadLexicon(_ path: String?, adding addPath: String? = nil) throws -> ClinicalLexicon {
    var lexicon = ClinicalLexicon.standard
    if let path { lexicon = try readLexicon(path, extending: nil) }
    if let addPath { lexicon = try readLexicon(addPath, extending: lexicon.compiled.source) }
    return lexicon
}

func readLexicon(_ path: String, extending base: Lexicon?) throws -> ClinicalLexicon {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read lexicon file \(path)")
    }
    do {
        return try ClinicalLexicon.load(text: String(decoding: data, as: UTF8.self), name: path, extending: base)
    } catch let e as LexiconError {
        throw ValidationError(e.line > 0 ? "\(path):\(e.line): \(e.message)" : "\(path): \(e.message)")
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// Runs `body`; an error it throws (a refusal, an output that cannot be written) is printed as
/// `falx: MESSAGE` and ends the command with exit 2.
func refusing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError("falx: \(error)")
        throw ExitCode(2)
    }
}
