import ArgumentParser
import FalxClinical
import FalxCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the decision table with its citations.")

    func run() {
        print(Ruleset.default.describe(), terminator: "")
    }
}

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Print the built-in lexicon (copy it, edit it, load it with --lexicon FILE)."
    )
    func run() { print(ClinicalLexicon.defaultText) }
}
