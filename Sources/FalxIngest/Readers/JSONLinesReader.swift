import Foundation

/// JSON Lines: one report per line, `{"id": ..., "text": ..., ...}`.
///
/// The text is `text` (or another of the names ``FieldNames`` knows: `report_text`, `report`,
/// `narrative`, ...; `findings` and `impression` joined as sections when there is no text key).
/// Optional keys fill the metadata: `accession`, `patient_id`, `study_datetime`, `procedure`,
/// `interpreter`, `facility`, `birth_date`, `sex`, `age` (a number or a string of digits), each
/// under its common names too; `--field` names others. Other keys (such as gold `labels`) are
/// ignored. A blank line, a line that is not a JSON object, or one without a string text is an
/// `error` row; the record id is the `id` when present, else `<file>#<line>`.
public enum JSONLinesReader {
    /// The record of one line (numbered from 1). A line is read by `JSONLineFields` when it can
    /// decide it, else by `JSONSerialization` (`fastPath: false` forces the latter, for tests
    /// that compare the two).
    public static func record(
        line: ArraySlice<UInt8>, lineNumber: Int, recordBase: String, source: String, fastPath: Bool = true,
        options: ReadingOptions = ReadingOptions(), place: String? = nil, format: InputFormat = .jsonl
    ) -> Record {
        let place = place ?? "line \(lineNumber)"
        let fallbackID = "\(recordBase)#\(lineNumber)"
        let src = "\(source)#\(lineNumber)"
        var trimmed = line
        while let l = trimmed.last, l == 0x0D || l == 0x20 || l == 0x09 { trimmed = trimmed.dropLast() }
        if trimmed.starts(with: [0xEF, 0xBB, 0xBF]) { trimmed = trimmed.dropFirst(3) }
        guard !trimmed.isEmpty else {
            return .failure(
                RecordError(code: .blankLine, message: "blank line", recordID: fallbackID, source: src, format: format))
        }
        // A line that is not UTF-8 is decoded as a text file is, and says so, rather than refused.
        var warnings: [String] = []
        if options.encoding != nil || !UTF8Decoding.validate(trimmed) {
            let decoded = TextDecoding.decode(trimmed, as: options.encoding)
            trimmed = decoded.bytes[...]
            warnings += decoded.warnings
        }
        let names = options.fields
        if fastPath, let fields = JSONLineFields(trimmed, names: names) {
            return record(
                fields, lineNumber: lineNumber, fallbackID: fallbackID, source: src, warnings: warnings, place: place,
                format: format)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(trimmed), options: [])
        } catch {
            return .failure(
                RecordError(
                    code: .badJSON, message: "\(place) is not valid JSON", recordID: fallbackID, source: src,
                    format: format))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(
                RecordError(
                    code: .badJSON, message: "\(place) is not a JSON object", recordID: fallbackID, source: src,
                    format: format))
        }
        // Each field's value under its best-ranked name (of two spellings of one rank, the first in
        // key order, so that the result does not depend on the dictionary's order).
        var chosen: [JSONLineFields.Key: (rank: Int, key: String)] = [:]
        for key in dict.keys {
            guard let (field, rank) = names.match(Array(key.utf8)) else { continue }
            if let seen = chosen[field], seen.rank < rank || (seen.rank == rank && seen.key < key) { continue }
            chosen[field] = (rank, key)
        }
        let value = { (key: JSONLineFields.Key) -> Any? in chosen[key].flatMap { dict[$0.key] } }
        var id = fallbackID
        if let s = value(.id) as? String, !s.isEmpty { id = s } else if let n = value(.id) as? NSNumber { id = n.stringValue }
        var age: Int?
        if let n = value(.age) as? NSNumber {
            age = checkedAge(n.doubleValue, written: n.stringValue, warnings: &warnings)
        } else if let s = value(.age) as? String {
            age = ageText(s, warnings: &warnings)
        }
        let string = { (key: JSONLineFields.Key) in (value(key) as? String).map { Array($0.utf8) } }
        return record(
            id: id,
            field: { key in
                if let s = value(key) as? String { return s }
                if let n = value(key) as? NSNumber { return n.stringValue }
                return ""
            },
            age: age, text: text(string(.text), findings: string(.findings), impression: string(.impression)),
            lineNumber: lineNumber, source: src, warnings: warnings, place: place, format: format)
    }

    /// The report text: the text field, else the findings and impression fields as sections.
    static func text(_ text: [UInt8]?, findings: [UInt8]?, impression: [UInt8]?) -> [UInt8]? {
        if let text { return text }
        return FieldNames.sections(findings: findings, impression: impression)
    }

    /// The record of a line read by the fast path; the same as the `JSONSerialization` path's.
    static func record(
        _ fields: JSONLineFields, lineNumber: Int, fallbackID: String, source src: String, warnings: [String],
        place: String? = nil, format: InputFormat = .jsonl
    ) -> Record {
        var id = fallbackID
        switch fields[.id] {
        case .string(let bytes)? where !bytes.isEmpty: id = String(decoding: bytes, as: UTF8.self)
        case .integer?: id = fields.text(.id)
        default: break
        }
        var age: Int?
        var warnings = warnings
        switch fields[.age] {
        case .integer(let n, _)?: age = checkedAge(Double(n), written: String(n), warnings: &warnings)
        case .string(let bytes)?: age = ageText(String(decoding: bytes, as: UTF8.self), warnings: &warnings)
        default: break
        }
        let string = { (key: JSONLineFields.Key) -> [UInt8]? in
            if case .string(let bytes)? = fields[key] { return bytes }
            return nil
        }
        let text = text(string(.text), findings: string(.findings), impression: string(.impression))
        return record(
            id: id, field: fields.text, age: age, text: text, lineNumber: lineNumber, source: src, warnings: warnings,
            place: place, format: format)
    }

    /// The oldest age read from a line; an age outside 0...maximumAge, or not a whole number, is a
    /// warning and no age (`1e308` must not become a huge or negative number).
    static let maximumAge = 130

    /// An age written as text: whole years (`52`, `052`, `52Y`, `52 years`); anything else is a
    /// warning and no age. An empty value is no age, without a warning.
    static func ageText(_ text: String, warnings: inout [String]) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        let unit = t.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        if !digits.isEmpty, digits.count <= 4, let n = Int(digits), ["", "y", "yr", "yrs", "year", "years"].contains(unit) {
            return checkedAge(Double(n), written: t, warnings: &warnings)
        }
        warnings.append("age '\(t)' is not a whole number of years; left empty")
        return nil
    }

    static func checkedAge(_ value: Double, written: String, warnings: inout [String]) -> Int? {
        guard value.isFinite, value >= 0, value <= Double(maximumAge), value.rounded() == value else {
            warnings.append("age \(written) is not a whole number of years from 0 to \(maximumAge); left empty")
            return nil
        }
        return Int(value)
    }

    /// The record of a parsed line, whichever parser read it: the metadata from `field`, an
    /// `error` row when the text is missing or blank.
    static func record(
        id: String, field: (JSONLineFields.Key) -> String, age: Int?, text: [UInt8]?, lineNumber: Int, source src: String,
        warnings: [String], place: String? = nil, format: InputFormat = .jsonl
    ) -> Record {
        let place = place ?? "line \(lineNumber)"
        var meta = ReportMetadata()
        meta.accession = field(.accession)
        meta.patientID = field(.patientID)
        meta.studyDateTime = field(.studyDateTime)
        meta.procedure = field(.procedure)
        meta.interpreter = field(.interpreter)
        meta.facility = field(.facility)
        meta.birthDate = field(.birthDate)
        meta.sex = field(.sex).uppercased().prefix(1).description
        meta.age = age
        var warnings = warnings
        let status = field(.resultStatus)
        meta.resultStatus = ResultStatus(written: status)
        if !ResultStatus.isKnown(status) {
            warnings.append("result status '\(status)' is not a status Falx knows; read as other")
        }
        guard let text else {
            return .failure(
                RecordError(
                    code: .missingText, message: "\(place) has no string \"text\"", recordID: id, source: src,
                    format: format, metadata: meta))
        }
        if isBlank(text) {
            return .failure(
                RecordError(
                    code: .empty, message: "\(place) has an empty \"text\"", recordID: id, source: src, format: format,
                    metadata: meta))
        }
        return .success(Report(recordID: id, source: src, format: format, text: text, metadata: meta, warnings: warnings))
    }

    /// Whether the text is only white space (Unicode's, as `Character.isWhitespace`).
    static func isBlank(_ text: [UInt8]) -> Bool {
        for b in text {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) { continue }
            if b < 0x80 { return false }
            return String(decoding: text, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
        return true
    }
}
