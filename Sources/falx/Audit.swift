import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
import FalxPseudonym
import FalxReport
import Foundation

extension AuditFormat: ExpressibleByArgument {}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit report files and folders; write one row per report.",
        discussion: """
            Reads plain-text reports (a file is a report; `=== REPORT` lines separate several) and JSON \
            Lines ({"id","text",...} per line). Folders are walked recursively in sorted order, skipping \
            hidden files, *.md and *.gold.jsonl. A record that cannot be read becomes an `error` row; the \
            run goes on. Ends with `N records: A ok, B error` on stderr.
            """
    )

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @Flag(help: "Read JSON Lines from standard input and stream rows to standard output, one per line, in order.")
    var stdin = false

    @Option(help: "With --stdin: read only lines with (line - 1) mod n = i, keeping global line numbers (i/n).")
    var shard: String?

    @Option(name: .shortAndLong, help: "Output file ('-' for standard output).")
    var output: String = "-"

    @Option(help: "Output format: csv or jsonl.")
    var format: AuditFormat = .csv

    @Option(help: "A lexicon file to use instead of the built-in one (see `falx lexicon`).")
    var lexicon: String?

    @Flag(help: "Do not write the CSV header row.")
    var noHeader = false

    @Flag(help: "Start the CSV with a UTF-8 BOM (for Excel).")
    var excel = false

    @Option(help: "Reports processed in parallel (default: active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Largest input file read whole, in MiB (larger files are error rows; JSON Lines stream at any size).")
    var maxFileMb: Int = 256

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    @Option(help: "Also write the HTML report (see `falx report`) and its worklist CSV beside it.")
    var report: String?

    @Option(help: "Pseudonymise identifiers with this key file (raw bytes, at least 32; see the README).")
    var pseudonymise: String?

    @Option(help: "With --pseudonymise: cut study dates to day, month or year.")
    var datePrecision: DatePrecision?

    /// The parsed `--shard i/n`.
    var shardValue: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        return (i, n)
    }

    func validate() throws {
        if stdin && !paths.isEmpty { throw ValidationError("give paths or --stdin, not both") }
        if !stdin && paths.isEmpty { throw ValidationError("give at least one file or folder, or --stdin") }
        if shard != nil && shardValue == nil { throw ValidationError("--shard takes i/n with 0 <= i < n, e.g. 0/4") }
        if shard != nil && !stdin { throw ValidationError("--shard goes with --stdin") }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
        if maxFileMb < 1 || maxFileMb > 4096 { throw ValidationError("--max-file-mb must be between 1 and 4096") }
        try validateReportOptions(pseudonymise: pseudonymise, datePrecision: datePrecision)
    }

    func run() throws {
        let pseudonymiser = try loadPseudonymiser(pseudonymise, datePrecision)
        let auditor = Auditor(lexicon: try loadLexicon(lexicon))
        let writer: AuditWriter
        var reportBuilder: ReportBuilder? = nil
        do {
            reportBuilder = try report.map {
                try ReportBuilder(
                    htmlPath: $0, worklistLimit: 1000, pseudonymised: pseudonymiser != nil, datePrecision: datePrecision)
            }
            writer = try AuditWriter(path: output, format: format, header: !noHeader, excelBOM: excel)
            if let p = pseudonymiser { writer.transform = { p.apply(to: &$0) } }
        } catch {
            reportBuilder?.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        var summary = Summary()
        let walker = InputWalker(maxFileBytes: maxFileMb << 20)
        do {
            // Records are read in order and audited in batches across `jobs` tasks; rows are written
            // in input order, so the output is the same for every job count.
            var batch: [Record] = []
            let batchSize = 512
            func drain() throws {
                for row in auditor.rows(for: batch, jobs: jobs) {
                    let values = try writer.write(row)
                    try reportBuilder?.add(values)
                    summary.add(row)
                }
                batch.removeAll(keepingCapacity: true)
            }
            if stdin {
                // Small batches, flushed as they go: a streaming filter for pipes and Spark.
                try walker.forEachStandardInputRecord(shard: shardValue) { record in
                    batch.append(record)
                    if batch.count >= 64 {
                        try drain()
                        try writer.flush()
                    }
                }
            }
            for entry in walker.entries(paths) {
                try walker.forEachRecord(of: entry) { record in
                    batch.append(record)
                    if batch.count >= batchSize { try drain() }
                }
            }
            try drain()
            try writer.finish()
            try reportBuilder?.finish(
                auditName: output == "-" ? "standard output" : (output as NSString).lastPathComponent,
                stats: AuditReadStats(kind: format == .csv ? .csv : .jsonl, rows: summary.records))
        } catch {
            writer.abandon()
            reportBuilder?.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        if !quiet { printError(summary.line) }
    }
}
