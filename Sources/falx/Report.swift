import ArgumentParser
import FalxAudit
import FalxPseudonym
import FalxReport
import Foundation

extension DatePrecision: ExpressibleByArgument {}

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

    @Option(help: "Pseudonymise identifiers with this key file (raw bytes, at least 32) before anything is counted or shown.")
    var pseudonymise: String?

    @Option(help: "With --pseudonymise: cut study dates to day, month or year.")
    var datePrecision: DatePrecision?

    @Option(help: "Worklist cases shown on the page (the CSV beside it has them all).")
    var worklistLimit: Int = 1000

    @Flag(help: "Start the worklist CSV with a UTF-8 BOM (for Excel).")
    var excel = false

    func validate() throws {
        try validateReportOptions(pseudonymise: pseudonymise, datePrecision: datePrecision, worklistLimit: worklistLimit)
    }

    func run() throws {
        try refusing {
            try InputGuard.refuseMissingInputs([audit])
            try InputGuard.refuseOutputsOverlappingInputs(
                [.init(flag: "-o", path: output), .init(flag: "the worklist", path: worklistPath(besideReport: output))],
                inputs: [audit])
        }
        let pseudonymiser = try loadPseudonymiser(pseudonymise, datePrecision)
        let builder = try refusing {
            try ReportBuilder(
                htmlPath: output, worklistLimit: worklistLimit, pseudonymised: pseudonymiser != nil,
                datePrecision: datePrecision?.shownOnPage, excel: excel)
        }
        let stats = try refusing {
            do {
                // An unreadable audit, or a worklist (or its sort file) that cannot be written.
                let stats = try AuditFileReader.read(path: audit) { values in
                    var v = values
                    pseudonymiser?.apply(to: &v)
                    try builder.add(v)
                }
                // The audit's provenance file, when it has one (an unreadable one is left out).
                let provenance = audit == "-" ? nil : try? Provenance.read(path: Provenance.sidecarPath(for: audit))
                try builder.finish(
                    auditName: audit == "-" ? "standard input" : (audit as NSString).lastPathComponent, stats: stats,
                    provenance: provenance ?? nil)
                return stats
            } catch {
                builder.abandon()
                throw error
            }
        }
        printError(
            "falx report: \(stats.rows) rows\(stats.skipped > 0 ? " (\(stats.skipped) unreadable lines skipped)" : ""); "
                + "\(builder.aggregates.worklistTotal) worklist cases; wrote \(output) and \(builder.worklistFile)")
    }
}

/// Checks the options shared by `falx report` and `falx audit --report`.
func validateReportOptions(pseudonymise: String?, datePrecision: DatePrecision?, worklistLimit: Int = 1000) throws {
    if datePrecision != nil && pseudonymise == nil { throw ValidationError("--date-precision goes with --pseudonymise") }
    if worklistLimit < 0 || worklistLimit > 1_000_000 { throw ValidationError("--worklist-limit must be between 0 and 1000000") }
}

/// Reads the key before any work starts; a missing, unreadable or short key is a usage error.
func loadPseudonymiser(_ keyFile: String?, _ precision: DatePrecision?) throws -> Pseudonymiser? {
    guard let keyFile else { return nil }
    do {
        return Pseudonymiser(key: try PseudonymKey.load(path: keyFile), datePrecision: precision ?? .full)
    } catch let e as KeyError {
        throw ValidationError("--pseudonymise: \(e)")
    }
}

extension DatePrecision {
    /// The precision the report page names; nil for full dates, which it does not mention.
    var shownOnPage: String? { self == .full ? nil : rawValue }
}
