/// A rule that fired for a case, the facts that made it fire and the actions it added.
public struct RuleFiring: Sendable {
    public let rule: Rule
    /// The facts that made the rule fire, in audit column order. A category row (R1–R6) starts
    /// with `dural_calcification`: the table applies to the case because R0 did not.
    public let triggers: [Fact]
    /// The actions of the case's recommendation that this rule added.
    public let actions: [Action]
}

/// Why a case got its recommendation and its verdict: ``Ruleset/explain(_:)``.
public struct CaseExplanation: Sendable {
    public let recommendation: Recommendation
    /// The rules that fired, in table order (the ids of ``Recommendation/rules``).
    public let firings: [RuleFiring]
    /// How the report's own recommendations were weighed, one line each, the last ending
    /// `→ <verdict>`.
    public let verdictReasoning: [String]
}

extension Ruleset {
    /// Evaluates the case and says why: for each rule that fired, the facts that made its
    /// condition hold, and how the report's recommendations met the table.
    ///
    /// The facts are found from the rule's own ``Condition`` (its ``Condition/reads``): a stated
    /// fact is a trigger when the condition holds with that fact alone among those it reads (an
    /// "or"); when no fact does on its own (an "and"), every stated fact it reads is.
    public func explain(_ f: CaseFacts) -> CaseExplanation {
        let rec = evaluate(f)
        var firings: [RuleFiring] = []
        for id in rec.rules {
            guard let rule = rules.first(where: { $0.id == id }) else { continue }
            var triggers = Self.triggers(of: rule.when, in: f)
            if case .category = rule.kind, !triggers.contains(.duralCalcification) {
                triggers.insert(.duralCalcification, at: 0)
            }
            firings.append(
                RuleFiring(rule: rule, triggers: triggers.sorted(), actions: rec.actions.filter { $0.rule == id }))
        }
        return CaseExplanation(
            recommendation: rec, firings: firings, verdictReasoning: Self.verdictReasoning(rec, report: f.reportRecommends))
    }

    /// The stated facts of `f` that make `condition` hold (see ``explain(_:)``).
    public static func triggers(of condition: Condition, in f: CaseFacts) -> [Fact] {
        let stated = condition.reads.filter { $0.isStated(in: f) }
        guard condition.test(f) else { return [] }
        var base = f
        for fact in condition.reads { base = fact.cleared(in: base) }
        if condition.test(base) { return stated }
        let alone = stated.filter { condition.test($0.copied(from: f, into: base)) }
        return alone.isEmpty ? stated : alone
    }

    /// The verdict in words, from the same lists ``verdict(_:advised:report:)`` uses: what the
    /// report recommends, what the table asks for, and whether the one satisfies the other.
    public static func verdictReasoning(_ rec: Recommendation, report: [ReportRecommendation]) -> [String] {
        let verdict = rec.verdict.rawValue
        let asked = rec.actions.map { "\($0.code) (\($0.rule))" }.joined(separator: "; ")
        let categoryRule = rec.rules.first ?? "-"
        let codes = report.map(\.rawValue).joined(separator: ", ")
        guard let strength = rec.strength, rec.category != .notApplicable else {
            return ["\(categoryRule): no dural calcification, nothing to advise → \(verdict)"]
        }
        switch strength {
        case .urgent, .recommended:
            let need = "\(categoryRule) (\(strength.rawValue)) asks for \(asked)"
            let workUps = report.filter(\.isWorkUp)
            if report.isEmpty { return ["no recommendation sentence found; \(need) → \(verdict)"] }
            if workUps.isEmpty {
                let listed = ReportRecommendation.allCases.filter(\.isWorkUp).map(\.rawValue).joined(separator: ", ")
                return ["the report recommends \(codes), none of it a work-up (\(listed)); \(need) → \(verdict)"]
            }
            let named = workUps.map(\.rawValue).joined(separator: ", ")
            return ["the report recommends \(codes); \(need); \(named) is a work-up → \(verdict)"]
        case .consider:
            let said = report.isEmpty ? "no recommendation sentence found" : "the report recommends \(codes)"
            return ["\(said); \(categoryRule) (consider) asks for \(asked), which the report may leave out → \(verdict)"]
        case .routine:
            let advanced = report.filter(\.isAdvancedImaging)
            if advanced.isEmpty {
                let said = report.isEmpty ? "no recommendation sentence found" : "the report recommends \(codes)"
                return ["\(said), no advanced imaging; \(categoryRule) (routine) asks for \(asked) → \(verdict)"]
            }
            var lines: [String] = []
            for r in advanced {
                let covering = advisedBy[r] ?? []
                let advising = rec.actions.filter { covering.contains($0.code) }
                if advising.isEmpty {
                    let could = covering.sorted().joined(separator: " or ")
                    lines.append(
                        "the report recommends \(r.rawValue); the table asks for \(asked), nothing \(r.rawValue) "
                            + "covers (\(could)) → additional imaging")
                } else {
                    let by = advising.map { "\($0.rule) asks for \($0.code)" }.joined(separator: "; ")
                    let what = advising.map(\.code).joined(separator: ", ")
                    lines.append("the report recommends \(r.rawValue); \(by); \(r.rawValue) covers \(what) → covered")
                }
            }
            lines.append("verdict → \(verdict)")
            return lines
        }
    }
}
