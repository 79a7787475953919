import ArgumentParser
import FalxIngest

/// `--text-column`, `--field` and `--encoding` as the walker's reading options; a bad value is a
/// `ValidationError` (exit 64) before anything is read or written.
func readingOptions(fields: [String], textColumn: String?, encoding: String?) throws -> ReadingOptions {
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
