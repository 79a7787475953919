import Dispatch
import FalxIngest

extension Auditor {
    /// Audits a batch of records on up to `jobs` threads; rows come back in input order.
    ///
    /// The batch is cut into `jobs` contiguous chunks, one per thread, so the output never depends
    /// on scheduling: the same batch gives the same rows at every job count.
    public func rows(for records: [Record], jobs: Int) -> [AuditRow] {
        guard jobs > 1, records.count > 1 else { return records.map(row(for:)) }
        let chunks = min(jobs, records.count)
        let size = (records.count + chunks - 1) / chunks
        let slots = ChunkSlots(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = c * size
            let hi = min(lo + size, records.count)
            slots.store(lo < hi ? records[lo..<hi].map(row(for:)) : [], at: c)
        }
        return slots.joined()
    }
}

/// One result slot per chunk.
///
/// `@unchecked Sendable` is safe here: each slot is written by exactly one `concurrentPerform`
/// iteration (its own index, no two iterations share one), and the slots are read only after
/// `concurrentPerform` has returned, which orders every write before the read.
private final class ChunkSlots: @unchecked Sendable {
    private var slots: [[AuditRow]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ rows: [AuditRow], at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = rows }
    }

    func joined() -> [AuditRow] { slots.flatMap { $0 } }
}
