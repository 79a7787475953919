/// A hash table from case-folded byte strings to dense ids, looked up without building `String`s.
///
/// Open addressing over 64-bit FNV-1a hashes; keys are stored folded (ASCII lower case) in one
/// contiguous byte array. A second table of single-deletion variants gives spelling correction
/// at edit distance one (SymSpell-style) for long words.
public struct Vocabulary: Sendable {
    private var slots: [Int32]  // index into entries, -1 when empty
    private var hashes: [UInt64]
    private var keyStart: [Int32] = []
    private var keyEnd: [Int32] = []
    private var keyBytes: [UInt8] = []
    private var values: [Int32] = []
    private var mask: Int

    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        mask = size - 1
    }

    public var count: Int { values.count }

    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            h = (h ^ UInt64(ASCII.lower(p[i]))) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Inserts `key` (folded) with `value`; an existing key keeps its first value.
    public mutating func insert(_ key: [UInt8], value: Int32) {
        if count * 2 >= slots.count { grow() }
        let folded = key.map(ASCII.lower)
        let h = folded.withUnsafeBufferPointer { Vocabulary.hash($0, 0..<$0.count) }
        if lookup(folded, hash: h) != nil { return }
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(values.count)
        hashes[s] = h
        keyStart.append(Int32(keyBytes.count))
        keyBytes.append(contentsOf: folded)
        keyEnd.append(Int32(keyBytes.count))
        values.append(value)
    }

    private mutating func grow() {
        let old = (0..<values.count).map { (Array(keyBytes[Int(keyStart[$0])..<Int(keyEnd[$0])]), values[$0]) }
        self = Vocabulary(capacity: max(64, old.count * 2))
        for (k, v) in old { insert(k, value: v) }
    }

    private func lookup(_ folded: [UInt8], hash h: UInt64) -> Int32? {
        folded.withUnsafeBufferPointer { value(in: $0, range: 0..<$0.count, hash: h) }
    }

    /// The value of the folded bytes `range` of `buffer`, or nil.
    @inline(__always)
    public func value(in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int32? {
        value(in: buffer, range: range, hash: Vocabulary.hash(buffer, range))
    }

    func value(in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, hash h: UInt64) -> Int32? {
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = slots[s]
            if e < 0 { return nil }
            if hashes[s] == h {
                let ks = Int(keyStart[Int(e)])
                let ke = Int(keyEnd[Int(e)])
                if ke - ks == range.count {
                    var equal = true
                    var j = ks
                    for i in range {
                        if ASCII.lower(buffer[i]) != keyBytes[j] { equal = false; break }
                        j += 1
                    }
                    if equal { return values[Int(e)] }
                }
            }
            s = (s + 1) & mask
        }
    }

    /// Convenience lookup for tests and tools.
    public func value(of word: String) -> Int32? {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { value(in: $0, range: 0..<$0.count) }
    }
}

/// Spelling correction at edit distance one for long words: one letter missing, one letter too
/// many, or two neighbouring letters swapped (`calcifcation`, `calcificaiton`, `tentorim`).
///
/// Substitutions are deliberately not corrected: they turn real words into other real words
/// (`contusion` is one substitution from `confusion`).
public struct SpellingIndex: Sendable {
    public let minimumLength: Int
    private var deletions = Vocabulary(capacity: 1024)
    private var exact = Vocabulary(capacity: 256)
    private var words: [Int32: [UInt8]] = [:]
    private var ambiguous: Set<Int32> = []

    public init(words list: [([UInt8], Int32)], minimumLength: Int = 8) {
        self.minimumLength = minimumLength
        var seen: [[UInt8]: Int32] = [:]
        for (word, id) in list where word.count >= minimumLength && word.allSatisfy({ $0 < 0x80 }) {
            let folded = word.map(ASCII.lower)
            exact.insert(folded, value: id)
            words[id] = folded
            for k in 0..<folded.count {
                var v = folded
                v.remove(at: k)
                if let other = seen[v], other != id { ambiguous.insert(other); ambiguous.insert(id) } else { seen[v] = id }
            }
        }
        for (key, id) in seen { deletions.insert(key, value: id) }
    }

    /// The id of the vocabulary word one edit away from `range`, or nil when none or ambiguous.
    public func correct(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        let n = range.count
        guard n >= minimumLength - 1, n <= 40 else { return nil }
        if let id = deletions.value(in: buffer, range: range), !ambiguous.contains(id) { return id }
        var scratch = [UInt8](repeating: 0, count: n - 1)
        return scratch.withUnsafeMutableBufferPointer { s -> Int32? in
            for skip in 0..<n {
                var j = 0
                for i in range where i - range.lowerBound != skip {
                    s[j] = buffer[i]; j += 1
                }
                let view = UnsafeBufferPointer(s)
                if n - 1 >= minimumLength, let id = exact.value(in: view, range: 0..<(n - 1)) { return id }
                if let id = deletions.value(in: view, range: 0..<(n - 1)), !ambiguous.contains(id),
                    let word = words[id], isTransposition(buffer, range, word)
                {
                    return id
                }
            }
            return nil
        }
    }

    private func isTransposition(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard word.count == range.count else { return false }
        var diffs: [Int] = []
        for k in 0..<word.count where ASCII.lower(buffer[range.lowerBound + k]) != word[k] {
            diffs.append(k)
            if diffs.count > 2 { return false }
        }
        guard diffs.count == 2, diffs[1] == diffs[0] + 1 else { return false }
        return ASCII.lower(buffer[range.lowerBound + diffs[0]]) == word[diffs[1]]
            && ASCII.lower(buffer[range.lowerBound + diffs[1]]) == word[diffs[0]]
    }
}
