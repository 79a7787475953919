import Dispatch
import FalxIngest

extension Auditor {
    /// Audits a batch of records on up to `jobs` threads; rows come back in input order.
    public func rows(for records: [Record], jobs: Int) -> [AuditRow] {
        parallelMap(records, jobs: jobs, row(for:))
    }

    /// Audits a batch and encodes each row for the output on up to `jobs` threads, so that only
    /// the copying of finished bytes is left to the writer; in input order.
    /// `transform` (pseudonymisation) is applied to each row's values first.
    public func encodedRows(
        for records: [Record], jobs: Int, format: AuditFormat, transform: RowTransform? = nil
    ) -> [(row: AuditRow, values: [String], bytes: [UInt8])] {
        parallelMap(records, jobs: jobs) { record in
            let row = row(for: record)
            let (values, bytes) = AuditWriter.encode(row, format: format, transform: transform)
            return (row, values, bytes)
        }
    }
}

/// Ordered streaming over batches: batches are submitted in input order, audited on up to `jobs`
/// threads while the caller goes on reading, and handed back in submission order.
///
/// At most `window` batches are in flight: `submit` waits for the oldest when the window is full,
/// so memory is bounded by the window whatever the archive's size. With one job, a batch is run
/// in the caller's thread as it is submitted (no thread, no overlap: `--jobs 1` uses one core).
public final class OrderedPipeline<Output>: @unchecked Sendable {
    /// One batch in flight: its result is written once by its task, then read by the caller after
    /// `done` is signalled (the semaphore orders the write before the read).
    private final class Slot: @unchecked Sendable {
        var result: Output?
        let done = DispatchSemaphore(value: 0)
    }

    private let jobs: Int
    private let window: Int
    private let transform: @Sendable ([Record]) -> Output
    /// One serial queue per job, batches dealt in turn. A queue of one's own always gets a thread
    /// (a concurrent queue shares the global pool with the reading thread, and was measured to run
    /// its batches on one thread for the first seconds of a run).
    private let queues: [DispatchQueue]
    private var submitted = 0
    private var inFlight: [Slot] = []
    private var head = 0

    public init(jobs: Int, window: Int, transform: @escaping @Sendable ([Record]) -> Output) {
        self.jobs = max(1, jobs)
        self.window = max(1, window)
        self.transform = transform
        queues = (0..<max(1, jobs)).map { DispatchQueue(label: "falx.audit.\($0)") }
    }

    /// Submits a batch; hands every batch that has finished, in order, to `deliver` (waiting for
    /// the oldest while the window is full).
    public func submit(_ batch: [Record], deliver: (Output) throws -> Void) throws {
        if jobs == 1 {
            try deliver(transform(batch))
            return
        }
        let slot = Slot()
        let transform = self.transform
        queues[submitted % jobs].async {
            slot.result = transform(batch)
            slot.done.signal()
        }
        submitted += 1
        inFlight.append(slot)
        while inFlight.count - head >= window { try deliverOldest(deliver) }
        // Whatever is finished already goes out now.
        while head < inFlight.count, inFlight[head].done.wait(timeout: .now()) == .success {
            try deliver(take())
        }
    }

    /// Waits for every batch in flight and hands each to `deliver`, in order.
    public func finish(deliver: (Output) throws -> Void) throws {
        while head < inFlight.count { try deliverOldest(deliver) }
    }

    private func deliverOldest(_ deliver: (Output) throws -> Void) throws {
        inFlight[head].done.wait()
        try deliver(take())
    }

    /// The oldest batch's result (its `done` already waited for).
    private func take() -> Output {
        guard let result = inFlight[head].result else { fatalError("a finished batch has no result") }
        inFlight[head].result = nil
        head += 1
        if head == inFlight.count || head >= 64 {
            inFlight.removeFirst(head)
            head = 0
        }
        return result
    }
}
