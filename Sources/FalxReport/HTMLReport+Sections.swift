import FalxCore

extension HTMLReport {
    static let statuses = ["present", "uncertain", "absent", "not_mentioned"]
    static let categoryOrder = [
        "davf_pathway", "venous_thrombosis_pathway", "intracranial_hypotension_pathway", "venous_imaging", "mri_workup",
        "incidental_monitor", "not_applicable",
    ]
    static let strengthOrder = ["urgent", "recommended", "consider", "routine"]
    static let verdictOrder = ["missed_workup", "additional_imaging", "concordant", "not_applicable"]

    /// Keys of `map` in `order` first, then any others sorted.
    func ordered(_ map: [String: Int], _ order: [String]) -> [String] {
        order.filter { map[$0] != nil } + map.keys.filter { !order.contains($0) }.sorted()
    }

    static let verdictSeries: [ChartSeries] = [
        .alarm("missed work-up"), .hatched("additional imaging"), .light("concordant"),
    ]

    // MARK: - Prevalence

    var prevalence: Node {
        let a = aggregates
        let dcRows = Self.statuses.map { s in
            ChartRow(
                label: s.replacingOccurrences(of: "_", with: " "), values: [a.duralCalcification[s, default: 0]],
                note: share(a.duralCalcification[s, default: 0], of: a.ok))
        }
        func presentUncertainRows(_ map: [String: [String: Int]], _ names: [String]) -> [ChartRow] {
            names.map { name in
                let p = map[name]?["present", default: 0] ?? 0
                let u = map[name]?["uncertain", default: 0] ?? 0
                return ChartRow(
                    label: name.replacingOccurrences(of: "_", with: " "), values: [p, u], note: share(p + u, of: a.positives))
            }
        }
        let findingRows = presentUncertainRows(a.findings, AuditColumns.findings)
        // Symptoms and renal disease are present, absent or not mentioned: one series.
        let symptomRows =
            presentUncertainRows(a.symptoms, AuditColumns.symptoms).map {
                ChartRow(label: $0.label, values: [$0.values[0]], note: $0.note)
            }
            + [
                ChartRow(
                    label: "renal disease", values: [a.renalDisease["present", default: 0]],
                    note: share(a.renalDisease["present", default: 0], of: a.positives))
            ]
        let locationRows = ordered(a.locations, ["falx", "tentorium", "convexity", "petroclinoid", "other"]).map {
            ChartRow(label: $0, values: [a.locations[$0, default: 0]], note: share(a.locations[$0, default: 0], of: a.positives))
        }
        let temporalityRows = ordered(a.temporality, ["new", "progressive", "stable", "unknown"]).map {
            ChartRow(
                label: $0, values: [a.temporality[$0, default: 0]], note: share(a.temporality[$0, default: 0], of: a.positives))
        }
        return section(
            "prevalence",
            [
                .element(
                    "p", [:],
                    text:
                        "Of \(n(a.ok)) reports read, \(share(a.positives, of: a.ok)) mention a dural calcification as present or uncertain (the positives below)."
                ),
                Chart.bars(
                    id: "chart-dc", title: "Dural calcification in \(n(a.ok)) reports (count and share)",
                    series: [.dark("reports")],
                    rows: dcRows),
                Chart.bars(
                    id: "chart-findings",
                    title:
                        "Associated findings among the \(n(a.positives)) positive cases (present and uncertain; share of positives)",
                    series: [.dark("present"), .hatched("uncertain")], rows: findingRows),
                Chart.bars(
                    id: "chart-symptoms",
                    title: "Symptoms and renal disease among the \(n(a.positives)) positive cases (present)",
                    series: [.dark("present")], rows: symptomRows),
                Chart.bars(
                    id: "chart-locations", title: "Location of the calcification among positive cases (a case can have several)",
                    series: [.dark("cases")], rows: locationRows),
                Chart.bars(
                    id: "chart-temporality", title: "Temporality among positive cases", series: [.dark("cases")],
                    rows: temporalityRows),
            ])
    }

    // MARK: - Categories and strengths

    var recommendations: Node {
        let a = aggregates
        let categoryRows = ordered(a.categories, Self.categoryOrder).map {
            ChartRow(
                label: $0.replacingOccurrences(of: "_", with: " "), values: [a.categories[$0, default: 0]],
                note: share(a.categories[$0, default: 0], of: a.ok))
        }
        let strengthRows = ordered(a.strengths, Self.strengthOrder).map {
            ChartRow(label: $0, values: [a.strengths[$0, default: 0]], note: share(a.strengths[$0, default: 0], of: a.positives))
        }
        return section(
            "recommendations",
            [
                Chart.bars(
                    id: "chart-categories", title: "Decision-table category of the \(n(a.ok)) reports read",
                    series: [.dark("reports")],
                    rows: categoryRows),
                Chart.bars(
                    id: "chart-strengths", title: "Strength of the recommendation for the \(n(a.positives)) positive cases",
                    series: [.dark("cases")], rows: strengthRows),
            ])
    }

    // MARK: - Verdicts

    func verdictRows(_ groups: [(key: String, counts: VerdictCounts)]) -> [ChartRow] {
        groups.map { g in
            let c = g.counts
            let rate = c.missedRate.map { ", missed \(c.missedWorkup)/\(c.workupIndicated) = \(percent($0, digits: 0))" } ?? ""
            return ChartRow(
                label: g.key, values: [c.missedWorkup, c.additionalImaging, c.concordant], note: "n = \(n(c.positives))\(rate)")
        }
    }

    /// The missed work-up rate of each group with its Wilson interval.
    func rateRows(_ groups: [(key: String, counts: VerdictCounts)]) -> [RateRow] {
        groups.map { RateRow(label: $0.key, numerator: $0.counts.missedWorkup, denominator: $0.counts.workupIndicated) }
    }

    func verdictTable(caption: String, keyName: String, _ groups: [(key: String, counts: VerdictCounts)]) -> Node {
        let rates = rateRows(groups)
        let rows = zip(groups, rates).map { g, r -> [String] in
            let c = g.counts
            return [
                g.key, n(c.positives), n(c.workupIndicated), n(c.missedWorkup), c.missedRate.map { percent($0) } ?? "—",
                r.interval.map { RateRow.range($0) } ?? "—", r.isSmall ? "small n (< \(Wilson.smallN))" : "",
                n(c.additionalImaging), n(c.concordant),
            ]
        }
        return .element(
            "details", [:],
            [
                .element("summary", text: "Counts: \(caption)"),
                table(
                    caption: caption,
                    head: [
                        keyName, "positive cases", "work-up indicated", "missed work-up", "missed rate", "95 % CI", "n",
                        "additional imaging", "concordant",
                    ],
                    rows: rows, numeric: [1, 2, 3, 4, 5, 7, 8], rowClass: { rates[$0].isSmall ? "small-n" : nil }),
            ])
    }

    var verdicts: Node {
        let a = aggregates
        let overallRows = ordered(a.verdicts, Self.verdictOrder).map {
            ChartRow(
                label: $0.replacingOccurrences(of: "_", with: " "), values: [a.verdicts[$0, default: 0]],
                note: share(a.verdicts[$0, default: 0], of: a.ok))
        }
        let interpreters = a.byInterpreter.top(topKeys, other: "all other interpreters")
        let facilities = a.byFacility.top(topKeys, other: "all other facilities")
        let months = a.byMonth.ascending
        let datedMonths = months.filter { $0.key != ReportAggregates.noDate }
        let barMonthsShown = Array(datedMonths.suffix(barMonths)) + months.filter { $0.key == ReportAggregates.noDate }
        // Every calendar month from the first to the last, so the axis is time; a month without a case
        // needing work-up is a gap in the line.
        let byKey = Dictionary(uniqueKeysWithValues: datedMonths.map { ($0.key, $0.counts) })
        let calendar = Self.monthRange(from: datedMonths.first?.key, to: datedMonths.last?.key, limit: lineMonths)
        let linePoints = calendar.map {
            RatePoint(label: $0, numerator: byKey[$0]?.missedWorkup ?? 0, denominator: byKey[$0]?.workupIndicated ?? 0)
        }
        let o = a.overall
        var headline =
            "Of \(n(o.positives)) positive cases, \(n(o.workupIndicated)) need work-up by the guideline (urgent or recommended); "
        headline +=
            o.missedRate.map {
                "the report recommended none in \(n(o.missedWorkup)) of them (missed work-up rate \(percent($0)))."
            }
            ?? "none needed work-up."
        headline +=
            " \(n(o.additionalImaging)) incidental cases had advanced imaging recommended that the guideline does not ask for."
        var nodes: [Node] = [
            .element("p", [:], text: headline),
            .element(
                "p", ["class": "small"],
                text:
                    "Missed rate = missed work-up ÷ cases whose strength is urgent or recommended. Bars count the positive cases of each group by verdict; the note gives n and the missed rate. The rate charts draw each interpreter's and facility's rate with its 95 % Wilson score interval; a group with fewer than \(Wilson.smallN) cases needing work-up is marked small n and greyed: its rate says little, and nobody should be judged on it."
            ),
            Chart.bars(
                id: "chart-verdicts", title: "Audit verdict of the \(n(a.ok)) reports read", series: [.dark("reports")],
                rows: overallRows),
            .element("h3", text: "By interpreter"),
            Chart.bars(
                id: "chart-interpreter",
                title:
                    "Verdicts of positive cases by interpreter (top \(topKeys) by cases\(interpreters.count > topKeys ? ", the rest summed" : ""))",
                series: Self.verdictSeries, rows: verdictRows(interpreters)),
            Chart.rates(
                id: "chart-interpreter-rate",
                title:
                    "Missed work-up rate by interpreter, with its 95 % Wilson interval (grey and dotted: small n, under \(Wilson.smallN) cases needing work-up)",
                rows: rateRows(interpreters)),
            verdictTable(caption: "verdicts by interpreter", keyName: "interpreter", interpreters),
            .element("h3", text: "By facility"),
            Chart.bars(
                id: "chart-facility",
                title:
                    "Verdicts of positive cases by facility (top \(topKeys) by cases\(facilities.count > topKeys ? ", the rest summed" : ""))",
                series: Self.verdictSeries, rows: verdictRows(facilities)),
            Chart.rates(
                id: "chart-facility-rate",
                title:
                    "Missed work-up rate by facility, with its 95 % Wilson interval (grey and dotted: small n, under \(Wilson.smallN) cases needing work-up)",
                rows: rateRows(facilities)),
            verdictTable(caption: "verdicts by facility", keyName: "facility", facilities),
            .element("h3", text: "By month of the study"),
        ]
        if linePoints.isEmpty {
            nodes.append(.element("p", [:], text: "No positive case has a study date, so there is no trend over time."))
        } else {
            nodes.append(
                Chart.line(
                    id: "chart-missed-rate",
                    title:
                        "Missed work-up rate by month: missed / cases needing work-up (\(linePoints.count) months\(linePoints.count >= lineMonths ? ", the most recent" : ""))",
                    points: linePoints, yLabel: "missed work-up"))
        }
        nodes.append(
            Chart.bars(
                id: "chart-month",
                title:
                    "Verdicts of positive cases by month (\(datedMonths.count > barMonths ? "the most recent \(barMonths) months" : "all months"))",
                series: Self.verdictSeries, rows: verdictRows(barMonthsShown), labelWidth: 110))
        nodes.append(verdictTable(caption: "verdicts by month", keyName: "month", months))
        return section("verdicts", nodes)
    }

    /// `YYYY-MM` keys from `first` to `last` inclusive, the most recent `limit` of them.
    static func monthRange(from first: String?, to last: String?, limit: Int) -> [String] {
        func parts(_ s: String?) -> (Int, Int)? {
            guard let s, s.count == 7, let y = Int(s.prefix(4)), let m = Int(s.suffix(2)), (1...12).contains(m) else {
                return nil
            }
            return (y, m)
        }
        guard let (y0, m0) = parts(first), let (y1, m1) = parts(last) else { return [] }
        let start = y0 * 12 + m0 - 1
        let end = y1 * 12 + m1 - 1
        guard end >= start else { return [] }
        return (max(start, end - limit + 1)...end).map { k in
            let m = k % 12 + 1
            return "\(k / 12)-" + (m < 10 ? "0\(m)" : "\(m)")
        }
    }

    // MARK: - Ages

    var ages: Node {
        let a = aggregates
        var rows = a.ageDecades.enumerated().map { i, v in
            ChartRow(label: i == 9 ? "90+" : "\(i * 10)–\(i * 10 + 9)", values: [v])
        }
        rows.append(ChartRow(label: "unknown", values: [a.agesUnknown]))
        return section(
            "ages",
            [
                Chart.columns(
                    id: "chart-ages",
                    title: "Age in years of the \(n(a.positives)) positive cases (age unknown: \(n(a.agesUnknown)))",
                    series: .dark("cases"), rows: rows)
            ])
    }

    // MARK: - Worklist

    /// Column widths of the worklist, in per cent, so it fits the screen and an A4 page.
    static let worklistWidths = [3, 9, 7, 8, 7, 9, 13, 20, 11, 6, 7]

    var worklist: Node {
        let a = aggregates
        var intro =
            "Every case with the verdict missed work-up or additional imaging: \(n(a.worklistTotal)) cases, the most urgent first (\(Strength.allCases.map(\.rawValue).joined(separator: ", "))), then by study date (none last) and record. Each row gives the facts that fired each rule with the sentence that decided each, the sentence of the calcification with the mention highlighted, what the table asks for, the report's own recommendation (its codes and the sentence read as it), and the rules with their citations."
        let shown = a.worklist
        if a.worklistTotal > shown.count {
            intro += " The page shows the first \(n(shown.count)) in this order"
            intro += context.worklistFile.map { "; the full worklist is in \($0), written beside this page." } ?? "."
        } else if let file = context.worklistFile {
            intro += " The same list as CSV: \(file)."
        }
        let head = [
            "#", "record", "study date", "interpreter", "verdict", "category", "why flagged", "evidence", "asks for",
            "report's recommendation", "rules",
        ]
        let rows: [Node] = shown.enumerated().map { i, c in
            .element(
                "tr", ["id": "case-\(i + 1)"],
                [
                    .element(
                        "td", ["class": "n", "data-sort": String(i + 1)],
                        [.element("a", ["href": "#case-\(i + 1)"], text: String(i + 1))]),
                    .element("td", ["title": c.source], text: c.recordID),
                    .element("td", text: c.studyDateTime),
                    .element("td", text: c.interpreter),
                    .element("td", text: c.verdict.replacingOccurrences(of: "_", with: " ")),
                    .element(
                        "td",
                        text: c.category.replacingOccurrences(of: "_", with: " ") + (c.strength.isEmpty ? "" : " (\(c.strength))")
                    ),
                    .element("td", ["class": "why"], text: c.triggerFacts.replacingOccurrences(of: "; ", with: ";\u{200B} ")),
                    .element("td", ["class": "ev"], c.evidence.isEmpty ? [.text("—")] : EvidenceHighlight.nodes(c.evidence)),
                    .element("td", text: c.asksFor.replacingOccurrences(of: "_", with: " ")),
                    .element("td", text: c.pageRecommendation),
                    .element("td", ["class": "rules"], ruleLinks(c.rules)),
                ])
        }
        var nodes: [Node] = [.element("p", [:], text: intro)]
        if shown.count < a.worklistTotal {
            nodes.append(
                .element(
                    "p", ["class": "warn"],
                    text: "Showing \(n(shown.count)) of \(n(a.worklistTotal)) cases (--worklist-limit)."))
        }
        if rows.isEmpty {
            nodes.append(.element("p", [:], text: "No case to review."))
        } else {
            nodes.append(
                .element(
                    "table", ["class": "sortable wide worklist", "id": "worklist-table"],
                    [
                        .element("caption", text: "Review worklist"),
                        .element("colgroup", [:], Self.worklistWidths.map { .element("col", ["style": "width: \($0)%"]) }),
                        .element(
                            "thead", [:],
                            [.element("tr", [:], head.map { .element("th", ["scope": "col"], text: $0) })]),
                        .element("tbody", [:], rows),
                    ]))
        }
        return section("worklist", nodes)
    }

    // MARK: - Errors and footer

    var errors: Node {
        let a = aggregates
        guard a.errorRows > 0 else {
            return section("errors", [.element("p", [:], text: "No error rows: every record was read.")])
        }
        let codes = a.errorCodes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
            [$0.key, n($0.value)]
        }
        var nodes: [Node] = [
            .element(
                "p", [:],
                text: "\(n(a.errorRows)) records could not be read; each still has its row in the audit, with the reason."),
            table(caption: "Error rows by reason", head: ["reason", "rows"], rows: codes, numeric: [1]),
        ]
        if a.errorList.count < a.errorRows {
            nodes.append(
                .element("p", ["class": "small"], text: "The first \(n(a.errorList.count)) of \(n(a.errorRows)) error rows:"))
        }
        nodes.append(
            .element(
                "table", ["class": "sortable wide", "id": "error-table"],
                [
                    .element("caption", text: "Error rows"),
                    .element(
                        "thead", [:],
                        [
                            .element(
                                "tr", [:],
                                ["record", "source", "format", "reason"].map { .element("th", ["scope": "col"], text: $0) })
                        ]),
                    .element(
                        "tbody", [:],
                        a.errorList.map { e in
                            .element(
                                "tr", [:],
                                [
                                    .element("td", text: e.recordID), .element("td", text: e.source),
                                    .element("td", text: e.format),
                                    .element("td", text: e.errors),
                                ])
                        }),
                ]))
        return section("errors", nodes)
    }

    var footer: Node {
        .element(
            "footer", [:],
            [
                .element(
                    "p", [:],
                    text:
                        "Falx — decision support for audit and research, not a diagnosis. This page is self-contained: it loads nothing from the network. Rebuild it from the audit with: falx report \(context.auditName) -o report.html"
                ),
                .element("p", ["class": "provenance"], text: provenanceText),
                .element("script", [:], [.trusted(Self.script)]),
            ])
    }

    /// Where the audit came from: its provenance file's summary, or a note that it had none.
    var provenanceText: String {
        context.provenance.isEmpty
            ? "Provenance: no provenance file (AUDIT.meta.json) was found beside the audit."
            : "Provenance: " + context.provenance.joined(separator: "; ") + "."
    }
}
