/// A lexicon compiled once into a vocabulary and token tries; immutable and shared by all tasks.
///
/// Every phrase word gets a dense id; a token is looked up once (exact, wildcard prefix, or by
/// spelling correction) and the tries walk token ids, so matching never compares strings.
public final class CompiledLexicon: Sendable {
    public let source: Lexicon
    let vocabulary: Vocabulary
    let prefixes: Vocabulary
    /// Bit `n` set when some wildcard prefix is `n` bytes long (prefixes of 64+ bytes are not matched).
    let prefixLengthMask: UInt64
    /// Bit `b0 | b1 << 8` set when a wildcard prefix starts with those two bytes (folded), so most
    /// words skip the prefix lookups; nil when a prefix is a single byte.
    let prefixStarts: [UInt64]?
    let spelling: SpellingIndex
    let targetTrie: TokenTrie
    let classTrie: TokenTrie
    let modifierTrie: TokenTrie
    let headerTrie: TokenTrie
    let abbreviationIDs: Set<Int32>
    let idOfWord: [String: Int32]
    /// Class id of each class entry (payload).
    let classOfEntry: [Int32]
    /// The attributes of each class entry: its `attribute` split at `+` (split once here, not per match).
    let classEntryAttributes: [[String]]
    /// The bit of each word class in `TokenTrie.classMask` (0 for the 65th class on).
    let classBits: [String: UInt64]
    /// The class ids of each proximity rule, in rule order.
    let nearRuleClasses: [NearRuleClasses]
    /// The anchor classes of the proximity rules as bits (all bits when a class id is 64 or more).
    let anchorMask: UInt64
    /// The grammar words by role (the lexicon's `grammar` lines).
    let grammar: Grammar
    /// The spoken punctuation of dictated text (the lexicon's `spoken` lines).
    public let spokenPunctuation: SpokenPunctuation

    public init(_ lexicon: Lexicon) {
        source = lexicon
        var vocab = Vocabulary(capacity: 2048)
        var prefixes = Vocabulary(capacity: 64)
        var ids: [String: Int32] = [:]
        var prefixLengths = Set<Int>()
        var prefixStarts: [UInt64]? = Array(repeating: 0, count: 1024)
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
                if p.count >= 2 {
                    let key = Int(ASCII.lower(p[0])) | Int(ASCII.lower(p[1])) << 8
                    prefixStarts?[key >> 6] |= 1 << UInt64(key & 63)
                } else {
                    prefixStarts = nil
                }
            } else {
                vocab.insert(Array(word.utf8), value: v)
            }
            return v
        }
        let targetIDs = lexicon.targets.map { $0.phrase.map(id) }
        let classPhraseIDs = lexicon.classes.map { $0.phrase.map(id) }
        let modifierIDs = lexicon.modifiers.map { $0.phrase.map(id) }
        let headerIDs = lexicon.sectionHeaders.map { $0.phrase.map(id) }
        let abbreviations = lexicon.abbreviations.map(id)
        abbreviationIDs = Set(abbreviations)
        vocabulary = vocab
        self.prefixes = prefixes
        prefixLengthMask = prefixLengths.reduce(0) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
        self.prefixStarts = prefixStarts
        spelling = SpellingIndex(
            words: ids.filter { !$0.key.hasSuffix("*") }.map { (Array($0.key.utf8), $0.value) })
        idOfWord = ids
        var classIDs: [String: Int32] = [:]
        for c in lexicon.classes where classIDs[c.wordClass] == nil { classIDs[c.wordClass] = Int32(classIDs.count) }
        let classOfEntry = lexicon.classes.map { classIDs[$0.wordClass] ?? -1 }
        self.classOfEntry = classOfEntry
        classEntryAttributes = lexicon.classes.map { $0.attribute.split(separator: "+").map(String.init) }
        classBits = classIDs.mapValues { $0 < 64 ? 1 << UInt64($0) : 0 }
        let count = Int(next)
        targetTrie = TokenTrie(targetIDs, idCount: count)
        classTrie = TokenTrie(classPhraseIDs, idCount: count) { classOfEntry[Int($0)] }
        modifierTrie = TokenTrie(modifierIDs, idCount: count)
        headerTrie = TokenTrie(headerIDs, idCount: count)
        let nearRuleClasses = lexicon.nearRules.map {
            NearRuleClasses(
                anchor: classIDs[$0.anchorClass] ?? -2, site: classIDs[$0.siteClass] ?? -2,
                block: $0.blockClass.flatMap { classIDs[$0] } ?? -1)
        }
        self.nearRuleClasses = nearRuleClasses
        grammar = Grammar(lexicon.grammarWords)
        spokenPunctuation = SpokenPunctuation(lexicon.spokenPunctuation)
        anchorMask =
            nearRuleClasses.contains { $0.anchor >= 64 }
            ? ~0 : nearRuleClasses.reduce(0) { $1.anchor >= 0 ? $0 | 1 << UInt64($1.anchor) : $0 }
    }

    /// Fills `id` and `wildcard` of each word token.
    ///
    /// - Complexity: O(n) lookups; spelling correction only for unknown words of 7+ bytes.
    public func annotate(_ tokens: inout [Token], in text: [UInt8]) {
        let prefixMask = prefixLengthMask
        let starts = prefixStarts
        text.withUnsafeBufferPointer { buf in
            tokens.withUnsafeMutableBufferPointer { toks in
                for k in toks.indices {
                    let t = toks[k]
                    let start = Int(t.start)
                    let end = Int(t.end)
                    guard t.kind != .punct || t.length == 1 else { continue }
                    // Wildcard prefixes are for words, and only words whose first two bytes start one.
                    var tryPrefixes = t.kind == .word
                    if tryPrefixes, let starts, end - start >= 2 {
                        let key = Int(ASCII.lower(buf[start])) | Int(ASCII.lower(buf[start + 1])) << 8
                        tryPrefixes = starts[key >> 6] & (1 << UInt64(key & 63)) != 0
                    }
                    // One pass over the bytes: the folded hash of every prefix is a step of the whole
                    // word's, so wildcard prefixes are looked up at their lengths only.
                    var h = Vocabulary.hashSeed
                    var wildcard: Int32 = -1
                    for i in start..<end {
                        h = Vocabulary.hashStep(h, buf[i])
                        let length = i + 1 - start
                        if tryPrefixes, length < 64, prefixMask & (1 << UInt64(length)) != 0,
                            let v = prefixes.value(in: buf, range: start..<(i + 1), hash: h)
                        {
                            wildcard = v  // the longest prefix wins
                        }
                    }
                    toks[k].wildcard = wildcard
                    if let v = vocabulary.value(in: buf, range: start..<end, hash: h) {
                        toks[k].id = v
                    } else if t.kind == .word, end - start >= spelling.minimumLength - 1,
                        let v = spelling.correct(buf, start..<end)
                    {
                        toks[k].id = v
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

/// A trie over token ids, compiled into flat arrays; each node may end phrases (payloads are
/// entry indices).
///
/// The first step is an array index by token id (most tokens start no phrase, so most lookups end
/// there); deeper edges live in one open-addressing table keyed by (node, token id). Payloads of
/// all nodes sit in one array. Nothing is allocated while matching except the result list.
struct TokenTrie: Sendable {
    /// Child of the root for each token id, or -1.
    private var rootChild: [Int32]
    /// Edges below the root: keys `node << 32 | id` (-1 when empty) and child nodes.
    private var edgeKeys: [Int64]
    private var edgeNodes: [Int32]
    private var edgeMask: Int
    /// Payloads of node `n`: `payloadList[payloadStart[n]..<payloadStart[n + 1]]`.
    private var payloadStart: [Int32]
    private var payloadList: [Int32]
    /// Bit `c` set when a payload of the node is in word class `c` (tries of class entries only).
    private(set) var classMask: [UInt64]
    /// The classes of the node and of every node below it.
    private var subtreeMask: [UInt64]

    /// A trie of `phrases` (as token ids below `idCount`); the payload of phrase `i` is `i`.
    /// `classOf` gives a payload's word class (below 64) for `classMask`.
    init(_ phrases: [[Int32]], idCount: Int, classOf: ((Int32) -> Int32)? = nil) {
        var edges: [Int64: Int32] = [:]
        var nodePayloads: [[Int32]] = [[]]
        var parent: [Int] = [-1]
        for (index, phrase) in phrases.enumerated() {
            var node = 0
            for id in phrase {
                let key = Self.key(node, id)
                if let child = edges[key] {
                    node = Int(child)
                } else {
                    nodePayloads.append([])
                    parent.append(node)
                    edges[key] = Int32(nodePayloads.count - 1)
                    node = nodePayloads.count - 1
                }
            }
            nodePayloads[node].append(Int32(index))
        }
        rootChild = Array(repeating: -1, count: max(idCount, 1))
        var size = 16
        while size < edges.count * 2 { size <<= 1 }
        edgeKeys = Array(repeating: -1, count: size)
        edgeNodes = Array(repeating: -1, count: size)
        edgeMask = size - 1
        for (key, child) in edges {
            if key >> 32 == 0 {
                rootChild[Int(UInt32(truncatingIfNeeded: key))] = child
                continue
            }
            var slot = Self.slot(key, edgeMask)
            while edgeKeys[slot] >= 0 { slot = (slot + 1) & edgeMask }
            edgeKeys[slot] = key
            edgeNodes[slot] = child
        }
        payloadStart = [0]
        payloadList = []
        classMask = []
        for list in nodePayloads {
            payloadList.append(contentsOf: list)
            payloadStart.append(Int32(payloadList.count))
            var mask: UInt64 = 0
            if let classOf {
                for p in list {
                    let c = classOf(p)
                    if c >= 0 && c < 64 { mask |= 1 << UInt64(c) }
                }
            }
            classMask.append(mask)
        }
        // A child is made after its parent, so one backward pass gathers every subtree.
        subtreeMask = classMask
        for node in subtreeMask.indices.reversed() where parent[node] >= 0 {
            subtreeMask[parent[node]] |= subtreeMask[node]
        }
    }

    /// The classes of every phrase that could start at this token (tries of class entries only).
    @inline(__always) func startClasses(_ t: Token) -> UInt64 {
        var mask: UInt64 = 0
        if t.id >= 0, case let c = rootChild[Int(t.id)], c >= 0 { mask |= subtreeMask[Int(c)] }
        if t.wildcard >= 0, case let c = rootChild[Int(t.wildcard)], c >= 0 { mask |= subtreeMask[Int(c)] }
        return mask
    }

    @inline(__always) static func key(_ node: Int, _ id: Int32) -> Int64 { Int64(node) << 32 | Int64(UInt32(bitPattern: id)) }

    @inline(__always) static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The child of `node` along token id `id`, or -1.
    @inline(__always) func child(_ node: Int, _ id: Int32) -> Int {
        guard id >= 0 else { return -1 }
        if node == 0 { return id < rootChild.count ? Int(rootChild[Int(id)]) : -1 }
        let key = Self.key(node, id)
        var slot = Self.slot(key, edgeMask)
        while true {
            let k = edgeKeys[slot]
            if k == key { return Int(edgeNodes[slot]) }
            if k < 0 { return -1 }
            slot = (slot + 1) & edgeMask
        }
    }

    /// The entry indices that end at `node`.
    @inline(__always) func payloads(_ node: Int) -> ArraySlice<Int32> {
        payloadList[Int(payloadStart[node])..<Int(payloadStart[node + 1])]
    }

    @inline(__always) func endsPhrase(_ node: Int) -> Bool { payloadStart[node] != payloadStart[node + 1] }

    /// The first payload of `node` (nodes that end a phrase have one).
    @inline(__always) func firstPayload(_ node: Int) -> Int32 { payloadList[Int(payloadStart[node])] }

    /// Whether a phrase could start at this token.
    @inline(__always) func starts(_ t: Token) -> Bool {
        (t.id >= 0 && rootChild[Int(t.id)] >= 0) || (t.wildcard >= 0 && rootChild[Int(t.wildcard)] >= 0)
    }

    /// The longest phrase starting at token `start` (not reaching `limit`), as (end, node).
    ///
    /// Depth-first, a token following its wildcard id before its exact id; of two phrases of the
    /// same length the first found wins.
    func longestNode(_ tokens: [Token], at start: Int, limit: Int) -> (end: Int, node: Int)? {
        guard start < limit, starts(tokens[start]) else { return nil }
        var bestEnd = 0
        var bestNode = -1
        tokens.withUnsafeBufferPointer { buf in
            func visit(_ node: Int, _ pos: Int) {
                if pos > start, pos > bestEnd, endsPhrase(node) {
                    bestEnd = pos
                    bestNode = node
                }
                guard pos < limit else { return }
                let t = buf[pos]
                let w = child(node, t.wildcard)
                if w >= 0 { visit(w, pos + 1) }
                let e = child(node, t.id)
                if e >= 0 { visit(e, pos + 1) }
            }
            // Most paths never fork (a token's wildcard and exact id both continuing is rare):
            // follow them in a loop, and search depth-first only from a fork.
            var node = 0
            var pos = start
            while pos < limit {
                let t = buf[pos]
                let w = child(node, t.wildcard)
                let e = child(node, t.id)
                if w >= 0 && e >= 0 {
                    visit(w, pos + 1)
                    visit(e, pos + 1)
                    return
                }
                node = w >= 0 ? w : e
                guard node >= 0 else { return }
                pos += 1
                if pos > bestEnd, endsPhrase(node) {
                    bestEnd = pos
                    bestNode = node
                }
            }
        }
        return bestNode >= 0 ? (bestEnd, bestNode) : nil
    }

    /// The longest phrase starting at token `start`, as (end, payloads).
    func longestMatch(_ tokens: [Token], at start: Int, limit: Int) -> (end: Int, payloads: ArraySlice<Int32>)? {
        longestNode(tokens, at: start, limit: limit).map { ($0.end, payloads($0.node)) }
    }

    /// Greedy longest, non-overlapping matches in `range`, as (tokens, node).
    func matches(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, node: Int)] {
        var out: [(range: Range<Int>, node: Int)] = []
        matches(tokens, in: range, into: &out)
        return out
    }

    /// The matches of `range` in `out`, replacing what it held (its storage is reused).
    func matches(_ tokens: [Token], in range: Range<Int>, into out: inout [(range: Range<Int>, node: Int)]) {
        out.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        while i < range.upperBound {
            if !starts(tokens[i]) {
                i += 1
                continue
            }
            if let m = longestNode(tokens, at: i, limit: range.upperBound) {
                out.append((i..<m.end, m.node))
                i = m.end
            } else {
                i += 1
            }
        }
    }
}

extension CompiledLexicon {
    /// The bit of a word class in `classMatchBits` masks: 0 for an unknown class, or when a
    /// lexicon has more than 64 classes and this is one of the later ones (use `classMatches`).
    public func classBit(_ name: String) -> UInt64 { classBits[name] ?? 0 }

    /// Word-class matches in a token range (greedy longest), with their classes as bits
    /// (`classBit`): the same matches as `classMatches`, without building names.
    public func classMatchBits(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, classes: UInt64)] {
        classTrie.matches(tokens, in: range).map { ($0.range, classTrie.classMask[$0.node]) }
    }

    /// Whether a phrase of class `bit` (``classBit(_:)``) could start at this token: one table
    /// look-up, for a cheap test before ``classMatchBits(_:in:)``.
    @inline(__always) public func mayStartClass(_ t: Token, _ bit: UInt64) -> Bool {
        classTrie.startClasses(t) & bit != 0
    }

    /// Word-class matches in a token range (greedy longest) whose phrase is in class `bit`
    /// (`classBit`), with the attributes that phrase carries there ("falcine" → `falx`).
    public func classAttributes(_ tokens: [Token], in range: Range<Int>, class bit: UInt64) -> [(
        range: Range<Int>, attributes: [String]
    )] {
        classTrie.matches(tokens, in: range).compactMap { m in
            guard classTrie.classMask[m.node] & bit != 0 else { return nil }
            let attributes = classTrie.payloads(m.node).flatMap { p in
                classBits[source.classes[Int(p)].wordClass] == bit ? classEntryAttributes[Int(p)] : []
            }
            return (m.range, attributes)
        }
    }

    /// Word-class matches in a token range (greedy longest), with the class names of each.
    public func classMatches(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, classes: [String])] {
        classTrie.matches(tokens, in: range).map { m in
            (m.range, classTrie.payloads(m.node).map { source.classes[Int($0)].wordClass })
        }
    }
}
