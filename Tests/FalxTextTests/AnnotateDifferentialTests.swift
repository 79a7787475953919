import FalxTestSupport
import Testing

@testable import FalxText

/// `CompiledLexicon.annotate` against `ReferenceAnnotator` (each token looked up in plain
/// dictionaries built from the Lexicon data).
@Suite struct AnnotateDifferentialTests {
    static let letters: [UInt8] = Array("acefilnorst".utf8)

    static func randomWord(_ rng: inout SplitMix64, length: Int) -> String {
        String(decoding: (0..<length).map { _ in rng.pick(letters) }, as: UTF8.self)
    }

    /// A lexicon whose words share prefixes with its wildcards (`cal*`, `calc*`, one-letter `c*`),
    /// has long words for spelling correction, non-ASCII and digit words, and words equal but for
    /// case. Those are kept under 8 bytes: `CompiledLexicon` lists the spelling words in
    /// Dictionary order, so which of two such long words a typo is corrected to is not fixed.
    static func randomLexicon(_ rng: inout SplitMix64) -> Lexicon {
        var pool: [String] = []
        for _ in 0..<(5 + rng.below(60)) {
            switch rng.below(12) {
            case 0 where !pool.isEmpty:
                // A wildcard over the start of an earlier word.
                let w = rng.pick(pool).filter { $0 != "*" }
                if !w.isEmpty { pool.append(String(w.prefix(1 + rng.below(min(w.count, 6)))) + "*") }
            case 1: pool.append(randomWord(&rng, length: 8 + rng.below(9)))
            case 2: pool.append(rng.pick(["caf\u{E9}", "na\u{EF}ve", "t2", "52m", "1.5", "*", "-", "x*", "\u{E9}t*"]))
            case 3 where !pool.isEmpty:
                let w = rng.pick(pool)
                if w.utf8.count < 8 { pool.append(w.uppercased()) }
            default: pool.append(randomWord(&rng, length: 1 + rng.below(7)))
            }
        }
        func phrase() -> [String] { (0..<(1 + rng.below(3))).map { _ in rng.pick(pool) } }
        var lexicon = Lexicon(name: "random")
        for _ in 0..<(1 + rng.below(20)) {
            lexicon.targets.append(.init(concept: "t", attribute: "", phrase: phrase()))
        }
        for _ in 0..<rng.below(10) {
            lexicon.classes.append(.init(wordClass: "c\(rng.below(3))", attribute: "", phrase: phrase()))
        }
        for _ in 0..<rng.below(6) {
            lexicon.modifiers.append(.init(category: .negated, direction: .forward, phrase: phrase(), window: 0))
        }
        for _ in 0..<rng.below(4) { lexicon.sectionHeaders.append((kind: .findings, phrase: phrase())) }
        for _ in 0..<rng.below(4) { lexicon.abbreviations.append(rng.pick(pool)) }
        return lexicon
    }

    /// Text from the lexicon's words, with case changes, one-letter typos, longer words that
    /// start with a wildcard's prefix, numbers, punctuation and non-ASCII bytes.
    static func randomText(_ rng: inout SplitMix64, _ lexicon: Lexicon) -> [UInt8] {
        let words = (lexicon.targets.flatMap(\.phrase) + lexicon.classes.flatMap(\.phrase)).map {
            $0.hasSuffix("*") && $0.count > 1 ? String($0.dropLast()) + randomWord(&rng, length: rng.below(4)) : $0
        }
        var text: [UInt8] = []
        for _ in 0..<(rng.below(80)) {
            var w = Array(rng.pick(words).utf8)
            switch rng.below(8) {
            case 0: w = w.map { $0 >= 97 && $0 <= 122 && rng.oneIn(2) ? $0 - 32 : $0 }
            case 1 where !w.isEmpty: w.remove(at: rng.below(w.count))
            case 2: w.insert(rng.pick(letters), at: rng.below(w.count + 1))
            case 3 where w.count >= 2:
                let k = rng.below(w.count - 1)
                w.swapAt(k, k + 1)
            case 4: w = Array(rng.pick(["12", "3.5", "\u{2013}", "\u{201C}", "y/o", "--", "\u{E9}", "\u{C0}"]).utf8)
            default: break
            }
            text += w
            text += Array(rng.pick([" ", " ", " ", ", ", ".\n", "\n\n", "-", "/", "\u{A0}"]).utf8)
        }
        return text
    }

    static func compare(
        _ lexicon: CompiledLexicon, _ reference: ReferenceAnnotator, _ text: [UInt8], _ context: String,
        failures: inout Int, counts: inout (tokens: Int, ids: Int, wildcards: Int)
    ) {
        var tokens = Tokenizer.tokens(of: text)
        let want = reference.annotate(tokens, in: text)
        lexicon.annotate(&tokens, in: text)
        for (t, w) in zip(tokens, want) {
            counts.tokens += 1
            if w.id >= 0 { counts.ids += 1 }
            if w.wildcard >= 0 { counts.wildcards += 1 }
            if t.id != w.id || t.wildcard != w.wildcard {
                failures += 1
                if failures < 20 {
                    Issue.record(
                        "\(context): token \(show(Array(text[t.range]))) got id \(t.id) wildcard \(t.wildcard), want id \(w.id) wildcard \(w.wildcard)"
                    )
                }
            }
        }
    }

    @Test func randomLexiconsAndTextsAgreeWithTheReference() {
        var failures = 0
        var counts = (tokens: 0, ids: 0, wildcards: 0)
        for seed in UInt64(1)...400 {
            var rng = SplitMix64(seed: seed &* 0x9E37_79B1)
            let source = Self.randomLexicon(&rng)
            let lexicon = CompiledLexicon(source)
            let reference = ReferenceAnnotator(source)
            #expect(reference.ids == lexicon.idOfWord, "word ids, seed \(seed)")
            for _ in 0..<5 {
                Self.compare(
                    lexicon, reference, Self.randomText(&rng, source), "seed \(seed)", failures: &failures, counts: &counts)
            }
        }
        #expect(failures == 0)
        #expect(counts.ids * 3 > counts.tokens && counts.wildcards * 20 > counts.tokens, "\(counts)")
    }

    @Test func defaultLexiconOnTheCorpusAgreesWithTheReference() throws {
        let lexicon = DefaultLexicon.compiled
        let reference = ReferenceAnnotator(DefaultLexicon.source)
        #expect(reference.ids == lexicon.idOfWord)
        var failures = 0
        var counts = (tokens: 0, ids: 0, wildcards: 0)
        for (name, text) in try CorpusText.texts() {
            Self.compare(lexicon, reference, text, name, failures: &failures, counts: &counts)
        }
        #expect(failures == 0)
        #expect(counts.tokens > 50_000 && counts.ids > 10_000 && counts.wildcards > 100, "\(counts)")
    }
}
