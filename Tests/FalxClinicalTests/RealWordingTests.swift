import FalxCore
import Testing

@testable import FalxClinical

/// Classes of real radiologists' wording, each with several phrasings and with the near misses
/// that must keep their old reading.
@Suite struct RealWordingTests {
    /// Work-up already arranged or done, care already in place and multidisciplinary meetings are
    /// the report's recommendation; a clinical narrative and a request in the history are not.
    @Test(arguments: [
        ("FINDINGS: Falcine calcification with dural thickening. MRI has been booked.", "mri"),
        ("FINDINGS: Falcine calcification with dural thickening. MRI to follow.", "mri"),
        ("FINDINGS: Falcine calcification with dural thickening. An MRI has been arranged.", "mri"),
        ("FINDINGS: Falcine calcification with dural thickening. MR venogram has been requested.", "venography"),
        ("FINDINGS: Falcine calcification with dural thickening. Please see the MRI performed the same day.", "mri"),
        ("FINDINGS: Falcine calcification. Known dAVF, remains under the neurointerventional team.", "neurosurgery_consult"),
        ("FINDINGS: Falcine calcification. Known dural fistula, under the care of neurosurgery.", "neurosurgery_consult"),
        ("FINDINGS: Falcine calcification with dural thickening. Refer to the neurovascular MDT.", "neurosurgery_consult"),
        ("FINDINGS: Falcine calcification. For discussion at the neurology MDT.", "neurology_consult"),
        ("Reason: ENT requested head CT for sinusitis.\nFINDINGS: Falcine calcification.", ""),
        ("HISTORY: MRI was arranged by the GP last year.\nFINDINGS: Falcine calcification.", ""),
        ("FINDINGS: Falcine calcification. A repeat scan six weeks later showed no change.", ""),
    ])
    func workUpArrangedOrInPlace(_ text: String, _ expected: String) {
        let codes = facts(text).reportRecommends.map(\.rawValue).joined(separator: ";")
        #expect(codes == expected, "\(text)")
    }

    @Test func arrangedWorkUpIsNotAMissedWorkUp() {
        let r = Ruleset.default.evaluate(facts("FINDINGS: Falcine calcification with dural thickening. MRI has been booked."))
        #expect(r.strength == .recommended && r.verdict == .concordant)
    }

    /// Generic and teaching sentences are not about this patient; the same words about the patient
    /// still count.
    @Test(arguments: [
        ("Dural calcification is common in older adults.", FindingStatus.notMentioned),
        ("Calcification of the falx is a common finding with advancing age.", .notMentioned),
        ("Falcine calcification has been described in basal cell naevus syndrome.", .notMentioned),
        ("Dural calcification is associated with chronic renal failure.", .notMentioned),
        ("Falcine calcification, common in this age group.", .present),
        ("There is falcine calcification.", .present),
        ("Calcification is seen along the falx.", .present),
    ])
    func genericStatements(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test(arguments: [
        "FINDINGS: Falcine calcification. Dural thickening is common in intracranial hypotension.",
        "FINDINGS: Falcine calcification. Pachymeningeal enhancement is associated with intracranial hypotension.",
        "FINDINGS: Falcine calcification. Dural enhancement has been described in intracranial hypotension.",
    ])
    func whatAFindingMeansInGeneralIsNotAFinding(_ text: String) {
        let f = facts(text)
        #expect(f.duralCalcification == .present)
        #expect(f.status(.intracranialHypotension) == .notMentioned, "\(text)")
        #expect(f.status(.duralThickening) == .notMentioned && f.status(.duralEnhancement) == .notMentioned, "\(text)")
    }

    /// "These appearances may be seen in X" hedges this patient's finding: X is uncertain.
    @Test func appearancesMayBeSeenInHedgesThePatientsFinding() {
        let f = facts(
            "FINDINGS: Falcine calcification. Diffuse pachymeningeal enhancement; appearances may be seen in intracranial hypotension."
        )
        #expect(f.status(.duralEnhancement) == .present && f.status(.intracranialHypotension) == .uncertain)
    }

    /// A symptom that has settled is resolved: absent, also beside an earlier mention of it.
    @Test(arguments: [
        ("HISTORY: Headache, now settled.\nFINDINGS: Falcine calcification.", SymptomStatus.absent),
        ("HISTORY: Headaches which have since settled.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Headache for two weeks, has now subsided.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Headache, not settling.\nFINDINGS: Falcine calcification.", .present),
        ("HISTORY: Worsening headache.\nFINDINGS: Falcine calcification.", .present),
    ])
    func resolvedSymptoms(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.headache) == expected, "\(text)")
    }

    /// Examination statements deny the deficits they cover.
    @Test(arguments: [
        ("HISTORY: Headache. CN II-XII grossly intact.\nFINDINGS: Falcine calcification.", SymptomStatus.absent),
        ("HISTORY: Headache. Power 5/5 throughout.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Headache. Cranial nerves intact, no pronator drift.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Headache. Moving all four limbs.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Left arm weakness, power 3/5.\nFINDINGS: Falcine calcification.", .present),
        ("HISTORY: Headache.\nFINDINGS: Falcine calcification.", .notMentioned),
    ])
    func examinationStatements(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.focalDeficit) == expected, "\(text)")
    }

    @Test(arguments: [
        ("HISTORY: Shaking episodes overnight.\nFINDINGS: Falcine calcification.", SymptomStatus.present),
        ("HISTORY: Convulsion at home.\nFINDINGS: Falcine calcification.", .present),
        ("HISTORY: Jerking episodes of the left arm.\nFINDINGS: Falcine calcification.", .present),
        ("HISTORY: Shaking hands, tremor.\nFINDINGS: Falcine calcification.", .notMentioned),
    ])
    func seizureWording(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.seizure) == expected, "\(text)")
    }

    /// Hedges in other words; a firm statement beside them stays present.
    @Test(arguments: [
        ("Tentorial density which might reflect calcification.", FindingStatus.uncertain),
        ("Linear density along the falx, which could indicate calcification.", .uncertain),
        ("Hyperdensity along the falx that cannot be distinguished from calcification.", .uncertain),
        ("Falcine calcification, which might reflect prior haemorrhage.", .present),
    ])
    func hedges(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    /// Ossification of the falx is dural calcification for this audit; osseous structures are not.
    @Test(arguments: [
        ("Osseous metaplasia of the falx cerebri.", FindingStatus.present),
        ("Ossification of the falx.", .present),
        ("Ossified falx.", .present),
        ("The osseous structures near the tentorium are normal.", .notMentioned),
    ])
    func ossification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// Negation across a list that follows a normality statement about a dural subject.
@Suite struct NegatedListAfterNormalityTests {
    @Test(arguments: [
        "FINDINGS: The meninges and venous sinuses are normal, without calcification or thickening.",
        "FINDINGS: The dura and venous sinuses are unremarkable, with no enhancement, thickening or calcification.",
        "FINDINGS: The dura is normal, without calcification.",
        "FINDINGS: Falx and tentorium unremarkable, no thickening or calcification.",
    ])
    func theListSpeaksOfTheSubject(_ text: String) {
        #expect(facts(text).duralCalcification == .absent, "\(text)")
    }

    @Test func everyFindingOfTheListIsNegated() {
        let f = facts("FINDINGS: The dura is unremarkable, with no enhancement, thickening or calcification.")
        #expect(f.duralCalcification == .absent)
        #expect(f.status(.duralThickening) == .absent && f.status(.duralEnhancement) == .absent)
    }

    @Test(arguments: [
        ("FINDINGS: The dura is normal. Calcification of the basal ganglia.", FindingStatus.notMentioned),
        ("FINDINGS: Normal falx, calcification of the pineal gland.", .notMentioned),
        ("FINDINGS: No falx or tentorial calcification.", .absent),
        ("FINDINGS: Normal, dense calcification along the falx.", .present),
    ])
    func nearMissesKeepTheirReading(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }
}

/// Hedges in real syntax: a glued "?", a differential after a comma, an artefact as the other reading.
@Suite struct DifferentialHedgeTests {
    @Test(arguments: [
        ("FINDINGS: ?calcification ?artefact along the falx.", FindingStatus.uncertain),
        ("FINDINGS: Falcine density, calcification or partial volume.", .uncertain),
        ("FINDINGS: Tentorial hyperdensity, calcification vs. artefact.", .uncertain),
        ("FINDINGS: A small focus on the convexity dura, calcification or a tiny haemorrhage.", .uncertain),
        ("FINDINGS: Linear density along the falx, calcification or artefact.", .uncertain),
        ("FINDINGS: No mass, haemorrhage or calcification along the falx.", .absent),
        ("FINDINGS: Calcification along the falx, tentorium and petroclinoid ligaments.", .present),
        ("FINDINGS: Falcine calcification, which was not present on the prior study.", .present),
    ])
    func hedges(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    /// A hedge on the one item before ", and" does not reach the statement after it; a hedged list
    /// ("suggestive of A, B, and C") and a hedge with no comma before the target stay hedged.
    @Test(arguments: [
        (
            "FINDINGS: Bilateral parieto-occipital white matter hypodensity, suggestive of PRES, and extensive calcification of the falx and tentorium.",
            FindingStatus.present
        ),
        ("FINDINGS: Possible small meningioma, and dense calcification along the falx.", .present),
        ("FINDINGS: Appearances are likely post-surgical, and there is calcification of the falx.", .present),
        ("FINDINGS: Possible haemorrhage, oedema, and dural calcification.", .uncertain),
        ("FINDINGS: Possible calcification of the falx, and mild atrophy.", .uncertain),
        ("FINDINGS: Suggestive of calcification along the falx and tentorium.", .uncertain),
    ])
    func aHedgeEndsWhereANewStatementStarts(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test func aDifferentialOfThrombosisIsUncertain() {
        let f = facts("FINDINGS: Hyperdensity along the straight sinus, thrombosis or haemoconcentration.")
        #expect(f.status(.venousSinusThrombosis) == .uncertain)
    }

    /// Negation after the finding, also when the sentence says "new"; a comparison with the prior
    /// still makes a finding new.
    @Test func postPosedNegationWithNew() {
        // "New X was not present" is "no new X" (docs/labelling.md): it says nothing of X.
        #expect(
            facts("FINDINGS: Falcine calcification. New dural enhancement was not present.").status(.duralEnhancement)
                == .notMentioned)
        #expect(facts("FINDINGS: Falcine calcification. Dural enhancement was not present.").status(.duralEnhancement) == .absent)
        let compared = facts("FINDINGS: Falcine calcification, which was not present on the prior study.")
        #expect(compared.duralCalcification == .present && compared.temporality == .new)
    }
}

/// Writers hyphenate prefixes the lexicon spells closed; pairs the lexicon knows as two words stay.
@Suite struct HyphenatedWordingTests {
    @Test(arguments: [
        "FINDINGS: Falcine calcification. Peri-ventricular hypo-densities.",
        "FINDINGS: Falcine calcification. Mild leuko-araiosis.",
        "FINDINGS: Falcine calcification. Peri-ventricular white matter hypo-densities.",
    ])
    func hyphenatedPrefixesAreTheClosedWord(_ text: String) {
        #expect(facts(text).status(.whiteMatterLesions) == .present, "\(text)")
    }

    @Test func offsetsStayThoseOfTheText() throws {
        let text = "FINDINGS: Peri-ventricular hypo-densities. Dense calcification of the falx."
        let reading = extractor.read(Array(text.utf8))
        #expect(reading.facts.duralCalcification == .present)
        let evidence = try #require(reading.evidence)
        let scalars = Array(text.unicodeScalars)
        let quoted = String(String.UnicodeScalarView(scalars[evidence.scalarRange]))
        #expect(quoted.hasPrefix("calcification"), "\(quoted)")
    }

    @Test func wordPairsTheLexiconKnowsStay() {
        #expect(facts("FINDINGS: Falcine calcification. Small-vessel ischaemic change.").status(.whiteMatterLesions) == .present)
        #expect(facts("FINDINGS: Dense calcification of the falx. No extra-axial collection.").duralCalcification == .present)
    }
}

/// Flattened dictation: one unpunctuated run of statements, where a negation or hedge governs the
/// words right after it (or a list joined by "or" / "and"), not everything that follows.
@Suite struct FlattenedDictationTests {
    static let lead = "ct head without contrast history 66 year old male syncope comparison none findings "

    @Test(arguments: [
        (
            "no intracranial hemorrhage no mass effect small calcified plaque along the right tentorial leaflet ventricles normal for age impression no acute abnormality",
            FindingStatus.present
        ),
        (
            "no fracture no intracranial haemorrhage thin falcine calcification noted pineal calcification fluid level in the sphenoid sinus",
            .present
        ),
        ("no acute haemorrhage no dural calcification ventricles and sulci normal for age no extra axial collection", .absent),
        (
            "no acute haemorrhage mass or falcine calcification ventricles and sulci normal for age no extra axial collection",
            .absent
        ),
        (
            "possible falcine calcification ventricles and sulci normal for age no extra axial collection no midline shift",
            .uncertain
        ),
        // A denied list whose last join comes after the target: the target is inside the list.
        (
            "normal grey white differentiation no acute infarct hemorrhage extra axial collection dural calcification or mass ventricles normal size basal cisterns patent",
            .absent
        ),
        (
            "no fracture haemorrhage midline shift falcine calcification nor hydrocephalus ventricles normal for age",
            .absent
        ),
        // Near misses: a target farther than the list's reach, or with no list going on after it.
        (
            "no acute infarct hemorrhage extra axial collection ventricles normal size basal cisterns patent dense falcine calcification or ossification noted",
            .present
        ),
        (
            "no acute infarct hemorrhage extra axial collection dural calcification ventricles normal size basal cisterns patent bones intact",
            .present
        ),
    ])
    func scopeInARunOnSentence(_ body: String, _ expected: FindingStatus) {
        let text = Self.lead + body
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    /// A punctuated sentence keeps the clause-long scope.
    @Test func punctuatedTextKeepsItsScope() {
        #expect(
            facts("FINDINGS: No acute haemorrhage, mass effect, midline shift or dural calcification.").duralCalcification
                == .absent)
    }

    /// A question put to the clinician asserts nothing.
    @Test func correlateWithAnyHistoryOfIsAQuestion() {
        let f = facts("IMPRESSION: Falcine calcification. Correlate with any history of CSF leak.")
        #expect(f.status(.intracranialHypotension) == .notMentioned)
    }
}

/// Ages as real reports write them, and numbers that are not ages.
@Suite struct AgeWordingTests {
    @Test(arguments: [
        ("CT BRAIN Clinical:62years female,known ESRD.", 62 as Int?),
        ("Clinicalhistory:44yearold male,memory problems.", 44),
        ("HISTORY: 58 y.o. F with a known fistula.", 58),
        ("Clinical details: Seventy-three year old woman. Confusion.", 73),
        ("History: a forty five year old man with headache.", 45),
        ("ct brain 55 f sudden onset slurred speech", 55),
        ("Hx 60 M on HD for ESRD, confusion.", 60),
        ("mri head 58 male headaches query intracranial hypotension", 58),
        ("FINDINGS: 3 mm focus; 2 male siblings with epilepsy.", nil),
        ("FINDINGS: A 14 mm calcified plaque along the falx.", nil),
        ("FINDINGS: Falx 5 f lesions.", nil),
        // The sex letter right after the years; a table's age cell.
        ("Site: Riverside ED   Exam: CT brain   Pt: 47 y F", 47),
        ("Clinical: 52 yr F. CKD stage 4.", 52),
        ("| Patient age | 45 |\n| Haemorrhage | None |", 45),
        ("FINDINGS: Follow-up in 2 years. Falx 3 mm.", nil),
    ])
    func age(_ text: String, _ expected: Int?) {
        #expect(facts(text).age == expected, "\(text)")
    }
}

/// In flattened dictation the words around a recommendation decide it, not the whole report.
@Suite struct FlattenedRecommendationTests {
    @Test(arguments: [
        (
            "clinical details 58 year old man severe headache after lumbar puncture last week findings smooth dural thickening over both convexities falcine calcification noted no haemorrhage no hydrocephalus conclusion features of intracranial hypotension mri brain with contrast has been booked",
            "mri_contrast"
        ),
        (
            "ct brain 55 f slurred speech 2 hours ago no headache findings no haemorrhage the tentorium is calcified bilaterally impression possible early infarct ct angiography performed at the same sitting please see separate report",
            "angiography"
        ),
        (
            "clinical 50 year old woman headaches for a month findings calcification of the falx new compared with 2022 no subdural collection impression new falx calcification follow up ct in 6 months recommended",
            "follow_up_imaging"
        ),
        (
            "clinical 50 year old woman if symptoms persist she will return findings calcification of the falx no subdural collection no brain sagging identified no hydrocephalus impression incidental falx calcification mri brain recommended",
            "mri"
        ),
    ])
    func recommendation(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }
}

/// Atrophy of a nerve, muscle or gland is not brain atrophy; brain atrophy beside it still is.
@Suite struct AtrophyWordSenseTests {
    @Test(arguments: [
        ("FINDINGS: Left optic nerve atrophy. Falcine calcification.", FindingStatus.notMentioned),
        ("FINDINGS: Bilateral parotid atrophy. Falcine calcification.", .notMentioned),
        ("FINDINGS: Bilateral temporalis muscle atrophy. Falcine calcification.", .notMentioned),
        ("FINDINGS: Atrophy of the left optic nerve. Falcine calcification.", .notMentioned),
        ("FINDINGS: Generalised cerebral atrophy. Falcine calcification.", .present),
        ("FINDINGS: Mild atrophy. Optic nerves normal. Falcine calcification.", .present),
        ("FINDINGS: Parotid atrophy and generalised atrophy of the brain. Falcine calcification.", .present),
    ])
    func atrophy(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.atrophy) == expected, "\(text)")
    }
}

/// A stated resolution outranks the earlier mention of the symptom it resolves.
@Suite struct ResolvedSymptomTests {
    @Test(arguments: [
        (
            "HISTORY: Two generalised convulsions. At three months there have been no further seizures on levetiracetam.\nFINDINGS: Falcine calcification.",
            SymptomStatus.absent
        ),
        ("HISTORY: First seizure in May; has remained seizure-free on lamotrigine.\nFINDINGS: Falcine calcification.", .absent),
        ("HISTORY: Seizure this morning.\nFINDINGS: Falcine calcification.", .present),
        ("HISTORY: Seizure this morning, a second seizure in the department.\nFINDINGS: Falcine calcification.", .present),
    ])
    func seizure(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.seizure) == expected, "\(text)")
    }
}

/// Text extracted from a PDF that runs words together: once several long unknown words split whole
/// into lexicon words, every unknown word that does is read as its words; ordinary prose with one
/// such word, and words that do not split whole, are left as written.
@Suite struct GluedWordsTests {
    static let glued = """
        NEURORADIOLOGYREPORT Patient:XXXX Age:64 Exam:MRIBrainw/o&wcontrast
        Clinicalhistory:Memoryloss,ongoingfor 8months.Nofocaldeficit.
        Findings:Mildcalcificationofthe falxandtentoriumwith correspondingsusceptibility onSWI. Noabnormalenhancement.
        Impression:Duralcalcification(falx/tentorium),incidental.
        """

    @Test func aGluedReportIsReadAsItsWords() {
        let f = facts(Self.glued)
        #expect(f.duralCalcification == .present)
        #expect(f.locations.contains(.falx) && f.locations.contains(.tentorium))
        #expect(f.status(.duralEnhancement) == .absent)
        #expect(f.status(.focalDeficit) == .absent)
    }

    @Test func thePiecesKeepTheTextsOffsets() throws {
        let reading = extractor.read(Array(Self.glued.utf8))
        let doc = reading.document
        let words = doc.tokens.map { String(decoding: doc.text[$0.range], as: UTF8.self) }
        let i = try #require(words.firstIndex(of: "Mild"))
        #expect(Array(words[i..<(i + 4)]) == ["Mild", "calcification", "of", "the"])
        #expect(doc.tokens[i].end == doc.tokens[i + 1].start)
    }

    @Test func aWordWithAKnownPrefixSplitsToo() {
        let f = facts(
            "CTHEAD WITHOUTCONTRAST\nClinicalhistory:Confusion,fall.\nFindings:Noacute intracranialhaemorrhage.Calcifiedfalx cerebri.Nomass effect."
        )
        #expect(f.duralCalcification == .present && f.locations == [.falx])
    }

    @Test func ordinaryProseIsLeftAsWritten() {
        // One long word that would split ("notwithstanding" → not with standing) is not a glued text.
        let f = facts("FINDINGS: Notwithstanding the motion, there is dense calcification of the falx.")
        #expect(f.duralCalcification == .present)
        let reading = extractor.read(Array("FINDINGS: Nocalcificationofthefalx. Normal ventricles.".utf8))
        #expect(reading.document.tokens.count == 7)
    }
}

/// A bridged sella is the interclinoid ligaments calcified across the sella: dural calcification at
/// the petroclinoid site, however the sentence is ordered.
@Suite struct BridgedSellaTests {
    @Test(arguments: [
        ("FINDINGS: The sella is bridged. Pituitary fossa not expanded.", FindingStatus.present),
        ("FINDINGS: Bridged sella. No mass.", .present),
        ("FINDINGS: Sella turcica bridging is noted.", .present),
        ("FINDINGS: The sella turcica is bridged.", .present),
        ("FINDINGS: The sella is normal in size. No mass.", .notMentioned),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        let f = facts(text)
        #expect(f.duralCalcification == expected, "\(text)")
        if expected == .present { #expect(f.locations == [.petroclinoid], "\(text)") }
    }
}

/// A table cell holding only a denial denies its row's label; a "Yes" cell and the other rows keep
/// their reading.
@Suite struct TableCellDenialTests {
    static let table = """
        Finding                       | Result
        Haemorrhage                   | None
        Dural calcification           | Yes - falx
        Venous sinus thrombosis       | No
        Dural enhancement             | no
        """

    @Test func aDenyingCellDeniesItsRow() {
        let f = facts("CT HEAD\n" + Self.table)
        #expect(f.duralCalcification == .present)
        #expect(f.status(.venousSinusThrombosis) == .absent)
        #expect(f.status(.duralEnhancement) == .absent)
    }

    /// A table after the clinical question's line is the findings, not the question.
    @Test func aTableAfterTheIndicationIsTheFindings() {
        let f = facts(
            "CT HEAD\nPatient age: 68 | Sex: F | Indication: headache\n------------\n" + Self.table
                + "\nConclusion: no acute abnormality.")
        #expect(f.duralCalcification == .present && f.status(.venousSinusThrombosis) == .absent)
        #expect(f.status(.headache) == .present)
    }

    @Test func theRowAboveADenialKeepsItsReading() {
        let f = facts("CT HEAD\nDural calcification | Yes\nVenous sinus thrombosis | No")
        #expect(f.duralCalcification == .present && f.status(.venousSinusThrombosis) == .absent)
    }
}
