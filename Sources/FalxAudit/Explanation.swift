import FalxClinical
import FalxCore
import FalxIngest
import FalxText

/// What `falx explain` prints for one report: its sections, every mention with its cues, the
/// audit's values, then why the rules fired (``lines(style:)``). The reading is the auditor's own,
/// so the explanation never disagrees with the row.
public struct Explanation {
    public let report: Report
    public let auditor: Auditor

    /// How headings and assertions are drawn: plain, or with terminal colours.
    public struct Style: Sendable {
        public var bold: @Sendable (String) -> String
        /// The text in an ANSI colour (31 red, 32 green, 33 yellow).
        public var tint: @Sendable (String, Int) -> String

        public static let plain = Style(bold: { $0 }, tint: { s, _ in s })
        public static let terminal = Style(
            bold: { "\u{1B}[1m\($0)\u{1B}[0m" }, tint: { s, code in "\u{1B}[\(code)m\(s)\u{1B}[0m" })
    }

    /// Why the record asked for cannot be found; `falx explain` exits 64 with it.
    public struct SelectionError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(report: Report, auditor: Auditor) {
        self.report = report
        self.auditor = auditor
    }

    /// The lines to print, in order.
    public func lines(style: Style) -> [String] {
        var out: [String] = []
        let (bold, tint) = (style.bold, style.tint)
        let reading = auditor.extractor.read(Auditor.withoutHeaders(auditor.withHeaders(report)))
        let doc = reading.document
        out.append(bold("record \(report.recordID)") + "  (\(report.format.rawValue), \(report.text.count) bytes)")
        out.append(bold("\nSections"))
        for s in doc.sections {
            let header = doc.string(s.header)
            out.append(
                "  \(s.kind.rawValue)\(header.isEmpty ? "" : " \"\(header)\""): \(doc.sentences.filter { doc.sections[$0.section] == s }.count) sentence(s)"
            )
        }
        out.append(bold("\nMentions"))
        for m in reading.mentions {
            let color = m.assertion == .negated ? 31 : m.assertion == .uncertain ? 33 : 32
            var flags: [String] = []
            if let t = m.temporality { flags.append(t.rawValue) }
            if m.hypothetical { flags.append("hypothetical") }
            if m.historical { flags.append("historical") }
            if m.family { flags.append("family") }
            if m.ignored { flags.append("ignored") }
            let attrs = m.attributes.isEmpty ? "" : " [\(m.attributes.joined(separator: ","))]"
            out.append(
                "  \(tint(m.assertion.rawValue, color)) \(m.concept)\(attrs) \"\(doc.string(m.tokens))\" in \(m.section.rawValue)"
                    + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"))
            for t in m.triggers { out.append("      cue \(t.category.rawValue): \"\(t.phrase)\"") }
            out.append("      sentence: \(doc.collapsedText(ofSentence: m.sentence))")
        }
        let row = auditor.row(for: .success(report))
        out.append(bold("\nCase facts and audit"))
        for (k, v) in zip(AuditRow.columns, row.values) where !v.isEmpty && v != "not_mentioned" {
            out.append("  \(k): \(v)")
        }
        let why = ExplanationOfRules(
            reading: reading, facts: row.facts, ruleset: auditor.ruleset, lexicon: auditor.extractor.lexicon.compiled)
        out += why.lines(bold: bold)
        out.append("\nDecision support for audit and research, not a diagnosis.")
        return out
    }

    /// The record `selector` names in `file` (see ``select(_:in:file:)``), read as `falx audit`
    /// reads it with the same reading options and auditor: its explanation, or the error row it is.
    ///
    /// - Throws: ``SelectionError`` when `selector` names no record or several.
    public static func record(_ selector: String, of file: String, reading: ReadingOptions, auditor: Auditor) throws
        -> Result<Explanation, RecordError>
    {
        var walker = InputWalker()
        walker.reading = reading
        walker.textHeaders = auditor.textHeaders
        let records = walker.records(of: .init(path: file, recordBase: file))
        return records[try select(selector, in: records, file: file)].map { Explanation(report: $0, auditor: auditor) }
    }

    /// The index of the record `selector` names: a 1-based number (`3` or `#3`), else the record
    /// whose id, accession or source is `selector` (or ends with `/` + `selector`).
    public static func select(_ selector: String, in records: [Record], file: String) throws -> Int {
        let digits = selector.hasPrefix("#") ? String(selector.dropFirst()) : selector
        if let n = Int(digits) {
            guard n >= 1 && n <= records.count else {
                throw SelectionError(description: "\(file) holds \(records.count) record(s); there is no record \(n)")
            }
            return n - 1
        }
        func names(_ value: String) -> Bool { value == selector || value.hasSuffix("/" + selector) }
        let matches = records.indices.filter { i in
            switch records[i] {
            case .success(let r):
                names(r.recordID) || names(r.source) || (!r.metadata.accession.isEmpty && r.metadata.accession == selector)
            case .failure(let e): names(e.recordID) || names(e.source)
            }
        }
        guard let first = matches.first else {
            let ids = records.prefix(10).map(\.recordID).joined(separator: ", ")
            throw SelectionError(
                description:
                    "\(file) has no record \"\(selector)\"; its \(records.count) record(s): \(ids)\(records.count > 10 ? ", …" : "")"
                    + " (or give the 1-based number)")
        }
        guard matches.count == 1 else {
            throw SelectionError(
                description:
                    "\"\(selector)\" names \(matches.count) records of \(file) (numbers \(matches.map { String($0 + 1) }.joined(separator: ", "))); "
                    + "give the 1-based number")
        }
        return first
    }
}
