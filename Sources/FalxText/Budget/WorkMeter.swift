/// Counts the work spent reading one report, so that no record can cost more than a bound fixed in
/// advance, and a stop request is seen in the middle of a record.
///
/// Work is counted in units, one per elementary step of the engine's loops (a token looked at, a
/// cue weighed against a mention, a step of a proximity walk). Counting steps rather than seconds
/// keeps the outcome deterministic: a record over budget is over budget at any job count and on
/// any machine, so the audit stays byte-identical.
///
/// A meter belongs to one record and one thread. The loops call `spend(_:)` and give up when it
/// returns false; the caller then reads `outcome`.
public struct WorkMeter {
    /// Why a reading was abandoned.
    public enum Outcome: Sendable, Equatable {
        /// The record needed more than `limit` units.
        case overBudget
        /// `shouldStop` answered true (an interrupt).
        case stopped
    }

    /// Units granted per byte of the longest report a run accepts. A report of ordinary prose
    /// uses well under a tenth of this per byte, so a record of the largest accepted size still
    /// fits, while a record that would need super-linear work is cut off.
    public static let unitsPerByte = 32

    /// Units between two polls of `shouldStop` (well under a millisecond of work in a release build).
    static let pollInterval = 1 << 12

    /// The budget in units (`Int.max`: unlimited).
    public let limit: Int
    /// Units spent so far.
    public private(set) var used = 0
    /// Set once the reading must be abandoned; `spend` answers false from then on.
    public private(set) var outcome: Outcome?
    private let shouldStop: (@Sendable () -> Bool)?
    /// `used` at which `limit` and `shouldStop` are next checked (0: at the first spend).
    private var nextCheck = 0

    /// A meter with `limit` units that also asks `shouldStop` (if any) every few thousand units.
    public init(limit: Int = .max, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.limit = limit
        self.shouldStop = shouldStop
    }

    /// The budget for records of up to `maxTextBytes` bytes: the same for every record of a run,
    /// so a small record may use what the largest accepted one would.
    public static func budget(forMaxTextBytes maxTextBytes: Int) -> Int {
        let (product, overflow) = max(maxTextBytes, 1 << 16).multipliedReportingOverflow(by: unitsPerByte)
        return overflow ? .max : product
    }

    /// Records `units` of work; false when the reading must stop (over budget or stop requested).
    @inline(__always) public mutating func spend(_ units: Int) -> Bool {
        used &+= units
        return used < nextCheck || check()
    }

    /// Whether the reading may go on (no outcome yet).
    public var canContinue: Bool { outcome == nil }

    private mutating func check() -> Bool {
        if outcome != nil { return false }
        if used > limit {
            outcome = .overBudget
            return false
        }
        if let shouldStop, shouldStop() {
            outcome = .stopped
            return false
        }
        let (next, overflow) = used.addingReportingOverflow(Self.pollInterval)
        nextCheck = overflow ? .max : next
        if limit < nextCheck { nextCheck = limit == .max ? .max : limit + 1 }
        return true
    }
}
