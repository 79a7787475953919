import FalxCore
import Testing

@testable import FalxClinical

/// More classes of real wording (see `RealWordingTests`): each with several phrasings, some not in
/// the Corpus, and the near misses that must keep their reading.
extension RealWordingTests {
    /// "X instead of Y" / "X rather than Y": the reading the report rejects (Y) is denied, the one
    /// it keeps (X) stands.
    @Test(arguments: [
        ("FINDINGS: The dense band along the falx is subarachnoid blood instead of falcine calcification.", FindingStatus.absent),
        ("FINDINGS: The hyperdense tentorial margin is haemorrhage rather than tentorial calcification.", .absent),
        ("FINDINGS: The dense rim is calcification of the tentorial dura instead of a subdural haematoma.", .present),
        ("FINDINGS: Falcine calcification rather than haemorrhage.", .present),
    ])
    func rejectedAlternative(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    /// "X cannot be distinguished from Y" hedges both; "is a concern" / "is a possibility" after a
    /// finding hedges it. A clause of its own (after ";") keeps the finding before it.
    @Test(arguments: [
        (
            "FINDINGS: A nodule on the falx: dural calcification cannot be distinguished from a tiny meningioma.",
            FindingStatus.uncertain
        ),
        ("FINDINGS: A nodule on the falx; a meningioma cannot be distinguished from dural calcification.", .uncertain),
        ("FINDINGS: Tentorial calcification is indistinguishable from a small metastasis.", .uncertain),
        ("FINDINGS: Falcine calcification; the pineal lesion cannot be distinguished from a pineal cyst.", .present),
    ])
    func cannotBeDistinguished(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test(arguments: [
        (
            "FINDINGS: Falx calcification. Enlarged scalp vessels; a dural arteriovenous fistula is a concern.",
            FindingStatus.uncertain
        ),
        ("FINDINGS: Falx calcification. A dural arteriovenous fistula is a possibility.", .uncertain),
        ("FINDINGS: Falx calcification. A dural arteriovenous fistula is present.", .present),
    ])
    func postPosedHedge(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.davf) == expected, "\(text)")
    }
}

extension RealWordingTests {
    /// Teaching sentences: what a finding typically does, what it can mimic, what enters the
    /// differential of a finding in general. The differential for this patient still hedges.
    @Test(arguments: [
        "FINDINGS: Falcine calcification. Intracranial hypotension typically produces smooth enhancement with brain sagging.",
        "FINDINGS: Falcine calcification. Dural arteriovenous fistula and venous thrombosis enter the differential of dural calcification.",
        "FINDINGS: Falcine calcification. Venous thrombosis may mimic a dural arteriovenous fistula.",
        "FINDINGS: Falcine calcification. A dural fistula is in the differential of a dense tentorium.",
    ])
    func teachingSentencesAreNotFindings(_ text: String) {
        let f = facts(text)
        #expect(f.duralCalcification == .present)
        #expect(f.status(.intracranialHypotension) == .notMentioned && f.status(.davf) == .notMentioned, "\(text)")
        #expect(f.status(.venousSinusThrombosis) == .notMentioned, "\(text)")
    }

    @Test(arguments: [
        (
            "FINDINGS: The differential of a hyperdense falx includes calcification and subarachnoid blood.",
            FindingStatus.notMentioned
        ),
        (
            "FINDINGS: Calcified subdural haematoma is described after shunting, and it can mimic dural calcification.",
            .notMentioned
        ),
        ("FINDINGS: Dense falx. The differential includes falcine calcification or subarachnoid blood.", .uncertain),
    ])
    func teachingSentencesAboutCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test func theDifferentialForThisPatientHedges() {
        let f = facts(
            "FINDINGS: Pachymeningeal enhancement. The differential for this patient includes intracranial hypotension.")
        #expect(f.status(.duralEnhancement) == .present && f.status(.intracranialHypotension) == .uncertain)
    }
}

extension RealWordingTests {
    /// A confounder named after the calcification owns it: an apposition ("representing",
    /// "consistent with", a colon) that names a blocker, or a blocker closing the calcification's
    /// noun phrase before a comma. An apposition naming no blocker, or one after ";", keeps it.
    @Test(arguments: [
        (
            "FINDINGS: Thin calcified membranes over the right convexity, representing a calcified chronic subdural collection.",
            FindingStatus.notMentioned
        ),
        ("FINDINGS: Calcification over both convexities, consistent with calcified chronic subdural haematomas.", .notMentioned),
        ("FINDINGS: Curvilinear calcification over the left convexity: a calcified chronic subdural haematoma.", .notMentioned),
        ("FINDINGS: Calcification along the falx, consistent with a calcified meningioma.", .notMentioned),
        ("IMPRESSION: Calcified falcine meningioma, likely incidental.", .notMentioned),
        ("FINDINGS: Calcified falx meningioma, probably old.", .notMentioned),
        ("FINDINGS: Calcification along the falx, consistent with dural calcification, no mass.", .present),
        ("FINDINGS: Falcine calcification, in keeping with old age; no subdural collection.", .present),
        ("FINDINGS: Falcine calcification: no meningioma.", .present),
        ("FINDINGS: Dural calcification over the convexity; a calcified meningioma in the left frontal region.", .present),
        ("FINDINGS: Calcified choroid plexus, falx and tentorium.", .present),
    ])
    func confounderNamedAfterTheCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    /// "No dural calcification or thickening": the site before a list is shared by its items, also
    /// when an item is a word that otherwise blocks the rule.
    @Test(arguments: [
        ("FINDINGS: No dural calcification or thickening.", FindingStatus.absent),
        ("FINDINGS: The falx and tentorium are normal, without calcification or thickening.", .absent),
        ("FINDINGS: Falcine calcification. No dural enhancement or thickening.", .absent),
        ("FINDINGS: Calcification and thickening of the falx.", .present),
        ("FINDINGS: Falcine calcification. Calcified plaque, no thickening.", .notMentioned),
    ])
    func sharedSiteOfAList(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.duralThickening) == expected, "\(text)")
    }

    /// A one-line report whose history label runs on into the findings: a denial opening a later
    /// sentence of it is a finding. A history written on its own lines, and "no known" / "no
    /// history of", stay the clinical question.
    @Test func denialsAfterAnInlineHistoryLabelAreFindings() {
        let dc = facts(
            "CT HEAD. Hx: 30M, seizure. Negative for acute haemorrhage, mass or dural calcification. Imp: Normal CT head.")
        #expect(dc.duralCalcification == .absent)
        let thick = facts(
            "CT BRAIN. Indication: 66 F, headache. There is falcine calcification. No dural thickening. Conclusion: Falcine calcification."
        )
        #expect(thick.status(.duralThickening) == .absent)
        let vst = facts(
            "CT HEAD. Hx: 72M, weight loss. Dense calcification along the falx. No thrombosis of the cavernous sinuses. Imp: Incidental falx calcification."
        )
        #expect(vst.status(.venousSinusThrombosis) == .absent)
    }

    @Test(arguments: [
        "HISTORY: 40F, headache. No known dural fistula. No history of sinus thrombosis.\nFINDINGS: Falcine calcification.",
        "HISTORY: 45M, seizure.\nNo dural thickening on the outside CT.\nFINDINGS: Falcine calcification.",
        "HISTORY: No dural thickening on the outside CT.\nFINDINGS: Falcine calcification.",
    ])
    func historyDenialsStayTheClinicalQuestion(_ text: String) {
        let f = facts(text)
        #expect(f.status(.davf) == .notMentioned && f.status(.venousSinusThrombosis) == .notMentioned, "\(text)")
        #expect(f.status(.duralThickening) == .notMentioned, "\(text)")
    }
}

extension RealWordingTests {
    /// A denial's reach in the history: "comparison none" in flattened dictation is a header and
    /// its value, and a new clause ("developed") ends a denial. A denial of the symptom stands.
    @Test(arguments: [
        (
            "mri brain history 74 year old female headache comparison none findings linear calcification along the falx",
            SymptomStatus.present
        ),
        ("ct head 61 male headache and blurred vision comparison none findings the tentorium is calcified", .present),
        (
            "HISTORY: Previously well with no renal disease, developed headaches worse on standing.\nFINDINGS: Falcine calcification.",
            .present
        ),
        ("HISTORY: No renal disease, no headache.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Fit and well, then developed confusion and no headache.\nFINDINGS: Falcine calcification.", .absent),
    ])
    func denialReachInTheHistory(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.headache) == expected, "\(text)")
    }

    @Test func comparisonNoneLeavesTheDeficit() {
        let f = facts(
            "mri brain history 74 year old female word finding difficulty comparison none findings falcine calcification")
        #expect(f.status(.focalDeficit) == .present)
        #expect(
            facts("Clinical: Headache. Visual symptoms: none.\nFINDINGS: Falcine calcification.").status(.visualDisturbance)
                == .absent)
    }

    /// Recommendations in the words reports use: a bare "urgent X and neurology input", a team
    /// already consulted, a specialty clinic, a modality glued in a flattened PDF, a request to
    /// correlate with the history. History, the past and a question about another study are not.
    @Test(arguments: [
        (
            "FINDINGS: Falx calcification.\nIMPRESSION: Suspected cortical vein thrombosis; urgent CT venogram and neurology input.",
            "venography;neurology_consult"
        ),
        (
            "FINDINGS: Falcine calcification.\nIMPRESSION: Venous sinus thrombosis. Neurology has been consulted.",
            "neurology_consult"
        ),
        (
            "FINDINGS: Falcine calcification.\nIMPRESSION: No acute abnormality. Recommend outpatient MRI and first-seizure clinic referral.",
            "mri;neurology_consult"
        ),
        ("FINDINGS: Falcine calcification.\nIMPRESSION: Seizure. Refer to the epilepsy clinic.", "neurology_consult"),
        ("Findings:Calcificationof the falx is seen.Impression:Falcine dural enhancement.Suggest MRvenogram.", "venography"),
        (
            "clinical 58 male headaches findings subtle pachymeningeal enhancement falx calcification conclusion possible intracranial hypotension correlate with any history of csf leak",
            "clinical_follow_up"
        ),
        (
            "FINDINGS: Falcine calcification.\nIMPRESSION: Possible tentorial calcification; correlation with any available CT would help.",
            ""
        ),
        ("HISTORY: Seen in the seizure clinic last year.\nFINDINGS: Falcine calcification.", ""),
        ("HISTORY: Urgent request from ED.\nFINDINGS: Falx calcification.", ""),
        (
            "FINDINGS: Falcine calcification.\nIMPRESSION: Falx calcification. Neurology input was sought last year and showed nothing.",
            ""
        ),
    ])
    func recommendationWording(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    /// "No venous thrombosis" denies sinus thrombosis; a leg DVT says nothing of the sinuses.
    @Test(arguments: [
        ("FINDINGS: Falx calcification.\nIMPRESSION: No venous thrombosis.", FindingStatus.absent),
        ("HISTORY: Previous deep venous thrombosis of the leg.\nFINDINGS: Falx calcification.", .notMentioned),
        ("FINDINGS: Falx calcification. No deep venous thrombosis.", .notMentioned),
        ("FINDINGS: Falx calcification. Cerebral venous thrombosis of the left transverse sinus.", .present),
    ])
    func venousThrombosis(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.venousSinusThrombosis) == expected, "\(text)")
    }
}

extension RealWordingTests {
    /// A finding stated as gone ("has resolved", "recanalised", "cured", "no longer seen")
    /// outranks the mentions before it that tell its past; a finding stated after it still counts.
    @Test func aResolvedFindingOutranksItsPast() {
        let ih = facts(
            "FINDINGS: Previously: brain sagging and bilateral hygromas. Now the brain sagging has resolved. Falx calcification.")
        #expect(ih.status(.intracranialHypotension) == .absent)
        let vst = facts(
            "FINDINGS: 44M, previous right sigmoid sinus thrombosis. The right sigmoid sinus has recanalised. Tentorial calcification."
        )
        #expect(vst.status(.venousSinusThrombosis) == .absent)
        let davf = facts(
            "FINDINGS: Right transverse sinus dAVF embolised six months ago. Falx calcification.\nIMPRESSION: Cured dAVF.")
        #expect(davf.status(.davf) == .absent)
        let veins = facts("FINDINGS: Falx calcification. The engorged veins are no longer seen on follow-up MRI.")
        #expect(veins.status(.venousAbnormalityOther) == .absent && veins.reportRecommends.isEmpty)
    }

    @Test func aFindingAfterTheResolutionCounts() {
        let f = facts(
            "FINDINGS: The left transverse sinus thrombosis has resolved; new thrombus in the right sigmoid sinus. Falx calcification."
        )
        #expect(f.status(.venousSinusThrombosis) == .present)
        // "time-resolved" names a technique.
        let mra = facts("FINDINGS: Falx calcification. Early filling of the straight sinus on time-resolved MRA.")
        #expect(mra.status(.venousAbnormalityOther) == .present)
    }

    /// A teaching file's labelled remarks ("Teaching point:", "Key point:", "Pearl:") are general.
    @Test(arguments: [
        "FINDINGS: Falx calcification.\nTeaching point: progressive subcortical calcification can reflect chronic venous hypertension.",
        "FINDINGS: Falx calcification.\nKey point: pachymeningitis is described in rheumatoid arthritis.",
        "FINDINGS: Falx calcification.\nLearning point: dural arteriovenous fistulas can present with tinnitus.",
    ])
    func teachingPointsAreNotFindings(_ text: String) {
        let f = facts(text)
        #expect(f.duralCalcification == .present)
        #expect(
            f.status(.venousAbnormalityOther) == .notMentioned && f.status(.subcorticalCalcification) == .notMentioned, "\(text)")
        #expect(f.status(.duralEnhancement) == .notMentioned && f.status(.davf) == .notMentioned, "\(text)")
    }

    /// Care that has ended is not a referral; a referral still is.
    @Test(arguments: [
        ("IMPRESSION: Cured dAVF. Falx calcification. Discharged from neurointerventional follow-up.", ""),
        ("IMPRESSION: Falx calcification with a known dAVF. Refer to the neurointerventional team.", "neurosurgery_consult"),
        ("IMPRESSION: Falx calcification. Follow-up MRI in 12 months.", "follow_up_imaging"),
    ])
    func endedCare(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }
}

extension RealWordingTests {
    /// "No further episodes" names no symptom: it resolves the one told last before it (about this
    /// patient, not a family history). "No further episodes of X" names its own.
    @Test(arguments: [
        (
            "HISTORY: Brought in after a witnessed shaking episode. Family history of epilepsy. Started on levetiracetam and has had no further episodes.\nFINDINGS: Falx calcification.",
            Symptom.seizure, SymptomStatus.absent
        ),
        (
            "HISTORY: Transient left arm weakness last week, no further episodes.\nFINDINGS: Falx calcification.", .focalDeficit,
            .absent
        ),
        ("HISTORY: Seizure last month, no recurrence. Now confusion.\nFINDINGS: Falx calcification.", .seizure, .absent),
        ("HISTORY: Seizure last month, no recurrence. Now confusion.\nFINDINGS: Falx calcification.", .cognitiveChange, .present),
        (
            "HISTORY: Headache and a seizure yesterday; no further episodes of headache.\nFINDINGS: Falx calcification.",
            .seizure, .present
        ),
        (
            "HISTORY: Headache and a seizure yesterday; no further episodes of headache.\nFINDINGS: Falx calcification.",
            .headache, .absent
        ),
        ("HISTORY: Family history of epilepsy; no further episodes.\nFINDINGS: Falx calcification.", .seizure, .notMentioned),
    ])
    func noFurtherEpisodes(_ text: String, _ symptom: Symptom, _ expected: SymptomStatus) {
        #expect(facts(text).status(symptom) == expected, "\(text)")
    }
}

extension RealWordingTests {
    /// A denial of a general phrase ("No enhancement.", "No fistula seen", "No venous abnormality",
    /// "No renal history") denies the finding; the same words affirmed, or naming another
    /// structure, do not state it.
    @Test(arguments: [
        ("FINDINGS: Falx calcification. No enhancement.", Finding.duralEnhancement, FindingStatus.absent),
        ("FINDINGS: Falx calcification. There is no enhancement.", .duralEnhancement, .absent),
        ("FINDINGS: Falx calcification. No abnormal parenchymal enhancement.", .duralEnhancement, .notMentioned),
        ("FINDINGS: Falx calcification. No enhancement of the lesion.", .duralEnhancement, .notMentioned),
        ("IMPRESSION: Falx calcification. No fistula seen.", .davf, .absent),
        ("FINDINGS: No venous abnormality is seen. Falx calcification.", .venousAbnormalityOther, .absent),
        ("FINDINGS: A venous abnormality cannot be assessed. Falx calcification.", .venousAbnormalityOther, .notMentioned),
    ])
    func generalDenials(_ text: String, _ finding: Finding, _ expected: FindingStatus) {
        #expect(facts(text).status(finding) == expected, "\(text)")
    }

    @Test func renalHistoryAndMemoryConcerns() {
        #expect(facts("HISTORY: 60M. No renal history.\nFINDINGS: Falx calcification.").renalDisease == .absent)
        #expect(facts("CT BRAIN. 60yo. Memory concerns. Falx calcification.").status(.cognitiveChange) == .present)
        #expect(facts("CT BRAIN. 60yo. No memory concerns. Falx calcification.").status(.cognitiveChange) == .absent)
    }

    /// A "plaque" near the cortex is a demyelinating plaque, not subcortical calcification.
    @Test(arguments: [
        (
            "FINDINGS: Falx calcification. Multiple T2 hyperintense plaques in the juxtacortical white matter.",
            FindingStatus.notMentioned
        ),
        ("FINDINGS: Falx calcification. Demyelinating plaques, some subcortical.", .notMentioned),
        ("FINDINGS: Falx calcification. Calcification in the juxtacortical white matter.", .present),
        ("FINDINGS: Falx calcification. Juxtacortical calcified foci.", .present),
    ])
    func plaquesNearTheCortex(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.subcorticalCalcification) == expected, "\(text)")
    }
}

extension RealWordingTests {
    /// Sentences glued by a PDF ("hypotension.A 12mm ...") end at the period, so a hedge of one
    /// does not reach the next.
    @Test(arguments: [
        "Findings:Appearances may be seen in intracranial hypotension.A 12mm ossified segment of the falx.",
        "Impression:Enhancement,which may be seen in intracranial hypotension.Falcine ossification.CT myelogram has been requested.",
        "Findings:Possible intracranial hypotension.Calcification of the falx is seen on SWI.No leptomeningeal enhancement.",
    ])
    func gluedSentences(_ text: String) {
        let f = facts(text)
        #expect(f.duralCalcification == .present, "\(text)")
        #expect(f.status(.intracranialHypotension) == .uncertain, "\(text)")
    }
}

extension RealWordingTests {
    /// Care already in place counts where the report tells it, also in the history or an
    /// unlabelled history before the first header; a past referral or a referrer does not.
    @Test(arguments: [
        (
            "CT HEAD. 27-year-old woman with a known right occipital dAVF, under the care of the neurovascular team. Findings: Calcification of the right tentorium.",
            "neurosurgery_consult"
        ),
        (
            "HISTORY: Known dAVF, followed by the neurovascular team.\nFINDINGS: Calcification of the tentorium.",
            "neurosurgery_consult"
        ),
        ("HISTORY: Memory loss, known to the neurology service.\nFINDINGS: Falx calcification.", "neurology_consult"),
        ("HISTORY: Referred by neurology for headache.\nFINDINGS: Falx calcification.", ""),
        ("HISTORY: Previously under neurosurgery for a fistula, discharged in 2019.\nFINDINGS: Falx calcification.", ""),
        ("CT HEAD. MRI requested by the GP to exclude a mass. Findings: Falx calcification.", ""),
    ])
    func careInPlaceInTheHistory(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    /// An addendum that says no further imaging is needed withdraws the imaging recommended before
    /// it; a referral stands, and imaging the addendum itself recommends counts.
    @Test(arguments: [
        (
            "IMPRESSION: Possible sinus thrombosis; CT venogram recommended. Neurology review suggested.\nADDENDUM: The venogram is normal and no further venous imaging is required.",
            "neurology_consult"
        ),
        ("IMPRESSION: Falx calcification. MRI recommended.\nADDENDUM: Reviewed with the prior; no further imaging required.", ""),
        ("IMPRESSION: Falx calcification. MRI recommended.\nADDENDUM: Reviewed with the prior.", "mri"),
        (
            "IMPRESSION: Falx calcification. MRI recommended.\nADDENDUM: No further imaging required; CT venogram recommended instead.",
            "venography"
        ),
    ])
    func addendumWithdrawsImaging(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    /// A glued "?" questions its own phrase: a comma ends it ("?IIH, blurred vision").
    @Test(arguments: [
        ("Clinical details: 38F, headaches, ?IIH, blurred vision.\nFindings: Falx calcification.", SymptomStatus.present),
        ("Clinical details: 38F, ?visual disturbance.\nFindings: Falx calcification.", .notMentioned),
    ])
    func questionMarkEndsAtAComma(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.visualDisturbance) == expected, "\(text)")
    }

    @Test func questionMarkStillHedgesItsPhrase() {
        #expect(facts("FINDINGS: ?tentorial calcification, small.").duralCalcification == .uncertain)
        #expect(facts("FINDINGS: ?calcification ?vessel along the anterior falx.").duralCalcification == .uncertain)
    }

    /// "New X is not demonstrated" is "no new X": it says nothing of X.
    @Test(arguments: [
        ("FINDINGS: Falcine calcification. New dural enhancement is not demonstrated.", FindingStatus.notMentioned),
        ("FINDINGS: Falcine calcification. New dural enhancement was not present.", .notMentioned),
        ("FINDINGS: Falcine calcification. Dural enhancement is not demonstrated.", .absent),
        ("FINDINGS: Falcine calcification. New dural enhancement.", .present),
    ])
    func newXNotSeen(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.duralEnhancement) == expected, "\(text)")
    }

    /// Two adjectives of one site: "thickened, enhancing tentorium".
    @Test(arguments: ["FINDINGS: Thickened, enhancing tentorium.", "FINDINGS: Enhancing, thickened falx."])
    func coordinatedAdjectivesOfASite(_ text: String) {
        let f = facts(text)
        #expect(f.status(.duralThickening) == .present && f.status(.duralEnhancement) == .present, "\(text)")
    }
}

extension RealWordingTests {
    /// The question of an earlier request or study, and another study's indication, are not
    /// findings; this report raising the question still hedges.
    @Test(arguments: [
        (
            "FINDINGS: Falx calcification. The outside CT was requested by her GP with the question of sinus thrombosis.",
            FindingStatus.notMentioned
        ),
        ("FINDINGS: Falx calcification. The indication for the previous CT was ?venous sinus thrombosis.", .notMentioned),
        ("FINDINGS: Falx calcification. Her brother was treated for venous sinus thrombosis.", .notMentioned),
        ("FINDINGS: Falx calcification. Dense sinus raises the question of sinus thrombosis.", .uncertain),
    ])
    func anotherStudysQuestion(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.venousSinusThrombosis) == expected, "\(text)")
    }
}

extension RealWordingTests {
    /// A blocker right before the calcification word owns it: MRI plaques of the white matter and
    /// vascular plaques near the falx are not dural calcification; a site before the blocker, or a
    /// calcified plaque on the falx, still is.
    @Test(arguments: [
        ("FINDINGS: T2 hyperintense plaques abutting the falx in both frontal lobes.", FindingStatus.notMentioned),
        ("FINDINGS: Atherosclerotic plaques near the falx.", .notMentioned),
        ("FINDINGS: Demyelinating plaques along the falx.", .notMentioned),
        ("FINDINGS: Vascular calcification along the falx.", .notMentioned),
        ("FINDINGS: Falx and pineal calcification.", .present),
        ("FINDINGS: A calcified plaque on the falx, presumably of no consequence.", .present),
        ("FINDINGS: Falx calcification, hyperintense on T1.", .present),
    ])
    func blockerBeforeTheCalcificationWord(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    /// Treatment told as the course of the case is history; a referral recommended, or already
    /// arranged, is not.
    @Test(arguments: [
        ("FINDINGS: Falx calcification. He was referred to neurosurgery and the fistula was embolised.", ""),
        ("FINDINGS: Falx calcification with a dAVF. Referral to neurosurgery is recommended.", "neurosurgery_consult"),
        ("FINDINGS: Falx calcification with a known dAVF. He was referred to the neurovascular MDT.", "neurosurgery_consult"),
    ])
    func referralToldAsTheCourse(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    @Test func aGeneralDifferentialDiagnosis() {
        let f = facts("FINDINGS: Falx calcification. The differential diagnosis of a dense tentorium includes a dural fistula.")
        #expect(f.duralCalcification == .present && f.status(.davf) == .notMentioned)
    }
}

extension RealWordingTests {
    /// "Neg for" / "Neg. for" is "negative for", also after an inline history label.
    @Test(arguments: [
        ("CT HEAD. Hx: 30M seizure. Neg for dural calcification or bleed. Imp: normal.", FindingStatus.absent),
        ("FINDINGS: Neg. for falx calcification.", .absent),
        ("FINDINGS: Falx calcification. Neg for bleed.", .present),
    ])
    func negFor(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}
