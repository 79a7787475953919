import FalxTestSupport
import Testing

@testable import FalxText

/// `TokenTrie` against `ReferenceTrie` (every phrase tried at every token).
@Suite struct TokenTrieDifferentialTests {
    static func token(id: Int32, wildcard: Int32) -> Token {
        var t = Token(start: 0, end: 1, kind: .word, flags: [])
        t.id = id
        t.wildcard = wildcard
        return t
    }

    /// Compares one trie with its reference on `tokens`: the longest match at every position and
    /// limit, greedy matches over random ranges, class masks and start classes.
    static func compare(
        _ trie: TokenTrie, _ reference: ReferenceTrie, _ tokens: [Token], _ rng: inout SplitMix64, _ context: String,
        failures: inout Int, matched: inout Int
    ) {
        func fail(_ message: String) {
            failures += 1
            if failures < 20 { Issue.record("\(context): \(message)") }
        }
        let n = tokens.count
        for start in 0..<n {
            for limit in Set([n, start + 1, min(n, start + 2), start + rng.below(n - start + 1)]) {
                let got = trie.longestMatch(tokens, at: start, limit: limit).map { ($0.end, Array($0.payloads)) }
                let want = reference.longest(tokens, at: start, limit: limit).map { ($0.end, reference.payloads($0.phrase)) }
                if got?.0 != want?.0 || got?.1 != want?.1 {
                    fail("longest at \(start) limit \(limit): \(String(describing: got)), want \(String(describing: want))")
                } else if want != nil {
                    matched += 1
                }
            }
            if trie.startClasses(tokens[start]) != reference.startClasses(tokens[start]) {
                fail(
                    "start classes at \(start): \(trie.startClasses(tokens[start])), want \(reference.startClasses(tokens[start]))"
                )
            }
        }
        var ranges = [0..<n]
        for _ in 0..<4 where n > 0 {
            let a = rng.below(n + 1)
            let b = rng.below(n + 1)
            ranges.append(min(a, b)..<max(a, b))
        }
        for range in ranges {
            let got = trie.matches(tokens, in: range).map { ($0.range, Array(trie.payloads($0.node)), trie.classMask[$0.node]) }
            let want = reference.matches(tokens, in: range).map { ($0.range, $0.payloads, reference.classBits($0.payloads)) }
            let same =
                got.count == want.count
                && zip(got, want).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }
            if !same { fail("matches in \(range): \(got), want \(want)") }
        }
    }

    @Test func randomPhrasesAndTokensAgreeWithTheReference() {
        var failures = 0
        var matched = 0
        for seed in UInt64(1)...500 {
            var rng = SplitMix64(seed: seed &* 0x2545_F491)
            // Few ids make shared prefixes, duplicates and forks common; some runs use many.
            let idCount = rng.oneIn(10) ? 500 + rng.below(3000) : 1 + rng.below(12)
            var phrases: [[Int32]] = []
            for _ in 0..<rng.below(rng.oneIn(10) ? 800 : 30) {
                if !phrases.isEmpty && rng.oneIn(4) {
                    // Extend or repeat an earlier phrase (shared prefixes, duplicate payloads).
                    var p = rng.pick(phrases)
                    if rng.oneIn(2) { p.append(Int32(rng.below(idCount))) }
                    phrases.append(p)
                } else {
                    let length = rng.oneIn(20) ? 0 : 1 + rng.below(rng.oneIn(5) ? 9 : 4)
                    phrases.append((0..<length).map { _ in Int32(rng.below(idCount)) })
                }
            }
            let classCount = 1 + rng.below(70)
            let classes = phrases.map { _ in Int32(rng.below(classCount + 1)) - 1 }
            let classOf: (Int32) -> Int32 = { classes[Int($0)] }
            let trie = TokenTrie(phrases, idCount: idCount, classOf: classOf)
            let reference = ReferenceTrie(phrases, classOf: classOf)
            // Tokens: mostly words of phrases (so phrases match), with wildcard ids on some.
            var tokens: [Token] = []
            let length = rng.oneIn(10) ? 0 : 1 + rng.below(40)
            while tokens.count < length {
                if !phrases.isEmpty && rng.oneIn(2) {
                    for word in rng.pick(phrases) {
                        let other = Int32(rng.below(idCount + 1)) - 1
                        tokens.append(
                            rng.oneIn(3)
                                ? Self.token(id: other, wildcard: word)
                                : Self.token(id: word, wildcard: rng.oneIn(4) ? other : -1))
                    }
                } else {
                    tokens.append(
                        Self.token(id: Int32(rng.below(idCount + 1)) - 1, wildcard: rng.oneIn(4) ? Int32(rng.below(idCount)) : -1)
                    )
                }
            }
            Self.compare(trie, reference, tokens, &rng, "seed \(seed)", failures: &failures, matched: &matched)
        }
        #expect(failures == 0)
        #expect(matched > 10_000, "\(matched) matches compared")
    }

    /// The default lexicon's four tries on every Corpus report, annotated by the real annotator.
    @Test func defaultLexiconOnTheCorpusAgreesWithTheReference() throws {
        let lexicon = DefaultLexicon.compiled
        let source = lexicon.source
        let ids = lexicon.idOfWord
        func phrases(_ list: [[String]]) throws -> [[Int32]] {
            try list.map { p in try p.map { try #require(ids[$0], "no id for \($0)") } }
        }
        var classIDs: [String: Int32] = [:]
        for c in source.classes where classIDs[c.wordClass] == nil { classIDs[c.wordClass] = Int32(classIDs.count) }
        let classOfEntry = source.classes.map { classIDs[$0.wordClass] ?? -1 }
        let tries: [(String, TokenTrie, ReferenceTrie)] = [
            ("targets", lexicon.targetTrie, ReferenceTrie(try phrases(source.targets.map(\.phrase)))),
            ("classes", lexicon.classTrie, ReferenceTrie(try phrases(source.classes.map(\.phrase))) { classOfEntry[Int($0)] }),
            ("modifiers", lexicon.modifierTrie, ReferenceTrie(try phrases(source.modifiers.map(\.phrase)))),
            ("headers", lexicon.headerTrie, ReferenceTrie(try phrases(source.sectionHeaders.map(\.phrase)))),
        ]
        var rng = SplitMix64(seed: 42)
        var failures = 0
        var matched = 0
        for (name, text) in try CorpusText.texts() {
            var tokens = Tokenizer.tokens(of: text)
            lexicon.annotate(&tokens, in: text)
            for (kind, trie, reference) in tries {
                Self.compare(trie, reference, tokens, &rng, "\(name) \(kind)", failures: &failures, matched: &matched)
            }
        }
        #expect(failures == 0)
        #expect(matched > 20_000, "\(matched) matches compared")
    }
}
