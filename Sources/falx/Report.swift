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
        do {
            try InputGuard.refuseMissingInputs([audit])
            try InputGuard.refuseOutputsOverlappingInputs(
                [.init(flag: "-o", path: output), .init(flag: "the worklist", path: worklistPath(besideReport: output))],
                inputs: [audit])
        } catch let refusal as Refusal {
            printError("falx: \(refusal)")
            throw ExitCode(2)
        }
        let pseudonymiser = try loadPseudonymiser(pseudonymise, datePrecision)
        let builder: ReportBuilder
        do {
            builder = try ReportBuilder(
                htmlPath: output, worklistLimit: worklistLimit, pseudonymised: pseudonymiser != nil,
                datePrecision: datePrecision, excel: excel)
        } catch {
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        let stats: AuditReadStats
        do {
            stats = try AuditFileReader.read(path: audit) { values in
                var v = values
                pseudonymiser?.apply(to: &v)
                try builder.add(v)
            }
        } catch {
            // An unreadable audit, or a worklist (or its sort file) that cannot be written.
            builder.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        do {
            // The audit's provenance file, when it has one (an unreadable one is left out).
            let provenance = audit == "-" ? nil : try? Provenance.read(path: Provenance.sidecarPath(for: audit))
            try builder.finish(
                auditName: audit == "-" ? "standard input" : (audit as NSString).lastPathComponent, stats: stats,
                provenance: provenance ?? nil)
        } catch {
            builder.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        printError(
            "falx report: \(stats.rows) rows\(stats.skipped > 0 ? " (\(stats.skipped) unreadable lines skipped)" : ""); "
                + "\(builder.aggregates.worklistTotal) worklist cases; wrote \(output) and \(builder.worklist.path)")
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

/// Streams audit rows into the report's aggregates and the full worklist CSV, then writes the page.
final class ReportBuilder {
    let htmlPath: String
    let worklist: AtomicFile
    var aggregates: ReportAggregates
    let pseudonymised: Bool
    let datePrecision: DatePrecision?
    /// Puts the worklist's lines in worklist order in bounded memory (``WorklistSorter``).
    let sorter: WorklistSorter
    var worklistRows: UInt64 = 0

    /// `excel`: start the worklist CSV with a UTF-8 BOM, as `falx audit --excel` does the audit.
    init(
        htmlPath: String, worklistLimit: Int, pseudonymised: Bool, datePrecision: DatePrecision?, excel: Bool = false
    ) throws {
        self.htmlPath = htmlPath
        self.pseudonymised = pseudonymised
        self.datePrecision = datePrecision
        aggregates = ReportAggregates(limits: .init(worklist: worklistLimit))
        // The page is opened only at the end: refuse an unusable target before the run.
        try AtomicFile.refuseNonRegular(htmlPath)
        worklist = try AtomicFile(path: worklistPath(besideReport: htmlPath))
        let ns = worklist.path as NSString
        sorter = WorklistSorter(
            runPrefix: ns.deletingLastPathComponent.isEmpty
                ? ".\(ns.lastPathComponent).\(getpid()).sort"
                : ns.deletingLastPathComponent + "/.\(ns.lastPathComponent).\(getpid()).sort")
        if excel { try worklist.write(bytes: [0xEF, 0xBB, 0xBF]) }
        try worklist.write(WorklistCase.columns.joined(separator: ",") + "\n")
    }

    /// Adds one row (values in audit column order, already pseudonymised when asked).
    func add(_ values: [String]) throws {
        aggregates.add(values)
        if values.count == AuditRow.columns.count && ReportAggregates.isWorklist(values) {
            let c = WorklistCase(auditValues: values)
            try sorter.add(key: c.key(sequence: worklistRows), line: CSV.lineBytes(c.values))
            worklistRows += 1
        }
    }

    /// Writes the page; `provenance` is the audit's (see ``Provenance/summaryLines``), shown on it.
    func finish(auditName: String, stats: AuditReadStats, provenance: Provenance?) throws {
        let page = try AtomicFile(path: htmlPath)
        do {
            var context = HTMLReport.Context(
                auditName: auditName, pseudonymised: pseudonymised,
                datePrecision: datePrecision.flatMap { $0 == .full ? nil : $0.rawValue },
                worklistFile: (worklist.path as NSString).lastPathComponent)
            context.provenance = provenance?.summaryLines ?? []
            try page.write(HTMLReport(aggregates: aggregates, stats: stats, context: context).html)
            try sorter.finish { try worklist.write(bytes: $0) }
            try page.finish()
            try worklist.finish()
        } catch {
            page.abandon()
            throw error
        }
    }

    func abandon() {
        sorter.abandon()
        worklist.abandon()
    }
}
