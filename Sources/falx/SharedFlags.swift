import ArgumentParser
import FalxAudit
import FalxClinical
import FalxPseudonym

/// `--lexicon` and `--lexicon-add`, for every command that reads reports.
struct LexiconFlags: ParsableArguments {
    @Option(help: "A lexicon file to use instead of the built-in one (see `falx lexicon`).")
    var lexicon: String?

    @Option(help: "A lexicon file whose entries are added to the built-in one (or to --lexicon's).")
    var lexiconAdd: String?

    /// The lexicon and its text (``LoadedLexicon/load(_:adding:)``); a bad entry is a usage error
    /// naming `FILE:LINE`, before any report is read.
    func load() throws -> LoadedLexicon {
        try usage { try LoadedLexicon.load(lexicon, adding: lexiconAdd) }
    }
}

/// `--pseudonymise` and `--date-precision`, for `falx audit` and `falx report`.
struct PseudonymisationFlags: ParsableArguments {
    @Option(help: "Pseudonymise identifiers with this key file (raw bytes, at least 32; see the README).")
    var pseudonymise: String?

    @Option(help: "With --pseudonymise: cut study dates to day, month or year.")
    var datePrecision: DatePrecision?

    /// Reads the key before any work starts; a missing, unreadable or short key is a usage error.
    func load() throws -> Pseudonymiser? {
        try usage { try Pseudonymiser.load(keyFile: pseudonymise, datePrecision: datePrecision) }
    }
}

extension DatePrecision: ExpressibleByArgument {}
