import ArgumentParser
import FalxAudit
import FalxIngest
import FalxPseudonym
import FalxReport
import Foundation

extension AuditFormat: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit report files and folders; write one row per report.",
        discussion: """
            Reads every file by its content, whatever its name: plain-text reports (a file is a report; \
            `=== REPORT` headers, rules of ====, ----, **** or ____, END OF REPORT or a form feed separate \
            several), JSON Lines ({"id","text",...} per line), CSV/TSV exports with a header row (*.csv, \
            *.tsv: one report per row, the text column found by name or --text-column), JSON arrays of \
            report objects, HL7 v2 ER7 messages (files, batches, MLLP), HL7 v2 XML, CDA R2 documents, FHIR \
            JSON (DiagnosticReport, Bundle, Bulk Data NDJSON), and any of these gzip-compressed; \
            UTF-8, UTF-16 with a BOM, or Windows-1252 (--encoding). '-' reads standard input the same \
            way. Folders are walked recursively in sorted order, skipping hidden files, *.md, *.gold.jsonl and \
            files Falx wrote (audits, worklists, report pages; one warning counts them); a file reached twice \
            is read once. A record that cannot be read becomes an `error` row; the run goes on. Ends with \
            `N records: A ok, B error` on stderr. Exit 0 when every record got its row (error rows \
            included), 2 when the run is refused or cannot write (a missing input, an output that is an \
            input), 64 for bad flags, 130/143 after SIGINT/SIGTERM (see docs/refusals.md).
            """
    )

    @Argument(help: "Report files or folders ('-' for standard input, any format).")
    var paths: [String] = []

    @Flag(help: "Read JSON Lines from standard input and stream rows to standard output, one per line, in order.")
    var stdin = false

    @Flag(
        help:
            "Read whole files framed on standard input: per file a JSON header line {\"name\",\"path\",\"bytes\"}, then its bytes (docs/commands.md)."
    )
    var stdinFiles = false

    @Option(
        help: """
            Audit one share i/n (0 <= i < n) of the input. Files (of folders, or with --stdin-files): those whose \
            name in record ids hashes to i (64-bit FNV-1a mod n; a file is never split). With --stdin: lines \
            with (line - 1) mod n = i, keeping global line numbers.
            """)
    var shard: String?

    @Option(name: .shortAndLong, help: "Output file ('-' for standard output).")
    var output: String = "-"

    @Option(help: "Output format: csv or jsonl.")
    var format: AuditFormat = .csv

    @OptionGroup var lexicon: LexiconFlags

    @Flag(help: "Do not write the CSV header row.")
    var noHeader = false

    @Flag(help: "Start the CSV with a UTF-8 BOM (for Excel).")
    var excel = false

    @Option(help: "Reports processed in parallel (default: active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Largest input file read whole, in MiB (larger files are error rows; JSON Lines stream at any size).")
    var maxFileMb: Int = 256

    @Option(help: "Longest report, in MiB: a longer report text or JSON Lines line is an error row.")
    var maxRecordMb: Int = Auditor.defaultMaxTextBytes >> 20

    @OptionGroup(title: "Reading")
    var reading: ReadingFlags

    @Flag(help: "Continue an interrupted run from its partial output (OUTPUT.partial), with the same inputs and options.")
    var resume = false

    @Option(help: "Also write the HTML report (see `falx report`) and its worklist CSV beside it.")
    var report: String?

    @OptionGroup var pseudonymisation: PseudonymisationFlags

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    @Flag(help: "End with the run's time, rate and peak memory on stderr.")
    var stats = false

    /// The parsed `--shard i/n`.
    var shardValue: Shard? { shard.flatMap { Shard($0) } }

    func validate() throws {
        try usage { try options().validate() }
        if shard != nil && shardValue == nil { throw ValidationError("--shard takes i/n with 0 <= i < n, e.g. 0/4") }
        _ = try reading.options()
    }

    /// The flags as one value (validated by the library, ``AuditOptions/validate()``).
    func options() throws -> AuditOptions {
        var o = AuditOptions()
        (o.run.paths, o.run.standardInput, o.run.shard, o.run.output) = (paths, stdin, shardValue, output)
        o.run.standardInputFiles = stdinFiles
        (o.run.format, o.run.header, o.run.excelBOM, o.run.jobs) = (format, !noHeader, excel, jobs)
        (o.run.maxFileMB, o.run.maxRecordMB, o.run.resume, o.run.quiet) = (maxFileMb, maxRecordMb, resume, quiet)
        (o.run.report, o.run.reading) = (report, try reading.options())
        (o.lexicon, o.lexiconAdd) = (lexicon.lexicon, lexicon.lexiconAdd)
        (o.pseudonymise, o.datePrecision) = (pseudonymisation.pseudonymise, pseudonymisation.datePrecision)
        (o.dateOrder, o.readingDescription) = (reading.dateOrder, reading.description)
        o.inputsNamed = stdin ? ["-"] : stdinFiles ? ["- (files)"] : paths
        return o
    }

    func run() throws {
        let started = Date()
        let options = try options()
        let session = try refusing { try AuditSession(options: options) }
        let pseudonymiser = try pseudonymisation.load()
        let loaded = try lexicon.load()
        let stop = StopSignals.install(immediate: stdin || stdinFiles || output == "-")
        let outcome = try refusing {
            try session.run(
                lexicon: loaded, lexiconSHA256: ContentHash.sha256(loaded.text),
                pseudonymisation: pseudonymiser.map { (AuditRun.Pseudonymisation($0), $0.key.fingerprint) }, stop: stop,
                stats: stats, started: started, log: printError)
        }
        if case .stopped(let signal) = outcome { throw ExitCode(128 + signal) }
    }
}
