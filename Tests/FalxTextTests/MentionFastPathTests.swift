import FalxTestSupport
import Testing

@testable import FalxText

/// The fast paths of the mention finder against the slow ways they replace: the cue index skips
/// its sort when the cues come in order, `apply` keeps the nearest cue per group on the stack, and
/// the stage profile's `matchedMentions` finds what `mentions` finds, without context.
@Suite struct MentionFastPathTests {
    /// The cue order of the index: every cue by first token, ties in list order (the full sort).
    static func referenceOrder(_ cues: [MentionFinder.Cue]) -> [Int] {
        cues.indices.sorted { (cues[$0].tokens.lowerBound, $0) < (cues[$1].tokens.lowerBound, $1) }
    }

    @Test func theCueIndexOrdersCuesAsTheFullSortDoes() throws {
        let lexicon = DefaultLexicon.compiled
        let engine = TextEngine(lexicon: lexicon)
        let finder = MentionFinder(lexicon: lexicon)
        var rng = SplitMix64(seed: 7)
        var sentences = 0
        var shuffled = 0
        for (name, text) in try CorpusText.texts() {
            let doc = engine.analyze(text)
            for sentence in doc.sentences {
                var index = MentionFinder.CueIndex()
                finder.cues(doc, sentence.tokens, into: &index.cues)
                guard !index.cues.isEmpty else { continue }
                sentences += 1
                index.build(range: sentence.tokens, reach: finder.scopeReach)
                #expect(index.byPosition == Self.referenceOrder(index.cues), "\(name)")
                // The same cues out of order take the sort.
                if index.cues.count > 1 {
                    var cues = index.cues
                    for i in cues.indices.reversed() { cues.swapAt(i, rng.below(i + 1)) }
                    index.cues = cues
                    index.build(range: sentence.tokens, reach: finder.scopeReach)
                    #expect(index.byPosition == Self.referenceOrder(cues), "\(name), shuffled")
                    shuffled += 1
                }
            }
        }
        #expect(sentences > 500 && shuffled > 100, "\(sentences) sentences, \(shuffled) shuffled")
    }

    @Test func matchedMentionsAreTheMentionsWithoutContext() throws {
        let lexicon = DefaultLexicon.compiled
        let engine = TextEngine(lexicon: lexicon)
        let finder = MentionFinder(lexicon: lexicon)
        var total = 0
        for (name, text) in try CorpusText.texts() {
            let doc = engine.analyze(text)
            let plain = finder.matchedMentions(in: doc)
            let full = finder.mentions(in: doc)
            #expect(plain.map(\.concept) == full.map(\.concept), "\(name)")
            #expect(plain.map(\.tokens) == full.map(\.tokens), "\(name)")
            #expect(plain.allSatisfy { $0.triggers.isEmpty && $0.assertion == .affirmed }, "\(name)")
            total += full.count
        }
        #expect(total > 1000)
    }

    @Test func analyzeIsItsStagesInTurn() throws {
        let lexicon = DefaultLexicon.compiled
        let engine = TextEngine(lexicon: lexicon)
        for (name, text) in try CorpusText.texts().prefix(200) {
            let normalised = DictationNormaliser.normalise(text, spoken: lexicon.spokenPunctuation)
            var tokens = Tokenizer.tokens(of: normalised)
            lexicon.annotate(&tokens, in: normalised)
            lexicon.joinHyphenated(&tokens, in: normalised)
            let staged = engine.structure(normalised, tokens)
            let whole = engine.analyze(text)
            #expect(staged.tokens == whole.tokens && staged.sections == whole.sections, "\(name)")
            #expect(staged.sentences == whole.sentences, "\(name)")
        }
    }
}
