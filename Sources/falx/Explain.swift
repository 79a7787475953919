import ArgumentParser
import FalxAudit
import FalxIngest
import FalxReport
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how Falx read one report: sections, mentions with their cues, facts, rules fired."
    )

    @Argument(help: "A report file (the first record of a multi-record file unless --record is given; '-' for standard input).")
    var file: String

    @Option(
        help: ArgumentHelp(
            "The record inside a multi-record file: its 1-based number, or its id as the audit writes it.",
            discussion:
                "A number (3) or '#3' is the record's place in the file; anything else is matched against the "
                + "record_id, the accession and the source of each record (batch.hl7#3, ACC-H002, a JSON Lines id).",
            valueName: "n-or-id"))
    var record: String = "1"

    @OptionGroup var lexicon: LexiconFlags

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Reading")
    var reading: ReadingFlags

    func run() throws {
        try refusing { try InputGuard.refuseMissingInputs([file]) }
        // Read as `falx audit` reads it with the same flags, so the record explained is the row audited.
        let auditor = Auditor(lexicon: try lexicon.load().lexicon, dateOrder: reading.dateOrder)
        switch try usage({ try Explanation.record(record, of: file, reading: try reading.options(), auditor: auditor) }) {
        case .failure(let e):
            // Nothing to explain: the record would be an `error` row of the audit.
            printError("falx explain: \(file): the record is an error row: \(e)")
            throw ExitCode(1)
        case .success(let explanation):
            let style: Explanation.Style = !noColor && isatty(1) == 1 ? .terminal : .plain
            for line in explanation.lines(style: style) { print(line) }
        }
    }
}
