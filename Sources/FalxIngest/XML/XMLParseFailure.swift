/// Why an XML document could not be read; the readers turn it into a `RecordError`.
struct XMLParseFailure: Error, Sendable, Equatable {
    /// Stable code: `empty`, `too-large`, `compressed`, `xml-parse`, `xml-entities`, `xml-no-root`.
    var code: RecordErrorCode
    var message: String
    /// libxml2's error code (`xmlParserErrors`), 0 when the failure is Falx's own.
    var libxmlCode = 0
    /// The line libxml2 reported, 0 when unknown.
    var line = 0
}
