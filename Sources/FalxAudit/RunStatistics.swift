import Foundation

/// The line `falx audit --stats` ends with: the run's time, rate and peak memory.
public enum RunStatistics {
    /// `falx: 1.25 s, 800 records/s, peak memory 42 MB`; `records` are those audited in this run
    /// (not those a resumed partial audit already had).
    public static func line(seconds: Double, records: Int, peakMemoryMB: Int) -> String {
        String(
            format: "falx: %.2f s, %.0f records/s, peak memory %d MB", seconds, Double(records) / max(seconds, 0.001),
            peakMemoryMB)
    }

    /// This process's peak resident memory: VmHWM, which starts afresh at exec (getrusage's
    /// ru_maxrss keeps the peak of the process that forked us, e.g. a large test runner).
    public static func peakMemoryMB() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        {
            return kb / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
