import ArgumentParser
import FalxAudit
import Foundation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Falx against gold labels ({\"id\",\"text\",\"labels\"} per line).",
        discussion:
            "Prints accuracy per field, P/R/F1 per value and confusion matrices for dural calcification, category and verdict."
    )

    @Argument(help: "Gold-label JSON Lines file.")
    var gold: String

    @Option(help: "A lexicon file to use instead of the built-in one.")
    var lexicon: String?

    @Option(help: "A lexicon file whose entries are added to the built-in one (or to --lexicon's).")
    var lexiconAdd: String?

    @Option(help: "Exit non-zero when the mean per-field accuracy is below this (0-1).")
    var minAccuracy: Double?

    @Flag(help: "List every mismatch.")
    var showErrors = false

    func validate() throws {
        if let m = minAccuracy, !(m >= 0 && m <= 1) {
            throw ValidationError("--min-accuracy must be a number between 0 and 1 (a share, e.g. 0.9), not \(m)")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: gold) else {
            throw ValidationError("cannot read gold file \(gold)")
        }
        let (records, problems) = Evaluation.readGold(data, relativeTo: (gold as NSString).deletingLastPathComponent)
        for p in problems { printError("falx eval: \(gold): \(p)") }
        // A bad line would quietly leave its labels out of the scores: the gold file must be whole.
        guard problems.isEmpty else {
            printError("falx eval: \(gold) has \(problems.count) bad line(s); fix them and run again")
            throw ExitCode(2)
        }
        guard !records.isEmpty else { throw ValidationError("no gold records in \(gold)") }
        let e = Evaluation.run(records, auditor: Auditor(lexicon: try loadLexicon(lexicon, adding: lexiconAdd)))
        for p in e.problems { printError("falx eval: \(p)") }
        print(e.report(showMismatches: showErrors), terminator: "")
        if let m = minAccuracy, e.meanAccuracy < m {
            printError(String(format: "falx eval: mean accuracy %.3f is below --min-accuracy %.3f", e.meanAccuracy, m))
            throw ExitCode(1)
        }
    }
}
