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

    @Option(help: "With --stdin: read only lines with (line - 1) mod n = i, keeping global line numbers (i/n).")
    var shard: String?

    @Option(name: .shortAndLong, help: "Output file ('-' for standard output).")
    var output: String = "-"

    @Option(help: "Output format: csv or jsonl.")
    var format: AuditFormat = .csv

    @Option(help: "A lexicon file to use instead of the built-in one (see `falx lexicon`).")
    var lexicon: String?

    @Option(help: "Numeric dates in report header lines: mdy (03/04/2024 = 4 March) or dmy (= 3 April).")
    var dateOrder: DateOrder = .mdy

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

    @Option(help: "The CSV/TSV column (or JSON key) that holds the report text, when its name is not a common one.")
    var textColumn: String?

    @Option(
        name: .customLong("field"),
        help:
            "FIELD=NAME: read a field (id, accession, patient_id, study_datetime, procedure, interpreter, facility, age, sex, birth_date, findings, impression, text) from the CSV/TSV column or JSON key NAME. Repeatable."
    )
    var fields: [String] = []

    @Option(
        help:
            "Input text encoding: utf-8, utf-16, windows-1252 or latin-1 (default: UTF-8, UTF-16 by its BOM, Windows-1252 detected with a warning)."
    )
    var encoding: String?

    /// The reading flags in one canonical line for the provenance (nil when none is given), so a
    /// resume with other reading flags is refused instead of mixing two readings in one audit.
    var readingDescription: String? {
        var parts: [String] = []
        if let textColumn { parts.append("--text-column \(textColumn)") }
        parts += fields.sorted().map { "--field \($0)" }
        if let encoding { parts.append("--encoding \(encoding.lowercased())") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

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
        if maxRecordMb < 1 || maxRecordMb > 1024 { throw ValidationError("--max-record-mb must be between 1 and 1024") }
        if resume && (output == "-" || AuditWriter.isSpecialFile(output)) {
            throw ValidationError("--resume needs an output file (-o FILE)")
        }
        try validateReportOptions(pseudonymise: pseudonymise, datePrecision: datePrecision)
        _ = try readingOptions(fields: fields, textColumn: textColumn, encoding: encoding)
    }

    /// Stops the record loop after an interrupt.
    struct Stopped: Error {}

    func run() throws {
        let started = Date()
        var outputs: [InputGuard.Output] = [.init(flag: "-o", path: output)]
        if let report {
            outputs += [
                .init(flag: "--report", path: report), .init(flag: "the worklist", path: worklistPath(besideReport: report)),
            ]
        }
        let existingOutputs: InputGuard.ExistingOutputs
        do {
            try InputGuard.refuseMissingInputs(paths)
            try InputGuard.refuseFalxOutputsNamedAsInputs(paths)
            existingOutputs = try InputGuard.refuseOutputsOverlappingInputs(outputs, inputs: paths)
        } catch let refusal as Refusal {
            printError("falx: \(refusal)")
            throw ExitCode(2)
        }
        let pseudonymiser = try loadPseudonymiser(pseudonymise, datePrecision)
        var transform: RowTransform?
        if let pseudonymiser {
            transform = { (row: AuditRow, values: inout [String]) in
                pseudonymiser.apply(to: &values, knowing: row.metadata, identifiers: row.identifiers)
            }
        }
        let clinicalLexicon = try loadLexicon(lexicon, adding: lexiconAdd)
        var configured = Auditor(lexicon: clinicalLexicon, maxTextBytes: maxRecordMb << 20, dateOrder: dateOrder)
        var sidecar = ProvenanceSidecar(
            auditProvenance(
                lexicon: clinicalLexicon, lexiconPath: lexicon, lexiconAdd: lexiconAdd, format: format, header: !noHeader,
                excel: excel, pseudonymiser: pseudonymiser, datePrecision: datePrecision, maxFileMB: maxFileMb,
                maxRecordMB: maxRecordMb, dateOrder: dateOrder, reading: readingDescription,
                inputs: stdin ? ["-" + (shard.map { " (shard \($0))" } ?? "")] : paths))
        let stop = StopSignals.install(immediate: stdin || output == "-")
        // A stop abandons the record in hand too, not only the records after it.
        configured.shouldStop = { stop.signalReceived != 0 }
        let auditor = configured
        var summary = Summary()
        var partial: PartialAudit?
        if resume {
            if let found = PartialAudit.find(for: output) {
                do {
                    try ProvenanceSidecar.checkResume(partial: found, against: sidecar.provenance)
                    partial = try PartialAudit.read(path: found, format: format, header: !noHeader)
                } catch {
                    printError("falx: \(error)")
                    throw ExitCode(2)
                }
            } else {
                // Said even with --quiet: a restart script that always passes --resume must see it.
                printError("falx: nothing to resume for \(output); starting from the first record")
            }
        }
        let writer: AuditWriter
        var reportBuilder: ReportBuilder? = nil
        do {
            // A resumed run's report is built from the whole audit file once it is finished.
            if partial == nil {
                reportBuilder = try report.map {
                    try ReportBuilder(
                        htmlPath: $0, worklistLimit: 1000, pseudonymised: pseudonymiser != nil, datePrecision: datePrecision,
                        excel: excel)
                }
            }
            writer = try AuditWriter(path: output, format: format, header: !noHeader, excelBOM: excel, resuming: partial)
        } catch {
            reportBuilder?.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        // The provenance travels with the file being written; a resumed partial's moves with it.
        if let temporary = writer.temporaryFile {
            do {
                try sidecar.write(besides: temporary)
                if let partial { unlink(Provenance.sidecarPath(for: partial.path)) }
            } catch {
                writer.abandon()
                reportBuilder?.abandon()
                printError("falx: \(error)")
                throw ExitCode(2)
            }
        }
        func abandonOutput() {
            writer.abandon()
            if let partial { sidecar.follow(partial.path) } else { sidecar.remove() }
        }
        let skip = partial?.rows ?? 0
        if let partial {
            summary = partial.summary
            if !quiet { printError("falx: resuming after \(partial.rows) rows of \(partial.path)") }
        }
        // A JSON line carries its text escaped and its metadata: it may be somewhat longer than the text.
        var walker = InputWalker(maxFileBytes: maxFileMb << 20, maxLineBytes: (maxRecordMb << 20) + (maxRecordMb << 18))
        walker.parseJobs = jobs
        walker.textHeaders = auditor.textHeaders
        walker.reading = try readingOptions(fields: fields, textColumn: textColumn, encoding: encoding)
        // A stop is seen inside one huge file too: its whole-file passes poll the same request.
        walker.watch = ScanWatch(shouldStop: { stop.signalReceived != 0 })
        let skipped = SkippedInputs()
        walker.skipFile = { skipped.skipOwnOutput(path: $0, firstBytes: $1) }
        var readOnce = InputDeduplicator()
        var ids = UniqueRecordIDs()
        // Rows of the partial audit are in it already: a later row may still replace one of them.
        var supersession = partial?.supersession ?? Supersession()
        var seen = 0
        var written = skip
        let showProgress = !quiet && ProgressLine.stderrIsTerminal
        var total: Int?
        if showProgress && !stdin {
            // One quick pass over the file sizes, for the percentage and the time left.
            var sum = 0
            walker.forEachEntry(paths) { entry in
                var st = stat()
                if entry.problem == nil, stat(entry.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { sum += Int(st.st_size) }
            }
            total = sum
        }
        let progress = ProgressLine(enabled: showProgress, totalBytes: total)
        do {
            // Records are read in order and audited in batches on `jobs` threads while reading goes
            // on; rows are written in input order, so the output is the same for every job count.
            // A batch ends at 256 records or 4 MiB of text, and at most 2 × jobs + 1 batches are in
            // flight (one running and one waiting per thread), so memory stays flat however large
            // the archive.
            var batch: [Record] = []
            var batchBytes = 0
            let batchSize = 256
            let batchByteLimit = 4 << 20
            let rowTransform = transform
            let pipeline = OrderedPipeline(jobs: jobs, window: 2 * jobs + 1) { records in
                auditor.encodedRows(for: records, jobs: 1, format: format, transform: rowTransform)
            }
            func deliver(_ rows: [(row: AuditRow, values: [String], bytes: [UInt8])]) throws {
                // A batch finished after a stop may hold abandoned records: none of it is written,
                // and a resumed run reads it again.
                if stop.signalReceived != 0 { throw Stopped() }
                for (row, values, bytes) in rows {
                    try writer.write(encoded: bytes)
                    try reportBuilder?.add(values)
                    summary.add(row)
                    if let replaced = supersession.add(values) { summary.supersede(replaced) }
                }
                written += rows.count
                // Every batch is written out at once: a stopped or killed run keeps what it did.
                try writer.flush()
                stop.progress(rows: written, temporary: writer.temporaryFile)
            }
            func submit() throws {
                guard !batch.isEmpty else { return }
                try pipeline.submit(batch, deliver: deliver)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            func drain() throws {
                try submit()
                try pipeline.finish(deliver: deliver)
            }
            func take(_ read: Record, flushEvery: Int) throws {
                // Ids are made unique here, in input order, skipped records included, so that a
                // resumed run names every record as the first run did.
                let record = ids.unique(read)
                seen += 1
                if seen <= skip {
                    // Already in the partial audit: the last of them must be the same record. A
                    // pseudonymised partial holds pseudonyms: compare (and name) the input's as one.
                    let id = pseudonymiser?.pseudonym(record.recordID, kind: .record) ?? record.recordID
                    if seen == skip, id != partial?.lastRecordID {
                        // With a key, no raw identifier reaches the log, even from a partial written without it.
                        let theirs = partial?.lastRecordID ?? ""
                        let shown = pseudonymiser == nil || Pseudonymiser.isPseudonym(theirs) ? theirs : "not a pseudonym"
                        throw OutputError(
                            message: "the partial audit does not match these inputs (its row \(skip) is "
                                + "\(shown), the input's record \(skip) is \(id)); "
                                + "remove it or run without --resume")
                    }
                    return
                }
                if stop.signalReceived != 0 { throw Stopped() }
                progress.record()
                if case .success(let report) = record { batchBytes += report.text.count }
                batch.append(record)
                if batch.count >= flushEvery || batchBytes >= batchByteLimit { try submit() }
            }
            if stdin {
                // Small batches, flushed as they go: a streaming filter for pipes and Spark.
                try walker.forEachStandardInputRecord(
                    shard: shardValue,
                    waiting: {
                        // Input paused: write the rows of the lines read so far before blocking.
                        try drain()
                    }
                ) { try take($0, flushEvery: 64) }
            }
            try walker.forEachEntry(paths) { entry in
                if entry.problem == nil {
                    let visit = readOnce.visit(entry.path)
                    guard visit.first else { return skipped.noteDuplicate(entry.path, quiet: quiet) }
                    // An output reached inside a folder (a link, a hard link): refused before it is replaced.
                    if let id = visit.identity {
                        try existingOutputs.check(entry.path, inFolder: true, midRun: true, identity: id)
                    }
                }
                try walker.forEachRecord(of: entry, bytesRead: progress.enabled ? progress.read : nil) {
                    try take($0, flushEvery: batchSize)
                }
                // A stop during a read pass ends the file without a record to notice it by.
                if stop.signalReceived != 0 { throw Stopped() }
            }
            try drain()
            if seen < skip {
                throw OutputError(
                    message: "the partial audit has \(skip) rows but the inputs hold only \(seen) records; "
                        + "remove it or run without --resume")
            }
            if writer.canMarkSuperseded {
                try writer.finish(supersededBy: supersession.supersededBy)
            } else {
                try writer.finish()
                if supersession.count > 0 {
                    // Said even with --quiet: the column is empty where it should not be.
                    printError(
                        "falx: \(supersession.count) rows are replaced by a later report of the same accession; "
                            + "superseded_by is filled, and --report leaves them out, only for an audit written to a file (-o FILE)"
                    )
                }
            }
            sidecar.follow(output)
            let auditName = output == "-" ? "standard output" : (output as NSString).lastPathComponent
            if supersession.count > 0, writer.canMarkSuperseded, let streamed = reportBuilder {
                // The streamed figures counted rows that a later report replaced: the page is
                // built again from the finished audit, which now says which rows those are.
                streamed.abandon()
                let builder = try ReportBuilder(
                    htmlPath: report ?? "", worklistLimit: 1000, pseudonymised: pseudonymiser != nil,
                    datePrecision: datePrecision)
                let stats = try AuditFileReader.read(path: output) { try builder.add($0) }
                try builder.finish(auditName: auditName, stats: stats, provenance: sidecar.provenance)
            } else if let reportBuilder {
                try reportBuilder.finish(
                    auditName: auditName, stats: AuditReadStats(kind: format == .csv ? .csv : .jsonl, rows: summary.records),
                    provenance: sidecar.provenance)
            } else if let report {
                // Resumed: the rows written before the interruption are only in the file. They are
                // pseudonymised already when the run was.
                let builder = try ReportBuilder(
                    htmlPath: report, worklistLimit: 1000, pseudonymised: pseudonymiser != nil, datePrecision: datePrecision,
                    excel: excel)
                let stats = try AuditFileReader.read(path: output) { try builder.add($0) }
                try builder.finish(auditName: auditName, stats: stats, provenance: sidecar.provenance)
            }
        } catch is Stopped {
            let sig = stop.signalReceived
            do {
                let kept = try writer.interrupt()
                if let kept { sidecar.follow(kept) }
                var message = "falx: \(StopSignals.name(sig)) after \(written) rows"
                if let kept { message += "; the partial audit is \(kept): rerun the same command with --resume to finish it" }
                printError(message)
            } catch {
                abandonOutput()
                printError("falx: \(StopSignals.name(sig)); \(error)")
            }
            reportBuilder?.abandon()
            throw ExitCode(128 + sig)
        } catch {
            abandonOutput()
            reportBuilder?.abandon()
            printError("falx: \(error)")
            throw ExitCode(2)
        }
        progress.finish()
        skipped.warnings.forEach(printError)
        if !quiet { printError(summary.line) }
        if stats {
            let seconds = Date().timeIntervalSince(started)
            printError(
                String(
                    format: "falx: %.2f s, %.0f records/s, peak memory %d MB", seconds,
                    Double(summary.records - skip) / max(seconds, 0.001), Self.peakMemoryMB()))
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
