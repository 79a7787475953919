/// The delimiters of one HL7 v2 ER7 message, read from MSH-1 and MSH-2.
///
/// MSH-2 lists, in order, the component, repetition, escape and subcomponent separators (v2.7 adds
/// a truncation character, which is accepted and ignored). Real feeds send short lists such as
/// `^~}` (no subcomponent separator) or odd characters such as `}`; a delimiter that MSH-2 does not
/// give is `nil`, and splitting on a `nil` delimiter leaves the value whole.
struct HL7Delimiters: Sendable, Equatable {
    var field: UInt8
    var component: UInt8
    var repetition: UInt8?
    var escape: UInt8?
    var subcomponent: UInt8?

    /// `|^~\&`, used to recognise segments of a message whose MSH is broken.
    static let standard = HL7Delimiters(field: 0x7C, component: 0x5E, repetition: 0x7E, escape: 0x5C, subcomponent: 0x26)

    /// Reads MSH-1 and MSH-2 from an MSH line (`MSH|^~\&|...`).
    ///
    /// - Returns: the delimiters, or a sentence saying what is wrong with MSH-1 / MSH-2.
    static func parse(mshLine line: ArraySlice<UInt8>) -> Result<HL7Delimiters, HL7DelimiterProblem> {
        let start = line.startIndex
        guard line.count > 3 else { return .failure(.init(code: .badMSH1, message: "MSH has no field separator (MSH-1)")) }
        let field = line[start + 3]
        guard isDelimiterByte(field) else {
            return .failure(
                .init(
                    code: .badMSH1,
                    message: "MSH-1 field separator \(HL7Text.describe(byte: field)) is not a punctuation character"))
        }
        var end = start + 4
        while end < line.endIndex && line[end] != field { end += 1 }
        let chars = Array(line[(start + 4)..<end])
        let shown = HL7Text.describe(bytes: chars)
        guard !chars.isEmpty else {
            return .failure(.init(code: .badMSH2, message: "MSH-2 encoding characters are missing"))
        }
        guard chars.count <= 5 else {
            return .failure(.init(code: .badMSH2, message: "MSH-2 encoding characters \(shown) are more than five characters"))
        }
        for (i, c) in chars.enumerated() {
            guard isDelimiterByte(c), c != field else {
                return .failure(
                    .init(
                        code: .badMSH2,
                        message: "MSH-2 encoding characters \(shown) hold a character that cannot be a delimiter"))
            }
            guard !chars[..<i].contains(c) else {
                return .failure(.init(code: .badMSH2, message: "MSH-2 encoding characters \(shown) repeat a character"))
            }
        }
        return .success(
            HL7Delimiters(
                field: field, component: chars[0], repetition: chars.count > 1 ? chars[1] : nil,
                escape: chars.count > 2 ? chars[2] : nil, subcomponent: chars.count > 3 ? chars[3] : nil))
    }

    /// Printable ASCII that is neither a letter, a digit nor a space.
    static func isDelimiterByte(_ b: UInt8) -> Bool {
        b > 0x20 && b < 0x7F && !HL7Text.isAlphanumeric(b)
    }

    /// Splits a value on a delimiter; a `nil` delimiter gives the whole value.
    static func split(_ value: ArraySlice<UInt8>, on delimiter: UInt8?) -> [ArraySlice<UInt8>] {
        guard let d = delimiter else { return [value] }
        return value.split(separator: d, omittingEmptySubsequences: false)
    }
}

/// Why MSH-1 or MSH-2 cannot be used; becomes the `RecordError` of the message.
struct HL7DelimiterProblem: Error, Sendable, Equatable {
    var code: RecordErrorCode
    var message: String
}
