/// Turns spoken punctuation left in speech-recognition output ("no bleed period", "history
/// colon", "new paragraph") into the punctuation it stands for, without changing any byte offset.
///
/// It acts only on text that looks dictated: the word "period" (or "full stop") stands alone at
/// least twice and outnumbers real full stops. Each spoken word is replaced by its mark followed
/// by spaces of the same length, so token offsets still index the original report.
public enum DictationNormaliser {
    static let replacements: [(words: [UInt8], mark: [UInt8])] = [
        (Array("new paragraph".utf8), [0x0A, 0x0A]),
        (Array("next paragraph".utf8), [0x0A, 0x0A]),
        (Array("new line".utf8), [0x0A]),
        (Array("next line".utf8), [0x0A]),
        (Array("full stop".utf8), [0x2E]),
        (Array("semicolon".utf8), [0x3B]),
        (Array("period".utf8), [0x2E]),
        (Array("comma".utf8), [0x2C]),
        (Array("colon".utf8), [0x3A]),
    ]

    /// The text with spoken punctuation replaced, or the text unchanged when it is not dictated.
    ///
    /// - Complexity: O(n).
    public static func normalise(_ text: [UInt8]) -> [UInt8] {
        guard looksDictated(text) else { return text }
        var out = text
        var i = 0
        while i < out.count {
            guard isWordStart(out, i) else { i += 1; continue }
            var replaced = false
            for r in replacements where matches(out, i, r.words) {
                let end = i + r.words.count
                for k in i..<end { out[k] = 0x20 }
                for (k, b) in r.mark.enumerated() { out[i + k] = b }
                i = end
                replaced = true
                break
            }
            if !replaced { i += 1 }
        }
        return out
    }

    static func looksDictated(_ text: [UInt8]) -> Bool {
        var spoken = 0
        var stops = 0
        let period = Array("period".utf8)
        let fullStop = Array("full stop".utf8)
        func spokenAt(_ i: Int) -> Bool {
            isWordStart(text, i) && (matches(text, i, period) || matches(text, i, fullStop))
        }
        text.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            // Eight bytes at a time: full stops are counted with a byte-equality mask; only a 'p' or an
            // 'f' (either case) can start the spoken word, so only those bytes are looked at.
            while i + 8 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                stops += (bytesEqual(v, 0x2E)).nonzeroBitCount
                let lower = v | 0x2020_2020_2020_2020
                var candidates = bytesEqual(lower, 0x70) | bytesEqual(lower, 0x66)
                while candidates != 0 {
                    let k = candidates.trailingZeroBitCount / 8
                    if spokenAt(i + k) { spoken += 1 }
                    candidates &= candidates - 1
                }
                i += 8
            }
            while i < n {
                let b = raw[i]
                if b == 0x2E {
                    stops += 1
                } else if b | 0x20 == 0x70 || b | 0x20 == 0x66, spokenAt(i) {
                    spoken += 1
                }
                i += 1
            }
        }
        return spoken >= 2 && spoken > stops
    }

    /// The high bit of each byte of `v` that equals `byte`, and no other bit.
    @inline(__always) static func bytesEqual(_ v: UInt64, _ byte: UInt8) -> UInt64 {
        let x = v ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    static func isWordStart(_ t: [UInt8], _ i: Int) -> Bool {
        i == 0 || !Tokenizer.isWordByte(t[i - 1])
    }

    /// Case-insensitive whole-word match of `words` at `i`.
    static func matches(_ t: [UInt8], _ i: Int, _ words: [UInt8]) -> Bool {
        guard i + words.count <= t.count else { return false }
        for (k, w) in words.enumerated() where ASCII.lower(t[i + k]) != w { return false }
        let end = i + words.count
        return end == t.count || !Tokenizer.isWordByte(t[end])
    }
}
