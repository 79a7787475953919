import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
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

    @Option(help: "A lexicon file to use instead of the built-in one (see `falx lexicon`).")
    var lexicon: String?

    @Option(help: "A lexicon file whose entries are added to the built-in one (or to --lexicon's).")
    var lexiconAdd: String?

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

    @Option(help: "Pseudonymise identifiers with this key file (raw bytes, at least 32; see the README).")
    var pseudonymise: String?

    @Option(help: "With --pseudonymise: cut study dates to day, month or year.")
    var datePrecision: DatePrecision?

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    @Flag(help: "End with the run's time, rate and peak memory on stderr.")
    var stats = false

    /// The parsed `--shard i/n`.
    var shardValue: Shard? { shard.flatMap { Shard($0) } }

    func validate() throws {
        if stdin && stdinFiles { throw ValidationError("give --stdin or --stdin-files, not both") }
        if (stdin || stdinFiles) && !paths.isEmpty { throw ValidationError("give paths or --stdin, not both") }
        if !(stdin || stdinFiles) && paths.isEmpty { throw ValidationError("give at least one file or folder, or --stdin") }
        if shard != nil && shardValue == nil { throw ValidationError("--shard takes i/n with 0 <= i < n, e.g. 0/4") }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
        if maxFileMb < 1 || maxFileMb > 4096 { throw ValidationError("--max-file-mb must be between 1 and 4096") }
        if maxRecordMb < 1 || maxRecordMb > 1024 { throw ValidationError("--max-record-mb must be between 1 and 1024") }
        if resume && (output == "-" || AuditWriter.isSpecialFile(output)) {
            throw ValidationError("--resume needs an output file (-o FILE)")
        }
        try validateReportOptions(pseudonymise: pseudonymise, datePrecision: datePrecision)
        _ = try reading.options()
    }

    func run() throws {
        let started = Date()
        var outputs: [InputGuard.Output] = [.init(flag: "-o", path: output)]
        if let report {
            outputs += [
                .init(flag: "--report", path: report), .init(flag: "the worklist", path: worklistPath(besideReport: report)),
            ]
        }
        let existingOutputs = try refusing {
            try InputGuard.refuseMissingInputs(paths)
            try InputGuard.refuseFalxOutputsNamedAsInputs(paths)
            return try InputGuard.refuseOutputsOverlappingInputs(outputs, inputs: paths)
        }
        let pseudonymiser = try loadPseudonymiser(pseudonymise, datePrecision)
        let clinicalLexicon = try loadLexicon(lexicon, adding: lexiconAdd)
        var configuration = AuditRun.Configuration()
        (configuration.paths, configuration.standardInput, configuration.shard) = (paths, stdin, shardValue)
        configuration.standardInputFiles = stdinFiles
        (configuration.output, configuration.format, configuration.header) = (output, format, !noHeader)
        (configuration.excelBOM, configuration.jobs, configuration.resume) = (excel, jobs, resume)
        (configuration.maxFileMB, configuration.maxRecordMB) = (maxFileMb, maxRecordMb)
        (configuration.quiet, configuration.report) = (quiet, report)
        configuration.reading = try reading.options()
        var provenance = auditProvenance(
            lexicon: clinicalLexicon, lexiconPath: lexicon, lexiconAdd: lexiconAdd, format: format, header: !noHeader,
            excel: excel, pseudonymiser: pseudonymiser, datePrecision: datePrecision, maxFileMB: maxFileMb,
            maxRecordMB: maxRecordMb, dateOrder: reading.dateOrder, reading: reading.description,
            inputs: stdin ? ["-"] : stdinFiles ? ["- (files)"] : paths)
        provenance.shard = shardValue?.description
        var run = AuditRun(
            configuration: configuration,
            auditor: Auditor(lexicon: clinicalLexicon, maxTextBytes: maxRecordMb << 20, dateOrder: reading.dateOrder),
            provenance: provenance, pseudonymisation: pseudonymiser.map(AuditRun.Pseudonymisation.init)
        ) { [report, datePrecision] excelBOM in
            try ReportBuilder(
                htmlPath: report ?? "", worklistLimit: 1000, pseudonymised: pseudonymiser != nil,
                datePrecision: datePrecision?.shownOnPage, excel: excelBOM)
        }
        let stop = StopSignals.install(immediate: stdin || stdinFiles || output == "-")
        let showProgress = !quiet && ProgressLine.stderrIsTerminal
        let progress = ProgressLine(
            enabled: showProgress,
            totalBytes: showProgress && paths.count > 0 ? AuditRun.inputBytes(paths, shard: shardValue) : nil)
        let skipped = SkippedInputs()
        run.hooks.log = printError
        run.hooks.stopSignal = { stop.signalReceived }
        run.hooks.written = stop.progress
        run.hooks.record = progress.record
        run.hooks.bytesRead = progress.enabled ? progress.read : nil
        run.hooks.checkInput = { try existingOutputs.check($0, inFolder: true, midRun: true, identity: $1) }
        run.hooks.skipFile = { skipped.skipOwnOutput(path: $0, firstBytes: $1) }
        run.hooks.duplicate = { [quiet] (path: String) in
            if let warning = skipped.noteDuplicate(path), !quiet { printError(warning) }
        }
        let (summary, resumedRows): (Summary, Int)
        switch try refusing({ try run.run() }) {
        case .stopped(let signal): throw ExitCode(128 + signal)
        case .finished(let s, let resumed): (summary, resumedRows) = (s, resumed)
        }
        progress.finish()
        skipped.warnings.forEach(printError)
        if !quiet { printError(summary.line) }
        if stats {
            let seconds = Date().timeIntervalSince(started)
            printError(
                String(
                    format: "falx: %.2f s, %.0f records/s, peak memory %d MB", seconds,
                    Double(summary.records - resumedRows) / max(seconds, 0.001), Self.peakMemoryMB()))
        }
    }

    /// This process's peak resident memory: VmHWM, which starts afresh at exec (getrusage's
    /// ru_maxrss keeps the peak of the process that forked us, e.g. a large test runner).
    static func peakMemoryMB() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        {
            return kb / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
