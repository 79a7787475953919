import Testing
@testable import FalxText

@Suite struct BoundedCostTests {
    func work(_ text: String) -> (used: Int, mentions: [Mention]) {
        let doc = TextEngine(lexicon: testLexicon).analyze(Array(text.utf8))
        var meter = WorkMeter()
        let mentions = MentionFinder(lexicon: testLexicon).mentions(in: doc, meter: &meter)
        return (meter.used, mentions)
    }

    @Test func anUnpunctuatedRunIsCutAtTheLongestSentence() {
        let doc = TextEngine(lexicon: testLexicon).analyze(Array(String(repeating: "fever and cough ", count: 400).utf8))
        #expect(doc.sentences.count == (1200 + SentenceSplitter.maxTokens - 1) / SentenceSplitter.maxTokens)
        #expect(doc.sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens })
        // The pieces cover every token once, in order.
        #expect(doc.sentences.map(\.tokens.count).reduce(0, +) == 1200)
        #expect(zip(doc.sentences, doc.sentences.dropFirst()).allSatisfy { $0.tokens.upperBound == $1.tokens.lowerBound })
    }

    @Test func aCutFallsAfterACommaOrAtALineBreakInTheSecondHalf() {
        // Units of four tokens ("fever", "cough", "rash", ","): a comma ends every unit.
        let commas = TextEngine(lexicon: testLexicon).analyze(Array(String(repeating: "fever cough rash, ", count: 200).utf8))
        for s in commas.sentences.dropLast() {
            let last = commas.tokens[s.tokens.upperBound - 1]
            #expect(commas.text[Int(last.start)] == 0x2C)
            #expect(s.tokens.count > SentenceSplitter.maxTokens / 2)
        }
        // Lines joined into one sentence are cut at a line break.
        let lines = TextEngine(lexicon: testLexicon).analyze(Array(String(repeating: "fever cough rash\n", count: 200).utf8))
        #expect(lines.sentences.count > 1)
        #expect(
            lines.sentences.allSatisfy {
                lines.tokens[$0.tokens.lowerBound].flags.contains(.lineStart) || $0.tokens.lowerBound == 0
            })
    }

    @Test func sentencesUnderTheLimitAreUnchanged() {
        let long = "Findings: " + String(repeating: "fever, cough, ", count: 40) + "and rash. No fever."
        let doc = TextEngine(lexicon: testLexicon).analyze(Array(long.utf8))
        #expect(doc.sentences.count == 2)
        #expect(doc.sentences.allSatisfy { $0.tokens.count < SentenceSplitter.maxTokens })
        let (_, mentions) = analyse(long)
        #expect(mentions.filter { $0.concept == "fever" }.map(\.assertion) == Array(repeating: .affirmed, count: 40) + [.negated])
    }

    /// Work at 4N over work at N is at most five for each costly shape.
    @Test(arguments: [
        "no fever, cough or rash but ", "calcified falx ", "calcified falx\n", "possible fever not seen ",
        "no change in falx calcification ",
    ])
    func workGrowsLinearly(_ unit: String) {
        let small = work(String(repeating: unit, count: 500)).used
        let large = work(String(repeating: unit, count: 2000)).used
        #expect(small > 500)
        #expect(Double(large) / Double(small) <= 5, "\(unit): \(small) → \(large)")
    }

    /// A proximity walk stops `maxWalk` tokens from its anchor, and still joins its near sites.
    @Test func aProximityWalkIsBounded() {
        let (_, mentions) = work(String(repeating: "calcified falx ", count: 300))
        let stones = mentions.filter { $0.concept == "stone" }
        #expect(stones.count == 300)
        #expect(stones.allSatisfy { $0.tokens.count <= 2 * MentionFinder.maxWalk + 2 })
        #expect(stones.allSatisfy { $0.attributes == ["north"] })
    }

    @Test func theMeterStopsAtItsLimitAndWhenAsked() {
        var meter = WorkMeter(limit: 100)
        let first = meter.spend(50)
        let second = meter.spend(60)
        let third = meter.spend(0)
        #expect(first && !second && !third)
        #expect(meter.outcome == .overBudget)
        var asked = WorkMeter(shouldStop: { true })
        let stopped = !asked.spend(1)
        #expect(stopped)
        #expect(asked.outcome == .stopped)
        var free = WorkMeter()
        let unlimited = free.spend(Int.max / 2)
        #expect(unlimited)
        #expect(free.outcome == nil)
    }
}
