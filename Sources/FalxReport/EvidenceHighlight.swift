/// Marks the dural-calcification mention in an evidence sentence.
///
/// The audit's `dc_offsets` count Unicode scalars of the whole report text, not of the sentence, and the
/// report text is not in the audit; so the mention is found again in the sentence by its words: `falx`,
/// `falcine`/`falcial` (`falc…`), `tentori…`, `dura`, `dural`, `calcif…`, `calc`, `petroclinoid`,
/// `interclinoid`, `convexity`. Each such word is marked; the rest of the sentence is plain text.
public enum EvidenceHighlight {
    static let exact: Set<String> = ["falx", "dura", "dural", "calc", "calcs", "petroclinoid", "interclinoid", "convexity"]
    static let prefixes = ["falc", "tentori", "calcif", "petroclin", "interclin"]

    /// Whether a word names the mention.
    public static func isMentionWord(_ word: Substring) -> Bool {
        let w = word.lowercased()
        return exact.contains(w) || prefixes.contains { w.hasPrefix($0) }
    }

    /// The sentence as text and `<mark>` nodes.
    public static func nodes(_ sentence: String) -> [Node] {
        var out: [Node] = []
        var plain = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            if isMentionWord(Substring(word)) {
                if !plain.isEmpty { out.append(.text(plain)) }
                plain = ""
                out.append(.element("mark", text: word))
            } else {
                plain += word
            }
            word = ""
        }
        for c in sentence {
            if c.isLetter {
                word.append(c)
            } else {
                flushWord()
                plain.append(c)
            }
        }
        flushWord()
        if !plain.isEmpty { out.append(.text(plain)) }
        return out
    }
}
