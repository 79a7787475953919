/// A hash table from case-folded byte strings to dense ids, looked up without building `String`s.
///
/// Open addressing over 64-bit FNV-1a hashes; keys are stored folded (ASCII lower case) in one
/// contiguous byte array. A second table of single-deletion variants gives spelling correction
/// at edit distance one (SymSpell-style) for long words.
public struct Vocabulary: Sendable {
    /// One slot of the table: the key's hash, where its folded bytes are, and its value; a probe
    /// reads one slot, not one entry of each of several arrays.
    struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = 0
        /// -1 when the slot is empty.
        var length: Int32 = -1
        var value: Int32 = 0
    }

    private var slots: [Slot]
    private var keyBytes: [UInt8] = []
    private(set) var count = 0
    private var mask: Int
    /// Keys hashed with `polynomialHash` instead of FNV-1a: the hash of a word with one byte left
    /// out is then two table lookups away (spelling correction), not a pass over the word.
    let polynomial: Bool

    public init(capacity: Int = 64, polynomial: Bool = false) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
        self.polynomial = polynomial
    }

    /// The polynomial hash Σ folded(bᵢ) · Pⁿ⁻¹⁻ⁱ (mod 2⁶⁴).
    static let polynomialBase: UInt64 = 0x0000_0100_0000_01B3

    /// Powers of `polynomialBase`, for words up to 64 bytes.
    static let polynomialPowers: [UInt64] = {
        var p: [UInt64] = [1]
        for _ in 0..<64 { p.append(p[p.count - 1] &* polynomialBase) }
        return p
    }()

    @inline(__always) static func polynomialHash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0
        for i in range { h = h &* polynomialBase &+ UInt64(ASCII.lower(p[i])) }
        return h
    }

    @inline(__always) func keyHash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        polynomial ? Vocabulary.polynomialHash(p, range) : Vocabulary.hash(p, range)
    }

    /// The first slot to probe for a hash: its high bits, mixed (FNV's low bits depend on the last
    /// bytes only).
    @inline(__always) private func home(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One byte of the folded FNV-1a hash: the hash of a prefix is a step of the whole word's.
    @inline(__always) static func hashStep(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(ASCII.lower(byte))) &* 0x0000_0100_0000_01B3
    }

    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h = hashSeed
        for i in range { h = hashStep(h, p[i]) }
        return h
    }

    /// Inserts `key` (folded) with `value`; an existing key keeps its first value.
    public mutating func insert(_ key: [UInt8], value: Int32) {
        if count * 2 >= slots.count { grow() }
        let folded = key.map(ASCII.lower)
        let h = folded.withUnsafeBufferPointer { keyHash($0, 0..<$0.count) }
        if folded.withUnsafeBufferPointer({ self.value(in: $0, range: 0..<$0.count, hash: h) }) != nil { return }
        var s = home(h)
        while slots[s].length >= 0 { s = (s + 1) & mask }
        slots[s] = Slot(hash: h, start: Int32(keyBytes.count), length: Int32(folded.count), value: value)
        keyBytes.append(contentsOf: folded)
        count += 1
    }

    private mutating func grow() {
        let old = slots.filter { $0.length >= 0 }.sorted { $0.start < $1.start }.map { slot in
            (Array(keyBytes[Int(slot.start)..<Int(slot.start + slot.length)]), slot.value)
        }
        self = Vocabulary(capacity: max(64, old.count * 2), polynomial: polynomial)
        for (k, v) in old { insert(k, value: v) }
    }

    /// The value of the folded bytes `range` of `buffer`, or nil (internal: the public lookup is
    /// ``value(of:)``, which holds no pointer).
    @inline(__always)
    func value(in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int32? {
        value(in: buffer, range: range, hash: keyHash(buffer, range))
    }

    /// The value of the folded bytes `range` of `buffer` whose hash is `h`, leaving out the byte at
    /// `skipping` when it is in the range.
    func value(in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, skipping: Int = -1, hash h: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { table in
            keyBytes.withUnsafeBufferPointer { keys in
                var s = home(h)
                let n = range.contains(skipping) ? range.count - 1 : range.count
                while true {
                    let slot = table[s]
                    if slot.length < 0 { return nil }
                    if slot.hash == h && Int(slot.length) == n {
                        var j = Int(slot.start)
                        var equal = true
                        for i in range where i != skipping {
                            if ASCII.lower(buffer[i]) != keys[j] { equal = false; break }
                            j += 1
                        }
                        if equal { return slot.value }
                    }
                    s = (s + 1) & mask
                }
            }
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
    private var deletions = Vocabulary(capacity: 1024, polynomial: true)
    private var exact = Vocabulary(capacity: 256, polynomial: true)
    private var words: [Int32: [UInt8]] = [:]
    private var ambiguous: Set<Int32> = []
    /// Hashed (first three bytes, length) and (last three bytes, length) of every word at the
    /// lengths one edit can give it. A word one edit from a word of 8+ bytes keeps its first three
    /// bytes (an edit at byte 3 or later) or its last three (an edit in the first four bytes), so a
    /// word with neither is rejected before any lookup.
    private var ends = [UInt64](repeating: 0, count: SpellingIndex.endBits / 64)
    static let endBits = 1 << 16

    @inline(__always) static func endBit(_ a: UInt8, _ b: UInt8, _ c: UInt8, length: Int, last: Bool) -> Int {
        let key =
            UInt64(ASCII.lower(a)) | UInt64(ASCII.lower(b)) << 8 | UInt64(ASCII.lower(c)) << 16
            | UInt64(truncatingIfNeeded: length & 0x7F) << 24 | (last ? 1 << 31 : 0)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48) & (endBits - 1)
    }

    private func hasEnd(_ bit: Int) -> Bool { ends[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }

    public init(words list: [([UInt8], Int32)], minimumLength: Int = 8) {
        self.minimumLength = minimumLength
        var seen: [[UInt8]: Int32] = [:]
        for (word, id) in list where word.count >= minimumLength && word.allSatisfy({ $0 < 0x80 }) {
            let folded = word.map(ASCII.lower)
            let n = folded.count
            for length in (n - 1)...(n + 1) {
                for bit in [
                    Self.endBit(folded[0], folded[1], folded[2], length: length, last: false),
                    Self.endBit(folded[n - 3], folded[n - 2], folded[n - 1], length: length, last: true),
                ] {
                    ends[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
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

    /// The id of the vocabulary word one edit away from `word`, or nil when none or ambiguous.
    public func correct(_ word: String) -> Int32? {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { correct($0, 0..<$0.count) }
    }

    /// The id of the vocabulary word one edit away from bytes `range` of `buffer`, or nil when none
    /// or ambiguous (internal: the public form is ``correct(_:)``, which holds no pointer).
    func correct(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        let n = range.count
        guard n >= minimumLength - 1, n <= 40, n >= 4 else { return nil }
        let lo = range.lowerBound
        let hi = range.upperBound
        guard
            hasEnd(Self.endBit(buffer[lo], buffer[lo + 1], buffer[lo + 2], length: n, last: false))
                || hasEnd(Self.endBit(buffer[hi - 3], buffer[hi - 2], buffer[hi - 1], length: n, last: true))
        else { return nil }
        // Polynomial hashes of every prefix and suffix give the hash of the word without any one
        // byte in two steps: prefix(i) · Pⁿ⁻¹⁻ⁱ + suffix(i + 1).
        let powers = Vocabulary.polynomialPowers
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (n + 1)) { t -> Int32? in
            let suffix = n + 1
            t[0] = 0
            for k in 0..<n { t[k + 1] = t[k] &* Vocabulary.polynomialBase &+ UInt64(ASCII.lower(buffer[lo + k])) }
            t[suffix + n] = 0
            for k in stride(from: n - 1, through: 0, by: -1) {
                t[suffix + k] = UInt64(ASCII.lower(buffer[lo + k])) &* powers[n - 1 - k] &+ t[suffix + k + 1]
            }
            if let id = deletions.value(in: buffer, range: range, hash: t[n]), !ambiguous.contains(id) { return id }
            for skip in 0..<n {
                let h = t[skip] &* powers[n - 1 - skip] &+ t[suffix + skip + 1]
                if n - 1 >= minimumLength, let id = exact.value(in: buffer, range: range, skipping: lo + skip, hash: h) {
                    return id
                }
                if let id = deletions.value(in: buffer, range: range, skipping: lo + skip, hash: h), !ambiguous.contains(id),
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
