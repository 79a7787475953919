import ArgumentParser
import FalxText
import FalxClinical
import Foundation

struct NegEx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "negex",
        abstract: "Score negation on the NegEx/ConText annotated test set (TSV: id, concept, sentence, gold, ...).",
        discussion: "Each concept becomes a one-off target; Falx's ConText cues decide Negated or Affirmed."
    )

    @Argument(help: "negex-annotations.tsv")
    var file: String

    @Flag(help: "List the rows Falx gets wrong.")
    var showErrors = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let r = NegExScorer.score(tsv: String(decoding: data, as: UTF8.self))
        print(r.description)
        if showErrors {
            for e in r.errors { print("\(e.id)\tgold=\(e.gold)\tcue=\(e.cue)\t\(e.concept)\t\(e.sentence)") }
        }
    }
}
