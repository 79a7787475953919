import FalxTestSupport
import Testing

@testable import FalxText

/// `Vocabulary` against a Dictionary of case-folded keys (the first value of a key wins).
@Suite struct VocabularyDifferentialTests {
    /// Bytes that make keys collide, differ only in case, or carry non-ASCII and NUL bytes.
    static let alphabet: [UInt8] = Array("abAB01-".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xFF, 0x5B, 0x7B]

    static func randomKey(_ rng: inout SplitMix64, earlier: [[UInt8]]) -> [UInt8] {
        switch rng.below(8) {
        case 0: return []
        case 1 where !earlier.isEmpty:
            // An earlier key with its case flipped here and there (the same key, folded).
            return rng.pick(earlier).map { b in
                rng.oneIn(2) && ((b >= 65 && b <= 90) || (b >= 97 && b <= 122)) ? b ^ 0x20 : b
            }
        case 2 where !earlier.isEmpty:
            // An earlier key with a byte more or less at the end (shared prefixes).
            var k = rng.pick(earlier)
            if k.isEmpty || rng.oneIn(2) { k.append(rng.pick(alphabet)) } else { k.removeLast() }
            return k
        case 3:
            return (0..<(60 + rng.below(150))).map { _ in rng.pick(alphabet) }
        default:
            return (0..<(1 + rng.below(rng.oneIn(3) ? 12 : 4))).map { _ in rng.pick(alphabet) }
        }
    }

    /// A query near `key`: the key, its case flipped, or one byte changed, added or removed.
    static func nearMiss(_ rng: inout SplitMix64, _ key: [UInt8]) -> [UInt8] {
        var q = key
        switch rng.below(5) {
        case 0: break
        case 1: q = q.map { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) ? $0 ^ 0x20 : $0 }
        case 2 where !q.isEmpty: q[rng.below(q.count)] = rng.pick(alphabet)
        case 3: q.insert(rng.pick(alphabet), at: rng.below(q.count + 1))
        default: if !q.isEmpty { q.remove(at: rng.below(q.count)) }
        }
        return q
    }

    /// Looks `query` up from the middle of a padded buffer, so ranges not at 0 are used.
    static func lookup(_ v: Vocabulary, _ query: [UInt8], _ rng: inout SplitMix64) -> Int32? {
        let before = (0..<rng.below(4)).map { _ in rng.pick(alphabet) }
        let after = (0..<rng.below(4)).map { _ in rng.pick(alphabet) }
        let buffer = before + query + after
        return buffer.withUnsafeBufferPointer { v.value(in: $0, range: before.count..<(before.count + query.count)) }
    }

    @Test(arguments: [false, true])
    func randomKeysAgreeWithADictionary(polynomial: Bool) {
        var failures = 0
        for seed in UInt64(1)...300 {
            var rng = SplitMix64(seed: seed &* 7919 &+ (polynomial ? 1 : 0))
            // Small capacities make the table grow (and rehash) many times.
            var vocab = Vocabulary(capacity: 1 + rng.below(40), polynomial: polynomial)
            var reference: [[UInt8]: Int32] = [:]
            var keys: [[UInt8]] = []
            for _ in 0..<rng.below(rng.oneIn(4) ? 600 : 60) {
                let key = Self.randomKey(&rng, earlier: keys)
                let value = Int32(truncatingIfNeeded: Int64(bitPattern: rng.next()))
                keys.append(key)
                vocab.insert(key, value: value)
                if reference[referenceFold(key)] == nil { reference[referenceFold(key)] = value }
            }
            #expect(vocab.count == reference.count, "count, seed \(seed) polynomial \(polynomial)")
            var queries = keys.map { Self.nearMiss(&rng, $0) } + keys
            for _ in 0..<200 { queries.append(Self.randomKey(&rng, earlier: keys)) }
            for q in queries {
                let got = Self.lookup(vocab, q, &rng)
                let want = reference[referenceFold(q)]
                if got != want {
                    failures += 1
                    if failures < 20 {
                        Issue.record(
                            "seed \(seed) polynomial \(polynomial): \(show(q)) gave \(String(describing: got)), want \(String(describing: want))"
                        )
                    }
                }
            }
            // The lookup that leaves one byte out (spelling correction uses it), given the hash of
            // the key without that byte.
            for _ in 0..<200 {
                var q = Self.nearMiss(&rng, keys.isEmpty ? [] : rng.pick(keys))
                q.append(rng.pick(Self.alphabet))
                let skip = rng.below(q.count)
                var without = q
                without.remove(at: skip)
                let h = without.withUnsafeBufferPointer { vocab.keyHash($0, 0..<$0.count) }
                let got = q.withUnsafeBufferPointer { vocab.value(in: $0, range: 0..<$0.count, skipping: skip, hash: h) }
                let want = reference[referenceFold(without)]
                if got != want {
                    failures += 1
                    if failures < 20 {
                        Issue.record(
                            "seed \(seed) polynomial \(polynomial): \(show(q)) skipping \(skip) gave \(String(describing: got)), want \(String(describing: want))"
                        )
                    }
                }
            }
        }
        #expect(failures == 0)
    }

    /// The default lexicon's vocabulary and every token of the Corpus, with and without case.
    @Test func corpusTokensAgreeWithADictionary() throws {
        let lexicon = DefaultLexicon.compiled
        var reference: [[UInt8]: Int32] = [:]
        var vocab = Vocabulary(capacity: 16)
        var polyVocab = Vocabulary(capacity: 16, polynomial: true)
        for (word, id) in lexicon.idOfWord.sorted(by: { $0.value < $1.value }) {
            let bytes = Array(word.utf8)
            vocab.insert(bytes, value: id)
            polyVocab.insert(bytes, value: id)
            if reference[referenceFold(bytes)] == nil { reference[referenceFold(bytes)] = id }
        }
        var checked = 0
        var found = 0
        var failures = 0
        for (name, text) in try CorpusText.texts() {
            text.withUnsafeBufferPointer { buf in
                for t in Tokenizer.tokens(of: text) {
                    let want = reference[referenceFold(text[t.range])]
                    for v in [vocab, polyVocab] {
                        let got = v.value(in: buf, range: t.range)
                        checked += 1
                        if want != nil { found += 1 }
                        if got != want {
                            failures += 1
                            if failures < 20 {
                                Issue.record(
                                    "\(name): \(show(Array(text[t.range]))) gave \(String(describing: got)), want \(String(describing: want))"
                                )
                            }
                        }
                    }
                }
            }
        }
        #expect(failures == 0)
        #expect(checked > 50_000 && found > 10_000, "\(checked) lookups, \(found) of lexicon words")
    }
}
