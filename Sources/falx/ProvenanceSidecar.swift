import FalxAudit
import FalxIngest
import FalxClinical
import FalxCore
import FalxPseudonym
import Foundation

/// The provenance file that travels with the audit being written: beside the hidden temporary file
/// while the run goes on, renamed with it to `OUTPUT.meta.json` at the end, to `OUTPUT.partial.meta.json`
/// after an interruption, and removed when the run fails.
struct ProvenanceSidecar {
    let provenance: Provenance
    /// The sidecar written last, if any.
    private(set) var path: String?

    init(_ provenance: Provenance) { self.provenance = provenance }

    /// Writes the sidecar of `file` (atomically), replacing the one written before.
    mutating func write(besides file: String) throws {
        let target = Provenance.sidecarPath(for: file)
        try provenance.write(to: target)
        if let path, path != target { unlink(path) }
        path = target
    }

    /// Moves the sidecar along with its file, renamed to `file`.
    mutating func follow(_ file: String) {
        guard let path else { return }
        let target = Provenance.sidecarPath(for: file)
        if rename(path, target) == 0 { self.path = target }
    }

    /// Removes the sidecar of a run that failed.
    mutating func remove() {
        if let path { unlink(path) }
        path = nil
    }

    /// Refuses to resume `partial` unless it was written with exactly this provenance.
    static func checkResume(partial: String, against provenance: Provenance) throws {
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

/// The provenance of an audit run with these options.
func auditProvenance(
    lexicon: ClinicalLexicon, lexiconPath: String?, lexiconAdd: String?, format: AuditFormat, header: Bool,
    excel: Bool, pseudonymiser: Pseudonymiser?, datePrecision: DatePrecision?, maxFileMB: Int, maxRecordMB: Int,
    dateOrder: DateOrder = .mdy, reading: String? = nil, inputs: [String]
) -> Provenance {
    // The lexicon's text as used: the built-in text or the --lexicon file, then any --lexicon-add file.
    var text =
        lexiconPath.flatMap { FileManager.default.contents(atPath: $0) }.map { Array($0) }
        ?? Array(ClinicalLexicon.defaultText.utf8)
    if let lexiconAdd, let added = FileManager.default.contents(atPath: lexiconAdd) {
        text += Array("\n# --lexicon-add\n".utf8) + Array(added)
    }
    return Provenance(
        falxVersion: FalxVersion.current, rulesetVersion: Ruleset.default.version, lexiconName: lexicon.compiled.source.name,
        lexiconSHA256: ContentHash.sha256(text), format: format, header: header, excelBOM: excel,
        pseudonymisationKey: pseudonymiser?.key.fingerprint,
        datePrecision: pseudonymiser == nil ? nil : (datePrecision ?? .full).rawValue, maxFileMB: maxFileMB,
        maxRecordMB: maxRecordMB, dateOrder: dateOrder.rawValue, reading: reading, inputs: inputs)
}
