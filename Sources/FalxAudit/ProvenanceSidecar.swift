import Foundation

/// The provenance file that travels with the audit being written: beside the hidden temporary file
/// while the run goes on, renamed with it to `OUTPUT.meta.json` at the end, to `OUTPUT.partial.meta.json`
/// after an interruption, and removed when the run fails.
public struct ProvenanceSidecar {
    public let provenance: Provenance
    /// The sidecar written last, if any.
    public private(set) var path: String?

    /// A sidecar not written yet.
    public init(_ provenance: Provenance) { self.provenance = provenance }

    /// Writes the sidecar of `file` (atomically), replacing the one written before.
    public mutating func write(besides file: String) throws {
        let target = Provenance.sidecarPath(for: file)
        try provenance.write(to: target)
        if let path, path != target { unlink(path) }
        path = target
    }

    /// Moves the sidecar along with its file, renamed to `file`.
    public mutating func follow(_ file: String) {
        guard let path else { return }
        let target = Provenance.sidecarPath(for: file)
        if rename(path, target) == 0 { self.path = target }
    }

    /// Removes the sidecar of a run that failed.
    public mutating func remove() {
        if let path { unlink(path) }
        path = nil
    }

    /// Refuses to resume `partial` unless it was written with exactly this provenance.
    public static func checkResume(partial: String, against provenance: Provenance) throws {
        let sidecar = Provenance.sidecarPath(for: partial)
        guard let previous = try Provenance.read(path: sidecar) else {
            throw Refusal(
                message: "the partial audit \(partial) has no provenance file (\(sidecar)), so Falx cannot check that it "
                    + "was made with these options; the partial file is kept: remove it or run without --resume")
        }
        let differences = previous.differences(from: provenance)
        guard differences.isEmpty else {
            throw Refusal(
                message: "the partial audit \(partial) does not match this run (\(differences.joined(separator: "; "))); "
                    + "the partial file is kept: rerun with the options it was made with, or remove it and run without --resume")
        }
    }
}
