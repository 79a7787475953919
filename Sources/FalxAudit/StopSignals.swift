import Dispatch
import Foundation

/// SIGINT and SIGTERM during a run.
///
/// The first signal asks the run to stop after the record in hand, so that whole rows are kept and
/// the partial audit can be resumed; a second one (or the first, for a streaming filter on standard
/// output, which may be blocked reading its input) stops at once, removing the temporary file.
/// ``install(immediate:)`` takes over the process's signals; ``receive(_:)`` is the decision alone.
public final class StopSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32 = 0
    private var rows = 0
    private var temporary: String?
    private let immediate: Bool
    private var sources: [DispatchSourceSignal] = []

    /// Signals not yet taken over: ``receive(_:)`` decides, nothing exits (for tests).
    init(immediate: Bool) { self.immediate = immediate }

    /// Takes over SIGINT and SIGTERM for the rest of the process.
    public static func install(immediate: Bool) -> StopSignals {
        let stop = StopSignals(immediate: immediate)
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                guard let message = stop.receive(sig) else { return }
                FileHandle.standardError.write(Data((message + "\n").utf8))
                _exit(128 + sig)
            }
            source.resume()
            stop.sources.append(source)
        }
        return stop
    }

    /// The signal that asked the run to stop, or 0.
    public var signalReceived: Int32 { lock.withLock { received } }

    /// Rows written so far and the temporary file, for a message on an immediate stop.
    public func progress(rows: Int, temporary: String?) {
        lock.withLock {
            self.rows = rows
            self.temporary = temporary
        }
    }

    /// Records signal `sig`. Returns nil when the run is to stop after the record in hand (the
    /// first signal of a run that keeps its partial audit); otherwise removes the temporary file
    /// and returns the message to print before the process exits at once with 128 + `sig`.
    func receive(_ sig: Int32) -> String? {
        let (first, rows, temporary) = lock.withLock {
            let first = received == 0
            if first { received = sig }
            return (first, self.rows, self.temporary)
        }
        guard immediate || !first else { return nil }
        var message = "falx: \(AuditRun.signalName(sig)): stopped after \(rows) rows"
        if let temporary {
            unlink(temporary)
            message += "; the partial output was removed"
        }
        return message
    }
}
