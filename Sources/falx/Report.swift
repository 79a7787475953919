import ArgumentParser
import FalxAudit
import FalxPseudonym
import FalxReport
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the quality team's HTML report (charts, worklist, errors) from an audit file.",
        discussion: """
            Reads an audit written by `falx audit` (CSV with its header, or JSON Lines; '-' for standard input) \
            and writes one self-contained HTML page (no network, inline CSS and SVG) and, beside it, the full \
            worklist as CSV (report.html -> report-worklist.csv). Every number is computed from the audit alone. \
            Decision support for audit and research, not a diagnosis.
            """
    )

    @Argument(help: "The audit file (CSV or JSON Lines).")
    var audit: String

    @Option(name: .shortAndLong, help: "The HTML report to write.")
    var output: String

    @OptionGroup var pseudonymisation: PseudonymisationFlags

    @Option(help: "Worklist cases shown on the page (the CSV beside it has them all).")
    var worklistLimit: Int = 1000

    @Flag(help: "Start the worklist CSV with a UTF-8 BOM (for Excel).")
    var excel = false

    var reportRun: ReportRun {
        var r = ReportRun(audit: audit, output: output)
        (r.worklistLimit, r.excel) = (worklistLimit, excel)
        (r.pseudonymise, r.datePrecision) = (pseudonymisation.pseudonymise, pseudonymisation.datePrecision)
        return r
    }

    func validate() throws {
        try usage { try reportRun.validate() }
    }

    func run() throws {
        let reportRun = reportRun
        try refusing { try reportRun.refuseUnsafePaths() }
        let pseudonymiser = try pseudonymisation.load()
        printError(try refusing { try reportRun.run(pseudonymise: pseudonymiser.map { p in { p.apply(to: &$0) } }) })
    }
}
