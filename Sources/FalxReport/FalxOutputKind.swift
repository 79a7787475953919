import FalxAudit
import FalxCore

/// A file Falx itself wrote, recognised by its first bytes (not by its name), so that an audit,
/// a worklist or a report page left inside an input folder is never audited as a report.
public enum FalxOutputKind: String, Sendable, CaseIterable {
    case auditCSV = "audit CSV"
    case auditJSONL = "audit JSON Lines"
    case worklist = "worklist CSV"
    case htmlReport = "HTML report"
    case provenance = "provenance JSON"

    /// The `content` of the `<meta name="generator">` element every report page carries.
    public static let generatorContent = "falx \(FalxVersion.current) (\(Ruleset.default.version))"

    /// How many bytes from the start of a file ``recognise(fileStart:)`` needs to look at.
    public static let bytesNeeded = 4096

    static let auditHeader = Array(AuditRow.columns.joined(separator: ",").utf8)
    /// The header of schema version 1 (the columns up to `errors`): an older audit in an input
    /// folder is still Falx's own output, as is one of version 2.
    static let auditHeaderVersion1 = Array(
        AuditRow.columns.prefix { $0 != "clinical_notes" }.joined(separator: ",").utf8)
    /// The header of schema version 2 (the columns up to `superseded_by`).
    static let auditHeaderVersion2 = Array(
        AuditRow.columns.prefix { $0 != "fact_evidence" }.joined(separator: ",").utf8)
    static let worklistHeaders = ([WorklistCase.columns] + WorklistCase.previousColumns).map {
        Array($0.joined(separator: ",").utf8)
    }
    static let generatorMarker = Array("<meta name=\"generator\" content=\"falx ".utf8)
    /// Keys of a provenance file (``Provenance``), as its encoder writes them.
    static let provenanceKeys = ["\"audit_columns\" : [", "\"falx_version\" : \"", "\"lexicon_sha256\" : \""].map {
        Array($0.utf8)
    }

    /// The kind of Falx output a file starting with these bytes is, or nil for anything else.
    ///
    /// An audit CSV or worklist CSV starts with its exact header row (after an optional UTF-8 BOM);
    /// an audit JSON Lines file's first object starts with Falx's first four keys in order
    /// (`record_id`, `source`, `format`, `status`); a report page carries Falx's generator marker in
    /// its first ``bytesNeeded`` bytes; a provenance file (`AUDIT.meta.json`) is a JSON object
    /// holding the keys `audit_columns`, `falx_version` and `lexicon_sha256` there. An audit written
    /// with `--no-header` has no such mark and is read like any CSV.
    public static func recognise(fileStart: some Collection<UInt8>) -> FalxOutputKind? {
        // Every Falx output starts with `r` (a header), `{` (JSON) or `<` (the page), after an
        // optional BOM: anything else (nearly every report) is passed over after one byte.
        var start = fileStart.startIndex
        if fileStart.starts(with: [0xEF, 0xBB, 0xBF]) { start = fileStart.index(start, offsetBy: 3) }
        guard start < fileStart.endIndex, [0x72, 0x7B, 0x3C].contains(fileStart[start]) else { return nil }
        let bytes = Array(fileStart[start...].prefix(bytesNeeded))
        var firstLine = bytes.prefix { $0 != 0x0A }
        if firstLine.last == 0x0D { firstLine.removeLast() }
        if [auditHeader, auditHeaderVersion2, auditHeaderVersion1].contains(where: firstLine.elementsEqual) {
            return .auditCSV
        }
        if worklistHeaders.contains(where: firstLine.elementsEqual) { return .worklist }
        if firstLine.first == 0x7B && keysInOrder(firstLine) { return .auditJSONL }
        if bytes.first == 0x3C && contains(bytes, generatorMarker) { return .htmlReport }
        if firstLine.first == 0x7B && provenanceKeys.allSatisfy({ contains(bytes, $0) }) { return .provenance }
        return nil
    }

    /// Whether the line starts with the audit's first keys, consecutive and in order, each with the
    /// string value Falx writes for it.
    static func keysInOrder(_ line: ArraySlice<UInt8>) -> Bool {
        var rest = line.dropFirst()  // "{"
        for (i, column) in AuditRow.columns.prefix(4).enumerated() {
            let key = Array(((i == 0 ? "" : ",") + "\"\(column)\":\"").utf8)
            guard rest.starts(with: key) else { return false }
            rest = rest.dropFirst(key.count)
            // Skip the string value to its closing quote (a backslash escapes the next byte).
            var escaped = false
            guard
                let close = rest.firstIndex(where: { b in
                    defer { escaped = !escaped && b == 0x5C }
                    return !escaped && b == 0x22
                })
            else { return false }
            rest = rest[(close + 1)...]
        }
        return true
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack[...]) != nil
    }

    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
