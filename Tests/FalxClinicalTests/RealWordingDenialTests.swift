import FalxCore
import Testing

@testable import FalxClinical

/// "No other X" denies X beyond what the report has already described: it negates X, and an X
/// affirmed elsewhere in the report still outranks it.
@Suite struct NoOtherDenialTests {
    @Test(arguments: [
        ("FINDINGS: Calcified falcine meningioma, 12 mm. No other dural or falcine calcification.", FindingStatus.absent),
        ("FINDINGS: Calcified meningioma of the tentorium. There is no other dural calcification.", .absent),
        ("FINDINGS: Densely calcified convexity meningioma. No other falcine or tentorial calcification.", .absent),
        ("FINDINGS: Falcine calcification. No other dural calcification.", .present),
        ("FINDINGS: Calcification of the falx. No other abnormality.", .present),
        ("FINDINGS: Tentorial calcification, 4 mm. No other intracranial calcification is seen.", .present),
    ])
    func duralCalcification(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test(arguments: [
        ("FINDINGS: Falcine calcification. Meningioma with a dural tail. No other dural thickening.", FindingStatus.absent),
        ("FINDINGS: Falcine calcification with dural thickening. No other dural thickening.", .present),
    ])
    func duralThickening(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.duralThickening) == expected, "\(text)")
    }
}

/// "Request:" and its kin head the clinical question, as "Indication:" does: a query there is the
/// referrer's, and the findings answer it.
@Suite struct RequestHeadingTests {
    @Test(arguments: [
        (
            "Request: 70 yo, ?falcine calcification seen on an outside skull radiograph, please characterise.\nFindings: The falx is normal. No falcine calcification.",
            FindingStatus.absent
        ),
        ("Clinical request: query dural calcification on outside CT.\nFindings: No dural calcification.", .absent),
        ("Referral details: ?falx calcification on sinus CT.\nFindings: Normal falx. No falcine calcification.", .absent),
        ("Request: ?falcine calcification on skull radiograph.\nFindings: Dense falcine calcification, 5 mm.", .present),
        ("Request: ?falcine calcification on skull radiograph.\nFindings: Normal ventricles.", .notMentioned),
    ])
    func queryInTheRequest(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).duralCalcification == expected, "\(text)")
    }

    @Test func symptomsInTheRequestStillCount() {
        let f = facts("Request: 58M, two weeks of headache, ?cause.\nFindings: Falcine calcification.")
        #expect(f.status(.headache) == .present)
        #expect(f.duralCalcification == .present)
    }
}

/// Advice in general, imaging the report advises against, and an addendum that withdraws a
/// recommendation by name are not the report's recommendation; the same imaging recommended
/// outright, or again after the withdrawal, still is.
@Suite struct RecommendationWithdrawnTests {
    @Test(arguments: [
        (
            "Non-contrast CT showed a hyperdense sinus. A hyperdense sinus on unenhanced CT may reflect thrombus or haemoconcentration, so venographic confirmation is generally advised.",
            ""
        ),
        ("In anticoagulated patients a low threshold for repeat imaging is generally recommended.", ""),
        ("FINDINGS: Falcine calcification. MR venography is usually recommended in this setting.", ""),
        ("FINDINGS: Falcine calcification. MR venography is recommended.", "venography"),
        (
            "IMPRESSION: dAVF cannot be excluded. CTA is recommended, with a low threshold for catheter angiography.",
            "angiography"
        ),
    ])
    func adviceInGeneral(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    @Test(arguments: [
        ("IMPRESSION: CT venogram recommended. Gadolinium-enhanced MRI should be avoided given her renal status.", "venography"),
        ("IMPRESSION: CT venogram recommended. Contrast-enhanced MRI is contraindicated (eGFR 18).", "venography"),
        ("IMPRESSION: Falcine calcification. Contrast MRI is not recommended; non-contrast MRI is suggested.", "mri"),
        ("IMPRESSION: Contrast-enhanced MRI is recommended; avoid if the eGFR falls below 30.", "mri_contrast"),
    ])
    func imagingAdvisedAgainst(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }

    @Test(arguments: [
        (
            "IMPRESSION: Parafalcine density. Recommend short-interval follow-up CT in 6 hours.\nADDENDUM: Outside CT reviewed, the density is unchanged since 2019. Follow-up CT is not required.",
            ""
        ),
        (
            "IMPRESSION: Possible tentorial calcification. MRI recommended.\nADDENDUM: Bone windows confirm volume averaging. MRI is not needed for this finding.",
            ""
        ),
        (
            "IMPRESSION: Possible tentorial calcification. MRI recommended.\nADDENDUM: MRI is not required urgently. Outpatient MRI is recommended.",
            "mri"
        ),
        (
            "IMPRESSION: Falcine calcification. MR venography recommended.\nADDENDUM: Follow-up CT is not required.",
            "venography"
        ),
    ])
    func addendumWithdrawsByName(_ text: String, _ expected: String) {
        #expect(facts(text).reportRecommends.map(\.rawValue).joined(separator: ";") == expected, "\(text)")
    }
}

/// "W/O" in an exam title ("CT HEAD W/O:", "ct brain w/o contrast") is the technique, not a denial
/// of what the history and findings state next; "w/o" before a finding still denies it.
@Suite struct WithoutInTheExamTitleTests {
    @Test(arguments: [
        (
            "CT HEAD W/O: Hx 52 yo F, dialysis pt, worst headache of life.\nFINDINGS: Falcine calcification.",
            SymptomStatus.present
        ),
        ("ct brain w/o contrast pt is a 60 y o female with headache findings falcine calcification", .present),
        ("MRI w/o and with contrast. History: headache for 3 weeks.\nFINDINGS: Falcine calcification.", .present),
        ("HISTORY: Dizziness w/o headache.\nFINDINGS: Falcine calcification.", .absent),
    ])
    func headache(_ text: String, _ expected: SymptomStatus) {
        #expect(facts(text).status(.headache) == expected, "\(text)")
    }

    @Test(arguments: [
        (
            "ct brain w/o contrast findings confluent periventricular white matter low density falx calcification",
            FindingStatus.present
        ),
        ("CT HEAD W/O: Periventricular white matter hypodensity. Falcine calcification.", .present),
        ("FINDINGS: Falcine calcification w/o periventricular white matter hypodensity.", .absent),
    ])
    func whiteMatter(_ text: String, _ expected: FindingStatus) {
        #expect(facts(text).status(.whiteMatterLesions) == expected, "\(text)")
    }
}
