import Foundation

/// JSON Lines: one report per line, `{"id": ..., "text": ..., ...}`.
///
/// Optional keys fill the metadata: `accession`, `patient_id`, `study_datetime`, `procedure`,
/// `interpreter`, `facility`, `birth_date`, `sex`, `age`. Other keys (such as gold `labels`) are
/// ignored. A blank line, a line that is not a JSON object, or one without a string `text` is an
/// `error` row; the record id is the `id` when present, else `<file>#<line>`.
public enum JSONLinesReader {
    /// The record of one line (numbered from 1). A line is read by `JSONLineFields` when it can
    /// decide it, else by `JSONSerialization` (`fastPath: false` forces the latter, for tests
    /// that compare the two).
    public static func record(
        line: ArraySlice<UInt8>, lineNumber: Int, recordBase: String, source: String, fastPath: Bool = true
    ) -> Record {
        let fallbackID = "\(recordBase)#\(lineNumber)"
        let src = "\(source)#\(lineNumber)"
        var trimmed = line
        while let l = trimmed.last, l == 0x0D || l == 0x20 || l == 0x09 { trimmed = trimmed.dropLast() }
        if trimmed.starts(with: [0xEF, 0xBB, 0xBF]) { trimmed = trimmed.dropFirst(3) }
        guard !trimmed.isEmpty else {
            return .failure(
                RecordError(code: "blank-line", message: "blank line", recordID: fallbackID, source: src, format: .jsonl))
        }
        // A line of invalid UTF-8 is repaired as a text file is, and says so, rather than refused.
        var warnings: [String] = []
        if !UTF8Decoding.validate(trimmed) {
            trimmed = UTF8Decoding.clean(trimmed).bytes[...]
            warnings.append("invalid UTF-8 replaced with U+FFFD")
        }
        if fastPath, let fields = JSONLineFields(trimmed) {
            return record(fields, lineNumber: lineNumber, fallbackID: fallbackID, source: src, warnings: warnings)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(trimmed), options: [])
        } catch {
            return .failure(
                RecordError(
                    code: "bad-json", message: "line \(lineNumber) is not valid JSON", recordID: fallbackID, source: src,
                    format: .jsonl))
        }
        guard let dict = object as? [String: Any] else {
            return .failure(
                RecordError(
                    code: "bad-json", message: "line \(lineNumber) is not a JSON object", recordID: fallbackID, source: src,
                    format: .jsonl))
        }
        var id = fallbackID
        if let s = dict["id"] as? String, !s.isEmpty { id = s } else if let n = dict["id"] as? NSNumber { id = n.stringValue }
        var age: Int?
        if let n = dict["age"] as? NSNumber { age = checkedAge(n.doubleValue, written: n.stringValue, warnings: &warnings) }
        return record(
            id: id,
            field: { key in
                if let s = dict[key.name] as? String { return s }
                if let n = dict[key.name] as? NSNumber { return n.stringValue }
                return ""
            },
            age: age, text: (dict["text"] as? String).map { Array($0.utf8) },
            lineNumber: lineNumber, source: src, warnings: warnings)
    }

    /// The record of a line read by the fast path; the same as the `JSONSerialization` path's.
    static func record(_ fields: JSONLineFields, lineNumber: Int, fallbackID: String, source src: String, warnings: [String])
        -> Record
    {
        var id = fallbackID
        switch fields[.id] {
        case .string(let bytes)? where !bytes.isEmpty: id = String(decoding: bytes, as: UTF8.self)
        case .integer?: id = fields.text(.id)
        default: break
        }
        var age: Int?
        var warnings = warnings
        if case .integer(let n, _)? = fields[.age] { age = checkedAge(Double(n), written: String(n), warnings: &warnings) }
        var text: [UInt8]?
        if case .string(let bytes)? = fields[.text] { text = bytes }
        return record(id: id, field: fields.text, age: age, text: text, lineNumber: lineNumber, source: src, warnings: warnings)
    }

    /// The oldest age read from a line; an age outside 0...maximumAge, or not a whole number, is a
    /// warning and no age (`1e308` must not become a huge or negative number).
    static let maximumAge = 130

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
        warnings: [String]
    ) -> Record {
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
        guard let text else {
            return .failure(
                RecordError(
                    code: "missing-text", message: "line \(lineNumber) has no string \"text\"", recordID: id, source: src,
                    format: .jsonl, metadata: meta))
        }
        if isBlank(text) {
            return .failure(
                RecordError(
                    code: "empty", message: "line \(lineNumber) has an empty \"text\"", recordID: id, source: src, format: .jsonl,
                    metadata: meta))
        }
        return .success(Report(recordID: id, source: src, format: .jsonl, text: text, metadata: meta, warnings: warnings))
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
