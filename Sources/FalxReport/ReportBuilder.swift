import FalxAudit
import Foundation

/// Streams audit rows into the report's aggregates and the full worklist CSV, then writes the page.
public final class ReportBuilder: AuditRunReport {
    public let htmlPath: String
    public let worklist: AtomicFile
    public private(set) var aggregates: ReportAggregates
    let pseudonymised: Bool
    /// The study-date precision the page names (nil: full dates).
    let datePrecision: String?
    /// Puts the worklist's lines in worklist order in bounded memory (``WorklistSorter``).
    let sorter: WorklistSorter
    var worklistRows: UInt64 = 0

    /// `excel`: start the worklist CSV with a UTF-8 BOM, as `falx audit --excel` does the audit.
    public init(
        htmlPath: String, worklistLimit: Int, pseudonymised: Bool, datePrecision: String?, excel: Bool = false
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
    public func add(_ values: [String]) throws {
        aggregates.add(values)
        if values.count == AuditRow.columns.count && ReportAggregates.isWorklist(values) {
            let c = WorklistCase(auditValues: values)
            try sorter.add(key: c.key(sequence: worklistRows), line: CSV.lineBytes(c.values))
            worklistRows += 1
        }
    }

    /// Writes the page; `provenance` is the audit's (see ``Provenance/summaryLines``), shown on it.
    public func finish(auditName: String, stats: AuditReadStats, provenance: Provenance?) throws {
        let page = try AtomicFile(path: htmlPath)
        do {
            var context = HTMLReport.Context(
                auditName: auditName, pseudonymised: pseudonymised,
                datePrecision: datePrecision,
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

    /// Writes the page from the rows added, read as `format` (``AuditRunReport``).
    public func finish(auditName: String, format: AuditFormat, rows: Int, provenance: Provenance) throws {
        try finish(
            auditName: auditName, stats: AuditReadStats(kind: format == .csv ? .csv : .jsonl, rows: rows), provenance: provenance)
    }

    /// Adds the rows of the audit file `audit` and writes the page from them (``AuditRunReport``).
    public func finish(readingBack audit: String, auditName: String, provenance: Provenance) throws {
        let stats = try AuditFileReader.read(path: audit) { try add($0) }
        try finish(auditName: auditName, stats: stats, provenance: provenance)
    }

    /// Removes the worklist and its sort files; the page is written only by `finish`.
    public func abandon() {
        sorter.abandon()
        worklist.abandon()
    }
}
