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
        for i in text.indices {
            let b = text[i]
            if b == 0x2E { stops += 1; continue }
            // Only a 'p' or an 'f' can start the spoken word.
            guard b | 0x20 == 0x70 || b | 0x20 == 0x66 else { continue }
            if isWordStart(text, i) && (matches(text, i, period) || matches(text, i, fullStop)) { spoken += 1 }
        }
        return spoken >= 2 && spoken > stops
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
