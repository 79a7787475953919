/// The names a lexicon's consumer understands. A lexicon is data, but the code that reads its
/// mentions looks concepts, attributes and word classes up by name: a misspelt name would match
/// text and then be silently ignored, so a lexicon loaded with a vocabulary is checked entry by entry.
public struct LexiconVocabulary: Sendable {
    /// Concepts a `target` or `near` entry may name.
    public var concepts: Set<String>
    /// Attributes a `target` or `class` entry may carry (`a+b` names two).
    public var attributes: Set<String>
    /// Word classes the consumer looks up itself: a lexicon that replaces the built-in one must define them.
    public var requiredClasses: Set<String>
    /// Grammar roles a lexicon that replaces the built-in one must give words for.
    public var requiredGrammar: Set<GrammarRole>
    /// Spoken marks a lexicon that replaces the built-in one must give words for.
    public var requiredSpokenMarks: Set<SpokenMark>

    public init(
        concepts: Set<String>, attributes: Set<String>, requiredClasses: Set<String>, requiredGrammar: Set<GrammarRole> = [],
        requiredSpokenMarks: Set<SpokenMark> = []
    ) {
        self.concepts = concepts
        self.attributes = attributes
        self.requiredClasses = requiredClasses
        self.requiredGrammar = requiredGrammar
        self.requiredSpokenMarks = requiredSpokenMarks
    }
}

/// Checks a lexicon's entries against a ``LexiconVocabulary`` while it is parsed.
struct LexiconChecker {
    let vocabulary: LexiconVocabulary
    /// Near rules seen, with their line, for the classes they name (checked once all are defined).
    var nearClasses: [(line: Int, names: [String])] = []
    var entries = 0

    init(vocabulary: LexiconVocabulary) { self.vocabulary = vocabulary }

    /// Checks the names on one entry line.
    mutating func check(kind: String, args: [String], phraseText: String, line: Int) throws {
        if kind != "name" { entries += 1 }
        switch kind {
        case "target":
            if let concept = args.first { try known(concept, in: vocabulary.concepts, what: "concept", line: line) }
            if args.count > 1 { try knownAttributes(args[1], line: line) }
        case "class":
            if args.count > 1 { try knownAttributes(args[1], line: line) }
        case "near":
            if let concept = args.first { try known(concept, in: vocabulary.concepts, what: "concept", line: line) }
            var parts = phraseText.split(separator: " ").map(String.init)
            if parts.last == "commas" { parts.removeLast() }
            let classes = [parts.first, parts.count > 1 ? parts[1] : nil, parts.count == 5 ? parts[4] : nil]
            nearClasses.append((line, classes.compactMap { $0 }))
        default:
            break
        }
    }

    /// Whole-lexicon checks: not empty, near rules name defined classes, required classes defined.
    func finish(_ lexicon: Lexicon, extending: Bool, lastLine: Int) throws {
        guard entries > 0 else {
            throw LexiconError(line: 0, message: "the lexicon has no entries (an empty file or only comments)")
        }
        let defined = Set(lexicon.classes.map(\.wordClass))
        for (line, names) in nearClasses {
            for name in names where !defined.contains(name) {
                throw LexiconError(
                    line: line,
                    message:
                        "unknown word class '\(name)' in a near rule; defined classes: \(defined.sorted().joined(separator: ", "))"
                )
            }
        }
        if !extending {
            for name in vocabulary.requiredClasses.sorted() where !defined.contains(name) {
                throw LexiconError(
                    line: 0,
                    message: "the lexicon defines no class '\(name)', which Falx reads (copy its entries from `falx lexicon`)")
            }
            for role in GrammarRole.allCases where vocabulary.requiredGrammar.contains(role) && lexicon.grammarWords[role] == nil
            {
                throw LexiconError(
                    line: 0,
                    message:
                        "the lexicon has no 'grammar \(role.rawValue)' words, which Falx reads (copy its grammar lines from `falx lexicon`)"
                )
            }
            let marks = Set(lexicon.spokenPunctuation.map(\.mark))
            for mark in SpokenMark.allCases where vocabulary.requiredSpokenMarks.contains(mark) && !marks.contains(mark) {
                throw LexiconError(
                    line: 0,
                    message:
                        "the lexicon has no 'spoken \(mark.rawValue)' line, which Falx reads (copy its spoken lines from `falx lexicon`)"
                )
            }
        }
    }

    func knownAttributes(_ attribute: String, line: Int) throws {
        for part in attribute.split(separator: "+", omittingEmptySubsequences: false) {
            try known(String(part), in: vocabulary.attributes, what: "attribute", line: line)
        }
    }

    func known(_ name: String, in names: Set<String>, what: String, line: Int) throws {
        guard !names.contains(name) else { return }
        var message = "unknown \(what) '\(name)'"
        if let near = names.min(by: { editDistance($0, name) < editDistance($1, name) }), editDistance(near, name) <= 2 {
            message += " (did you mean '\(near)'?)"
        }
        throw LexiconError(line: line, message: message + "; valid \(what)s: \(names.sorted().joined(separator: ", "))")
    }

    /// Levenshtein distance, for a suggestion on a misspelt name.
    func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
