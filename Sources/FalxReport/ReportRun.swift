import FalxAudit
import Foundation

/// One `falx report`: an audit file read back into the HTML page and the worklist CSV beside it.
public struct ReportRun {
    /// The audit file (CSV or JSON Lines; `-` for standard input).
    public var audit: String
    /// The HTML page to write; the worklist goes beside it.
    public var output: String
    /// Worklist cases shown on the page.
    public var worklistLimit = 1000
    /// Start the worklist CSV with a UTF-8 BOM.
    public var excel = false
    /// The pseudonymisation key file, and how much of study dates it keeps.
    public var pseudonymise: String?
    public var datePrecision: DatePrecision?

    public init(audit: String, output: String) {
        self.audit = audit
        self.output = output
    }

    /// Checks the flags' ranges and combinations.
    public func validate() throws(UsageError) {
        try AuditOptions.validatePseudonymisation(key: pseudonymise, datePrecision: datePrecision)
        if !(0...1_000_000).contains(worklistLimit) { throw UsageError("--worklist-limit must be between 0 and 1000000") }
    }

    /// Refuses a missing audit, and a page or worklist that would overwrite it.
    public func refuseUnsafePaths() throws {
        try InputGuard.refuseMissingInputs([audit])
        _ = try InputGuard.refuseOutputsOverlappingInputs(
            [.init(flag: "-o", path: output), .init(flag: "the worklist", path: worklistPath(besideReport: output))],
            inputs: [audit])
    }

    /// Reads the audit, each row through `pseudonymise` when given, and writes the page and the
    /// worklist; returns the line the command prints on stderr. On an error nothing is left behind.
    public func run(pseudonymise: ((inout [String]) -> Void)?) throws -> String {
        let builder = try ReportBuilder(
            htmlPath: output, worklistLimit: worklistLimit, pseudonymised: pseudonymise != nil,
            datePrecision: datePrecision?.shownOnPage, excel: excel)
        let stats: AuditReadStats
        do {
            // An unreadable audit, or a worklist (or its sort file) that cannot be written.
            stats = try AuditFileReader.read(path: audit) { values in
                var v = values
                pseudonymise?(&v)
                try builder.add(v)
            }
            // The audit's provenance file, when it has one (an unreadable one is left out).
            let provenance = audit == "-" ? nil : try? Provenance.read(path: Provenance.sidecarPath(for: audit))
            try builder.finish(
                auditName: audit == "-" ? "standard input" : (audit as NSString).lastPathComponent, stats: stats,
                provenance: provenance ?? nil)
        } catch {
            builder.abandon()
            throw error
        }
        return "falx report: \(stats.rows) rows\(stats.skipped > 0 ? " (\(stats.skipped) unreadable lines skipped)" : ""); "
            + "\(builder.aggregates.worklistTotal) worklist cases; wrote \(output) and \(builder.worklistFile)"
    }
}
