import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
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
    var paths: [String]

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

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    func validate() throws {
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func run() throws {
        let auditor = Auditor(lexicon: try loadLexicon(lexicon))
        let writer: AuditWriter
        do {
            writer = try AuditWriter(path: output, format: format, header: !noHeader, excelBOM: excel)
        } catch {
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        var summary = Summary()
        let walker = InputWalker()
        do {
            // Records are read in order and audited in batches across `jobs` tasks; rows are written
            // in input order, so the output is the same for every job count.
            var batch: [Record] = []
            let batchSize = 512
            func drain() throws {
                for row in auditor.rows(for: batch, jobs: jobs) {
                    try writer.write(row)
                    summary.add(row)
                }
                batch.removeAll(keepingCapacity: true)
            }
            for entry in walker.entries(paths) {
                try walker.forEachRecord(of: entry) { record in
                    batch.append(record)
                    if batch.count >= batchSize { try drain() }
                }
            }
            try drain()
            try writer.finish()
        } catch {
            writer.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        if !quiet { printError(summary.line) }
    }
}
