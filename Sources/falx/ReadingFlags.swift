import ArgumentParser
import FalxIngest

/// How inputs are read, for `falx audit` and `falx explain` alike: the CSV/TSV column or JSON key
/// of the text and of other fields, the text encoding, and the order of numeric dates. A bad value
/// is a `ValidationError` (exit 64) before anything is read or written.
struct ReadingFlags: ParsableArguments {
    @Option(help: "The CSV/TSV column (or JSON key) that holds the report text, when its name is not a common one.")
    var textColumn: String?

    @Option(
        name: .customLong("field"),
        help: ArgumentHelp(
            "FIELD=NAME: read a field from the CSV/TSV column or JSON key NAME. Repeatable.",
            discussion: "Fields: " + FieldNames.Field.allCases.map(\.name).joined(separator: ", ") + "."))
    var fields: [String] = []

    @Option(
        help:
            "Input text encoding: utf-8, utf-16, windows-1252 or latin-1 (default: UTF-8, UTF-16 by its BOM, Windows-1252 detected with a warning)."
    )
    var encoding: String?

    @Option(help: "Numeric dates in headers and exports: mdy (03/04/2024 = 4 March) or dmy (= 3 April).")
    var dateOrder: DateOrder = .mdy

    /// The walker's reading options.
    func options() throws -> ReadingOptions {
        try usage { try ReadingOptions(textColumn: textColumn, fields: fields, encoding: encoding) }
    }

    /// The reading flags in one canonical line for the provenance (nil when none is given).
    var description: String? { ReadingOptions.flagsLine(textColumn: textColumn, fields: fields, encoding: encoding) }
}
