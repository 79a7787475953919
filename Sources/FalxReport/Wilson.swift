import Foundation

/// The Wilson score interval of a proportion (Wilson 1927; Newcombe 1998, method 3): the interval
/// the page draws around each interpreter's and facility's missed work-up rate, so that a rate of
/// 1 of 3 is read as the wide guess it is.
///
/// For `x` successes of `n`, p = x / n and z = 1.959964 (95 %):
///
///     centre     = (p + z² / 2n) / (1 + z² / n)
///     half width = z / (1 + z² / n) · √(p (1 − p) / n + z² / 4n²)
///
/// The bounds stay within 0…1 and are never a point, even at 0 / n or n / n.
public enum Wilson {
    /// The 97.5th percentile of the standard normal distribution.
    public static let z = 1.959964
    /// Below this many cases a rate is marked "small n" on the page.
    public static let smallN = 20

    /// The 95 % interval of `successes` of `n`, or nil when `n` is 0 (or the counts make no proportion).
    public static func interval(_ successes: Int, of n: Int) -> (lower: Double, upper: Double)? {
        guard n > 0, successes >= 0, successes <= n else { return nil }
        let nn = Double(n)
        let p = Double(successes) / nn
        let z2 = z * z
        let denominator = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denominator
        let half = z / denominator * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }
}
