import FalxCore
import Testing

@testable import FalxClinical

/// The discussion of a case report: what a finding goes with in general, a sentence that answers a
/// general remark for this patient ("Neither was seen in our patient"), and a resolution told in a
/// relative clause. Each class with several phrasings and the near misses that must not move.
@Suite struct CaseReportDiscussionTests {
    @Test(arguments: [
        // A general remark answered for this patient in the next sentence.
        (
            "Pachymeningeal thickening may coexist, and in some series venous sinus thrombosis was a complication. Neither was seen in our patient.",
            Finding.venousSinusThrombosis, FindingStatus.absent
        ),
        (
            "Pachymeningeal thickening may coexist, and in some series venous sinus thrombosis was a complication. Neither was seen in our patient.",
            .duralThickening, .absent
        ),
        (
            "Dural enhancement and cortical vein thrombosis are described with this condition. None of these findings was present here.",
            .duralEnhancement, .absent
        ),
        (
            "Dural enhancement and cortical vein thrombosis are described with this condition. None of these findings was present here.",
            .corticalVeinThrombosis, .absent
        ),
        (
            "Intracranial hypotension can mimic this picture. Neither feature is evident on this study.",
            .intracranialHypotension, .absent
        ),
        // Near misses: a sentence that names its own finding, or goes on to say more, is not a back-reference.
        (
            "Dural thickening is present along the falx. None of the venous sinuses is thrombosed.",
            .duralThickening, .present
        ),
        (
            "Dural thickening is present along the falx. Neither was seen on the prior study, but both are now clear and have grown since the previous examination last year.",
            .duralThickening, .present
        ),
        // What a finding goes with in general is not this patient's.
        (
            "Dural enhancement can accompany low CSF pressure and should not be confused with an ossified segment.",
            .duralEnhancement, .notMentioned
        ),
        (
            "Dural enhancement can accompany low CSF pressure and should not be confused with an ossified segment.",
            .intracranialHypotension, .notMentioned
        ),
        ("In some series dural arteriovenous fistula was a late complication.", .davf, .notMentioned),
        ("Venous sinus thrombosis has been reported in this setting.", .venousSinusThrombosis, .notMentioned),
        // Near miss: the patient's own finding, told plainly, stays.
        ("There is smooth dural enhancement in keeping with low CSF pressure.", .duralEnhancement, .present),
    ])
    func finding(_ text: String, _ finding: Finding, _ expected: FindingStatus) {
        #expect(facts(text).status(finding) == expected, "\(text)")
    }

    @Test(arguments: [
        // A relative clause's resolution is of the words it hangs on.
        (
            "A woman with chronic kidney disease on haemodialysis and secondary hyperparathyroidism was referred after an episode of confusion that resolved within a day.",
            SymptomStatus.present, Symptom.cognitiveChange, SymptomStatus.absent
        ),
        (
            "Man on peritoneal dialysis, admitted with a seizure which has since settled.",
            .present, .seizure, .absent
        ),
        // A resolution after a list of history items is of the nearest and those listed with it.
        (
            "CLINICAL HISTORY: 52yo M s/p renal transplant 2019, headaches now resolved, follow-up of dural calcification.",
            .present, .headache, .absent
        ),
        ("HISTORY: On haemodialysis. Headache, vomiting and confusion, now resolved.", .present, .cognitiveChange, .absent),
        ("HISTORY: On haemodialysis. Headache, vomiting and confusion, now resolved.", .present, .headache, .absent),
        ("HISTORY: Known CKD, headaches now resolved.", .present, .headache, .absent),
        // The symptom the clause hangs on in a short list is still resolved.
        ("Renal transplant recipient. Headache and confusion which have resolved.", .present, .headache, .absent),
    ])
    func relativeClause(_ text: String, _ renal: SymptomStatus, _ symptom: Symptom, _ expected: SymptomStatus) {
        let f = facts(text)
        #expect(f.renalDisease == renal, "\(text)")
        #expect(f.status(symptom) == expected, "\(text)")
    }
}

/// One site set against another inside a calcification's mention ("along the falx, not the
/// tentorium"; "of the petroclinoid ligament rather than the tentorium"): the calcification stays,
/// at the first site only.
@Suite struct SiteContrastTests {
    @Test(arguments: [
        (
            "FINDINGS: Calcification along the right tentorial leaf.\nCORRECTION: The calcification described above lies along the posterior falx, not the tentorium; the tentorium is normal.",
            FindingStatus.present, [DuralLocation.falx]
        ),
        (
            "ADDENDUM: The enlarging density represents calcification of the right petroclinoid ligament rather than the tentorium.",
            .present, [.petroclinoid]
        ),
        ("FINDINGS: Falcine calcification, not tentorial.", .present, [.falx]),
        ("FINDINGS: Calcification is seen along the convexity dura instead of the falx.", .present, [.convexity]),
        // Near misses: a denial of the calcification itself stays a denial.
        ("FINDINGS: No calcification along the falx, not even at the vertex.", .absent, []),
        ("FINDINGS: Calcification of the falx is not seen.", .absent, []),
    ])
    func sites(_ text: String, _ status: FindingStatus, _ locations: [DuralLocation]) {
        let f = facts(text)
        #expect(f.duralCalcification == status, "\(text)")
        #expect(f.locations == locations, "\(text)")
    }
}

/// A "?" spoken as "question" or "query" in dictation hedges the words after it; after a
/// determiner the word is a noun and hedges nothing.
@Suite struct DictatedQueryTests {
    @Test(arguments: [
        (
            "findings small linear hyperdensity along the falx question calcification versus partial volume",
            FindingStatus.uncertain
        ),
        ("findings small density at the vertex query falcine calcification", .uncertain),
        ("FINDINGS: The raised density raises the question of falcine calcification.", .uncertain),
        // Near misses: the noun.
        ("IMPRESSION: Re the query: falcine calcification is present.", .present),
        ("FINDINGS: In answer to the question, dense falcine calcification is present.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// A relative who brings the patient or tells what they saw is an informant, not family history;
/// renal function said to be normal denies renal disease; one side against the other is not a
/// change over time.
@Suite struct InformantAndNormalFunctionTests {
    @Test(arguments: [
        (
            "HISTORY: Brought by his daughter with eight months of forgetfulness and two episodes of expressive dysphasia.",
            Symptom.focalDeficit, SymptomStatus.present
        ),
        ("HISTORY: Her husband noticed slurred speech this morning.", .focalDeficit, .present),
        ("HISTORY: The claimant reports persistent headaches and difficulty with memory.", .cognitiveChange, .present),
        ("HISTORY: Problems with her memory for a year.", .cognitiveChange, .present),
        ("HISTORY: Accompanied by her son, who reports new confusion.", .cognitiveChange, .present),
        // Near miss: the relative's own illness stays family history.
        ("HISTORY: Her daughter has epilepsy.", .seizure, .notMentioned),
    ])
    func informant(_ text: String, _ symptom: Symptom, _ expected: SymptomStatus) {
        #expect(facts(text).status(symptom) == expected, "\(text)")
    }

    @Test(arguments: [
        ("HISTORY: Headache. Renal function was normal.", SymptomStatus.absent),
        ("HISTORY: Headache. Renal function is within normal limits.", .absent),
        ("HISTORY: Headache. Renal function was impaired.", .present),
    ])
    func renalFunction(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).renalDisease == expected, "\(text)")
    }

    @Test(arguments: [
        ("FINDINGS: Bilateral convexity dural calcification, more pronounced on the right.", DCTemporality.unknown),
        ("FINDINGS: The falcine calcification is more pronounced than on the 2021 study.", .progressive),
    ])
    func temporality(_ text: String, _ expected: DCTemporality) {
        #expect(facts(text).temporality == expected, "\(text)")
    }
}

/// A correction that describes the density at a dural site and then denies calcification of it.
@Suite struct DeniedByDescriptionTests {
    @Test(arguments: [
        (
            "IMPRESSION: Probable right tentorial calcification.\nADDENDUM: On review of the thin sections, the linear density along the right tentorium is partial volume of the adjacent bone and is not calcification.",
            FindingStatus.absent
        ),
        ("FINDINGS: The hyperdensity along the falx is the superior sagittal sinus rather than calcification.", .absent),
        ("FINDINGS: The bright line over the convexity is a vessel, not calcification.", .absent),
        // Near misses: no dural site in the clause, or the calcification has its own mention.
        ("FINDINGS: The density in the basal ganglia is not calcification.", .notMentioned),
        ("FINDINGS: Falcine calcification. The basal ganglia density is not calcification.", .present),
        ("FINDINGS: The falx is normal; the basal ganglia density is not calcification.", .notMentioned),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test(arguments: [
        ("HISTORY: Daily headaches, worse in the morning. No positional component.", SymptomStatus.absent),
        ("HISTORY: Headaches with a clear postural component.", .present),
    ])
    func positionalComponent(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.positionalHeadache) == expected, "\(text)")
    }
}

/// A study already arranged is the report's recommendation of that study, whatever its date;
/// a borderline finding is hedged; words said to belong to another patient are unsaid however
/// long the sentence.
@Suite struct ArrangedAndBorderlineTests {
    @Test(arguments: [
        (
            "IMPRESSION: Incidental tentorial calcification. The outpatient MRI brain already booked for next week will characterise it further.",
            "mri"
        ),
        ("IMPRESSION: Pituitary adenoma. Dedicated pituitary MRI with gadolinium is already booked for 24/11.", "mri_contrast"),
        // Near miss: a repeat at an interval stays follow-up imaging.
        ("IMPRESSION: Falcine calcification. Follow-up MRI in 12 months.", "follow_up_imaging"),
    ])
    func arranged(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    @Test func borderlineVolumeLossIsHedged() {
        #expect(facts("FINDINGS: Borderline generalised volume loss for age.").status(.atrophy) == .uncertain)
        #expect(facts("FINDINGS: Generalised volume loss.").status(.atrophy) == .present)
    }

    @Test func anotherPatientsSentenceIsUnsaid() {
        let text =
            "FINDINGS: Moderate small vessel change.\nCorrection: The sentence \"dense calcification of the falx and right tentorial leaf\" in the earlier version of this report belonged to a different patient's study and was included in error."
        #expect(facts(text).duralCalcification == .notMentioned)
    }
}

/// Resolutions in other words: back to how it was, a pronoun that stands for the symptom, and a
/// vein that "now opacifies normally and no thrombus remains".
@Suite struct ResolutionWordingTests {
    @Test(arguments: [
        ("HISTORY: 61 yo man. Transient dysphasia yesterday, now back to normal.", Symptom.focalDeficit, SymptomStatus.absent),
        ("HISTORY: Confusion this morning, has returned to baseline.", .cognitiveChange, .absent),
        (
            "Her headaches were put down to medication overuse, and after withdrawal of codeine they have since settled.",
            .headache, .absent
        ),
        // Near misses: a seizure is an event; the patient is back to baseline after it.
        ("HISTORY: First generalised seizure at work, now back to baseline.", .seizure, .present),
        ("HISTORY: Headache for two weeks. It is worse in the mornings.", .headache, .present),
    ])
    func symptom(_ text: String, _ symptom: Symptom, _ expected: SymptomStatus) {
        #expect(facts(text).status(symptom) == expected, "\(text)")
    }

    @Test func recanalisedVeinWithNoThrombus() {
        let text =
            "Clinical: vein of Labbé thrombosis in March.\nFindings: The vein of Labbé now opacifies normally and no thrombus remains within it."
        #expect(facts(text).status(.corticalVeinThrombosis) == .absent)
    }
}

/// In flattened dictation a question ("rule out ms") governs the words right after it, not the
/// findings dictated after it.
@Suite struct RunOnQuestionTests {
    @Test(arguments: [
        (
            "mri brain with and without contrast indication 35 f with migraine headaches rule out ms findings there are three small t2 flair hyperintense foci in the subcortical white matter of the frontal lobes nonspecific no abnormal enhancement",
            FindingStatus.present
        ),
        ("mri brain indication 35 f rule out white matter lesions", .notMentioned),
    ])
    func whiteMatter(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.whiteMatterLesions) == expected, "\(text)")
    }
}

/// A denial that belongs to a recommendation ("no further imaging is required for …") denies the
/// imaging, not the finding it is for.
@Suite struct RecommendationObjectTests {
    @Test(arguments: [
        ("IMPRESSION: No further imaging is required for the incidental falcine calcification.", FindingStatus.present),
        ("FINDINGS: Falcine calcification. IMPRESSION: No further follow-up is needed for the falcine calcification.", .present),
        ("IMPRESSION: No MRI is required for the tentorial calcification.", .present),
        // Near misses: the finding itself denied.
        ("FINDINGS: No MRI evidence of falcine calcification.", .absent),
        ("FINDINGS: No falcine calcification. No further imaging is required.", .absent),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test func aVenousAnomalyWithNoFollowUp() {
        let f = facts("Conclusion: Stable right frontal DVA. No further follow-up imaging is required for the DVA.")
        #expect(f.status(.venousAbnormalityOther) == .present)
        #expect(f.reportRecommends.isEmpty)
    }
}

/// More names of the clinical question's header: what they hold is the question, and the
/// findings answer it.
@Suite struct QuestionHeaderTests {
    @Test(arguments: [
        "Clinical notes: 36F, headache. ?CVST.\nFindings: No filling defect to suggest venous sinus thrombosis.",
        "Reason for scan: ?CVST.\nFindings: No venous sinus thrombosis.",
        "Clinical presentation: headache, ?CVST.\nFindings: No venous sinus thrombosis.",
    ])
    func answeredQuestion(_ text: String) {
        #expect(facts(text).status(.venousSinusThrombosis) == .absent, "\(text)")
    }
}

/// Words that are also symptom or vein words: "fit" the verb, and the mastoid emissary vein (the
/// mastoid is part of its name, not a paranasal or bony blocker).
@Suite struct WordSenseTests {
    @Test(arguments: [
        ("IMPRESSION: The pattern would fit mixed Alzheimer's and vascular pathology.", SymptomStatus.notMentioned),
        ("HISTORY: Not fit for surgery.", .notMentioned),
        ("HISTORY: First fit last night.", .present),
        ("HISTORY: Had a fit at work.", .present),
    ])
    func seizure(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.seizure) == expected, "\(text)")
    }

    @Test func mastoidEmissaryVein() {
        let f = facts("FINDINGS: Asymmetrically prominent left mastoid emissary vein. Mastoids clear.")
        #expect(f.status(.venousAbnormalityOther) == .present)
    }
}

/// Other words for a symptom, a contrast study and a conditional recommendation.
@Suite struct MoreWordingTests {
    @Test func postureToldAsWhatThePatientDid() {
        let f = facts("HISTORY: Two months of headaches that came on when she stood up and eased when she lay flat.")
        #expect(f.status(.positionalHeadache) == .present)
    }

    @Test func alteredSensoriumIsCognitiveChange() {
        #expect(facts("Clinical history: CKD on haemodialysis, now with altered sensorium.").status(.cognitiveChange) == .present)
    }

    @Test func contrastNamedAfterTheRegions() {
        let f = facts(
            "ADDENDUM: MRI of the brain and total spine with and without contrast is recommended to look for a CSF leak.")
        #expect(f.reportRecommends.map(\.rawValue) == ["mri_contrast"])
    }

    @Test(arguments: [
        ("IMPRESSION: Unremarkable CT head. Should headaches recur, consider MRI.", ""),
        ("IMPRESSION: Falcine calcification. Consider MRI.", "mri"),
    ])
    func invertedCondition(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }
}
