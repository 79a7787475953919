import Testing

@testable import FalxClinical

/// `statesResolution` searches ASCII phrases byte by byte; it must answer as the `String` search
/// (lower-cased phrase, substring) it replaced, for any phrase.
@Suite struct ResolutionWordsTests {
    static func reference(_ phrase: String) -> Bool {
        let lower = phrase.lowercased()
        return CaseFactsExtractor.resolutionWords.contains { lower.contains($0) }
    }

    @Test(arguments: [
        "no further", "No Further", "NO LONGER", "resolved", "Resolving", "has RESOLV", "settled", "subsided",
        "abated", "no recurrence", "No Recurrent", "no", "denies", "free of", "no  further", "nofurther",
        "resol", "", "no furthe", "unsettled", "no longer\r\nseen", "r\u{E9}solved", "no f\u{FC}rther", "SUBS\u{130}DED",
        "no further\u{301}", "\u{212A}no longer", "settled\u{0}", "no_further", "abated.",
    ])
    func answersAsTheStringSearch(_ phrase: String) {
        #expect(CaseFactsExtractor.statesResolution(phrase) == Self.reference(phrase))
    }

    @Test func randomPhrasesAnswerAsTheStringSearch() {
        let pieces = ["no ", "further", "longer", "resolv", "ed", " ", "SETTLED", "sub", "sided", "abat", "recurren", "x", "N"]
        var state: UInt64 = 42
        var positives = 0
        for _ in 0..<2000 {
            var phrase = ""
            for _ in 0..<4 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                phrase += pieces[Int(state >> 33) % pieces.count]
            }
            let expected = Self.reference(phrase)
            #expect(CaseFactsExtractor.statesResolution(phrase) == expected, "\(phrase)")
            if expected { positives += 1 }
        }
        #expect(positives > 100 && positives < 1900)
    }
}
