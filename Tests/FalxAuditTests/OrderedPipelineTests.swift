import FalxIngest
import FalxTestSupport
import Foundation
import Testing

@testable import FalxAudit

/// Shared mutable state of a test, behind a lock (the transform runs on the pipeline's threads).
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func with<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
    var current: Value { with { $0 } }
}

/// What the transform hands back: which batch it was and the ids of the records it saw, in order.
private struct Done: Equatable {
    var batch: Int
    var ids: [String]
}

private struct DeliverFailure: Error, Equatable { var batch: Int }

/// Batch `b` of `size` records, ids `b<b>r<k>`.
private func batch(_ b: Int, size: Int) -> [Record] {
    (0..<size).map { k in
        .success(Report(recordID: "b\(b)r\(k)", source: "s", format: .text, text: Array("batch \(b)".utf8)))
    }
}

private func ids(_ records: [Record]) -> [String] {
    records.map { r in
        switch r {
        case .success(let x): x.recordID
        case .failure(let e): e.recordID
        }
    }
}

/// The batch number encoded in the first record's id (`b12r0` → 12).
private func batchNumber(_ records: [Record]) -> Int {
    guard let first = ids(records).first, first.hasPrefix("b"), let r = first.firstIndex(of: "r") else { return -1 }
    return Int(first[first.index(after: first.startIndex)..<r]) ?? -1
}

/// Counts every record the transform sees, and records the order batches finish in.
private final class TransformLog: @unchecked Sendable {
    let seen = Locked<[String: Int]>([:])
    let finished = Locked<[Int]>([])

    func check(seenExactly expected: [String], seed: UInt64, jobs: Int) {
        let counts = seen.current
        let twice = counts.filter { $0.value != 1 }.keys.sorted()
        #expect(twice.isEmpty, "records transformed more than once: \(twice.prefix(5)) (seed \(seed), jobs \(jobs))")
        let missing = expected.filter { counts[$0] == nil }
        #expect(missing.isEmpty, "records never transformed: \(missing.prefix(5)) (seed \(seed), jobs \(jobs))")
        let extra = Set(counts.keys).subtracting(expected).sorted()
        #expect(extra.isEmpty, "records transformed but never submitted: \(extra.prefix(5)) (seed \(seed), jobs \(jobs))")
    }
}

/// A transform that sleeps a seeded amount per batch (the first batch longest, so later batches
/// finish before it), logs what it saw, and returns it.
private func sleepingTransform(seed: UInt64, log: TransformLog) -> @Sendable ([Record]) -> Done {
    { records in
        let b = batchNumber(records)
        var rng = SplitMix64(seed: seed ^ UInt64(bitPattern: Int64(b)) &* 0x2545_F491_4F6C_DD1D)
        let micros = b == 0 ? 20_000 : rng.below(4) == 0 ? 0 : rng.below(3_000)
        if micros > 0 { usleep(UInt32(micros)) }
        let names = ids(records)
        log.seen.with { seen in for n in names { seen[n, default: 0] += 1 } }
        log.finished.with { $0.append(b) }
        return Done(batch: b, ids: names)
    }
}

@Suite struct OrderedPipelineTests {
    static let jobCounts = [1, 2, 4, 8]

    @Test(arguments: jobCounts)
    func batchesComeBackInSubmissionOrderWhenTheyFinishOutOfOrder(_ jobs: Int) throws {
        for (seed, window) in [(UInt64(1), 2 * jobs + 1), (2, 1), (3, 2), (4, 3), (5, 64)] {
            var rng = SplitMix64(seed: seed)
            let n = 40
            let sizes = (0..<n).map { b in b > 0 && rng.below(4) == 0 ? 0 : 1 + rng.below(20) }
            let log = TransformLog()
            let pipeline = OrderedPipeline(jobs: jobs, window: window, transform: sleepingTransform(seed: seed, log: log))
            var out: [Done] = []
            for b in 0..<n {
                try pipeline.submit(batch(b, size: sizes[b])) { out.append($0) }
            }
            try pipeline.finish { out.append($0) }
            // A batch of no records gives ids [] and batch number -1; compare them by position.
            let expected = (0..<n).map { b in Done(batch: sizes[b] == 0 ? -1 : b, ids: ids(batch(b, size: sizes[b]))) }
            #expect(out == expected, "seed \(seed), jobs \(jobs), window \(window)")
            log.check(seenExactly: expected.flatMap(\.ids), seed: seed, jobs: jobs)
            if jobs > 1 && window > 1 {
                // The slow first batch finished after a later one: the order was really restored.
                let finished = log.finished.current.filter { $0 >= 0 }
                #expect(finished != finished.sorted(), "batches finished in order; the test proved nothing (seed \(seed))")
            }
        }
    }

    /// Never more than `window` batches submitted and not yet delivered; never more than
    /// min(jobs, window) transforms at once. Each transform waits until the caller has submitted
    /// far enough to fill the window, so the window is really reached.
    @Test(arguments: jobCounts)
    func atMostWindowBatchesAreInFlight(_ jobs: Int) throws {
        for window in [1, 2, 3, 2 * jobs + 1] {
            let n = 30
            struct Counts {
                var submitted = 0
                var delivered = 0
                var running = 0
                var maxInFlight = 0
                var maxRunning = 0
            }
            let counts = Locked(Counts())
            let pipeline = OrderedPipeline(jobs: jobs, window: window) { records -> Int in
                let b = batchNumber(records)
                counts.with { c in
                    c.running += 1
                    c.maxRunning = max(c.maxRunning, c.running)
                    c.maxInFlight = max(c.maxInFlight, c.submitted - c.delivered)
                }
                if jobs > 1 {
                    // Hold the batch until `window` batches from it on have been handed to submit.
                    let deadline = Date().addingTimeInterval(10)
                    while counts.current.submitted < min(b + window, n) && Date() < deadline { usleep(200) }
                } else {
                    usleep(100)
                }
                counts.with { $0.running -= 1 }
                return b
            }
            var order: [Int] = []
            let deliver = { (b: Int) in
                order.append(b)
                counts.with { c in
                    c.maxInFlight = max(c.maxInFlight, c.submitted - c.delivered)
                    c.delivered += 1
                }
            }
            for b in 0..<n {
                counts.with { $0.submitted += 1 }
                try pipeline.submit(batch(b, size: 3), deliver: deliver)
                let c = counts.current
                #expect(c.submitted - c.delivered < window, "after submit \(b): \(c)")
            }
            try pipeline.finish(deliver: deliver)
            let c = counts.current
            #expect(order == Array(0..<n), "jobs \(jobs), window \(window)")
            #expect(c.maxInFlight <= window, "\(c.maxInFlight) batches in flight, window \(window), jobs \(jobs)")
            #expect(c.maxRunning <= min(jobs, window), "\(c.maxRunning) transforms at once, jobs \(jobs)")
            // The window was filled (else the bound above was never tested).
            #expect(c.maxInFlight == (jobs == 1 ? 1 : window), "jobs \(jobs), window \(window)")
        }
    }

    /// `deliver` throws on one batch: the error comes out of submit (or finish), no later batch is
    /// delivered by that call, and a caller that then stops submitting gets, from finish, exactly
    /// the batches after the failed one, complete and in order, none twice.
    @Test(arguments: jobCounts)
    func anErrorFromDeliverStopsDeliveryAndFinishHandsBackTheRest(_ jobs: Int) throws {
        for seed in UInt64(10)..<UInt64(40) {
            var rng = SplitMix64(seed: seed)
            let n = 5 + rng.below(40)
            let failing = rng.below(n)
            let window = 1 + rng.below(2 * jobs + 2)
            let sizes = (0..<n).map { _ in 1 + rng.below(8) }
            let log = TransformLog()
            let pipeline = OrderedPipeline(jobs: jobs, window: window, transform: sleepingTransform(seed: seed, log: log))
            var delivered: [Done] = []
            var threw = false
            var lateDeliveries: [Int] = []
            let deliver = { (d: Done) throws in
                if threw { lateDeliveries.append(d.batch) }
                delivered.append(d)
                if d.batch == failing {
                    threw = true
                    throw DeliverFailure(batch: d.batch)
                }
            }
            var submitted = 0
            var caught: Error?
            for b in 0..<n {
                submitted += 1
                do {
                    try pipeline.submit(batch(b, size: sizes[b]), deliver: deliver)
                } catch {
                    caught = error
                    break
                }
            }
            if caught == nil {
                // The failing batch was still in flight: the error must come out of finish.
                do { try pipeline.finish(deliver: deliver) } catch { caught = error }
            }
            #expect(caught as? DeliverFailure == DeliverFailure(batch: failing), "seed \(seed), jobs \(jobs)")
            #expect(lateDeliveries.isEmpty, "delivered after the error in the same call: \(lateDeliveries) (seed \(seed))")
            #expect(delivered.map(\.batch) == Array(0...failing), "seed \(seed), jobs \(jobs), window \(window)")
            // The caller stops submitting and drains what is still in flight.
            var rest: [Done] = []
            try pipeline.finish { rest.append($0) }
            let expectedRest = (failing + 1)..<submitted
            #expect(rest.map(\.batch) == Array(expectedRest), "seed \(seed), jobs \(jobs), window \(window)")
            for d in delivered + rest where d.batch >= 0 {
                #expect(d.ids == ids(batch(d.batch, size: sizes[d.batch])), "batch \(d.batch) incomplete (seed \(seed))")
            }
            // A second finish has nothing left to give.
            try pipeline.finish { Issue.record("batch \($0.batch) delivered twice (seed \(seed))") }
            log.check(seenExactly: (0..<submitted).flatMap { ids(batch($0, size: sizes[$0])) }, seed: seed, jobs: jobs)
        }
    }

    /// The caller stops on a flag (raised by the transform of a seeded batch, as a signal handler
    /// would): finish hands back every submitted batch, whole, in order, once; the transform saw
    /// each submitted record exactly once and nothing that was not submitted.
    @Test(arguments: jobCounts)
    func aCallerThatStopsEarlyGetsEverySubmittedBatchOnce(_ jobs: Int) throws {
        for seed in UInt64(100)..<UInt64(130) {
            var rng = SplitMix64(seed: seed)
            let n = 60
            let stopAt = rng.below(n)
            let window = 1 + rng.below(2 * jobs + 2)
            let sizes = (0..<n).map { _ in 1 + rng.below(6) }
            let stop = Locked(false)
            let log = TransformLog()
            let inner = sleepingTransform(seed: seed, log: log)
            let pipeline = OrderedPipeline(jobs: jobs, window: window) { records -> Done in
                let d = inner(records)
                if d.batch == stopAt { stop.with { $0 = true } }
                return d
            }
            var out: [Done] = []
            var submitted = 0
            for b in 0..<n {
                if stop.current { break }
                try pipeline.submit(batch(b, size: sizes[b])) { out.append($0) }
                submitted += 1
            }
            try pipeline.finish { out.append($0) }
            #expect(submitted > stopAt, "seed \(seed)")
            #expect(out.map(\.batch) == Array(0..<submitted), "seed \(seed), jobs \(jobs), window \(window)")
            for d in out {
                #expect(d.ids == ids(batch(d.batch, size: sizes[d.batch])), "batch \(d.batch) incomplete (seed \(seed))")
            }
            log.check(seenExactly: (0..<submitted).flatMap { ids(batch($0, size: sizes[$0])) }, seed: seed, jobs: jobs)
        }
    }
}
