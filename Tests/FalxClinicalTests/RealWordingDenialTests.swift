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
