import Testing

@testable import FalxCore

/// `Ruleset.explain`: which facts fired which rule, and the verdict in words.
@Suite struct ExplainTests: CaseFactsBuilding {
    let rules = Ruleset.default

    func triggers(_ e: CaseExplanation) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: e.firings.map { ($0.rule.id, $0.triggers.map(\.name)) })
    }

    @Test func orConditionListsEachFactThatHoldsAlone() {
        let e = rules.explain(
            make {
                $0.findings[.venousSinusThrombosis] = .present
                $0.findings[.corticalVeinThrombosis] = .absent
                $0.symptoms[.headache] = .present
                $0.symptoms[.seizure] = .absent
            })
        #expect(e.recommendation.rules == ["R2", "R5"])
        // The absent cortical vein thrombosis and seizure are stated but did not fire anything.
        #expect(
            triggers(e) == [
                "R2": ["dural_calcification", "venous_sinus_thrombosis"], "R5": ["dural_calcification", "headache"],
            ])
        #expect(e.firings[0].actions.map(\.code) == ["venography", "neurology_consult", "anticoagulation_review"])
        #expect(e.firings[1].actions.map(\.code) == ["mri_contrast", "swi"])
        #expect(e.verdictReasoning.last?.hasSuffix("→ missed_workup") == true)
        #expect(
            e.verdictReasoning == [
                "no recommendation sentence found; R2 (urgent) asks for venography (R2); neurology_consult (R2); "
                    + "anticoagulation_review (R2); mri_contrast (R5); swi (R5) → missed_workup"
            ])
    }

    @Test func modifiersNameTheirOwnFacts() {
        let e = rules.explain(
            make(.uncertain) {
                $0.temporality = .progressive
                $0.renalDisease = .present
                $0.symptoms[.positionalHeadache] = .present
            })
        #expect(e.recommendation.rules == ["R5", "M1", "M2", "M3", "M4"])
        #expect(
            triggers(e) == [
                "R5": ["dural_calcification", "positional_headache"], "M1": ["renal_disease"], "M2": ["dc_temporality"],
                "M3": ["dural_calcification"], "M4": ["positional_headache"],
            ])
    }

    @Test func fallbackRowIsFiredByTheCalcificationAlone() {
        let e = rules.explain(make { $0.findings[.atrophy] = .absent })
        #expect(triggers(e) == ["R6": ["dural_calcification"]])
        #expect(
            e.verdictReasoning == [
                "no recommendation sentence found, no advanced imaging; R6 (routine) asks for clinical_follow_up (R6) → concordant"
            ])
    }

    @Test func andConditionListsEveryFactItNeeds() {
        let c = Condition("a and b", reads: [.finding(.whiteMatterLesions), .symptom(.cognitiveChange)]) {
            $0.status(.whiteMatterLesions).isPositive && $0.status(.cognitiveChange) == .present
        }
        let f = make {
            $0.findings[.whiteMatterLesions] = .present
            $0.symptoms[.cognitiveChange] = .present
        }
        #expect(Ruleset.triggers(of: c, in: f).map(\.name) == ["white_matter_lesions", "cognitive_change"])
        #expect(Ruleset.triggers(of: c, in: make()).isEmpty)
    }

    @Test func workUpRecommendationSatisfiesAnUrgentRule() {
        let e = rules.explain(
            make {
                $0.findings[.davf] = .present
                $0.reportRecommends = [.angiography, .clinicalFollowUp]
            })
        #expect(e.recommendation.verdict == .concordant)
        #expect(
            e.verdictReasoning == [
                "the report recommends angiography, clinical_follow_up; R1 (urgent) asks for dsa (R1); "
                    + "neurointerventional_consult (R1); angiography is a work-up → concordant"
            ])
    }

    @Test func followUpImagingIsNotAWorkUp() {
        let e = rules.explain(
            make {
                $0.findings[.duralThickening] = .present
                $0.reportRecommends = [.followUpImaging]
            })
        #expect(e.recommendation.verdict == .missedWorkup)
        #expect(e.verdictReasoning.count == 1)
        #expect(e.verdictReasoning[0].hasPrefix("the report recommends follow_up_imaging, none of it a work-up ("))
        #expect(e.verdictReasoning[0].hasSuffix("R4 (recommended) asks for venography (R4); mri_contrast (R4) → missed_workup"))
    }

    @Test func mriForAnUncertainCalcificationIsCoveredBySWI() {
        let e = rules.explain(make(.uncertain) { $0.reportRecommends = [.mri] })
        #expect(e.recommendation.verdict == .concordant)
        #expect(
            e.verdictReasoning == [
                "the report recommends mri; M3 asks for swi; mri covers swi → covered", "verdict → concordant",
            ])
    }

    @Test func mriForAnIncidentalCalcificationIsAdditional() {
        let e = rules.explain(make { $0.reportRecommends = [.mri] })
        #expect(e.recommendation.verdict == .additionalImaging)
        #expect(
            e.verdictReasoning == [
                "the report recommends mri; the table asks for clinical_follow_up (R6), nothing mri covers (mri_contrast or swi) "
                    + "→ additional imaging",
                "verdict → additional_imaging",
            ])
    }

    @Test func notApplicableSaysSo() {
        let e = rules.explain(make(.absent))
        #expect(triggers(e) == ["R0": ["dural_calcification"]])
        #expect(e.verdictReasoning == ["R0: no dural calcification, nothing to advise → not_applicable"])
    }

    /// Every rule of the default table declares the facts its condition reads: with them cleared
    /// (and dural calcification positive) no row but the fallback holds.
    @Test func everyConditionDeclaresWhatItReads() {
        var all = make()
        for f in Finding.allCases { all.findings[f] = .present }
        for s in Symptom.allCases { all.symptoms[s] = .present }
        all.renalDisease = .present
        all.temporality = .new
        for rule in rules.rules where rule.id != "R0" && rule.id != "R6" {
            var holding = all
            if rule.id == "M3" { holding.duralCalcification = .uncertain }
            var cleared = holding
            for fact in rule.when.reads { cleared = fact.cleared(in: cleared) }
            #expect(rule.when.test(holding), "\(rule.id)")
            #expect(!rule.when.test(cleared), "\(rule.id) reads more than it declares")
        }
    }
}
