/// One row of the decision table or one modifier, with its citation.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var category: Category?
    public var applies: String
    public var effect: String
    public var strength: String
    public var citation: String
}

/// The recommendation core: the decision table of "Management of Dural Calcification Found on CT
/// Head" (RECOMMENDATIONS.md), as a pure function from case facts to a recommendation.
///
///     let rec = Ruleset.default.evaluate(facts)
///     print(rec.category, rec.actionCodes, rec.verdict)
///
/// Decision support for audit and research, not a substitute for clinical judgement.
public struct Ruleset: Sendable {
    public let version: String
    public let rules: [Rule]

    public static let source = "Management of Dural Calcification Found on CT Head (clinical summary, 2025)"
    static let ref1 =
        "[ref 1] Progressive subcortical calcifications secondary to venous hypertension in an intracranial dural arteriovenous fistula, J Clin Neurosci 2017"
    static let ref12 = "[ref 1, 2] dAVF management: neurosurgical / neurointerventional consultation"
    static let ref4 =
        "[ref 4] imaging work-up, cortical vein thrombosis, CSF1R-related leukoencephalopathy, intracranial hypotension"
    static let ref5 = "[ref 5] nephrogenic systemic fibrosis after gadolinium in renal impairment"
    static let ref56 = "[ref 5, 6] renal disease: NSF risk; ESRD with secondary hyperparathyroidism"
    static let summary = "clinical summary: incidental isolated calcification, clinical follow-up 6-12 months"

    public static let `default` = Ruleset(
        version: "falx-rules-1.0",
        rules: [
            Rule(
                id: "R0", category: .notApplicable, applies: "dural_calcification absent or not_mentioned",
                effect: "no actions", strength: "-", citation: summary),
            Rule(
                id: "R1", category: .davfPathway, applies: "davf positive",
                effect: "dsa; neurointerventional_consult", strength: "urgent", citation: "\(ref4); \(ref12)"),
            Rule(
                id: "R2", category: .venousThrombosisPathway,
                applies: "venous_sinus_thrombosis or cortical_vein_thrombosis positive",
                effect: "venography; neurology_consult; anticoagulation_review", strength: "urgent", citation: ref4),
            Rule(
                id: "R3", category: .intracranialHypotensionPathway, applies: "intracranial_hypotension positive",
                effect: "mri_contrast; epidural_blood_patch (if symptomatic)", strength: "recommended", citation: ref4),
            Rule(
                id: "R4", category: .venousImaging,
                applies: "dural_thickening, dural_enhancement, venous_abnormality_other or subcortical_calcification positive",
                effect: "venography; mri_contrast", strength: "recommended", citation: ref4),
            Rule(
                id: "R5", category: .mriWorkup, applies: "symptomatic, or white_matter_lesions or atrophy positive",
                effect: "mri_contrast; swi; neurology_consult when white matter lesions and cognitive change",
                strength: "recommended if symptomatic, otherwise consider", citation: ref4),
            Rule(
                id: "R6", category: .incidentalMonitor, applies: "none of the above",
                effect: "clinical_follow_up (6-12 months; repeat imaging only if new symptoms)", strength: "routine",
                citation: summary),
            Rule(
                id: "M1", category: nil, applies: "renal_disease present",
                effect: "gadolinium_caution when mri_contrast or venography; warning ESRD / secondary hyperparathyroidism",
                strength: "modifier", citation: ref56),
            Rule(
                id: "M2", category: nil, applies: "temporality progressive or new",
                effect: "closer monitoring; incidental follow-up 6 months", strength: "modifier", citation: summary),
            Rule(
                id: "M3", category: nil, applies: "dural_calcification uncertain",
                effect: "ct_review; swi", strength: "modifier", citation: ref4),
            Rule(
                id: "M4", category: nil, applies: "positional_headache present",
                effect: "evaluate_intracranial_hypotension", strength: "modifier", citation: ref4),
        ])

    public init(version: String, rules: [Rule]) {
        self.version = version
        self.rules = rules
    }

    /// Applies the decision table.
    public func evaluate(_ f: CaseFacts) -> Recommendation {
        guard f.duralCalcification.isPositive else {
            return Recommendation(
                category: .notApplicable, strength: nil, actions: [], followUp: "",
                gadoliniumCaution: false, verdict: .notApplicable, rules: ["R0"],
                warnings: [], rulesetVersion: version)
        }
        var fired: [String] = []
        var actions: [Action] = []
        var warnings: [String] = []
        func add(_ code: String, _ rule: String, _ text: String, _ citation: String) {
            actions.append(Action(code: code, rule: rule, text: text, citation: citation))
        }
        let symptomatic = f.isSymptomatic
        let r1 = f.status(.davf).isPositive
        let r2 = f.status(.venousSinusThrombosis).isPositive || f.status(.corticalVeinThrombosis).isPositive
        let r3 = f.status(.intracranialHypotension).isPositive
        let r4 =
            f.status(.duralThickening).isPositive || f.status(.duralEnhancement).isPositive
            || f.status(.venousAbnormalityOther).isPositive || f.status(.subcorticalCalcification).isPositive
        let wml = f.status(.whiteMatterLesions).isPositive
        let r5 = symptomatic || wml || f.status(.atrophy).isPositive

        var category: Category = .incidentalMonitor
        var strength: Strength = .routine
        func primary(_ c: Category, _ s: Strength) {
            if category == .incidentalMonitor && fired.isEmpty { category = c; strength = s }
        }
        if r1 {
            primary(.davfPathway, .urgent)
            fired.append("R1")
            add("dsa", "R1", "DSA to confirm and grade (gold standard)", Self.ref4)
            add(
                "neurointerventional_consult", "R1",
                "neurosurgical or neurointerventional consultation; endovascular embolisation or surgery", Self.ref12)
        }
        if r2 {
            primary(.venousThrombosisPathway, .urgent)
            fired.append("R2")
            add("venography", "R2", "MR or CT venography to confirm", Self.ref4)
            add("neurology_consult", "R2", "neurology consultation", Self.ref4)
            add("anticoagulation_review", "R2", "anticoagulation may be indicated", Self.ref4)
        }
        if r3 {
            primary(.intracranialHypotensionPathway, .recommended)
            fired.append("R3")
            add("mri_contrast", "R3", "brain MRI with contrast", Self.ref4)
            add("epidural_blood_patch", "R3", "if symptomatic, consider epidural blood patch", Self.ref4)
        }
        if r4 {
            primary(.venousImaging, .recommended)
            fired.append("R4")
            add("venography", "R4", "MR or CT venography to exclude sinus thrombosis or dAVF", Self.ref4)
            add("mri_contrast", "R4", "brain MRI with contrast", Self.ref4)
        }
        if r5 {
            primary(.mriWorkup, symptomatic ? .recommended : .consider)
            fired.append("R5")
            add("mri_contrast", "R5", "brain MRI with contrast incl. high-resolution 3D imaging", Self.ref4)
            add("swi", "R5", "SWI to characterise calcification", Self.ref4)
            if wml && f.status(.cognitiveChange) == .present {
                add("neurology_consult", "R5", "review for leukoencephalopathy such as CSF1R-related", Self.ref4)
            }
        }
        var followUp = ""
        if fired.isEmpty {
            fired.append("R6")
            add(
                "clinical_follow_up", "R6",
                "clinical monitoring, no specific treatment; clinical follow-up in 6-12 months; repeat imaging only if new symptoms",
                Self.summary)
            followUp = "clinical 6-12 months"
        }
        if f.duralCalcification == .uncertain {
            add("ct_review", "M3", "review pattern and distribution of the calcification", Self.ref4)
            add("swi", "M3", "SWI to characterise calcification", Self.ref4)
        }
        if f.status(.positionalHeadache) == .present {
            add("evaluate_intracranial_hypotension", "M4", "evaluate for intracranial hypotension", Self.ref4)
        }
        var codes = Set(actions.map(\.code))
        var gadolinium = false
        var modifiers: [String] = []
        if f.renalDisease == .present {
            modifiers.append("M1")
            gadolinium = codes.contains("mri_contrast") || codes.contains("venography")
            warnings.append(
                "renal disease: gadolinium caution (NSF risk); ESRD / secondary hyperparathyroidism is a possible cause of dural calcification \(Self.ref56)"
            )
        }
        if f.temporality == .progressive || f.temporality == .new {
            modifiers.append("M2")
            warnings.append("progressive calcification: closer monitoring")
            if category == .incidentalMonitor { followUp = "clinical 6 months" }
        }
        if f.duralCalcification == .uncertain { modifiers.append("M3") }
        if f.status(.positionalHeadache) == .present { modifiers.append("M4") }
        codes = []
        let unique = actions.filter { codes.insert($0.code).inserted }

        let verdict: AuditVerdict
        switch strength {
        case .urgent, .recommended:
            verdict = f.reportRecommends.contains { $0.isWorkUp } ? .concordant : .missedWorkup
        case .consider:
            verdict = .concordant
        case .routine:
            verdict = f.reportRecommends.contains { $0.isAdvancedImaging } ? .additionalImaging : .concordant
        }
        return Recommendation(
            category: category, strength: strength, actions: unique, followUp: followUp,
            gadoliniumCaution: gadolinium, verdict: verdict, rules: fired + modifiers,
            warnings: warnings, rulesetVersion: version)
    }

    /// The citation of a rule id.
    public func citation(of id: String) -> String {
        rules.first { $0.id == id }?.citation ?? ""
    }
}
