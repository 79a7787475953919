import FalxClinical
import FalxCore
import FalxIngest
import FalxText
import Foundation

/// A flag, or a combination of flags, that Falx cannot run with: the command says it and exits
/// 64 before anything is read or written.
public struct UsageError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

/// What `falx audit` is asked on its command line, as one value: the run's configuration and what
/// the command loads before the run (lexicon files, the pseudonymisation key).
///
/// ``validate()`` checks its ranges and combinations; ``provenance(lexicon:lexiconSHA256:keyFingerprint:)``
/// is the provenance a run with these options writes beside its audit.
public struct AuditOptions {
    /// The run as configured (paths, output, format, jobs, limits, reading, resume, report).
    public var run = AuditRun.Configuration()
    /// `--lexicon FILE`: a lexicon used instead of the built-in one.
    public var lexicon: String?
    /// `--lexicon-add FILE`: entries added to the lexicon.
    public var lexiconAdd: String?
    /// `--pseudonymise KEYFILE`.
    public var pseudonymise: String?
    /// `--date-precision`, with `--pseudonymise`.
    public var datePrecision: DatePrecision?
    /// `--date-order`: how numeric dates are read.
    public var dateOrder = DateOrder.mdy
    /// The reading flags in one canonical line, for the provenance (nil when none is given).
    public var readingDescription: String?
    /// What the provenance names as the run's inputs (the paths, `-`, or `- (files)` for --stdin-files).
    public var inputsNamed: [String] = []

    public init() {}

    /// Checks the options' ranges and combinations (the `--shard` value is the command line's).
    ///
    /// - Throws: ``UsageError`` naming the first problem, as `falx audit` prints it.
    public func validate() throws(UsageError) {
        let c = run
        if c.standardInput && c.standardInputFiles { throw UsageError("give --stdin or --stdin-files, not both") }
        let fromStandardInput = c.standardInput || c.standardInputFiles
        if fromStandardInput && !c.paths.isEmpty { throw UsageError("give paths or --stdin, not both") }
        if !fromStandardInput && c.paths.isEmpty { throw UsageError("give at least one file or folder, or --stdin") }
        if !(1...256).contains(c.jobs) { throw UsageError("--jobs must be between 1 and 256") }
        if !(1...4096).contains(c.maxFileMB) { throw UsageError("--max-file-mb must be between 1 and 4096") }
        if !(1...1024).contains(c.maxRecordMB) { throw UsageError("--max-record-mb must be between 1 and 1024") }
        if c.resume && (c.output == "-" || AuditWriter.isSpecialFile(c.output)) {
            throw UsageError("--resume needs an output file (-o FILE)")
        }
        try Self.validatePseudonymisation(key: pseudonymise, datePrecision: datePrecision)
    }

    /// The check `falx audit` and `falx report` share: a date precision goes with a key.
    public static func validatePseudonymisation(key: String?, datePrecision: DatePrecision?) throws(UsageError) {
        if datePrecision != nil && key == nil { throw UsageError("--date-precision goes with --pseudonymise") }
    }

    /// The auditor of a run with these options.
    public func auditor(_ lexicon: ClinicalLexicon) -> Auditor {
        Auditor(lexicon: lexicon, maxTextBytes: run.maxRecordMB << 20, dateOrder: dateOrder)
    }

    /// The provenance of a run with these options: `lexiconSHA256` is the hash of the lexicon's
    /// text as used (``LoadedLexicon/text``), `keyFingerprint` the pseudonymisation key's.
    public func provenance(lexicon: LoadedLexicon, lexiconSHA256: String, keyFingerprint: String?) -> Provenance {
        var provenance = Provenance(
            falxVersion: FalxVersion.current, rulesetVersion: Ruleset.default.version,
            lexiconName: lexicon.lexicon.compiled.source.name, lexiconSHA256: lexiconSHA256, format: run.format,
            header: run.header, excelBOM: run.excelBOM, pseudonymisationKey: keyFingerprint,
            datePrecision: keyFingerprint == nil ? nil : (datePrecision ?? .full).rawValue, maxFileMB: run.maxFileMB,
            maxRecordMB: run.maxRecordMB, dateOrder: dateOrder.rawValue, reading: readingDescription, inputs: inputsNamed)
        provenance.shard = run.shard?.description
        return provenance
    }
}

/// A lexicon as the commands load it, with the text it was read from (hashed into the provenance).
public struct LoadedLexicon: Sendable {
    public let lexicon: ClinicalLexicon
    /// The built-in text or the `--lexicon` file, then any `--lexicon-add` file after a comment line.
    public let text: [UInt8]

    /// The built-in lexicon, or `path` instead of it, extended by the entries of `addPath`. Every
    /// entry is checked on load.
    ///
    /// - Throws: ``UsageError`` naming `FILE:LINE`, what is wrong and the valid names, or a file
    ///   that cannot be read.
    public static func load(_ path: String?, adding addPath: String? = nil) throws(UsageError) -> LoadedLexicon {
        var lexicon = ClinicalLexicon.standard
        var text = Array(ClinicalLexicon.defaultText.utf8)
        if let path {
            let bytes = try read(path)
            lexicon = try parse(bytes, path, extending: nil)
            text = bytes
        }
        if let addPath {
            let bytes = try read(addPath)
            lexicon = try parse(bytes, addPath, extending: lexicon.compiled.source)
            text += Array("\n# --lexicon-add\n".utf8) + bytes
        }
        return LoadedLexicon(lexicon: lexicon, text: text)
    }

    /// What `falx lexicon` prints: the built-in lexicon, then the header labels the readers know.
    /// They live with the readers (FalxIngest); a lexicon with header lines replaces them all.
    public static var builtInListing: String {
        ClinicalLexicon.defaultText
            + "\n\n# ---------------------------------------------------------------- header and signature lines\n"
            + "# header FIELD: LABEL — lines of metadata, never report text; `\\#` is a literal #.\n"
            + HeaderLabels.standard.lexiconText
    }

    static func read(_ path: String) throws(UsageError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("cannot read lexicon file \(path)") }
        return Array(data)
    }

    static func parse(_ bytes: [UInt8], _ path: String, extending base: Lexicon?) throws(UsageError) -> ClinicalLexicon {
        do {
            return try ClinicalLexicon.load(text: String(decoding: bytes, as: UTF8.self), name: path, extending: base)
        } catch let e as LexiconError {
            throw UsageError(e.line > 0 ? "\(path):\(e.line): \(e.message)" : "\(path): \(e.message)")
        } catch {
            throw UsageError("\(path): \(error)")
        }
    }
}
