import FalxIngest
import Foundation

/// When a batch of records is handed to the workers: at a record count (256, or 64 for the
/// standard-input filter, whose rows should come out as its lines arrive) or at 4 MiB of report
/// text, whichever comes first. With at most 2 × jobs + 1 batches in flight (one running and one
/// waiting per thread), memory stays flat however large the archive.
public struct BatchPolicy: Sendable, Equatable {
    public var records: Int
    public var textBytes: Int

    /// Folders and files.
    public static let files = BatchPolicy(records: 256, textBytes: 4 << 20)
    /// `--stdin`: small batches, also written whenever the input pauses.
    public static let standardInput = BatchPolicy(records: 64, textBytes: 4 << 20)

    public init(records: Int, textBytes: Int) {
        self.records = records
        self.textBytes = textBytes
    }

    /// Batches in flight for `jobs` workers.
    public static func window(jobs: Int) -> Int { 2 * jobs + 1 }

    /// Whether a batch of `count` records holding `bytes` of text is full.
    public func isFull(count: Int, bytes: Int) -> Bool { count >= records || bytes >= textBytes }
}

extension AuditRun {
    /// One pass over the inputs: records are read in order and audited in batches on `jobs`
    /// threads while reading goes on; rows are written in input order, so the output is the same
    /// for every job count.
    struct Pass {
        /// Ends the record loop after a stop signal.
        struct Stopped: Error {}

        let run: AuditRun
        let auditor: Auditor
        let writer: AuditWriter
        var report: AuditRunReport?
        let partial: PartialAudit?
        /// Rows of the partial audit: the first records read are in it already.
        let skip: Int
        var summary: Summary
        /// Rows of the partial audit are in it already: a later row may still replace one of them.
        var supersession: Supersession
        var ids = UniqueRecordIDs()
        var seen = 0
        var written: Int

        init(run: AuditRun, auditor: Auditor, writer: AuditWriter, report: AuditRunReport?, partial: PartialAudit?) {
            self.run = run
            self.auditor = auditor
            self.writer = writer
            self.report = report
            self.partial = partial
            skip = partial?.rows ?? 0
            summary = partial?.summary ?? Summary()
            supersession = partial?.supersession ?? Supersession()
            written = skip
            if let partial, !run.configuration.quiet {
                run.hooks.log("falx: resuming after \(partial.rows) rows of \(partial.path)")
            }
        }

        mutating func readAll() throws {
            let c = run.configuration
            let hooks = run.hooks
            // A JSON line carries its text escaped and its metadata: it may be somewhat longer than the text.
            var walker = InputWalker(
                maxFileBytes: c.maxFileMB << 20, maxLineBytes: (c.maxRecordMB << 20) + (c.maxRecordMB << 18))
            walker.parseJobs = c.jobs
            walker.textHeaders = auditor.textHeaders
            walker.reading = c.reading
            walker.skipFile = hooks.skipFile
            // A stop is seen inside one huge file too: its whole-file passes poll the same request.
            let stopSignal = hooks.stopSignal
            walker.watch = ScanWatch(shouldStop: { stopSignal() != 0 })
            var readOnce = InputDeduplicator()
            var batch: [Record] = []
            var batchBytes = 0
            let (auditor, format, transform) = (auditor, c.format, run.pseudonymisation?.transform)
            let pipeline = OrderedPipeline(jobs: c.jobs, window: BatchPolicy.window(jobs: c.jobs)) { records in
                auditor.encodedRows(for: records, jobs: 1, format: format, transform: transform)
            }
            func submit() throws {
                guard !batch.isEmpty else { return }
                try pipeline.submit(batch, deliver: { try deliver($0) })
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            func drain() throws {
                try submit()
                try pipeline.finish(deliver: { try deliver($0) })
            }
            func take(_ read: Record, policy: BatchPolicy) throws {
                guard let record = try admit(read) else { return }
                if hooks.stopSignal() != 0 { throw Stopped() }
                hooks.record()
                if case .success(let report) = record { batchBytes += report.text.count }
                batch.append(record)
                if policy.isFull(count: batch.count, bytes: batchBytes) { try submit() }
            }
            if c.standardInput {
                // Input paused: write the rows of the lines read so far before blocking.
                try walker.forEachStandardInputRecord(shard: c.shard, waiting: { try drain() }) {
                    try take($0, policy: .standardInput)
                }
            }
            if c.standardInputFiles {
                try walker.forEachFramedFileRecord(shard: c.shard, waiting: { try drain() }) {
                    try take($0, policy: .standardInput)
                }
            }
            try walker.forEachEntry(c.paths) { entry in
                if entry.problem == nil {
                    let visit = readOnce.visit(entry.path)
                    guard visit.first else { return hooks.duplicate(entry.path) }
                    // An output reached inside a folder (a link, a hard link): refused before it is replaced.
                    if let id = visit.identity { try hooks.checkInput(entry.path, id) }
                }
                // After the visit, so that a file reached twice is read once across all the shards:
                // where its first path is another shard's, the second is a duplicate here too.
                if let shard = c.shard, !shard.takes(file: entry.recordBase) { return }
                try walker.forEachRecord(of: entry, bytesRead: hooks.bytesRead) { try take($0, policy: .files) }
                // A stop during a read pass ends the file without a record to notice it by.
                if hooks.stopSignal() != 0 { throw Stopped() }
            }
            try drain()
            if seen < skip {
                throw Refusal(
                    message: "the partial audit has \(skip) rows but the inputs hold only \(seen) records; "
                        + "remove it or run without --resume")
            }
        }

        /// The record with its id made unique, or nil when it is in the partial audit already.
        ///
        /// Ids are made unique here, in input order, skipped records included, so that a resumed
        /// run names every record as the first run did. The last record skipped must be the
        /// partial's last row; a pseudonymised partial holds pseudonyms, so the input's id is
        /// compared (and named) as one.
        mutating func admit(_ read: Record) throws -> Record? {
            let record = ids.unique(read)
            seen += 1
            guard seen <= skip else { return record }
            let pseudonymisation = run.pseudonymisation
            let id = pseudonymisation?.recordID(record.recordID) ?? record.recordID
            if seen == skip, id != partial?.lastRecordID {
                // With a key, no raw identifier reaches the log, even from a partial written without it.
                let theirs = partial?.lastRecordID ?? ""
                let shown = pseudonymisation.map { $0.isPseudonym(theirs) ? theirs : "not a pseudonym" } ?? theirs
                throw Refusal(
                    message: "the partial audit does not match these inputs (its row \(skip) is \(shown), "
                        + "the input's record \(skip) is \(id)); remove it or run without --resume")
            }
            return nil
        }

        /// Writes a finished batch's rows, in order, and flushes them.
        mutating func deliver(_ rows: [(row: AuditRow, values: [String], bytes: [UInt8])]) throws {
            // A batch finished after a stop may hold abandoned records: none of it is written, and
            // a resumed run reads it again.
            if run.hooks.stopSignal() != 0 { throw Stopped() }
            // By index: taking each row out of the tuple would copy it (a retain of every field).
            for i in rows.indices {
                try writer.write(encoded: rows[i].bytes)
                try report?.add(rows[i].values)
                summary.add(rows[i].row)
                if let replaced = supersession.add(rows[i].values) { summary.supersede(replaced) }
            }
            written += rows.count
            // Every batch is written out at once: a stopped or killed run keeps what it did.
            try writer.flush()
            run.hooks.written(written, writer.temporaryFile)
        }
    }
}
