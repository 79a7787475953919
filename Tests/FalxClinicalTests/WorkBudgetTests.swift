import FalxCore
import Testing
@testable import FalxClinical
@testable import FalxText

/// Texts built so that a naive engine's work grows faster than their length (issue 17).
enum CostlyShape: String, CaseIterable, CustomStringConvertible {
    /// One long sentence of negated lists.
    case negatedLists
    /// "calcified falx " repeated, no full stop.
    case calcifiedFalxRun
    /// Lines of "calcified falx" without punctuation (joined into one sentence).
    case calcifiedFalxLines
    /// Conditional recommendations in one sentence.
    case conditionalRecommendations

    var description: String { rawValue }

    /// The text with `units` repetitions of the shape's unit.
    func text(units: Int) -> String {
        switch self {
        case .negatedLists:
            "FINDINGS: "
                + String(repeating: "no falx, tentorium or dural calcification, thickening or enhancement ", count: units)
        case .calcifiedFalxRun: "FINDINGS: " + String(repeating: "calcified falx ", count: units)
        case .calcifiedFalxLines: "FINDINGS:\n" + String(repeating: "calcified falx\n", count: units)
        case .conditionalRecommendations:
            "RECOMMENDATION: " + String(repeating: "consider MRI if symptoms persist and CT angiography ", count: units)
        }
    }

    /// The work units spent reading the text with `units` repetitions.
    func work(units: Int) -> Int {
        var meter = WorkMeter()
        _ = extractor.read(Array(text(units: units).utf8), meter: &meter)
        return meter.used
    }
}

@Suite struct LinearCostTests {
    /// Four times the text costs about four times the work (at most five), for each shape, from a
    /// size well past the longest sentence.
    @Test(arguments: CostlyShape.allCases)
    func workGrowsLinearly(_ shape: CostlyShape) {
        let small = shape.work(units: 400)
        let large = shape.work(units: 1600)
        #expect(small > 400)
        #expect(Double(large) / Double(small) <= 5, "\(shape): \(small) → \(large) units")
    }

    /// The work per byte of a costly shape stays well under the budget's allowance per byte.
    @Test(arguments: CostlyShape.allCases)
    func costlyShapesStayWithinTheBudget(_ shape: CostlyShape) {
        let bytes = shape.text(units: 1600).utf8.count
        #expect(shape.work(units: 1600) < bytes * WorkMeter.unitsPerByte / 2)
    }

    @Test func everyItemOfANegatedListIsNegated() {
        let reading = extractor.read(Array("No falx, tentorium or dural calcification.".utf8))
        let dural = reading.mentions.filter { $0.concept == "dural_calcification" }
        #expect(!dural.isEmpty)
        #expect(dural.allSatisfy { $0.assertion == .negated })
        #expect(reading.facts.duralCalcification == .absent)
    }

    @Test func aLongNegatedListIsNegatedToItsEnd() {
        let items = "haemorrhage, mass, midline shift, hydrocephalus, infarct, extra-axial collection, "
        let text = "No " + String(repeating: items, count: 2) + "or dural calcification."
        #expect(facts(text).duralCalcification == .absent)
    }

    /// A negation reaches `forwardWindow` tokens at most: a finding far beyond it, with no full stop
    /// between, is not denied by it.
    @Test func aForwardCueStopsAtItsWindow() {
        let filler = String(repeating: "the ventricles are normal in size ", count: MentionFinder.forwardWindow / 6 + 2)
        #expect(facts("No haemorrhage " + filler + "with falcine calcification").duralCalcification == .present)
        #expect(facts("No haemorrhage or falcine calcification").duralCalcification == .absent)
    }

    /// Each unit of an unpunctuated run is read, across the cuts of the sentence.
    @Test func aRunCutIntoPiecesKeepsEveryMention() {
        for shape in [CostlyShape.calcifiedFalxRun, .calcifiedFalxLines] {
            let reading = extractor.read(Array(shape.text(units: 1000).utf8))
            #expect(reading.document.sentences.count > 1)
            #expect(reading.document.sentences.allSatisfy { $0.tokens.count <= SentenceSplitter.maxTokens })
            #expect(reading.mentions.filter { $0.concept == "dural_calcification" }.count == 1000)
            #expect(reading.facts.duralCalcification == .present)
            #expect(reading.facts.locations == [.falx])
        }
        let negated = extractor.read(Array(CostlyShape.negatedLists.text(units: 1000).utf8))
        #expect(negated.facts.duralCalcification == .absent)
        #expect(negated.mentions.filter { $0.concept == "dural_calcification" }.allSatisfy { $0.assertion == .negated })
    }

    @Test func aReadingOverBudgetIsAbandoned() {
        var meter = WorkMeter(limit: 1000)
        _ = extractor.read(Array(CostlyShape.negatedLists.text(units: 200).utf8), meter: &meter)
        #expect(meter.outcome == .overBudget)
        var roomy = WorkMeter(limit: WorkMeter.budget(forMaxTextBytes: 1 << 20))
        _ = extractor.read(Array(CostlyShape.negatedLists.text(units: 200).utf8), meter: &roomy)
        #expect(roomy.outcome == nil)
    }

    /// A stop request is seen within one poll interval of work, in the middle of a record.
    @Test func aStopRequestAbandonsTheRecordInHand() {
        var meter = WorkMeter(shouldStop: { true })
        _ = extractor.read(Array(CostlyShape.calcifiedFalxRun.text(units: 4000).utf8), meter: &meter)
        #expect(meter.outcome == .stopped)
        #expect(meter.used < CostlyShape.calcifiedFalxRun.work(units: 4000) / 2)
    }
}
