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
        var options = ReadingOptions()
        switch ReadingOptions.fieldNames(fields, textColumn: textColumn) {
        case .success(let names): options.fields = names
        case .failure(let error): throw ValidationError(error.description)
        }
        if let encoding {
            guard let parsed = TextEncoding(name: encoding) else {
                let valid = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--encoding '\(encoding)' is not an encoding Falx reads; use one of: \(valid)")
            }
            options.encoding = parsed
        }
        return options
    }

    /// The reading flags in one canonical line for the provenance (nil when none is given), so a
    /// resume with other reading flags is refused instead of mixing two readings in one audit.
    var description: String? {
        var parts: [String] = []
        if let textColumn { parts.append("--text-column \(textColumn)") }
        parts += fields.sorted().map { "--field \($0)" }
        if let encoding { parts.append("--encoding \(encoding.lowercased())") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
