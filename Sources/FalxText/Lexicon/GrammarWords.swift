/// A role in which the text engine reads a word of the reports' own language.
///
/// The engine is language-free: the few grammar words it needs (what joins a list, what offers an
/// alternative reading, which words are not part of a noun phrase) come from the lexicon's
/// `grammar ROLE: WORD WORD ...` lines. A lexicon without them leaves the role empty: the rule that
/// reads it then never fires (the `falx` lexicon checks require every role, see ``LexiconVocabulary``).
public enum GrammarRole: String, CaseIterable, Sendable, Equatable {
    /// Words that join a finding to what it lies on or in ("calcification *along the* falx"): a
    /// proximity walk does not read a word after them as part of a blocking noun phrase.
    case function
    /// Words that join the items of a list in a proximity walk ("the falx, tentorium *and*
    /// petroclinoid ligaments"); `,`, `/` and `&` join them too.
    case coordinator
    /// Words that join the words a negation or hedge governs into a list in a run-on sentence
    /// (flattened dictation), so the cue reaches past its usual short window there.
    case runOnList = "run-on-list"
    /// A word that offers a differential after a comma ("a focus on the dura, calcification *or* a
    /// small haemorrhage"): both readings are hedged.
    case differential
    /// Words after an anchor that make it one reading of what came before the comma ("falcine
    /// density, calcification *or* artefact").
    case alternative
    /// Words that open a cued list of findings after a subject ("the dura is unremarkable, *with*
    /// no enhancement, thickening or calcification").
    case listOpener = "list-opener"
    /// Endings that make an anchor word an adjective of a blocking noun after it ("calcifi*ed*
    /// chronic convexity subdural"). Matched as the end of a word, not as a word.
    case adjectiveEnding = "adjective-ending"
    /// Words that, right after a comma, start a new statement: a hedge on the one item before
    /// that comma does not reach past them ("suggestive of PRES*, and* extensive calcification of
    /// the falx").
    case clauseJoin = "clause-join"
}

/// The punctuation mark a spoken word stands for in dictated text ("no bleed *period*").
public enum SpokenMark: String, CaseIterable, Sendable, Equatable {
    case paragraph, line, stop, semicolon, comma, colon

    /// The bytes written in place of the spoken words (the rest of their bytes become spaces).
    public var bytes: [UInt8] {
        switch self {
        case .paragraph: [0x0A, 0x0A]
        case .line: [0x0A]
        case .stop: [0x2E]
        case .semicolon: [0x3B]
        case .comma: [0x2C]
        case .colon: [0x3A]
        }
    }
}

extension Lexicon {
    /// Spoken punctuation: `spoken stop: full stop`.
    public struct SpokenPunctuationEntry: Sendable, Equatable {
        public var mark: SpokenMark
        /// The spoken words, lower case, matched whole and separated by one space.
        public var words: [String]

        /// An entry: `mark` spoken as `words` (lower case).
        public init(mark: SpokenMark, words: [String]) {
            self.mark = mark
            self.words = words
        }
    }
}

/// The words of one ``GrammarRole``, compiled for lookups on a document's tokens without building
/// strings.
struct GrammarWordSet: Sendable {
    private var table = Vocabulary(capacity: 16)
    /// Bit `n` set when a word of `n` bytes is in the set, so most tokens are rejected by length.
    private var lengths: UInt64 = 0
    /// The words as bytes, for ``endsAny(_:_:)``.
    private var words: [[UInt8]] = []

    init(_ list: [String]) {
        for (i, word) in list.enumerated() {
            let bytes = Array(word.utf8)
            table.insert(bytes, value: Int32(i))
            words.append(bytes)
            if bytes.count < 64 { lengths |= 1 << UInt64(bytes.count) }
        }
    }

    /// Whether token `k` of `doc`, folded, is one of the words; false for `k` out of range.
    @inline(__always) func contains(_ doc: Document, _ k: Int) -> Bool {
        guard k >= 0 && k < doc.tokens.count else { return false }
        let t = doc.tokens[k]
        guard t.length < 64, lengths & (1 << UInt64(t.length)) != 0 else { return false }
        return doc.text.withUnsafeBufferPointer { table.value(in: $0, range: t.range) != nil }
    }

    /// Whether the text's bytes `range`, folded, end with one of the words.
    func endsAny(_ doc: Document, _ range: Range<Int>) -> Bool {
        words.contains { doc.hasSuffix(range, $0) }
    }
}

/// The grammar words of a lexicon, one set per role.
struct Grammar: Sendable {
    let function: GrammarWordSet
    let coordinator: GrammarWordSet
    let runOnList: GrammarWordSet
    let differential: GrammarWordSet
    let alternative: GrammarWordSet
    let listOpener: GrammarWordSet
    let adjectiveEnding: GrammarWordSet
    let clauseJoin: GrammarWordSet

    init(_ words: [GrammarRole: [String]]) {
        func set(_ role: GrammarRole) -> GrammarWordSet { GrammarWordSet(words[role] ?? []) }
        function = set(.function)
        coordinator = set(.coordinator)
        runOnList = set(.runOnList)
        differential = set(.differential)
        alternative = set(.alternative)
        listOpener = set(.listOpener)
        adjectiveEnding = set(.adjectiveEnding)
        clauseJoin = set(.clauseJoin)
    }
}

extension Document {
    /// Whether the text's bytes `range`, folded, end with `suffix` (lower-case bytes).
    func hasSuffix(_ range: Range<Int>, _ suffix: [UInt8]) -> Bool {
        let n = suffix.count
        guard range.count >= n else { return false }
        let s = range.upperBound - n
        for i in 0..<n where ASCII.lower(text[s + i]) != suffix[i] { return false }
        return true
    }
}
