import FalxCore
import Testing

@testable import FalxClinical

/// A finding that an earlier read, or this read's first look, reported and the report now explains
/// away: not reproduced, partial volume, artefact, another reader's words, a sentence dictated in
/// error. Each class with several phrasings, and the near misses that must keep the finding.
@Suite struct RetractionWordingTests {
    @Test(arguments: [
        // Not reproduced, or explained as artefact.
        (
            "FINDINGS: The linear \"falcine calcification\" mentioned in the 2021 report is not reproduced on today's thin reconstructions; there is no dural calcification.",
            FindingStatus.absent
        ),
        ("FINDINGS: The tentorial calcification described before was not reproduced on repeat imaging.", .absent),
        (
            "FINDINGS: The apparent right tentorial calcification is partial volume of the petrous ridge.",
            .absent
        ),
        ("FINDINGS: The falcine calcification on the scout is due to partial volume of the sagittal sinus.", .absent),
        ("FINDINGS: The convexity dural calcification seen on the scout was artefact.", .absent),
        // The kind of artefact named.
        (
            "FINDINGS: The apparent calcification along the left tentorial leaflet on the axial series is streak artefact and is not present on the coronal reformats.",
            .absent
        ),
        ("FINDINGS: The falcine calcification on the axial images is beam hardening artifact.", .absent),
        ("FINDINGS: Tentorial calcification suspected on the first series was motion artefact.", .absent),
        // Another reader's words for it.
        (
            "FINDINGS: The density previously described as falcine calcification is the superior sagittal sinus in partial volume; there is no calcification of the falx.",
            .absent
        ),
        (
            "HISTORY: Outside CT read as falcine calcification.\nFINDINGS: No falcine calcification.",
            .absent
        ),
        // A sentence dictated in error.
        (
            "FINDINGS: Normal.\nCorrection: the sentence \"Dense calcification of the falx and tentorium\" above was dictated into this report in error.",
            .absent
        ),
        ("FINDINGS: Normal.\nAddendum: Falcine calcification was dictated in error and should be disregarded.", .absent),
        // Near misses: the finding stays.
        ("FINDINGS: Falcine calcification, reproduced on the coronal reformats.", .present),
        ("FINDINGS: Tentorial calcification. Partial volume of the petrous ridge is also noted.", .present),
        ("FINDINGS: Falcine calcification, again seen, unchanged from the 2021 report.", .present),
        (
            "HISTORY: Outside CT read as falcine calcification.\nFINDINGS: Falcine calcification is confirmed.",
            .present
        ),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// "Nil" as British and Australian reports write a denial, before and after the finding.
@Suite struct NilDenialTests {
    @Test(arguments: [
        ("FINDINGS: Extra-axial: nil collection. Dural calcification: nil.", FindingStatus.absent),
        ("FINDINGS: Nil dural calcification. Nil haemorrhage.", .absent),
        ("FINDINGS: Falcine calcification: nil.", .absent),
        ("FINDINGS: Nil haemorrhage. Falcine calcification.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// How often a finding is seen in a population says nothing of this patient.
@Suite struct PopulationStatementTests {
    @Test(arguments: [
        (
            "FINDINGS: Pineal calcification.\nNote: in adults beyond middle age, calcified plaques on the falx and tentorium are seen routinely on CT and need no action.",
            FindingStatus.notMentioned
        ),
        ("FINDINGS: Normal.\nComment: Falcine calcification is often seen in older patients.", .notMentioned),
        ("FINDINGS: Normal. Dural calcifications are a frequent finding in elderly patients.", .notMentioned),
        (
            "FINDINGS: Falcine calcification. Such calcification is seen routinely in adults and needs no action.",
            .present
        ),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// A site named with its sequence or view before a colon still joins the finding after it.
@Suite struct LabelledSiteTests {
    @Test(arguments: [
        ("FINDINGS: A 5 mm focus along the anterior falx on T2 and SWI: ?calcification ?ossification.", FindingStatus.uncertain),
        ("FINDINGS: Posterior falx on the coronal reformats: calcification.", .present),
        ("FINDINGS: Falx: calcified.", .present),
        // The colon after a structure that is not a site still ends the walk.
        ("FINDINGS: Falx normal. Basal ganglia on T1: calcification.", .notMentioned),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// Recommendations as other hands write them: German "control CT", a next scan "as per protocol",
/// a memory service, a study done and pointed to, care accepted, imaging declined, a venogram with
/// contrast, and a team only told of the result.
@Suite struct OtherHandsRecommendationTests {
    @Test(arguments: [
        ("IMPRESSION: Falcine calcification. A control CCT in 24 hours is recommended.", "follow_up_imaging"),
        ("IMPRESSION: Stable appearances. Next MRI in 3 months as per protocol.", "follow_up_imaging"),
        ("IMPRESSION: Atrophy. Suggest onward referral to the memory assessment service.", "neurology_consult"),
        (
            "IMPRESSION: Acute SAH. CT angiography was performed immediately after this study - see separate report.",
            "angiography"
        ),
        (
            "IMPRESSION: Left M1 occlusion. Discussed with the stroke team; the patient has been accepted by interventional neuroradiology for thrombectomy.",
            "neurosurgery_consult"
        ),
        ("IMPRESSION: Acute SDH. Neurosurgical team aware and reviewing the patient in the ED.", "neurosurgery_consult"),
        (
            "IMPRESSION: Chronic microvascular change. MRI was offered in the department but declined by the patient; no further imaging is planned.",
            "none"
        ),
        ("IMPRESSION: Filling defect. Contrast-enhanced MR venography is suggested for clarification.", "venography"),
        (
            "IMPRESSION: Falcine calcification. MRI brain with contrast and MR venography are recommended.",
            "mri_contrast;venography"
        ),
        ("IMPRESSION: No acute abnormality. Result phoned to the neurology registrar.", "none"),
        ("IMPRESSION: CT angiography was performed in 2019 and showed no aneurysm.", "none"),
    ])
    func codes(_ text: String, _ expected: String) {
        let codes = facts(text).reportRecommends.map(\.rawValue).joined(separator: ";")
        #expect((codes.isEmpty ? "none" : codes) == expected, "\(text)")
    }
}

/// Ages as other hands write them: an age and sex after a slash, a newborn, and "42 year old"
/// not read as the historical "old".
@Suite struct AgeAndSexWordingTests {
    @Test(arguments: [
        ("CT BRAIN (PLAIN)\n\n68 yrs / Male\nClinical details: giddiness.", 68 as Int?),
        ("Clinical: 45 Y / female, headache.", 45),
        ("Clinical: Term neonate, day 3 of life, seizures.\nFindings: Normal.", 0),
        ("Clinical: Newborn with poor feeding and a bulging fontanelle.", 0),
        ("Clinical: 70 yrs / left-sided weakness.", nil),
    ])
    func age(_ text: String, _ expected: Int?) {
        #expect(facts(text).age == expected, "\(text)")
    }

    @Test func anAgeIsNotAHistoryOfTheSymptomAfterIt() {
        let reading = CaseFactsExtractor().read(Array("History: 42 year old male with headache after a fall.".utf8))
        let headache = reading.mentions.first { $0.concept == "headache" }
        #expect(headache != nil && headache?.historical == false)
    }
}

/// Two readings offered with "either … or" hedge both; "on either side" is a place. What a finding
/// may do in future is no finding now, and the finding it is said of stays.
@Suite struct EitherAndFutureWordingTests {
    @Test(arguments: [
        (
            "FINDINGS: Hyperdensity along the posterior falx and the left tentorium, which represents either thin subarachnoid blood or dural calcification.",
            FindingStatus.uncertain
        ),
        ("FINDINGS: The falcine density is either calcification or a small meningioma.", .uncertain),
        ("FINDINGS: Calcification of the falx on either side of the midline.", .present),
        ("FINDINGS: Calcification of the falx. The tentorium is either normal or thin.", .present),
        ("FINDINGS: Longstanding dural thickening may eventually calcify, though this is uncommon.", .notMentioned),
        ("FINDINGS: Falcine calcification. Meningiomas may eventually calcify.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test func theThickeningThatMayCalcifyIsStillThere() {
        #expect(facts("FINDINGS: Dural thickening, which may eventually calcify.").status(.duralThickening) == .present)
    }
}

/// Words quoted in one sentence and withdrawn by the next, which refers to them by a pronoun: another
/// patient's words are unsaid, words written in error are denied. Quotes no sentence withdraws, and
/// words outside the quotation marks, keep their reading.
@Suite struct WithdrawnQuoteTests {
    @Test(arguments: [
        (
            "FINDINGS: Normal brain.\nNote: a paragraph describing \"dense calcification of the falx and tentorium\" appeared in the preliminary version. It belonged to a different patient's study and has been removed.",
            FindingStatus.notMentioned
        ),
        (
            "FINDINGS: Normal brain.\nThe draft read \u{201C}calcification of the falx\u{201D}. This refers to another patient and does not apply here.",
            .notMentioned
        ),
        (
            "FINDINGS: Small vessel change.\nCORRECTION: The earlier version stated \"calcification of the tentorium\". That phrase was dictated in error; there is no tentorial calcification on this study.",
            .absent
        ),
        (
            "FINDINGS: Normal.\nThe first issue said \"falcine calcification\". It was included erroneously.",
            .absent
        ),
        // Near misses: a quote nobody withdraws, words outside the quotes, a withdrawal of nothing quoted.
        ("FINDINGS: The radiologist's words were \"dense calcification of the falx\". It is again seen today.", .present),
        (
            "FINDINGS: Dense calcification of the falx. The phrase \"tiny bleed\" in the draft was dictated in error. It belonged to a different patient.",
            .present
        ),
        ("FINDINGS: Dense calcification of the falx. It was not present in 2019, in error or otherwise.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test func aWithdrawnQuoteTakesItsOtherFindingsWithIt() {
        let f = facts(
            "FINDINGS: Normal MRI brain.\nA paragraph describing \"dense calcification of the falx with dural thickening\" appeared in the draft. It belonged to a different patient's study."
        )
        #expect(f.duralCalcification == .notMentioned && f.status(.duralThickening) == .notMentioned)
    }
}

/// A hedge written as a bare verb ("Suspect small calcification"), and kidney function stated normal.
@Suite struct TerseHedgeAndKidneyTests {
    @Test func suspectHedgesWhatFollows() {
        #expect(
            facts("Description: Suspect small calcification at tentorium cerebelli on the left side.").duralCalcification
                == .uncertain)
        #expect(facts("FINDINGS: Suspected calcification along the falx.").duralCalcification == .uncertain)
        #expect(facts("FINDINGS: Dense calcification along the falx.").duralCalcification == .present)
    }

    @Test func kidneyFunctionNormalIsNoRenalDisease() {
        #expect(facts("Referral: 73 y.o. woman, right-sided weakness. Kidney function normal.").renalDisease == .absent)
        #expect(facts("History: kidney function within normal limits.").renalDisease == .absent)
        #expect(facts("History: chronic kidney disease stage 4.").renalDisease == .present)
        #expect(facts("Indication: 69M, acute confusion. Creatinine within normal range.").renalDisease == .absent)
    }

    @Test func aHeadacheNotAffectedByPostureIsNotPositional() {
        let f = facts("Clinical: 27F, headache for 5 days, worse on coughing and not affected by posture.")
        #expect(f.status(.positionalHeadache) == .absent && f.status(.headache) == .present)
        #expect(facts("Clinical: headache affected by posture.").status(.positionalHeadache) == .present)
        #expect(facts("Clinical: migraine, headache not related to posture.").status(.positionalHeadache) == .absent)
    }

    @Test func memoryDisturbancesAreACognitiveChange() {
        #expect(facts("Patient of 74 years, comes for memory disturbances since one year.").status(.cognitiveChange) == .present)
        #expect(facts("History: no memory disturbances. Headache.").status(.cognitiveChange) == .absent)
    }

    /// A clause that opens with the series it reports from is general all through; the patient's
    /// own statement before the semicolon, or in the next sentence, keeps its reading.
    @Test func aClauseFromPublishedSeriesIsGeneral() {
        let general = facts(
            "History: renal function normal.\nDiscussion: Calcification classically involves the basal ganglia; in published series, dural calcification is reported less often than in the hyperparathyroidism of renal failure."
        )
        #expect(general.renalDisease == .absent)
        let own = facts(
            "History: end-stage renal failure on dialysis; in published series, dural calcification is more common in such patients."
        )
        #expect(own.renalDisease == .present)
    }
}

/// A dural site described as without calcification: "uncalcified", "non-calcified".
@Suite struct UncalcifiedSiteTests {
    @Test(arguments: [
        ("FINDINGS: No haemorrhage. The falx is thin and uncalcified. Ventricles normal.", FindingStatus.absent),
        ("FINDINGS: Non-calcified tentorium. No collection.", .absent),
        ("FINDINGS: The falx is noncalcified.", .absent),
        // Near misses: an uncalcified lesion is no statement on the dura; a calcified falx stays.
        ("FINDINGS: An uncalcified meningioma arises from the falx.", .notMentioned),
        ("FINDINGS: The falx is densely calcified. Uncalcified pineal gland.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// A label that opens its sentence ("Teaching point:") governs all of it, past a semicolon; the
/// same words in the middle of a sentence, or without the colon, keep their clause-long scope.
@Suite struct LabelScopeTests {
    @Test(arguments: [
        (
            "Findings in this patient: A small left hippocampal lesion. No abnormal enhancement.\nTeaching point: calcification of the falx is common in adults over 50; in the young, extensive dural calcification should prompt consideration of basal cell naevus syndrome.",
            FindingStatus.notMentioned
        ),
        (
            "FINDINGS: Normal.\nTeaching points: falcine calcification is usually incidental; tentorial calcification is less common.",
            .notMentioned
        ),
        // Near misses: the patient's own finding after the teaching point's sentence ends.
        (
            "Teaching point: falcine calcification is usually incidental.\nFINDINGS: Dense calcification of the falx.",
            .present
        ),
        ("FINDINGS: Dense calcification of the falx; a teaching point for the residents.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// A study already done that the report points to as reported elsewhere is the report's
/// recommendation of it, as "see separate report" is; a study merely told as done is not.
@Suite struct ReportedSeparatelyTests {
    @Test func aStudyReportedSeparatelyIsTheNextStep() {
        let f = extractor.read(
            Array(
                "FINDINGS: Acute subarachnoid haemorrhage.\nIMPRESSION: Acute SAH. CT angiography has been performed immediately following this study and is reported separately."
                    .utf8))
        #expect(f.facts.reportRecommends.contains(.angiography))
        let told = extractor.read(Array("FINDINGS: Normal.\nIMPRESSION: Normal. CT angiography has been performed.".utf8))
        #expect(!told.facts.reportRecommends.contains(.angiography))
    }
}
