import Foundation
import Testing

@testable import FalxPseudonym

/// The scrubber is linear in the text on the shapes that made it quadratic (every digit group a word
/// start that rescanned the whole run): its time at 4N is within a generous multiple of 4 × its time
/// at N (a quadratic scrubber takes 16 ×).
@Suite(.serialized) struct ScrubberGrowthTests {
    /// The row's own identifiers, so that the identifier search runs too.
    static let identifiers: [(String, String)] =
        [("1-1-1-1", "r_x"), ("AB7731", "r_y"), ("Jane", "[NAME]")]
        + TextScrubber.writtenForms(ofISODate: "1952-11-04").map { ($0, "[DATE]") }

    /// The CPU time of this thread, in seconds: unlike the wall clock, it does not grow while other
    /// processes of a loaded machine hold the cores.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// The CPU time of one scrub of `unit` repeated to `count` characters, in seconds.
    static func seconds(_ unit: String, count: Int) -> Double {
        let text = "Dense falx calcification " + String(repeating: unit, count: count / unit.count) + "end."
        let start = threadCPUSeconds()
        let out = TextScrubber.scrub(text, replacing: identifiers)
        let seconds = threadCPUSeconds() - start
        #expect(!out.isEmpty)
        return seconds
    }

    @Test(arguments: ["1-", "1 ", "(1) ", "a-", "id ", "Mrs ", "4-Nov-", "ab-7731 ", "12/"])
    func timeGrowsLinearlyWithTheRun(unit: String) {
        let n = 25_000
        // The fastest of five of each size, taken in turn so that a slow phase of the machine falls on both.
        var (small, large) = (Double.infinity, Double.infinity)
        for _ in 0..<5 {
            small = min(small, Self.seconds(unit, count: n))
            large = min(large, Self.seconds(unit, count: 4 * n))
        }
        // 4 × for a linear scrubber; up to 8 × allowed for noise on a shared machine; 16 × is quadratic.
        #expect(large / max(small, 1e-4) <= 8, "\(unit): \(small) s at \(n), \(large) s at \(4 * n)")
    }

    @Test func aLongRunIsScrubbedNotSkipped() {
        let text = String(repeating: "1-", count: 40_000) + "1"
        let out = TextScrubber.scrub(text)
        // Runs of digit groups longer than a phone number stay digits; their tail is a phone.
        #expect(out.hasSuffix("[PHONE]"))
        #expect(TextScrubber.scrub("Call 555-123-4567.") == "Call [PHONE].")
    }
}
