import FalxCore
import FalxText
import Testing
@testable import FalxClinical

let extractor = CaseFactsExtractor()

func facts(_ s: String) -> CaseFacts { extractor.read(Array(s.utf8)).facts }

@Suite struct DuralCalcificationTests {
    @Test(arguments: [
        ("FINDINGS: Dense calcification of the falx cerebri.", FindingStatus.present, "falx"),
        ("Falcine calcification is noted.", .present, "falx"),
        ("The falx is partially calcified.", .present, "falx"),
        ("Calcification of the falx, tentorium and petroclinoid ligaments.", .present, "falx;tentorium;petroclinoid"),
        ("Calcified dural plaques over both frontal convexities.", .present, "convexity"),
        ("Interclinoid ligament calcification.", .present, "petroclinoid"),
        ("Calcification at the falcotentorial junction.", .present, "falx;tentorium"),
        ("Calcification along the transverse sinus and adjacent tentorium.", .present, "tentorium"),
        ("Calcification along the right transverse sinus dura.", .present, "other"),
        ("Ossification of the falx.", .present, "falx"),
        ("Falcine calcifcation.", .present, "falx"),
        ("Tentorial calcificaiton, unchanged.", .present, "tentorium"),
        ("No acute haemorrhage, mass or dural calcification.", .absent, ""),
        ("The falx is not calcified.", .absent, ""),
        ("No evidence of dural calcification.", .absent, ""),
        ("Possible calcification along the falx.", .uncertain, "falx"),
        ("Hyperdensity along the falx may represent calcification or a small subdural haematoma.", .uncertain, "falx"),
        ("Falcine calcification versus subarachnoid blood.", .uncertain, "falx"),
        ("Dural calcification cannot be excluded.", .uncertain, ""),
        ("Pineal and choroid plexus calcification.", .notMentioned, ""),
        ("Calcified meningioma arising from the falx.", .notMentioned, ""),
        ("Calcified falx meningioma.", .notMentioned, ""),
        ("Calcified chronic right convexity subdural haematoma.", .notMentioned, ""),
        ("Hyperdense falx in keeping with subarachnoid haemorrhage.", .notMentioned, ""),
        ("Subfalcine herniation of 6 mm.", .notMentioned, ""),
        ("Atherosclerotic calcification of the carotid siphons.", .notMentioned, ""),
        ("Basal ganglia calcification. Falcine calcification.", .present, "falx"),
        ("Pineal and falcine calcification.", .present, "falx"),
        ("No new haemorrhage, extra-axial collection or dural calcification.", .notMentioned, ""),
        ("No interval change in the falcine calcification.", .present, "falx"),
        ("Dural-based calcifications along the falx.", .present, "falx"),
        ("Small dense focus along the falx, likely calcification.", .present, "falx"),
        ("Hyperdensity along the falx, possibly calcification.", .uncertain, "falx"),
        ("Calcification: falx and tentorium.", .present, "falx;tentorium"),
        ("Calcified dural-based mass along the falx.", .notMentioned, ""),
        ("falx calc.\nno bleed.", .present, "falx"),
        ("- calcified tentorium + falx.", .present, "falx;tentorium"),
        ("The reported dural calcification is not confirmed on thin sections.", .absent, ""),
        (
            "findings colon falcine calcification period no bleed period impression colon no acute abnormality period", .present,
            "falx"
        ),
        ("INDICATION: ?dural calcification on outside CT.\nFINDINGS: Normal brain.", .notMentioned, ""),
    ])
    func status(_ text: String, _ expected: FindingStatus, _ locations: String) {
        let f = facts(text)
        #expect(f.duralCalcification == expected, "\(text)")
        #expect(f.locations.map(\.rawValue).joined(separator: ";") == locations, "\(text)")
    }

    @Test(arguments: [
        ("Falcine calcification, unchanged from the prior CT.", DCTemporality.stable),
        ("Falcine calcification is again seen.", .stable),
        ("Previously described tentorial calcification.", .stable),
        ("Falcine calcification has increased since 2021.", .progressive),
        ("More extensive falcine calcification than on the prior study.", .progressive),
        ("New calcification along the falx, not present on the prior.", .new),
        ("Falcine calcification. Compare with the CT of 2020.", .unknown),
    ])
    func temporality(_ text: String, _ expected: DCTemporality) {
        #expect(facts(text).temporality == expected, "\(text)")
    }

    @Test func addendumOverridesTheBody() {
        let f = facts(
            "FINDINGS: Falcine calcification.\nADDENDUM: On thin reformats the falcine calcification is not seen; this is a parafalcine subdural haematoma."
        )
        #expect(f.duralCalcification == .absent)
    }

    @Test func evidenceCarriesSentenceAndScalarOffsets() throws {
        let text = "Clinical details: café worker.\nReport: Dense   falcine calcification."
        let r = extractor.read(Array(text.utf8))
        let e = try #require(r.evidence)
        #expect(e.sentence == "Dense falcine calcification.")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.scalarRange])) == "falcine calcification")
    }
}

@Suite struct FindingTests {
    @Test(arguments: [
        ("Periventricular white matter hypodensities.", Finding.whiteMatterLesions, FindingStatus.present),
        ("White matter lesions, possibly demyelinating.", .whiteMatterLesions, .present),
        ("Possibly ischaemic white matter hypodensities.", .whiteMatterLesions, .present),
        ("Chronic small vessel ischaemic change.", .whiteMatterLesions, .present),
        ("Grey-white matter differentiation is preserved.", .whiteMatterLesions, .notMentioned),
        ("Generalised cerebral volume loss.", .atrophy, .present),
        ("No significant atrophy.", .atrophy, .absent),
        ("The ventricles and sulci are prominent.", .atrophy, .present),
        ("Ventricles and sulci are normal for age.", .atrophy, .notMentioned),
        ("Smooth pachymeningeal thickening and enhancement.", .duralThickening, .present),
        ("Smooth pachymeningeal thickening and enhancement.", .duralEnhancement, .present),
        ("No abnormal enhancement.", .duralEnhancement, .absent),
        ("No abnormal parenchymal enhancement.", .duralEnhancement, .notMentioned),
        ("Leptomeningeal enhancement over the sulci.", .duralEnhancement, .notMentioned),
        ("Dura: unremarkable.", .duralThickening, .notMentioned),
        ("Thrombosis of the left transverse and sigmoid sinuses.", .venousSinusThrombosis, .present),
        ("The venous sinuses are patent.", .venousSinusThrombosis, .notMentioned),
        ("No evidence of venous sinus thrombosis.", .venousSinusThrombosis, .absent),
        ("Cord sign in the vein of Labbe, cortical vein thrombosis.", .corticalVeinThrombosis, .present),
        ("History of cortical vein thrombosis, now recanalised.", .corticalVeinThrombosis, .absent),
        (
            "History: sagittal sinus thrombosis 2023.\nFindings: The superior sagittal sinus is now fully recanalised.",
            .venousSinusThrombosis, .absent
        ),
        ("Engorged cortical veins over the left hemisphere.", .venousAbnormalityOther, .present),
        ("Hypoplastic left transverse sinus.", .venousAbnormalityOther, .notMentioned),
        ("The frontal sinus is prominent.", .venousAbnormalityOther, .notMentioned),
        ("Dural arteriovenous fistula with cortical venous reflux.", .davf, .present),
        ("Concerning for a dural arteriovenous fistula.", .davf, .uncertain),
        ("INDICATION: ?dAVF\nFINDINGS: Normal.", .davf, .notMentioned),
        ("If there is concern for dAVF, DSA could be performed.", .davf, .notMentioned),
        ("Her mother had a dural AV fistula.", .davf, .notMentioned),
        (
            "Brain sagging and bilateral subdural hygromas, in keeping with intracranial hypotension.", .intracranialHypotension,
            .present
        ),
        ("Pachymeningeal enhancement which may reflect intracranial hypotension.", .intracranialHypotension, .uncertain),
        ("Pachymeningeal enhancement which may reflect intracranial hypotension.", .duralEnhancement, .present),
        ("Subcortical calcifications in the right parietal lobe.", .subcorticalCalcification, .present),
        ("History: ESRD on HD via left arm AV fistula.", .davf, .notMentioned),
        ("Left transverse sinus AV fistula with cortical venous reflux.", .davf, .present),
        ("The calcified tentorial leaflets are thickened.", .duralThickening, .notMentioned),
    ])
    func finding(_ text: String, _ finding: Finding, _ expected: FindingStatus) {
        #expect(facts(text).status(finding) == expected, "\(text)")
    }
}

@Suite struct SymptomRenalAgeTests {
    @Test(arguments: [
        ("History: severe headache for 3 days.", Symptom.headache, SymptomStatus.present),
        ("History: denies headache.", .headache, .absent),
        ("History: denies headache.", .positionalHeadache, .notMentioned),
        ("History: headache worse on standing, relieved lying flat.", .positionalHeadache, .present),
        ("History: headache worse on standing, relieved lying flat.", .headache, .present),
        ("History: orthostatic headaches.", .positionalHeadache, .present),
        ("History: headache, worse in the morning.", .positionalHeadache, .notMentioned),
        ("History: blurred vision and diplopia.", .visualDisturbance, .present),
        ("History: increasing confusion.", .cognitiveChange, .present),
        ("History: first seizure.", .seizure, .present),
        ("History: left arm weakness.", .focalDeficit, .present),
        ("History: GCS 15, neurologically intact.", .focalDeficit, .absent),
        ("History: no focal neurological deficit.", .focalDeficit, .absent),
        ("History: asymptomatic.", .headache, .notMentioned),
        ("History: dizziness and syncope.", .focalDeficit, .notMentioned),
        ("History: headache. Impression: no intracranial cause for the headache.", .headache, .present),
        ("Clinical: Acute confusion, ?uraemic vs structural.", .cognitiveChange, .present),
        ("Indication: collapse ?seizure.", .seizure, .notMentioned),
        ("Clinical: GCS 15. No focal neuro.", .focalDeficit, .absent),
        ("History: presented with headache, which has now resolved.", .headache, .absent),
        ("History: presented with headache and papilloedema; headache resolved.", .headache, .absent),
        ("History: his wife tells the memory is getting worse.", .cognitiveChange, .present),
    ])
    func symptom(_ text: String, _ symptom: Symptom, _ expected: SymptomStatus) {
        #expect(facts(text).status(symptom) == expected, "\(text)")
    }

    @Test(arguments: [
        ("History: ESRD on haemodialysis.", SymptomStatus.present),
        ("History: CKD stage 4.", .present),
        ("History: renal transplant 2015.", .present),
        ("History: eGFR 25.", .present),
        ("History: eGFR >90.", .absent),
        ("History: no known renal disease.", .absent),
        ("History: normal renal function.", .absent),
        ("History: hypoparathyroidism.", .notMentioned),
        ("History: headache.", .notMentioned),
    ])
    func renal(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).renalDisease == expected, "\(text)")
    }

    @Test(arguments: [
        ("52-year-old man with headache.", Optional(52)),
        ("History: 52 y/o F, fall.", 52),
        ("History: 67yo female.", 67),
        ("History: 52M, collapse.", 52),
        ("History: F/67, headache.", 67),
        ("History: 72/M with confusion.", 72),
        ("History: 18-month-old with seizure.", 1),
        ("History: 6 week old, large head.", 0),
        ("Aged 81, memory loss.", 81),
        ("Age/Sex: 55 Y / M", 55),
        ("Referral: Male 29.\nGCS 15.", 29),
        ("Clinical information: Man, 44 years.", 44),
        ("Referral: F 55. Sister diagnosed with dementia at age 50.", 55),
        ("History: headache for 3 days.", nil),
        ("Nodule measures 5 mm.", nil),
    ])
    func age(_ text: String, _ expected: Int?) {
        #expect(facts(text).age == expected, "\(text)")
    }
}

@Suite struct RecommendationTests {
    @Test(arguments: [
        ("IMPRESSION: Falcine calcification. Recommend MRI brain with and without contrast.", "mri_contrast"),
        ("IMPRESSION: Suggest MR venogram.", "venography"),
        ("IMPRESSION: Consider MRI.", "mri"),
        ("IMPRESSION: Recommend CTA and, if positive, DSA.", "angiography"),
        ("IMPRESSION: If clinically indicated, MRI could be obtained to exclude a dAVF.", ""),
        ("IMPRESSION: MRI could be obtained if symptoms persist.", ""),
        ("IMPRESSION: Follow-up CT in 6 months is recommended.", "follow_up_imaging"),
        ("IMPRESSION: Recommend repeat CT brain in 24 hours.", "follow_up_imaging"),
        ("IMPRESSION: With no prior for comparison, repeat non-contrast CT in 6 hours is recommended.", "follow_up_imaging"),
        ("IMPRESSION: Recommend repeat DSA and neurointerventional review.", "angiography;neurosurgery_consult"),
        ("IMPRESSION: MRI is not required.", ""),
        ("IMPRESSION: Suggest non-contrast MRI brain including SWI.", "mri"),
        ("IMPRESSION: MRI is recommended as a baseline for surveillance.", "mri"),
        ("IMPRESSION: Clinical correlation is recommended.", "clinical_follow_up"),
        ("IMPRESSION: Referral to neurosurgery is suggested.", "neurosurgery_consult"),
        ("IMPRESSION: Consider neurology referral.", "neurology_consult"),
        ("IMPRESSION: No further imaging is required.", ""),
        ("IMPRESSION: Findings communicated to Dr Smith.", ""),
        ("TECHNIQUE: MRI with contrast.\nIMPRESSION: Falcine calcification.", ""),
        ("MRI BRAIN WITH CONTRAST\nFINDINGS: Falcine calcification.", ""),
    ])
    func recommends(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }
}

@Suite struct NegExTests {
    @Test func scoresATinyTable() {
        let tsv = """
            id\tconcept\tsentence\tgold\ttemporality\texperiencer\tconcept_in_sentence
            1\tedema\tExtremities reveal no peripheral cyanosis or EDEMA.\tNegated\tRecent\tPatient\ttrue
            2\tpneumonia\tFindings consistent with PNEUMONIA.\tAffirmed\tRecent\tPatient\ttrue
            3\tfever\tThe patient denies FEVER.\tNegated\tRecent\tPatient\ttrue
            4\tmass\tNot only a MASS but also effusion.\tAffirmed\tRecent\tPatient\ttrue
            """
        let r = NegExScorer.score(tsv: tsv)
        #expect(r.tp == 2 && r.tn == 2 && r.fp == 0 && r.fn == 0)
    }
}

@Suite struct LexiconFileTests {
    @Test func builtInLexiconParsesAndRoundTripsThroughTheFileFormat() throws {
        let parsed = try Lexicon.parse(ClinicalLexicon.defaultText)
        #expect(parsed.targets.count > 300)
        #expect(parsed.nearRules.contains { $0.concept == "dural_calcification" })
        // A researcher's edited copy: a new target concept works without code changes.
        let custom = try ClinicalLexicon.load(text: ClinicalLexicon.defaultText + "\ntarget headache: cephalea\n", name: "custom")
        let f = CaseFactsExtractor(lexicon: custom).read(Array("History: cephalea.".utf8)).facts
        #expect(f.status(.headache) == .present)
    }
}

/// A lexicon is checked against the names the clinical layer reads (ClinicalVocabulary).
@Suite struct LexiconVocabularyTests {
    func error(_ text: String, extending: Bool = false) -> LexiconError? {
        do {
            let base = extending ? ClinicalLexicon.standard.compiled.source : nil
            _ = try ClinicalLexicon.load(text: text, name: "t", extending: base)
            return nil
        } catch {
            return error as? LexiconError
        }
    }

    @Test func theBuiltInLexiconUsesOnlyKnownNames() throws {
        let source = try ClinicalLexicon.standardSource()
        for t in source.targets { #expect(ClinicalVocabulary.concepts.contains(t.concept), "\(t.concept)") }
        for w in ClinicalVocabulary.WordClass.allCases { #expect(source.classes.contains { $0.wordClass == w.rawValue }) }
    }

    @Test func everyKindOfUnknownNameIsRefusedWithItsLine() {
        let misspelt = error("# site wording\ntarget dural_calcifcation: falcine ossification\n", extending: true)
        #expect(misspelt?.line == 2)
        #expect(misspelt?.message.hasPrefix("unknown concept 'dural_calcifcation' (did you mean 'dural_calcification'?)") == true)
        #expect(error("class calc: calcif*\nclass site: falx\nnear dural_calcification: calc sight 6\n")?.line == 3)
        #expect(
            error("near dural_calcification: calc site 6 block nothing\n", extending: true)?.message.contains("'nothing'") == true
        )
        #expect(
            error("class site sagittal: sagittal\n", extending: true)?.message.hasPrefix("unknown attribute 'sagittal'") == true)
        #expect(error("class site falx+sagital: x\n", extending: true)?.message.hasPrefix("unknown attribute 'sagital'") == true)
        #expect(error("near rec.mri_contrst: mriword contrastword 6\n", extending: true)?.line == 1)
        #expect(error("# only a comment\n\n", extending: true)?.message.contains("no entries") == true)
        #expect(error("")?.line == 0)
        #expect(error("frobnicate x: y\n")?.message.contains("valid kinds") == true)
        // A replacing lexicon needs the classes the clinical layer reads.
        #expect(error("target headache: cephalea\n")?.message.contains("defines no class") == true)
    }

    @Test func anAddedFileExtendsTheBuiltInLexicon() throws {
        let added = try ClinicalLexicon.load(
            text: "name: site\ntarget dural_calcification falx: falcine hyperdensity\nnear davf: calc site 4\n", name: "site.lex",
            extending: ClinicalLexicon.standard.compiled.source)
        #expect(added.compiled.source.name == "falx-default-1.0+site")
        let facts = CaseFactsExtractor(lexicon: added).read(Array("FINDINGS: Falcine hyperdensity.".utf8)).facts
        #expect(facts.duralCalcification == .present && facts.locations == [.falx])
        let before = CaseFactsExtractor(lexicon: .standard).read(Array("FINDINGS: Falcine hyperdensity.".utf8)).facts
        #expect(before.duralCalcification == .notMentioned)
    }
}
