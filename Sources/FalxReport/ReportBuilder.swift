import FalxAudit
import Foundation

/// Streams audit rows into the report's aggregates and the full worklist CSV, then writes the page.
public final class ReportBuilder: AuditRunReport {
    public let htmlPath: String
    /// The worklist CSV beside the page.
    public let worklistFile: String
    let worklist: AtomicOutput
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
        try AtomicOutput.refuseNonRegular(htmlPath)
        worklistFile = worklistPath(besideReport: htmlPath)
        worklist = try Self.open(worklistFile)
        let ns = worklistFile as NSString
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
        let page = try Self.open(htmlPath)
        do {
            var context = HTMLReport.Context(
                auditName: auditName, pseudonymised: pseudonymised,
                datePrecision: datePrecision,
                worklistFile: (worklistFile as NSString).lastPathComponent)
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

extension ReportBuilder {
    /// The page or the worklist, written whole or not at all; refused when it exists and is not a
    /// regular file.
    static func open(_ path: String) throws -> AtomicOutput {
        try AtomicOutput.refuseNonRegular(path)
        return try AtomicOutput(replacing: path, naming: .path(path))
    }
}

/// The path of the full worklist CSV beside a report: `report.html` → `report-worklist.csv`.
public func worklistPath(besideReport path: String) -> String {
    let ns = path as NSString
    let stem = ns.pathExtension.isEmpty ? path : ns.deletingPathExtension
    return stem + "-worklist.csv"
}
