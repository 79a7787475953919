/// A lexicon compiled once into a vocabulary and token tries; immutable and shared by all tasks.
///
/// Every phrase word gets a dense id; a token is looked up once (exact, wildcard prefix, or by
/// spelling correction) and the tries walk token ids, so matching never compares strings.
public struct CompiledLexicon: Sendable {
    public let source: Lexicon
    let vocabulary: Vocabulary
    let prefixes: Vocabulary
    let prefixLengths: [Int]
    let spelling: SpellingIndex
    let targetTrie: TokenTrie
    let classTrie: TokenTrie
    let modifierTrie: TokenTrie
    let headerTrie: TokenTrie
    let abbreviationIDs: Set<Int32>
    let idOfWord: [String: Int32]
    /// Class id of each class entry (payload).
    let classOfEntry: [Int32]
    /// The class ids of each proximity rule, in rule order.
    let nearRuleClasses: [NearRuleClasses]

    public init(_ lexicon: Lexicon) {
        source = lexicon
        var vocab = Vocabulary(capacity: 2048)
        var prefixes = Vocabulary(capacity: 64)
        var ids: [String: Int32] = [:]
        var prefixLengths = Set<Int>()
        var next: Int32 = 0
        func id(_ word: String) -> Int32 {
            if let v = ids[word] { return v }
            let v = next
            next += 1
            ids[word] = v
            if word.hasSuffix("*") && word.count > 1 {
                let p = Array(word.utf8.dropLast())
                prefixes.insert(p, value: v)
                prefixLengths.insert(p.count)
            } else {
                vocab.insert(Array(word.utf8), value: v)
            }
            return v
        }
        func compile(_ phrases: [[String]]) -> TokenTrie {
            var trie = TokenTrie()
            for (index, phrase) in phrases.enumerated() {
                trie.insert(phrase.map(id), payload: Int32(index))
            }
            return trie
        }
        targetTrie = compile(lexicon.targets.map(\.phrase))
        classTrie = compile(lexicon.classes.map(\.phrase))
        modifierTrie = compile(lexicon.modifiers.map(\.phrase))
        headerTrie = compile(lexicon.sectionHeaders.map(\.phrase))
        abbreviationIDs = Set(lexicon.abbreviations.map(id))
        vocabulary = vocab
        self.prefixes = prefixes
        self.prefixLengths = prefixLengths.sorted(by: >)
        spelling = SpellingIndex(
            words: ids.filter { !$0.key.hasSuffix("*") }.map { (Array($0.key.utf8), $0.value) })
        idOfWord = ids
        var classIDs: [String: Int32] = [:]
        for c in lexicon.classes where classIDs[c.wordClass] == nil { classIDs[c.wordClass] = Int32(classIDs.count) }
        classOfEntry = lexicon.classes.map { classIDs[$0.wordClass] ?? -1 }
        nearRuleClasses = lexicon.nearRules.map {
            NearRuleClasses(
                anchor: classIDs[$0.anchorClass] ?? -2, site: classIDs[$0.siteClass] ?? -2,
                block: $0.blockClass.flatMap { classIDs[$0] } ?? -1)
        }
    }

    /// Fills `id` and `wildcard` of each word token.
    ///
    /// - Complexity: O(n) lookups; spelling correction only for unknown words of 7+ bytes.
    public func annotate(_ tokens: inout [Token], in text: [UInt8]) {
        text.withUnsafeBufferPointer { buf in
            for k in tokens.indices where tokens[k].kind != .punct || tokens[k].length == 1 {
                let r = tokens[k].range
                if let v = vocabulary.value(in: buf, range: r) {
                    tokens[k].id = v
                } else if tokens[k].kind == .word, r.count >= spelling.minimumLength - 1,
                    let v = spelling.correct(buf, r)
                {
                    tokens[k].id = v
                }
                if tokens[k].kind == .word {
                    for len in prefixLengths where len <= r.count {
                        if let v = prefixes.value(in: buf, range: r.lowerBound..<(r.lowerBound + len)) {
                            tokens[k].wildcard = v
                            break
                        }
                    }
                }
            }
        }
    }

    /// The id a phrase word was given, for tests and tools.
    public func id(of word: String) -> Int32? { idOfWord[word] }
}

/// The word classes a proximity rule uses, as class ids (-1: no blocker; -2: an unknown class).
struct NearRuleClasses: Sendable, Equatable {
    var anchor: Int32
    var site: Int32
    var block: Int32
}

/// A trie over token ids; each node may end phrases (payloads are entry indices).
struct TokenTrie: Sendable {
    /// Edges of every node in one table, keyed by (node << 32 | token id): one hash lookup a step,
    /// no dictionary per node.
    var edges: [Int64: Int32] = [:]
    var payloads: [[Int32]] = [[]]

    @inline(__always) static func key(_ node: Int, _ id: Int32) -> Int64 { Int64(node) << 32 | Int64(UInt32(bitPattern: id)) }

    mutating func insert(_ ids: [Int32], payload: Int32) {
        var node = 0
        for i in ids {
            if let nextNode = edges[Self.key(node, i)] {
                node = Int(nextNode)
            } else {
                payloads.append([])
                let n = Int32(payloads.count - 1)
                edges[Self.key(node, i)] = n
                node = Int(n)
            }
        }
        payloads[node].append(payload)
    }

    /// The longest phrase starting at token `start` (not reaching `limit`), as (end, node); the
    /// node's payloads are `payloads[node]`.
    func longestNode(_ tokens: [Token], at start: Int, limit: Int) -> (end: Int, node: Int)? {
        var best: (end: Int, node: Int)?
        // Depth-first over (node, position): a token may follow its exact id or its wildcard id.
        var stack: [(Int, Int)] = [(0, start)]
        while let (node, pos) = stack.popLast() {
            if pos > start, !payloads[node].isEmpty, pos > (best?.end ?? 0) { best = (pos, node) }
            guard pos < limit else { continue }
            let t = tokens[pos]
            if t.id >= 0, let n = edges[Self.key(node, t.id)] { stack.append((Int(n), pos + 1)) }
            if t.wildcard >= 0, let n = edges[Self.key(node, t.wildcard)] { stack.append((Int(n), pos + 1)) }
        }
        return best
    }

    /// The longest phrase starting at token `start`, as (end, payloads).
    func longestMatch(_ tokens: [Token], at start: Int, limit: Int) -> (end: Int, payloads: [Int32])? {
        longestNode(tokens, at: start, limit: limit).map { ($0.end, payloads[$0.node]) }
    }

    /// Greedy longest, non-overlapping matches in `range`.
    func matches(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, payloads: [Int32])] {
        var out: [(Range<Int>, [Int32])] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            if t.id < 0 && t.wildcard < 0 { i += 1; continue }
            if let m = longestNode(tokens, at: i, limit: range.upperBound) {
                out.append((i..<m.end, payloads[m.node]))
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }
}

extension CompiledLexicon {
    /// Word-class matches in a token range (greedy longest), with the class names of each.
    public func classMatches(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, classes: [String])] {
        classTrie.matches(tokens, in: range).map { m in
            (m.range, m.payloads.map { source.classes[Int($0)].wordClass })
        }
    }
}
