import ArgumentParser
import FalxAudit

/// `falx bench`: the stage profile of an input (``StageProfile``).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time each stage of the audit over the given input, one stage after the other (see docs/performance.md).",
        shouldDisplay: false
    )

    @Argument(help: "Report files or folders, any format.")
    var paths: [String]

    @Option(help: "Runs of every stage; the fastest is shown.")
    var repeats = 3

    func run() throws {
        for line in StageProfile.lines(paths: paths, repeats: repeats) { print(line) }
    }
}
