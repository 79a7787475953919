/// The default table: rows R0–R6 and modifiers M1–M4 of the clinical summary, revision 1.1.
extension Ruleset {
    static let ref12 = "[ref 1, 2] dAVF management: neurosurgical / neurointerventional consultation"
    static let ref4 =
        "[ref 4] imaging work-up, cortical vein thrombosis, CSF1R-related leukoencephalopathy, intracranial hypotension"
    static let ref56 = "[ref 5, 6] renal disease: NSF risk; ESRD with secondary hyperparathyroidism"
    static let summary = "clinical summary: incidental isolated calcification, clinical follow-up 6-12 months"

    /// What each citation refers to. The summary lists only [ref 1] in full; its other numbers
    /// resolve to the summary itself, where a reader finds the statement the rule rests on.
    public static let references: [(label: String, reference: String)] = [
        ("clinical summary", "\(source): Guideline Directed Topic Overview, Dr.Oracle Medical Advisory Board & Editors, 2025"),
        (
            "[ref 1]",
            "Progressive subcortical calcifications secondary to venous hypertension in an intracranial dural "
                + "arteriovenous fistula. Journal of Clinical Neuroscience, 2017"
        ),
        (
            "[ref 2] – [ref 6]",
            "as numbered in the clinical summary above (2025), which cites them for dAVF management "
                + "[2, 3], the imaging work-up, venous thrombosis, CSF1R-related leukoencephalopathy and intracranial "
                + "hypotension [4], nephrogenic systemic fibrosis [5] and ESRD with secondary hyperparathyroidism [6]"
        ),
    ]

    /// Revision 1.1 (December 2026): a routine case's MRI recommendation is concordant when M3
    /// advises SWI; M1's caution also covers a contrast study the report itself recommends.
    public static let `default` = Ruleset(
        version: "falx-rules-1.1",
        rules: [
            Rule(
                id: "R0", kind: .notApplicable,
                when: Condition("dural_calcification absent or not_mentioned", reads: [.duralCalcification]) {
                    !$0.duralCalcification.isPositive
                },
                rationale: "the table is about dural calcification; without it there is nothing to advise",
                citation: summary),
            Rule(
                id: "R1", kind: .category(.davfPathway, .always(.urgent)),
                when: Condition("davf positive", reads: [.finding(.davf)]) { $0.status(.davf).isPositive },
                actions: [
                    RuleAction("dsa", "DSA to confirm and grade (gold standard)", ref4),
                    RuleAction(
                        "neurointerventional_consult",
                        "neurosurgical or neurointerventional consultation; endovascular embolisation or surgery", ref12),
                ],
                rationale: "a dural AV fistula can cause venous hypertension and haemorrhage; angiography grades it",
                citation: "\(ref4); \(ref12)"),
            Rule(
                id: "R2", kind: .category(.venousThrombosisPathway, .always(.urgent)),
                when: Condition(
                    "venous_sinus_thrombosis or cortical_vein_thrombosis positive",
                    reads: [.finding(.venousSinusThrombosis), .finding(.corticalVeinThrombosis)]
                ) {
                    $0.status(.venousSinusThrombosis).isPositive || $0.status(.corticalVeinThrombosis).isPositive
                },
                actions: [
                    RuleAction("venography", "MR or CT venography to confirm", ref4),
                    RuleAction("neurology_consult", "neurology consultation", ref4),
                    RuleAction("anticoagulation_review", "anticoagulation may be indicated", ref4),
                ],
                rationale: "venous thrombosis needs confirmation and may need anticoagulation",
                citation: ref4),
            Rule(
                id: "R3", kind: .category(.intracranialHypotensionPathway, .always(.recommended)),
                when: Condition("intracranial_hypotension positive", reads: [.finding(.intracranialHypotension)]) {
                    $0.status(.intracranialHypotension).isPositive
                },
                actions: [
                    RuleAction("mri_contrast", "brain MRI with contrast", ref4),
                    RuleAction(
                        "epidural_blood_patch", "if symptomatic, consider epidural blood patch", ref4,
                        qualifier: "if symptomatic"),
                ],
                rationale: "a CSF leak thickens and enhances the dura; contrast MRI shows it",
                citation: ref4),
            Rule(
                id: "R4", kind: .category(.venousImaging, .always(.recommended)),
                when: Condition(
                    "dural_thickening, dural_enhancement, venous_abnormality_other or subcortical_calcification positive",
                    reads: [
                        .finding(.duralThickening), .finding(.duralEnhancement), .finding(.venousAbnormalityOther),
                        .finding(.subcorticalCalcification),
                    ]
                ) {
                    $0.status(.duralThickening).isPositive || $0.status(.duralEnhancement).isPositive
                        || $0.status(.venousAbnormalityOther).isPositive
                        || $0.status(.subcorticalCalcification).isPositive
                },
                actions: [
                    RuleAction("venography", "MR or CT venography to exclude sinus thrombosis or dAVF", ref4),
                    RuleAction("mri_contrast", "brain MRI with contrast", ref4),
                ],
                rationale: "dural thickening or venous signs beside a calcification suggest venous pathology",
                citation: ref4),
            Rule(
                id: "R5",
                kind: .category(
                    .mriWorkup,
                    RuleStrength(text: "recommended if symptomatic, otherwise consider") {
                        $0.isSymptomatic ? .recommended : .consider
                    }),
                when: Condition(
                    "symptomatic, or white_matter_lesions or atrophy positive",
                    reads: Fact.symptoms + [.finding(.whiteMatterLesions), .finding(.atrophy)]
                ) {
                    $0.isSymptomatic || $0.status(.whiteMatterLesions).isPositive || $0.status(.atrophy).isPositive
                },
                actions: [
                    RuleAction("mri_contrast", "brain MRI with contrast incl. high-resolution 3D imaging", ref4),
                    RuleAction("swi", "SWI to characterise calcification", ref4),
                    RuleAction(
                        "neurology_consult", "review for leukoencephalopathy such as CSF1R-related", ref4,
                        only: Condition(
                            "white matter lesions and cognitive change",
                            reads: [.finding(.whiteMatterLesions), .symptom(.cognitiveChange)]
                        ) {
                            $0.status(.whiteMatterLesions).isPositive && $0.status(.cognitiveChange) == .present
                        }),
                ],
                rationale: "symptoms or parenchymal change call for MRI to rule out an underlying cause",
                citation: ref4),
            Rule(
                id: "R6", kind: .category(.incidentalMonitor, .always(.routine)),
                when: Condition("none of the above", reads: [.duralCalcification]) { _ in true },
                actions: [
                    RuleAction(
                        "clinical_follow_up",
                        "clinical monitoring, no specific treatment; clinical follow-up in 6-12 months; "
                            + "repeat imaging only if new symptoms",
                        summary, qualifier: "6-12 months; repeat imaging only if new symptoms")
                ],
                rationale: "an isolated calcification in an asymptomatic patient is usually benign",
                citation: summary, isFallback: true, followUp: "clinical 6-12 months"),
            Rule(
                id: "M1", kind: .modifier([.gadoliniumCaution]),
                when: Condition("renal_disease present", reads: [.renalDisease]) { $0.renalDisease == .present },
                rationale: "gadolinium in renal impairment risks nephrogenic systemic fibrosis",
                citation: ref56),
            Rule(
                id: "M2", kind: .modifier([.closerMonitoring]),
                when: Condition("temporality progressive or new", reads: [.temporality]) {
                    $0.temporality == .progressive || $0.temporality == .new
                },
                rationale: "a progressive calcification is more concerning than a stable one",
                citation: summary),
            Rule(
                id: "M3", kind: .modifier([]),
                when: Condition("dural_calcification uncertain", reads: [.duralCalcification]) {
                    $0.duralCalcification == .uncertain
                },
                actions: [
                    RuleAction("ct_review", "review pattern and distribution of the calcification", ref4),
                    RuleAction("swi", "SWI to characterise calcification", ref4),
                ],
                rationale: "a hedged calcification is settled by reviewing the CT and by SWI",
                citation: ref4),
            Rule(
                id: "M4", kind: .modifier([]),
                when: Condition("positional_headache present", reads: [.symptom(.positionalHeadache)]) {
                    $0.status(.positionalHeadache) == .present
                },
                actions: [RuleAction("evaluate_intracranial_hypotension", "evaluate for intracranial hypotension", ref4)],
                rationale: "a headache that changes with posture points to intracranial hypotension",
                citation: ref4),
        ])
}
