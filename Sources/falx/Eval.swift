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

    @OptionGroup var lexicon: LexiconFlags

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
        let records: [GoldRecord]
        do {
            records = try Evaluation.readGold(path: gold)
        } catch GoldFileError.unusable(let message) {
            throw ValidationError(message)
        } catch GoldFileError.badLines(let problems) {
            for p in problems { printError("falx eval: \(gold): \(p)") }
            printError("falx eval: \(gold) has \(problems.count) bad line(s); fix them and run again")
            throw ExitCode(2)
        }
        let e = Evaluation.run(records, auditor: Auditor(lexicon: try lexicon.load().lexicon))
        for p in e.problems { printError("falx eval: \(p)") }
        print(e.report(showMismatches: showErrors), terminator: "")
        if let m = minAccuracy, e.meanAccuracy < m {
            printError(String(format: "falx eval: mean accuracy %.3f is below --min-accuracy %.3f", e.meanAccuracy, m))
            throw ExitCode(1)
        }
    }
}
