import Testing
@testable import FalxCore

@Suite struct RulesetTests: CaseFactsBuilding {
    let rules = Ruleset.default

    @Test(arguments: [FindingStatus.absent, .notMentioned])
    func r0WhenNoCalcification(_ dc: FindingStatus) {
        let r = rules.evaluate(make(dc) { $0.findings[.davf] = .present })
        #expect(r.category == .notApplicable && r.strength == nil && r.actions.isEmpty)
        #expect(r.verdict == .notApplicable && r.rules == ["R0"])
    }

    @Test func r1DavfIsUrgentAndFirst() {
        let r = rules.evaluate(
            make {
                $0.findings[.davf] = .uncertain; $0.findings[.venousSinusThrombosis] = .present
            })
        #expect(r.category == .davfPathway && r.strength == .urgent)
        #expect(
            r.actionCodes == ["dsa", "neurointerventional_consult", "venography", "neurology_consult", "anticoagulation_review"])
        #expect(r.rules == ["R1", "R2"])
        #expect(r.verdict == .missedWorkup)
        #expect(r.actions.allSatisfy { !$0.citation.isEmpty })
    }

    @Test func r2VenousThrombosis() {
        let r = rules.evaluate(
            make {
                $0.findings[.corticalVeinThrombosis] = .present; $0.reportRecommends = [.venography]
            })
        #expect(r.category == .venousThrombosisPathway && r.strength == .urgent && r.verdict == .concordant)
    }

    @Test func r3IntracranialHypotension() {
        let r = rules.evaluate(make { $0.findings[.intracranialHypotension] = .present })
        #expect(r.category == .intracranialHypotensionPathway && r.strength == .recommended)
        #expect(r.actionCodes == ["mri_contrast", "epidural_blood_patch"])
    }

    @Test(arguments: [Finding.duralThickening, .duralEnhancement, .venousAbnormalityOther, .subcorticalCalcification])
    func r4VenousImaging(_ finding: Finding) {
        let r = rules.evaluate(make { $0.findings[finding] = .uncertain })
        #expect(r.category == .venousImaging && r.strength == .recommended)
        #expect(r.actionCodes == ["venography", "mri_contrast"])
    }

    @Test func r5SymptomaticIsRecommendedOtherwiseConsider() {
        let symptomatic = rules.evaluate(make { $0.symptoms[.seizure] = .present })
        #expect(
            symptomatic.category == .mriWorkup && symptomatic.strength == .recommended && symptomatic.verdict == .missedWorkup)
        let wml = rules.evaluate(make { $0.findings[.whiteMatterLesions] = .present })
        #expect(wml.category == .mriWorkup && wml.strength == .consider && wml.verdict == .concordant)
        #expect(wml.actionCodes == ["mri_contrast", "swi"])
        let leuko = rules.evaluate(
            make {
                $0.findings[.whiteMatterLesions] = .present; $0.symptoms[.cognitiveChange] = .present
            })
        #expect(leuko.actionCodes == ["mri_contrast", "swi", "neurology_consult"])
        let absentSymptom = rules.evaluate(make { $0.symptoms[.headache] = .absent })
        #expect(absentSymptom.category == .incidentalMonitor)
    }

    @Test func r6IncidentalAndItsVerdicts() {
        let r = rules.evaluate(make())
        #expect(r.category == .incidentalMonitor && r.strength == .routine && r.followUp == "clinical 6-12 months")
        #expect(r.actionCodes == ["clinical_follow_up"] && r.verdict == .concordant)
        #expect(rules.evaluate(make { $0.reportRecommends = [.mriContrast] }).verdict == .additionalImaging)
        #expect(rules.evaluate(make { $0.reportRecommends = [.followUpImaging, .clinicalFollowUp] }).verdict == .concordant)
        #expect(rules.evaluate(make { $0.reportRecommends = [.neurologyConsult] }).verdict == .concordant)
    }

    @Test func m1RenalGadoliniumCaution() {
        let withContrast = rules.evaluate(
            make {
                $0.renalDisease = .present; $0.findings[.atrophy] = .present
            })
        #expect(withContrast.gadoliniumCaution && withContrast.rules.contains("M1") && !withContrast.warnings.isEmpty)
        let incidental = rules.evaluate(make { $0.renalDisease = .present })
        #expect(!incidental.gadoliniumCaution && incidental.rules == ["R6", "M1"])
    }

    @Test(arguments: [DCTemporality.progressive, .new])
    func m2ProgressiveShortensFollowUp(_ t: DCTemporality) {
        let r = rules.evaluate(make { $0.temporality = t })
        #expect(r.followUp == "clinical 6 months" && r.rules == ["R6", "M2"])
        #expect(rules.evaluate(make { $0.temporality = .stable }).followUp == "clinical 6-12 months")
    }

    @Test func m3UncertainCalcification() {
        let r = rules.evaluate(make(.uncertain))
        #expect(r.category == .incidentalMonitor)
        #expect(r.actionCodes == ["clinical_follow_up", "ct_review", "swi"] && r.rules == ["R6", "M3"])
    }

    @Test func m4PositionalHeadache() {
        let r = rules.evaluate(
            make {
                $0.symptoms[.positionalHeadache] = .present; $0.reportRecommends = [.mri]
            })
        #expect(r.category == .mriWorkup && r.strength == .recommended && r.verdict == .concordant)
        #expect(r.actionCodes.last == "evaluate_intracranial_hypotension" && r.rules == ["R5", "M4"])
    }

    @Test func everyRuleHasACitationAndTheTableIsVersioned() {
        #expect(rules.version.hasPrefix("falx-rules-"))
        #expect(rules.rules.map(\.id) == ["R0", "R1", "R2", "R3", "R4", "R5", "R6", "M1", "M2", "M3", "M4"])
        #expect(rules.rules.allSatisfy { !$0.citation.isEmpty })
    }

    // Revision 1.1: with M3 the core itself advises SWI, an MRI sequence, so a routine case whose
    // report recommends MRI is concordant; imaging the core does not advise is still additional.
    @Test(arguments: [ReportRecommendation.mri, .mriContrast])
    func m3MakesAnMRIRecommendationConcordant(_ recommended: ReportRecommendation) {
        let r = rules.evaluate(make(.uncertain) { $0.reportRecommends = [recommended] })
        #expect(r.strength == .routine && r.verdict == .concordant && r.rules == ["R6", "M3"])
        let affirmed = rules.evaluate(make(.present) { $0.reportRecommends = [recommended] })
        #expect(affirmed.verdict == .additionalImaging)
    }

    @Test func m3DoesNotCoverVenographyOrAngiography() {
        for extra in [ReportRecommendation.venography, .angiography] {
            let r = rules.evaluate(make(.uncertain) { $0.reportRecommends = [.mri, extra] })
            #expect(r.verdict == .additionalImaging, "\(extra)")
        }
    }

    // Revision 1.1: M1's caution also covers a contrast study the report itself recommends.
    @Test func m1CautionCoversTheReportsOwnContrastStudy() {
        for own in [ReportRecommendation.mriContrast, .venography] {
            let r = rules.evaluate(
                make {
                    $0.renalDisease = .present; $0.reportRecommends = [own]
                })
            #expect(r.category == .incidentalMonitor && r.gadoliniumCaution, "\(own)")
        }
        let plain = rules.evaluate(
            make {
                $0.renalDisease = .present; $0.reportRecommends = [.mri]
            })
        #expect(!plain.gadoliniumCaution)
        let noRenal = rules.evaluate(make { $0.reportRecommends = [.mriContrast] })
        #expect(!noRenal.gadoliniumCaution)
    }

    /// The printed table comes from the values `evaluate` runs: every action code any case can get
    /// is printed under the rule that adds it.
    @Test func thePrintedTableNamesEveryActionTheEngineAdds() {
        let text = rules.describe()
        #expect(text.hasPrefix("Ruleset \(rules.version) — "))
        for rule in rules.rules {
            #expect(text.contains("\(rule.id)  "), "\(rule.id) missing")
            #expect(text.contains("why:      \(rule.rationale)\n"))
            for action in rule.actions { #expect(rule.effect.contains(action.code)) }
        }
        var every = CaseFacts()
        every.duralCalcification = .uncertain
        for finding in Finding.allCases { every.findings[finding] = .present }
        for symptom in Symptom.allCases { every.symptoms[symptom] = .present }
        every.renalDisease = .present
        every.temporality = .progressive
        let r = rules.evaluate(every)
        #expect(r.rules == ["R1", "R2", "R3", "R4", "R5", "M1", "M2", "M3", "M4"])
        for action in r.actions {
            let rule = rules.rules.first { $0.id == action.rule }
            #expect(rule?.effect.contains(action.code) == true, "\(action.code) from \(action.rule)")
        }
    }

    /// Every citation resolves: each reference number a rule cites is covered by a line of the
    /// reference list that `falx rules` and the report page print.
    @Test func everyCitationResolvesToAReference() throws {
        let labels = Ruleset.references.map(\.label)
        #expect(labels.contains("[ref 1]") && labels.contains("clinical summary"))
        for rule in rules.rules {
            for match in rule.citation.matches(of: /\[ref ([\d, ]+)\]/) {
                for number in match.1.split(separator: ",").compactMap({ Int($0.filter(\.isNumber)) }) {
                    #expect((1...6).contains(number), "\(rule.id) cites [ref \(number)], which the list does not cover")
                }
            }
            if rule.citation.hasPrefix("clinical summary") { #expect(labels.contains("clinical summary")) }
        }
        #expect(rules.describe().contains("References\n    clinical summary: "))
    }
}
