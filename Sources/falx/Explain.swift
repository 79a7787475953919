import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
import FalxReport
import FalxText
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how Falx read one report: sections, mentions with their cues, facts, rules fired."
    )

    @Argument(help: "A report file (the first record of a multi-record file unless --record is given; '-' for standard input).")
    var file: String

    @Option(
        help: ArgumentHelp(
            "The record inside a multi-record file: its 1-based number, or its id as the audit writes it.",
            discussion:
                "A number (3) or '#3' is the record's place in the file; anything else is matched against the "
                + "record_id, the accession and the source of each record (batch.hl7#3, ACC-H002, a JSON Lines id).",
            valueName: "n-or-id"))
    var record: String = "1"

    @Option(help: "A lexicon file to use instead of the built-in one.")
    var lexicon: String?

    @Option(help: "A lexicon file whose entries are added to the built-in one (or to --lexicon's).")
    var lexiconAdd: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    func run() throws {
        try refusing { try InputGuard.refuseMissingInputs([file]) }
        let lex = try loadLexicon(lexicon, adding: lexiconAdd)
        let walker = InputWalker()
        let records = walker.records(of: .init(path: file, recordBase: file))
        let index = try Self.select(record, in: records, file: file)
        let report: Report
        switch records[index] {
        case .failure(let e):
            // Nothing to explain: the record would be an `error` row of the audit.
            print("error row: \(e)")
            throw ExitCode(1)
        case .success(let r): report = r
        }
        let color = !noColor && isatty(1) == 1
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func tint(_ s: String, _ code: Int) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

        let auditor = Auditor(lexicon: lex)
        let reading = auditor.extractor.read(Auditor.withoutHeaders(auditor.withHeaders(report)))
        let doc = reading.document
        print(bold("record \(report.recordID)") + "  (\(report.format.rawValue), \(report.text.count) bytes)")
        print(bold("\nSections"))
        for s in doc.sections {
            let header = doc.string(s.header)
            print(
                "  \(s.kind.rawValue)\(header.isEmpty ? "" : " \"\(header)\""): \(doc.sentences.filter { doc.sections[$0.section] == s }.count) sentence(s)"
            )
        }
        print(bold("\nMentions"))
        for m in reading.mentions {
            let color = m.assertion == .negated ? 31 : m.assertion == .uncertain ? 33 : 32
            var flags: [String] = []
            if let t = m.temporality { flags.append(t.rawValue) }
            if m.hypothetical { flags.append("hypothetical") }
            if m.historical { flags.append("historical") }
            if m.family { flags.append("family") }
            if m.ignored { flags.append("ignored") }
            let attrs = m.attributes.isEmpty ? "" : " [\(m.attributes.joined(separator: ","))]"
            print(
                "  \(tint(m.assertion.rawValue, color)) \(m.concept)\(attrs) \"\(doc.string(m.tokens))\" in \(m.section.rawValue)"
                    + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"))
            for t in m.triggers { print("      cue \(t.category.rawValue): \"\(t.phrase)\"") }
            print("      sentence: \(doc.collapsedText(ofSentence: m.sentence))")
        }
        let row = auditor.row(for: .success(report))
        print(bold("\nCase facts and audit"))
        for (k, v) in zip(AuditRow.columns, row.values) where !v.isEmpty && v != "not_mentioned" {
            print("  \(k): \(v)")
        }
        let why = ExplainWhy(
            reading: reading, facts: row.facts, ruleset: auditor.ruleset, lexicon: auditor.extractor.lexicon.compiled)
        for line in why.lines(bold: bold) { print(line) }
        print("\nDecision support for audit and research, not a diagnosis.")
    }

    /// The index of the record `selector` names: a 1-based number (`3` or `#3`), else the record
    /// whose id, accession or source is `selector` (or ends with `/` + `selector`).
    static func select(_ selector: String, in records: [Record], file: String) throws -> Int {
        let digits = selector.hasPrefix("#") ? String(selector.dropFirst()) : selector
        if let n = Int(digits) {
            guard n >= 1 && n <= records.count else {
                throw ValidationError("\(file) holds \(records.count) record(s); there is no record \(n)")
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
            throw ValidationError(
                "\(file) has no record \"\(selector)\"; its \(records.count) record(s): \(ids)\(records.count > 10 ? ", …" : "")"
                    + " (or give the 1-based number)")
        }
        guard matches.count == 1 else {
            throw ValidationError(
                "\"\(selector)\" names \(matches.count) records of \(file) (numbers \(matches.map { String($0 + 1) }.joined(separator: ", "))); "
                    + "give the 1-based number")
        }
        return first
    }
}
