import FalxClinical
import FalxTestSupport
import Foundation
import Testing

@testable import FalxText

// Shared pieces of the differential tests: a seeded PRNG, the repository's Corpus and default
// lexicon, and plain reference implementations that use nothing of the optimised code. The PRNG
// (SplitMix64) lives in FalxTestSupport, shared with the other suites.

extension SplitMix64 {
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// ASCII case folding, written out: `A`–`Z` become `a`–`z`, every other byte stays.
func referenceFold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
func referenceFold<S: Sequence<UInt8>>(_ bytes: S) -> [UInt8] { bytes.map(referenceFold) }

/// Printable form of bytes for failure messages.
func show(_ bytes: [UInt8]) -> String {
    bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
}

/// The repository's Corpus: every report under Corpus/reports and the `text` of every line of
/// Corpus/corpus.gold.jsonl. Missing files fail the test.
enum CorpusText {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func texts() throws -> [(name: String, bytes: [UInt8])] {
        let reports = root.appendingPathComponent("Corpus/reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(names.count >= 100, "Corpus/reports has \(names.count) reports")
        var out = try names.map { ($0, [UInt8](try Data(contentsOf: reports.appendingPathComponent($0)))) }
        let gold = try Data(contentsOf: root.appendingPathComponent("Corpus/corpus.gold.jsonl"))
        var lines = 0
        for (n, line) in gold.split(separator: 0x0A).enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], "gold line \(n + 1)")
            // Lines of the `formats/` batch name their `source` file instead of holding the text.
            guard let text = object["text"] as? String else {
                try #require(object["source"] is String, "gold line \(n + 1) has neither text nor source")
                continue
            }
            out.append(("gold:\(n + 1)", Array(text.utf8)))
            lines += 1
        }
        try #require(lines >= 250, "corpus.gold.jsonl has \(lines) lines with a text")
        return out
    }
}

/// The default lexicon of FalxClinical, as data and compiled.
enum DefaultLexicon {
    static var compiled: CompiledLexicon { ClinicalLexicon.standard.compiled }
    static var source: Lexicon { ClinicalLexicon.standard.compiled.source }
}

// MARK: - Reference: spelling correction

/// Edit-distance-one correction written plainly from SpellingIndex's contract:
///
/// - Only words of `minimumLength`+ bytes, all ASCII, are corrected to; queries of 4...40 bytes
///   and at least `minimumLength - 1`; comparisons ignore ASCII case.
/// - A word is *ambiguous* when one of its one-byte deletions is also a one-byte deletion of a
///   word with another id; an ambiguous word is never the answer of the "missing letter" or the
///   "swapped letters" rule.
/// - First rule: the query is a word with one byte missing, and only one id's word gives it.
/// - Then, for each position `s` of the query in order: the query without byte `s` is a word
///   (query of `minimumLength + 1`+ bytes; the first id listed for it), else the query without
///   byte `s` is a deletion of exactly one id's word, and the query is that word with two
///   neighbouring bytes swapped.
/// - Substitutions are never corrected.
struct ReferenceSpelling {
    let minimumLength: Int
    private(set) var wordOf: [Int32: [UInt8]] = [:]
    private var firstIDOfWord: [[UInt8]: Int32] = [:]
    private var owners: [[UInt8]: Set<Int32>] = [:]
    private(set) var ambiguous: Set<Int32> = []

    init(words list: [([UInt8], Int32)], minimumLength: Int = 8) {
        self.minimumLength = minimumLength
        for (word, id) in list where word.count >= minimumLength && !word.contains(where: { $0 >= 0x80 }) {
            let folded = referenceFold(word)
            wordOf[id] = folded
            if firstIDOfWord[folded] == nil { firstIDOfWord[folded] = id }
            for k in 0..<folded.count { owners[Self.deleting(folded, k), default: []].insert(id) }
        }
        for ids in owners.values where ids.count > 1 { ambiguous.formUnion(ids) }
    }

    static func deleting(_ word: [UInt8], _ k: Int) -> [UInt8] {
        Array(word[..<k]) + Array(word[(k + 1)...])
    }

    /// The one id whose word has `variant` as a deletion, when that word is not ambiguous.
    private func soleOwner(_ variant: [UInt8]) -> Int32? {
        guard let ids = owners[variant], ids.count == 1, let id = ids.first, !ambiguous.contains(id) else { return nil }
        return id
    }

    /// Whether `a` is `b` with exactly two neighbouring bytes swapped.
    static func isSwap(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        let diffs = a.indices.filter { a[$0] != b[$0] }
        return diffs.count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]
    }

    func correct(_ query: [UInt8]) -> Int32? {
        let q = referenceFold(query)
        let n = q.count
        guard n >= 4, n <= 40, n >= minimumLength - 1 else { return nil }
        if let id = soleOwner(q) { return id }
        for s in 0..<n {
            let shorter = Self.deleting(q, s)
            if n - 1 >= minimumLength, let id = firstIDOfWord[shorter] { return id }
            if let id = soleOwner(shorter), let word = wordOf[id], Self.isSwap(q, word) { return id }
        }
        return nil
    }
}

// MARK: - Reference: phrase matching

/// Phrase matching over token ids by scanning every phrase: a phrase matches at a token when each
/// of its words equals the token's exact id or its wildcard id.
struct ReferenceTrie {
    let phrases: [[Int32]]
    let classOf: ((Int32) -> Int32)?
    /// Indices of the phrases by first word (only to make the scan fast enough for the Corpus).
    private var byFirstWord: [Int32: [Int]] = [:]
    private var entries: [[Int32]: [Int32]] = [:]

    init(_ phrases: [[Int32]], classOf: ((Int32) -> Int32)? = nil) {
        self.phrases = phrases
        self.classOf = classOf
        for (i, p) in phrases.enumerated() {
            if let first = p.first { byFirstWord[first, default: []].append(i) }
            entries[p, default: []].append(Int32(i))
        }
    }

    /// Indices of the phrases whose first word is the token's id or wildcard, in order.
    private func candidates(_ t: Token) -> [Int] {
        var out: [Int] = []
        if t.id >= 0 { out += byFirstWord[t.id] ?? [] }
        if t.wildcard >= 0 && t.wildcard != t.id { out += byFirstWord[t.wildcard] ?? [] }
        return out.sorted()
    }

    /// How each word of `phrase` matches the tokens from `start` (0: by wildcard, 1: by exact id),
    /// or nil when it does not match.
    private func route(_ phrase: [Int32], _ tokens: [Token], _ start: Int) -> [Int]? {
        var route: [Int] = []
        for (k, word) in phrase.enumerated() {
            let t = tokens[start + k]
            if word >= 0 && word == t.wildcard {
                route.append(0)
            } else if word >= 0 && word == t.id {
                route.append(1)
            } else {
                return nil
            }
        }
        return route
    }

    /// The longest phrase at `start` ending at or before `limit`; of equally long ones, the one
    /// that follows wildcard ids first (depth-first, wildcard before exact id).
    func longest(_ tokens: [Token], at start: Int, limit: Int) -> (end: Int, phrase: [Int32])? {
        guard start < limit else { return nil }
        var best: (length: Int, route: [Int], phrase: [Int32])?
        for i in candidates(tokens[start]) where phrases[i].count <= limit - start {
            let p = phrases[i]
            guard let r = route(p, tokens, start) else { continue }
            if let b = best {
                if p.count < b.length || (p.count == b.length && !r.lexicographicallyPrecedes(b.route)) { continue }
            }
            best = (p.count, r, p)
        }
        return best.map { (start + $0.length, $0.phrase) }
    }

    /// Indices of the phrases equal to `phrase`, in order.
    func payloads(_ phrase: [Int32]) -> [Int32] { entries[phrase] ?? [] }

    func classBits(_ entries: [Int32]) -> UInt64 {
        guard let classOf else { return 0 }
        var mask: UInt64 = 0
        for e in entries {
            let c = classOf(e)
            if c >= 0 && c < 64 { mask |= 1 << UInt64(c) }
        }
        return mask
    }

    /// The classes of every phrase whose first word is the token's id or wildcard.
    func startClasses(_ t: Token) -> UInt64 {
        classBits(candidates(t).map { Int32($0) })
    }

    /// Greedy left-to-right longest matches in `range`.
    func matches(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, payloads: [Int32])] {
        var out: [(range: Range<Int>, payloads: [Int32])] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = longest(tokens, at: i, limit: range.upperBound) {
                out.append((i..<m.end, payloads(m.phrase)))
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }
}

// MARK: - Reference: token annotation

/// Token annotation written from the Lexicon data: ids are given to phrase words in the order
/// targets, classes, modifiers, section headers, abbreviations; `word*` (more than the star) is
/// a wildcard prefix; every other word is matched whole. Case is ignored; of two words equal but
/// for case, the one with the lower id answers.
struct ReferenceAnnotator {
    private(set) var ids: [String: Int32] = [:]
    private var exact: [[UInt8]: Int32] = [:]
    private var prefixes: [(bytes: [UInt8], id: Int32)] = []
    let spelling: ReferenceSpelling

    init(_ lexicon: Lexicon) {
        var order: [String] = []
        let phrases =
            lexicon.targets.map(\.phrase) + lexicon.classes.map(\.phrase) + lexicon.modifiers.map(\.phrase)
            + lexicon.sectionHeaders.map(\.phrase) + [lexicon.abbreviations]
        for phrase in phrases {
            for word in phrase where ids[word] == nil {
                ids[word] = Int32(order.count)
                order.append(word)
            }
        }
        var spellingWords: [([UInt8], Int32)] = []
        for (n, word) in order.enumerated() {
            let bytes = Array(word.utf8)
            let id = Int32(n)
            if bytes.count > 1 && bytes.last == 0x2A {
                let p = referenceFold(bytes.dropLast())
                if !prefixes.contains(where: { $0.bytes == p }) { prefixes.append((p, id)) }
            } else {
                let f = referenceFold(bytes)
                if exact[f] == nil { exact[f] = id }
                if bytes.last != 0x2A { spellingWords.append((bytes, id)) }
            }
        }
        spelling = ReferenceSpelling(words: spellingWords)
    }

    /// (id, wildcard) of each token.
    func annotate(_ tokens: [Token], in text: [UInt8]) -> [(id: Int32, wildcard: Int32)] {
        tokens.map { t in
            if t.kind == .punct && t.length != 1 { return (t.id, t.wildcard) }
            let bytes = referenceFold(text[t.range])
            var wildcard: Int32 = -1
            if t.kind == .word {
                var bestLength = 0
                for p in prefixes where p.bytes.count < 64 && p.bytes.count > bestLength && bytes.starts(with: p.bytes) {
                    bestLength = p.bytes.count
                    wildcard = p.id
                }
            }
            if let id = exact[bytes] { return (id, wildcard) }
            if t.kind == .word, let id = spelling.correct(bytes) { return (id, wildcard) }
            return (-1, wildcard)
        }
    }
}
