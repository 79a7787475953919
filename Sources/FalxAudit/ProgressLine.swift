import Foundation

/// The progress line on a terminal: records, MB read, rate and, when the input's size is known,
/// percent and time left. Redrawn at most four times a second, on stderr only; `enabled` is false
/// when stderr is not a terminal or with `--quiet`, and then it costs a branch per record.
public final class ProgressLine {
    public let enabled: Bool
    private let totalBytes: Int?
    private var records = 0
    private var bytes = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// `totalBytes`: the input's size, for the percentage and the time left (``AuditRun/inputBytes(_:)``).
    public init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    /// Whether stderr is a terminal.
    public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Counts bytes read.
    public func read(bytes n: Int) { bytes += n }

    /// Counts a record, and redraws the line when it is due.
    public func record() {
        guard enabled else { return }
        records += 1
        guard records & 255 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        draw(now)
    }

    private func draw(_ now: Date) {
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(records) / seconds
        var line = "falx: \(records) records"
        if bytes > 0 { line += ", \(Self.megabytes(bytes)) MB" }
        line += ", \(Int(rate)) records/s"
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let fraction = min(Double(bytes) / Double(totalBytes), 1)
            let left = seconds * (1 - fraction) / fraction
            line += String(format: ", %.0f%%, %@ left", fraction * 100, Self.clock(left))
        }
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Clears the line before the summary is printed.
    public func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func megabytes(_ n: Int) -> String { String(format: "%.1f", Double(n) / 1_000_000) }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
