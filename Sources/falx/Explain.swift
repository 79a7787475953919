import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
import FalxReport
import FalxText
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

    @Option(help: "A lexicon file to use instead of the built-in one.")
    var lexicon: String?

    @Option(help: "A lexicon file whose entries are added to the built-in one (or to --lexicon's).")
    var lexiconAdd: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Reading")
    var reading: ReadingFlags

    func run() throws {
        try refusing { try InputGuard.refuseMissingInputs([file]) }
        let lex = try loadLexicon(lexicon, adding: lexiconAdd)
        // Read as `falx audit` reads it with the same flags, so the record explained is the row audited.
        let auditor = Auditor(lexicon: lex, dateOrder: reading.dateOrder)
        var walker = InputWalker()
        walker.reading = try reading.options()
        walker.textHeaders = auditor.textHeaders
        let records = walker.records(of: .init(path: file, recordBase: file))
        let index: Int
        do {
            index = try Explanation.select(record, in: records, file: file)
        } catch let error as Explanation.SelectionError {
            throw ValidationError(error.description)
        }
        switch records[index] {
        case .failure(let e):
            // Nothing to explain: the record would be an `error` row of the audit.
            FileHandle.standardError.write(Data("falx explain: \(file): the record is an error row: \(e)\n".utf8))
            throw ExitCode(1)
        case .success(let report):
            let style: Explanation.Style = !noColor && isatty(1) == 1 ? .terminal : .plain
            for line in Explanation(report: report, auditor: auditor).lines(style: style) { print(line) }
        }
    }
}
