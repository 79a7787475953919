import Dispatch

/// `items.map(transform)` on up to `jobs` threads, in input order.
///
/// The items are cut into small contiguous chunks (eight per job) that threads take as they free
/// up, so one long report does not leave the other threads idle; each chunk's results go to its
/// own slot, so the output never depends on scheduling: the same items give the same results at
/// every job count.
public func parallelMap<T: Sendable, R>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
    guard jobs > 1, items.count > 1 else { return items.map(transform) }
    let chunks = min(jobs * 8, items.count)
    let size = (items.count + chunks - 1) / chunks
    let slots = ChunkSlots<R>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lo = c * size
        let hi = min(lo + size, items.count)
        slots.store(lo < hi ? items[lo..<hi].map(transform) : [], at: c)
    }
    return slots.joined()
}

/// One result slot per chunk.
///
/// `@unchecked Sendable` is safe here: the slots live in one buffer allocated up front, each slot
/// is written by exactly one `concurrentPerform` iteration (its own index, no two iterations share
/// one) through the raw pointer, so no Swift array is accessed from two threads, and the slots are
/// read only after `concurrentPerform` has returned, which orders every write before the read.
private final class ChunkSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[R]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ rows: [R], at index: Int) { slots[index] = rows }

    func joined() -> [R] { slots.flatMap { $0 } }
}
