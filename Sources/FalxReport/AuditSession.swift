import FalxAudit
import FalxIngest
import Foundation

/// One `falx audit` as the command runs it: the input and output guards, the audit run with its
/// report page, and the process around it — the stop signals, the progress line, the files the walk
/// passes over and the lines for stderr.
///
/// Loading the lexicon and the key is the command's (their errors are usage errors); the
/// guards come first, so a run that is refused is refused before anything is loaded.
public struct AuditSession {
    public let options: AuditOptions
    /// The outputs the run writes, checked against every input the walk reaches.
    let existingOutputs: InputGuard.ExistingOutputs

    /// Checks the inputs and outputs of a run with these options.
    ///
    /// - Throws: the refusal of a missing input, a Falx output named as an input, or an output that
    ///   is an input (exit 2).
    public init(options: AuditOptions) throws {
        self.options = options
        let c = options.run
        var outputs: [InputGuard.Output] = [.init(flag: "-o", path: c.output)]
        if let report = c.report {
            outputs += [
                .init(flag: "--report", path: report), .init(flag: "the worklist", path: worklistPath(besideReport: report)),
            ]
        }
        try InputGuard.refuseMissingInputs(c.paths)
        try InputGuard.refuseFalxOutputsNamedAsInputs(c.paths)
        existingOutputs = try InputGuard.refuseOutputsOverlappingInputs(outputs, inputs: c.paths)
    }

    /// Runs the audit and says on `log` what the command prints after it: the warnings of the walk,
    /// the summary line (unless `quiet`) and, with `stats`, the time, rate and peak memory.
    ///
    /// - Parameters:
    ///   - pseudonymisation: the rows' pseudonymisation, with the key's fingerprint for the provenance.
    ///   - stop: the process's stop signals (``StopSignals/install(immediate:)``).
    ///   - started: when the command started, for `stats`.
    /// - Throws: what stopped the run (a refusal, an output that cannot be written).
    public func run(
        lexicon: LoadedLexicon, lexiconSHA256: String,
        pseudonymisation: (rows: AuditRun.Pseudonymisation, keyFingerprint: String)?, stop: StopSignals, stats: Bool,
        started: Date = Date(), log: @escaping (String) -> Void
    ) throws -> AuditRun.Outcome {
        let c = options.run
        let provenance = options.provenance(
            lexicon: lexicon, lexiconSHA256: lexiconSHA256, keyFingerprint: pseudonymisation?.keyFingerprint)
        let datePrecision = options.datePrecision
        var run = AuditRun(
            configuration: c, auditor: options.auditor(lexicon.lexicon), provenance: provenance,
            pseudonymisation: pseudonymisation?.rows
        ) { excelBOM in
            try ReportBuilder(
                htmlPath: c.report ?? "", worklistLimit: 1000, pseudonymised: pseudonymisation != nil,
                datePrecision: datePrecision?.shownOnPage, excel: excelBOM)
        }
        let showProgress = !c.quiet && ProgressLine.stderrIsTerminal
        let progress = ProgressLine(
            enabled: showProgress,
            totalBytes: showProgress && !c.paths.isEmpty ? AuditRun.inputBytes(c.paths, shard: c.shard) : nil)
        let skipped = SkippedInputs()
        let existingOutputs = existingOutputs
        run.hooks.log = log
        run.hooks.stopSignal = { stop.signalReceived }
        run.hooks.written = stop.progress
        run.hooks.record = progress.record
        run.hooks.bytesRead = progress.enabled ? progress.read : nil
        run.hooks.checkInput = { try existingOutputs.check($0, inFolder: true, midRun: true, identity: $1) }
        run.hooks.skipFile = { skipped.skipOwnOutput(path: $0, firstBytes: $1) }
        run.hooks.duplicate = { (path: String) in
            if let warning = skipped.noteDuplicate(path), !c.quiet { log(warning) }
        }
        let outcome = try run.run()
        guard case .finished(let summary, let resumedRows) = outcome else { return outcome }
        progress.finish()
        skipped.warnings.forEach(log)
        if !c.quiet { log(summary.line) }
        if stats {
            log(
                RunStatistics.line(
                    seconds: Date().timeIntervalSince(started), records: summary.records - resumedRows,
                    peakMemoryMB: RunStatistics.peakMemoryMB()))
        }
        return outcome
    }
}
