import ArgumentParser
import FalxAudit
import FalxClinical
import FalxCore
import FalxIngest
import FalxText
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how Falx read one report: sections, mentions with their cues, facts, rules fired."
    )

    @Argument(help: "A report file (the first record of a multi-record file unless --record is given; '-' for standard input).")
    var file: String

    @Option(help: "1-based record number inside the file.")
    var record: Int = 1

    @Option(help: "A lexicon file to use instead of the built-in one.")
    var lexicon: String?

    @Option(help: "A lexicon file whose entries are added to the built-in one (or to --lexicon's).")
    var lexiconAdd: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    func run() throws {
        do {
            try InputGuard.refuseMissingInputs([file])
        } catch let refusal as Refusal {
            printError("falx: \(refusal)")
            throw ExitCode(2)
        }
        let lex = try loadLexicon(lexicon, adding: lexiconAdd)
        let walker = InputWalker()
        let records = walker.records(of: .init(path: file, recordBase: file))
        guard record >= 1 && record <= records.count else {
            throw ValidationError("\(file) holds \(records.count) record(s)")
        }
        let report: Report
        switch records[record - 1] {
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
        if let rec = row.recommendation {
            print(bold("\nRules fired"))
            for id in rec.rules {
                print("  \(id): \(Ruleset.default.rules.first { $0.id == id }?.applies ?? "")")
                print("      \(auditor.ruleset.citation(of: id))")
            }
            for a in rec.actions { print("  action \(a.code) (\(a.rule)): \(a.text) \(a.citation)") }
        }
        print("\nDecision support for audit and research, not a diagnosis.")
    }
}
