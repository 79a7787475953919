import FalxIngest
import Foundation

/// A run Falx refuses, or cannot finish, with one line for the user: `falx audit` prints it and
/// exits 2.
public struct Refusal: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

/// Where a run's rows go besides the audit: the report page and its worklist (`ReportBuilder` in
/// `FalxReport`, which this module cannot import).
public protocol AuditRunReport: AnyObject {
    /// Adds one row's values, in column order, as written (pseudonymised when the run is).
    func add(_ values: [String]) throws
    /// Writes the page from the rows added.
    func finish(auditName: String, format: AuditFormat, rows: Int, provenance: Provenance) throws
    /// Writes the page from the finished audit file read back, not from the rows added.
    func finish(readingBack audit: String, auditName: String, provenance: Provenance) throws
    /// Removes what was written of the page and the worklist.
    func abandon()
}

/// One `falx audit`: reads the inputs, audits them on `jobs` threads, writes the rows in input
/// order, and keeps the resume protocol — the provenance file beside the output, the checks that a
/// partial audit matches this run, whole rows kept after a stop.
///
/// The pieces that live above this module come in as values: the pseudonymisation, the report
/// page, the stop signal and the progress line. Messages for the user go to ``Hooks/log``.
public struct AuditRun {
    /// What the command line asked for.
    public struct Configuration {
        /// Files and folders; empty with ``standardInput``.
        public var paths: [String] = []
        /// Read JSON Lines from standard input as a streaming filter.
        public var standardInput = false
        /// Read whole files framed on standard input (`--stdin-files`,
        /// ``InputWalker/forEachFramedFileRecord(shard:waiting:_:)``).
        public var standardInputFiles = false
        /// Read only this shard's share: its lines of standard input, or its files
        /// (``Shard/takes(file:)``) of the folders and files given or framed on standard input.
        public var shard: Shard?
        public var output = "-"
        public var format = AuditFormat.csv
        public var header = true
        public var excelBOM = false
        public var jobs = 1
        public var maxFileMB = 256
        public var maxRecordMB = Auditor.defaultMaxTextBytes >> 20
        public var reading = ReadingOptions()
        /// Continue `OUTPUT.partial` when there is one.
        public var resume = false
        public var quiet = false
        /// The HTML report's path (`--report`), when the run writes one.
        public var report: String?

        public init() {}
    }

    /// Pseudonymisation, for a run with a key: the rows' transform and the record id as written.
    public struct Pseudonymisation: Sendable {
        public var transform: RowTransform
        /// The pseudonym of a record id, as the audit writes it.
        public var recordID: @Sendable (String) -> String
        /// Whether a value is a pseudonym (so it may be shown in a message).
        public var isPseudonym: @Sendable (String) -> Bool

        public init(
            transform: @escaping RowTransform, recordID: @escaping @Sendable (String) -> String,
            isPseudonym: @escaping @Sendable (String) -> Bool
        ) {
            self.transform = transform
            self.recordID = recordID
            self.isPseudonym = isPseudonym
        }
    }

    /// How the run reaches the process around it; every hook has a default that does nothing.
    public struct Hooks {
        /// One line for stderr.
        public var log: (String) -> Void = { _ in }
        /// The signal that asked the run to stop, or 0.
        public var stopSignal: @Sendable () -> Int32 = { 0 }
        /// Rows written so far and the temporary file, after every batch (for an immediate stop).
        public var written: (_ rows: Int, _ temporary: String?) -> Void = { _, _ in }
        /// Called for every record read (the progress line).
        public var record: () -> Void = {}
        /// Called with the bytes read of each file, when the progress line wants them.
        public var bytesRead: ((Int) -> Void)?
        /// Called for every file reached in a folder walk, with its identity: throws when it is an
        /// output of the run (reached through a link).
        public var checkInput: (_ path: String, _ identity: FileIdentity) throws -> Void = { _, _ in }
        /// Files the walk passes over (Falx's own outputs).
        public var skipFile: (@Sendable (_ path: String, _ firstBytes: [UInt8]) -> Bool)?
        /// Called for a file reached a second time (read once).
        public var duplicate: (String) -> Void = { _ in }

        public init() {}
    }

    /// How a run ended when it did not fail.
    public enum Outcome: Equatable {
        /// Every record has its row; `resumedRows` of them were in the partial audit.
        case finished(Summary, resumedRows: Int)
        /// Stopped by this signal, after the message saying what was kept.
        case stopped(signal: Int32)
    }

    public var configuration: Configuration
    public var auditor: Auditor
    public var provenance: Provenance
    public var pseudonymisation: Pseudonymisation?
    /// Makes the report page's builder; `excelBOM` for the worklist CSV.
    public var makeReport: ((_ excelBOM: Bool) throws -> AuditRunReport)?
    public var hooks = Hooks()

    /// Records in a batch handed to the workers, and the text bytes that end a batch early
    /// (``BatchPolicy``).
    public init(
        configuration: Configuration, auditor: Auditor, provenance: Provenance, pseudonymisation: Pseudonymisation? = nil,
        makeReport: ((_ excelBOM: Bool) throws -> AuditRunReport)? = nil
    ) {
        self.configuration = configuration
        self.auditor = auditor
        self.provenance = provenance
        self.pseudonymisation = pseudonymisation
        self.makeReport = makeReport
    }

    /// The partial audit to continue: nil when `--resume` was not given, or when there is none
    /// (said on ``Hooks/log`` even with `--quiet`, so a restart script that always passes
    /// `--resume` sees which happened). Throws a ``Refusal`` when the partial does not match.
    func partialToResume() throws -> PartialAudit? {
        let c = configuration
        guard c.resume else { return nil }
        guard let found = PartialAudit.find(for: c.output) else {
            hooks.log("falx: nothing to resume for \(c.output); starting from the first record")
            return nil
        }
        try ProvenanceSidecar.checkResume(partial: found, against: provenance)
        return try PartialAudit.read(path: found, format: c.format, header: c.header)
    }

    /// The size of the input files (of one shard's files), for the progress line's percentage
    /// (one quick pass).
    public static func inputBytes(_ paths: [String], shard: Shard? = nil) -> Int {
        var sum = 0
        InputWalker().forEachEntry(paths) { entry in
            var st = stat()
            if entry.problem == nil, shard?.takes(file: entry.recordBase) ?? true, stat(entry.path, &st) == 0,
                (st.st_mode & S_IFMT) == S_IFREG
            {
                sum += Int(st.st_size)
            }
        }
        return sum
    }

    /// Runs the audit. Throws (a ``Refusal`` or the error that stopped it) when it failed, after
    /// removing what it wrote; a partial audit being resumed is kept.
    public func run() throws -> Outcome {
        let c = configuration
        var auditor = self.auditor
        let stopSignal = hooks.stopSignal
        // A stop abandons the record in hand too, not only the records after it.
        auditor.shouldStop = { stopSignal() != 0 }
        var sidecar = ProvenanceSidecar(provenance)
        let partial = try partialToResume()
        var report: AuditRunReport?
        let writer: AuditWriter
        do {
            // A resumed run's report is built from the whole audit file once it is finished.
            if partial == nil, c.report != nil { report = try makeReport?(c.excelBOM) }
            writer = try AuditWriter(
                path: c.output, format: c.format, header: c.header, excelBOM: c.excelBOM, resuming: partial)
        } catch {
            report?.abandon()
            throw error
        }
        // The provenance travels with the file being written; a resumed partial's moves with it.
        if let temporary = writer.temporaryFile {
            do {
                try sidecar.write(besides: temporary)
                if let partial { unlink(Provenance.sidecarPath(for: partial.path)) }
            } catch {
                writer.abandon()
                report?.abandon()
                throw error
            }
        }
        var pass = Pass(run: self, auditor: auditor, writer: writer, report: report, partial: partial)
        do {
            try pass.readAll()
            try finish(pass, sidecar: &sidecar)
        } catch is Pass.Stopped {
            let sig = stopSignal()
            do {
                let kept = try writer.interrupt()
                if let kept { sidecar.follow(kept) }
                var message = "falx: \(Self.signalName(sig)) after \(pass.written) rows"
                if let kept { message += "; the partial audit is \(kept): rerun the same command with --resume to finish it" }
                hooks.log(message)
            } catch {
                abandon(writer, &sidecar, partial)
                hooks.log("falx: \(Self.signalName(sig)); \(error)")
            }
            pass.report?.abandon()
            return .stopped(signal: sig)
        } catch {
            abandon(writer, &sidecar, partial)
            pass.report?.abandon()
            throw error
        }
        return .finished(pass.summary, resumedRows: pass.skip)
    }

    /// How a stop signal is named in messages.
    public static func signalName(_ sig: Int32) -> String {
        sig == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)"
    }

    private func abandon(_ writer: AuditWriter, _ sidecar: inout ProvenanceSidecar, _ partial: PartialAudit?) {
        writer.abandon()
        if let partial { sidecar.follow(partial.path) } else { sidecar.remove() }
    }

    /// Renames the audit into place, marks replaced rows, and writes the report page.
    private func finish(_ pass: Pass, sidecar: inout ProvenanceSidecar) throws {
        let c = configuration
        let supersession = pass.supersession
        if pass.writer.canMarkSuperseded {
            try pass.writer.finish(supersededBy: supersession.supersededBy)
        } else {
            try pass.writer.finish()
            if supersession.count > 0 {
                // Said even with --quiet: the column is empty where it should not be.
                hooks.log(
                    "falx: \(supersession.count) rows are replaced by a later report of the same accession; "
                        + "superseded_by is filled, and --report leaves them out, only for an audit written to a file (-o FILE)")
            }
        }
        sidecar.follow(c.output)
        guard c.report != nil, let makeReport else { return }
        let auditName = c.output == "-" ? "standard output" : (c.output as NSString).lastPathComponent
        if let streamed = pass.report, !(supersession.count > 0 && pass.writer.canMarkSuperseded) {
            try streamed.finish(auditName: auditName, format: c.format, rows: pass.summary.records, provenance: provenance)
            return
        }
        // Resumed (the rows written before the interruption are only in the file, pseudonymised
        // already when the run was), or rows a later report replaced: the streamed figures counted
        // them, and the finished audit now says which rows those are. The page of a run with
        // replaced rows is made without the worklist BOM, as it always was.
        pass.report?.abandon()
        let rebuilt = try makeReport(pass.report == nil ? c.excelBOM : false)
        do {
            try rebuilt.finish(readingBack: c.output, auditName: auditName, provenance: provenance)
        } catch {
            rebuilt.abandon()
            throw error
        }
    }
}
