/// The recommendation core: the decision table of "Management of Dural Calcification Found on CT
/// Head" (docs/rules.md), as a pure function from case facts to a recommendation.
///
///     let rec = Ruleset.default.evaluate(facts)
///     print(rec.category, rec.actionCodes, rec.verdict)
///
/// The table is data (``Rule`` values: condition, actions, rationale, citation); `evaluate` runs
/// it and ``describe()`` prints it, so the two cannot drift apart.
/// Decision support for audit and research, not a substitute for clinical judgement.
public struct Ruleset: Sendable {
    public let version: String
    public let rules: [Rule]

    public static let source = "Management of Dural Calcification Found on CT Head (clinical summary, 2025)"

    public init(version: String, rules: [Rule]) {
        self.version = version
        self.rules = rules
    }

    /// Applies the decision table.
    public func evaluate(_ f: CaseFacts) -> Recommendation {
        var fired: [String] = []
        var category: Category = .incidentalMonitor
        var strength: Strength = .routine
        var actions: [Action] = []
        var effects: [ModifierEffect] = []
        var followUp = ""
        // By index: a rule that does not apply is only tested, not copied (a copy retains its strings).
        for i in rules.indices where rules[i].when.test(f) {
            let rule = rules[i]
            switch rule.kind {
            case .notApplicable:
                return Recommendation(
                    category: .notApplicable, strength: nil, actions: [], followUp: "",
                    gadoliniumCaution: false, verdict: .notApplicable, rules: [rule.id],
                    warnings: [], rulesetVersion: version)
            case .category(let c, let s):
                // The fallback row (R6) applies only when no row above it did.
                if rule.isFallback && !fired.isEmpty { continue }
                if fired.isEmpty {
                    category = c
                    strength = s.of(f)
                }
                if let f = rule.followUp { followUp = f }
            case .modifier(let e):
                effects += e
            }
            fired.append(rule.id)
            for action in rule.actions where action.only?.test(f) ?? true {
                actions.append(Action(code: action.code, rule: rule.id, text: action.text, citation: action.citation))
            }
        }
        var seen = Set<String>()
        let unique = actions.filter { seen.insert($0.code).inserted }
        var warnings: [String] = []
        var gadolinium = false
        for effect in effects {
            switch effect {
            case .gadoliniumCaution:
                gadolinium =
                    seen.contains("mri_contrast") || seen.contains("venography")
                    || f.reportRecommends.contains { $0 == .mriContrast || $0 == .venography }
                warnings.append(
                    "renal disease: gadolinium caution (NSF risk); ESRD / secondary hyperparathyroidism is a possible "
                        + "cause of dural calcification \(Self.ref56)")
            case .closerMonitoring:
                warnings.append("progressive calcification: closer monitoring")
                if category == .incidentalMonitor { followUp = "clinical 6 months" }
            }
        }
        return Recommendation(
            category: category, strength: strength, actions: unique, followUp: followUp,
            gadoliniumCaution: gadolinium, verdict: Self.verdict(strength, advised: seen, report: f.reportRecommends),
            rules: fired, warnings: warnings, rulesetVersion: version)
    }

    /// Whether the report's own recommendation matches the strength of the case.
    static func verdict(_ strength: Strength, advised: Set<String>, report: [ReportRecommendation]) -> AuditVerdict {
        switch strength {
        case .urgent, .recommended:
            return report.contains { $0.isWorkUp } ? .concordant : .missedWorkup
        case .consider:
            return .concordant
        case .routine:
            // Advanced imaging the core itself advises is not additional (revision 1.1: with M3
            // the core advises SWI, an MRI sequence, so an MRI recommendation is concordant).
            let extra = report.filter { $0.isAdvancedImaging && !Self.isAdvised($0, advised) }
            return extra.isEmpty ? .concordant : .additionalImaging
        }
    }

    /// The action codes that stand for each advanced imaging recommendation a report can make.
    static let advisedBy: [ReportRecommendation: Set<String>] = [
        .mri: ["swi", "mri_contrast"], .mriContrast: ["swi", "mri_contrast"],
        .venography: ["venography"], .angiography: ["dsa"],
    ]

    static func isAdvised(_ r: ReportRecommendation, _ advised: Set<String>) -> Bool {
        !(advisedBy[r] ?? []).isDisjoint(with: advised)
    }

    /// The verdict rule in words, built from the same lists `verdict` uses.
    static var verdictText: String {
        let workUp = ReportRecommendation.allCases.filter(\.isWorkUp).map(\.rawValue).joined(separator: ", ")
        let advanced = ReportRecommendation.allCases.filter(\.isAdvancedImaging)
        let covered = advanced.map { "\($0.rawValue) by \((advisedBy[$0] ?? []).sorted().joined(separator: " or "))" }
        return "Verdict: not_applicable for R0; urgent/recommended: concordant when the report recommends a work-up "
            + "(\(workUp)), else missed_workup; consider: concordant; routine: additional_imaging when the report "
            + "recommends advanced imaging (\(advanced.map(\.rawValue).joined(separator: ", "))) that the advised "
            + "actions do not cover (\(covered.joined(separator: "; "))), else concordant."
    }

    /// The table as `falx rules` prints it (and docs/rules.md carries).
    public func describe() -> String {
        var out = "Ruleset \(version) — \(Self.source)\n"
        out += "Decision support for audit and research, not a substitute for clinical judgement.\n\n"
        for rule in rules {
            out += "\(rule.id)  \(rule.category?.rawValue ?? "modifier")  [\(rule.strength)]\n"
            out += "    when:     \(rule.applies)\n"
            out += "    actions:  \(rule.effect)\n"
            out += "    why:      \(rule.rationale)\n"
            out += "    source:   \(rule.citation)\n"
        }
        out += "\n" + Self.verdictText + "\n\nReferences\n"
        for (label, reference) in Self.references { out += "    \(label): \(reference)\n" }
        return out
    }

    /// The citation of a rule id.
    public func citation(of id: String) -> String {
        rules.first { $0.id == id }?.citation ?? ""
    }
}
