import FalxCore
import Foundation

/// The quality team's page: one self-contained HTML file (inline CSS, inline SVG, a few lines of inline
/// script; nothing fetched) built from ``ReportAggregates`` alone, so it can be rebuilt from an
/// archived audit.
///
///     let html = HTMLReport(aggregates: agg, stats: stats, context: .init(auditName: "audit.csv")).html
public struct HTMLReport: Sendable {
    /// What the page says about where it came from.
    public struct Context: Sendable, Equatable {
        /// The audit file's name as shown on the page.
        public var auditName: String
        /// Whether the identifiers were pseudonymised on the way in (or were already).
        public var pseudonymised: Bool
        /// The study-date precision applied, if any (`month`, …).
        public var datePrecision: String?
        /// The file the full worklist was written to, if any.
        public var worklistFile: String?
        /// The audit's provenance (Falx and ruleset versions, lexicon, options, inputs), one line each;
        /// empty when the audit has no provenance file.
        public var provenance: [String] = []

        public init(auditName: String, pseudonymised: Bool = false, datePrecision: String? = nil, worklistFile: String? = nil) {
            self.auditName = auditName
            self.pseudonymised = pseudonymised
            self.datePrecision = datePrecision
            self.worklistFile = worklistFile
        }
    }

    public let aggregates: ReportAggregates
    public let stats: AuditReadStats
    public let context: Context
    public let ruleset: Ruleset
    /// Interpreters and facilities shown by name; the rest are summed as one row.
    public var topKeys = 20
    /// Months shown as bars (the most recent); the rate line shows up to ``lineMonths``.
    public var barMonths = 24
    public var lineMonths = 120

    public init(aggregates: ReportAggregates, stats: AuditReadStats, context: Context, ruleset: Ruleset = .default) {
        self.aggregates = aggregates
        self.stats = stats
        self.context = context
        self.ruleset = ruleset
    }

    /// The whole page.
    public var html: String {
        var out = "<!DOCTYPE html>\n"
        page.render(into: &out)
        return out + "\n"
    }

    var page: Node {
        .element(
            "html", ["lang": "en"],
            [
                .element(
                    "head", [:],
                    [
                        .element("meta", ["charset": "utf-8"]),
                        .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                        // Marks the page as Falx's own output, so a later run over the folder skips it.
                        .element("meta", ["name": "generator", "content": FalxOutputKind.generatorContent]),
                        // Nothing may be fetched: no network on hospital machines, and no leak of the page.
                        .element(
                            "meta",
                            [
                                "http-equiv": "Content-Security-Policy",
                                "content":
                                    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
                            ]),
                        .element("title", text: "Falx audit report — \(context.auditName)"),
                        .element("style", [:], [.trusted(Self.style)]),
                    ]),
                .element(
                    "body", [:],
                    [
                        Chart.definitions, header, contents, summary, prevalence, recommendations, verdicts, ages, worklist,
                        errors, rules, footer,
                    ]),
            ])
    }

    // MARK: - Header and summary

    var header: Node {
        var parts: [Node] = [
            .element("h1", text: "Dural calcification audit report"),
            .element(
                "p", ["class": "notice"],
                text:
                    "Decision support for audit and research, not a diagnosis. Falx reads what each report says; it does not look at images and does not replace clinical judgement."
            ),
            .element(
                "p", ["class": "meta"],
                text:
                    "Built by falx report from the audit \(context.auditName) (\(stats.kind == .csv ? "CSV" : "JSON Lines"), \(n(stats.rows)) rows). Every number on this page is computed from that file alone."
            ),
        ]
        if context.pseudonymised {
            var s =
                "Pseudonymised: patient, accession and record identifiers and source paths are keyed pseudonyms; evidence sentences are scrubbed of titled names, dates, phone numbers, e-mail addresses and ID-like numbers."
            if let p = context.datePrecision { s += " Study dates are cut to the \(p)." }
            parts.append(.element("p", ["class": "meta"], text: s))
        }
        if stats.skipped > 0 {
            let at = stats.skippedAt.map(String.init).joined(separator: ", ")
            parts.append(
                .element(
                    "p", ["class": "warn"],
                    text:
                        "\(n(stats.skipped)) lines of the audit could not be read as rows and are not counted (first at line \(at))."
                ))
        }
        if !stats.missingColumns.isEmpty {
            parts.append(
                .element(
                    "p", ["class": "warn"],
                    text: "The audit has no column \(stats.missingColumns.joined(separator: ", ")); those values count as empty.")
            )
        }
        return .element("header", [:], parts)
    }

    static let sections: [(id: String, title: String)] = [
        ("summary", "Run summary"), ("prevalence", "Dural calcification and associated findings"),
        ("recommendations", "Categories and strengths"), ("verdicts", "Audit verdicts"), ("ages", "Age of positive cases"),
        ("worklist", "Review worklist"), ("errors", "Error rows"), ("rules", "Rules and citations"),
    ]

    var contents: Node {
        .element(
            "nav", ["aria-label": "Contents"],
            [
                .element(
                    "ol", [:],
                    Self.sections.map { .element("li", [:], [.element("a", ["href": "#\($0.id)"], text: $0.title)]) })
            ])
    }

    func section(_ id: String, _ children: [Node]) -> Node {
        let title = Self.sections.first { $0.id == id }?.title ?? id
        return .element("section", ["id": id], [.element("h2", text: title)] + children)
    }

    var summary: Node {
        let a = aggregates
        func card(_ value: String, _ label: String) -> Node {
            .element("div", ["class": "card"], [.element("b", text: value), .element("span", text: label)])
        }
        let range: String
        if let first = a.firstStudy, let last = a.lastStudy {
            range = "\(first) to \(last)"
        } else {
            range = "no study dates"
        }
        let formats = a.formats.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) \(n($0.value))" }.joined(separator: ", ")
        let versions = a.rulesetVersions.keys.sorted().joined(separator: ", ")
        return section(
            "summary",
            [
                .element(
                    "div", ["class": "cards"],
                    [
                        card(n(a.records), "records"), card(n(a.ok), "ok"), card(n(a.errorRows), "error"),
                        card(n(a.positives), "dural calcification present or uncertain"),
                        card(n(a.verdicts["missed_workup", default: 0]), "missed work-up"),
                        card(n(a.verdicts["additional_imaging", default: 0]), "additional imaging"),
                    ]),
                table(
                    caption: "The run", head: ["", "value"],
                    rows: [
                        ["records (rows)", n(a.records)], ["ok", n(a.ok)], ["error", n(a.errorRows)],
                        ["rows with warnings", n(a.rowsWithWarnings)],
                        ["ruleset version", versions.isEmpty ? "—" : versions],
                        ["study dates", range + (a.rowsWithoutDate > 0 ? " (\(n(a.rowsWithoutDate)) rows without a date)" : "")],
                        ["input formats", formats.isEmpty ? "—" : formats],
                    ], numeric: []),
            ])
    }

    // MARK: - Helpers

    func n(_ v: Int) -> String {
        let s = String(v)
        guard v >= 10_000 || v <= -10_000 else { return s }
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    func share(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "\(n(part))" : "\(n(part)) (\(percent(Double(part) / Double(whole))))"
    }

    /// A table with a caption and column headers; `numeric` columns are right-aligned and sort by number.
    /// `rowClass` gives a row its class (nil: none), e.g. `small-n` to grey it.
    func table(
        caption: String, head: [String], rows: [[String]], numeric: Set<Int>, className: String? = nil,
        rowClass: (Int) -> String? = { _ in nil }
    ) -> Node {
        let headRow: [Node] = head.enumerated().map { i, h in
            .element("th", attributes: [.init("scope", "col")] + (numeric.contains(i) ? [.init("class", "n")] : []), [.text(h)])
        }
        let bodyRows: [Node] = rows.enumerated().map { r, row in
            .element(
                "tr", rowClass(r).map { ["class": $0] } ?? [:],
                row.enumerated().map { i, v in
                    i == 0 && head.first == ""
                        ? .element("th", ["scope": "row"], text: v)
                        : .element("td", attributes: numeric.contains(i) ? [.init("class", "n")] : [], [.text(v)])
                })
        }
        return .element(
            "table", attributes: className.map { [.init("class", $0)] } ?? [],
            [
                .element("caption", text: caption), .element("thead", [:], [.element("tr", [:], headRow)]),
                .element("tbody", [:], bodyRows),
            ])
    }
}
