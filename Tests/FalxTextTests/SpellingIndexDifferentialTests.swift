import FalxTestSupport
import Testing

@testable import FalxText

/// `SpellingIndex.correct` against `ReferenceSpelling` (brute-force one-byte deletions).
@Suite struct SpellingIndexDifferentialTests {
    /// Few letters, so words share prefixes, suffixes and deletions; case and non-ASCII bytes.
    static let letters: [UInt8] = Array("aeilnrst".utf8)
    static let noise: [UInt8] = Array("AEZq-1".utf8) + [0xC3, 0xA9, 0x80, 0xFF]

    /// One edit: a byte deleted, inserted, replaced, or two neighbours swapped.
    static func edit(_ rng: inout SplitMix64, _ word: [UInt8]) -> [UInt8] {
        var w = word
        let byte = rng.oneIn(3) ? rng.pick(noise) : rng.pick(letters)
        switch rng.below(4) {
        case 0 where !w.isEmpty: w.remove(at: rng.below(w.count))
        case 1: w.insert(byte, at: rng.below(w.count + 1))
        case 2 where !w.isEmpty: w[rng.below(w.count)] = byte
        default:
            if w.count >= 2 {
                let k = rng.below(w.count - 1)
                w.swapAt(k, k + 1)
            }
        }
        return w
    }

    static func randomWord(_ rng: inout SplitMix64, length: Int) -> [UInt8] {
        (0..<length).map { _ in rng.oneIn(25) ? rng.pick(noise) : rng.pick(letters) }
    }

    /// A word list with families of near-identical words (ambiguity), words differing only in
    /// case, short and non-ASCII words (never corrected to), and long words around the 40-byte cap.
    static func wordList(_ rng: inout SplitMix64) -> [([UInt8], Int32)] {
        var words: [[UInt8]] = []
        for _ in 0..<(1 + rng.below(rng.oneIn(5) ? 200 : 25)) {
            switch rng.below(10) {
            case 0 where !words.isEmpty: words.append(edit(&rng, rng.pick(words)))
            case 1 where !words.isEmpty:
                words.append(rng.pick(words).map { $0 >= 97 && $0 <= 122 && rng.oneIn(2) ? $0 - 32 : $0 })
            case 2: words.append(randomWord(&rng, length: 36 + rng.below(10)))
            case 3: words.append(randomWord(&rng, length: 3 + rng.below(5)))
            default: words.append(randomWord(&rng, length: 6 + rng.below(8)))
            }
        }
        // Unique ids in a shuffled order, so ids and list order differ.
        var ids = (0..<Int32(words.count)).map { $0 * 3 + 5 }
        for k in stride(from: ids.count - 1, to: 0, by: -1) { ids.swapAt(k, rng.below(k + 1)) }
        return Array(zip(words, ids))
    }

    /// A query: a word with zero, one or two edits, case changed, or random bytes.
    static func query(_ rng: inout SplitMix64, _ words: [([UInt8], Int32)]) -> [UInt8] {
        let word = rng.pick(words).0
        switch rng.below(8) {
        case 0: return word
        case 1: return edit(&rng, edit(&rng, word))
        case 2: return edit(&rng, word).map { $0 >= 97 && $0 <= 122 && rng.oneIn(2) ? $0 - 32 : $0 }
        case 3: return randomWord(&rng, length: 2 + rng.below(45))
        default: return edit(&rng, word)
        }
    }

    /// `correct` on `query` placed inside other bytes (the range does not start at 0).
    static func correct(_ index: SpellingIndex, _ query: [UInt8], _ rng: inout SplitMix64) -> Int32? {
        let before = randomWord(&rng, length: rng.below(5))
        let after = randomWord(&rng, length: rng.below(5))
        let buffer = before + query + after
        return buffer.withUnsafeBufferPointer { index.correct($0, before.count..<(before.count + query.count)) }
    }

    @Test func randomWordListsAgreeWithTheReference() {
        var failures = 0
        var corrected = 0
        var checked = 0
        for seed in UInt64(1)...400 {
            var rng = SplitMix64(seed: seed &* 0x51ED_270B)
            let words = Self.wordList(&rng)
            let minimumLength = rng.pick([8, 8, 8, 7, 9, 10])
            let index = SpellingIndex(words: words, minimumLength: minimumLength)
            let reference = ReferenceSpelling(words: words, minimumLength: minimumLength)
            for _ in 0..<150 {
                let q = Self.query(&rng, words)
                let got = Self.correct(index, q, &rng)
                let want = reference.correct(q)
                checked += 1
                if want != nil { corrected += 1 }
                if got != want {
                    failures += 1
                    if failures < 20 {
                        Issue.record(
                            "seed \(seed), minimum \(minimumLength): \(show(q)) gave \(String(describing: got)), want \(String(describing: want))"
                        )
                    }
                }
            }
        }
        #expect(failures == 0)
        // The cases are interesting: many queries are corrected.
        #expect(corrected * 10 > checked, "\(corrected) of \(checked) queries corrected")
    }

    /// The default lexicon's words: every Corpus word of 7+ bytes, and one-edit variants of every
    /// lexicon word.
    @Test func defaultLexiconOnTheCorpusAgreesWithTheReference() throws {
        let lexicon = DefaultLexicon.compiled
        let words = lexicon.idOfWord.filter { !$0.key.hasSuffix("*") }.sorted { $0.value < $1.value }.map {
            (Array($0.key.utf8), $0.value)
        }
        let reference = ReferenceSpelling(words: words)
        var queries: [[UInt8]] = []
        for (_, text) in try CorpusText.texts() {
            for t in Tokenizer.tokens(of: text) where t.kind == .word && t.length >= 7 { queries.append(Array(text[t.range])) }
        }
        var rng = SplitMix64(seed: 2026)
        for (word, _) in words where word.count >= 7 {
            for _ in 0..<6 { queries.append(Self.edit(&rng, word)) }
        }
        var failures = 0
        var corrected = 0
        for q in queries {
            let got = Self.correct(lexicon.spelling, q, &rng)
            let want = reference.correct(q)
            if want != nil { corrected += 1 }
            if got != want {
                failures += 1
                if failures < 20 { Issue.record("\(show(q)) gave \(String(describing: got)), want \(String(describing: want))") }
            }
        }
        #expect(failures == 0)
        #expect(queries.count > 10_000 && corrected > 1_000, "\(corrected) of \(queries.count) corrected")
    }

    /// The public, pointer-free form reads a word as its UTF-8 bytes, as the buffer form does.
    @Test func aWordGivenAsAStringIsCorrectedAsItsBytes() {
        let index = SpellingIndex(words: [(Array("calcification".utf8), 7), (Array("tentorium".utf8), 9)])
        #expect(index.correct("calcifcation") == 7)  // a letter missing
        #expect(index.correct("tentorim") == 9)
        #expect(index.correct("calcificaiton") == 7)  // two neighbours swapped
        #expect(index.correct("calcifixation") == nil)  // a substitution is never corrected
        for word in ["calcifcation", "tentorim", "calcificaiton", "calcifixation", "falx"] {
            let bytes = Array(word.utf8)
            #expect(index.correct(word) == bytes.withUnsafeBufferPointer { index.correct($0, 0..<$0.count) })
        }
    }
}
