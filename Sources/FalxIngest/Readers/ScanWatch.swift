import Foundation

/// What a reader consults while it scans a whole file: whether the run was asked to stop, and,
/// for the fuzz harness, how many bytes its passes have scanned.
///
/// A whole-file pass (the separator pass of a multi-report text, the outline of a FHIR Bundle, the
/// framing of an HL7 batch, the element scan of a JSON array) polls ``stopRequested`` once per
/// ``pollInterval`` bytes through a ``Poll``, so a stop signal is seen within a fraction of a second
/// even inside a file of hundreds of megabytes; a reader that sees it hands out no further record.
public struct ScanWatch: Sendable {
    /// Asked, now and then, whether reading should end (nil: never).
    public var shouldStop: (@Sendable () -> Bool)?
    /// Counts the bytes the scanning passes look at, when set.
    public var tally: ScanTally?

    /// Bytes scanned between two polls of `shouldStop`: a millisecond or so of scanning.
    public static let pollInterval = 1 << 20

    /// A watch that asks `shouldStop` and counts into `tally`, either optional.
    public init(shouldStop: (@Sendable () -> Bool)? = nil, tally: ScanTally? = nil) {
        self.shouldStop = shouldStop
        self.tally = tally
    }

    /// A watch that never stops and counts nothing.
    public static let none = ScanWatch()

    /// Whether a stop was asked for.
    public var stopRequested: Bool { shouldStop?() ?? false }

    /// Notes that a pass looked at `count` bytes.
    func scanned(_ count: Int) { tally?.add(count) }

    /// Polls the watch from a scanning loop, at most once per ``pollInterval`` bytes.
    struct Poll {
        let watch: ScanWatch
        let interval: Int
        private var next: Int

        /// A poll for a loop that starts at position `start` and asks once per `interval`
        /// positions (bytes by default; a loop that does more per step counts its steps instead).
        init(_ watch: ScanWatch, from start: Int, every interval: Int = ScanWatch.pollInterval) {
            self.watch = watch
            self.interval = interval
            next = watch.shouldStop == nil ? Int.max : start + interval
        }

        /// Whether to stop, given that the loop has reached position `i`: asked only when `i` has
        /// passed the next checkpoint, so the common case is one comparison.
        mutating func stops(at i: Int) -> Bool {
            guard i >= next else { return false }
            next = i + interval
            return watch.stopRequested
        }
    }
}

/// A running count of bytes scanned, shared by the passes of one read (the fuzz harness's cost
/// invariant: reading n bytes may scan only a fixed multiple of n).
public final class ScanTally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Bytes scanned so far.
    public var bytes: Int { lock.withLock { count } }

    func add(_ n: Int) { lock.withLock { count += n } }
}
