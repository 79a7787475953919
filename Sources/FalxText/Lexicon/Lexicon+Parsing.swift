/// An error in a lexicon file, with its line number.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// Line 0: a problem of the whole file, not of one line.
    public var description: String { line > 0 ? "lexicon line \(line): \(message)" : "lexicon: \(message)" }
}

extension Lexicon {
    /// Parses the lexicon format.
    ///
    /// One entry per line; `#` starts a comment; blank lines are ignored. Each entry is
    /// `KIND ARGUMENTS: PHRASE`, the phrase being tokens separated by spaces, matched
    /// case-insensitively, with `word*` matching any token that starts with `word`:
    ///
    ///     name: falx-default
    ///     target davf: dural arteriovenous fistula
    ///     target focal_deficit negated: neurologically intact
    ///     class calc: calcif*
    ///     class site falx: falcine
    ///     near dural_calcification: calc site 6 block blocker
    ///     modifier negated forward: no evidence of
    ///     modifier uncertain backward 8: cannot be excluded
    ///     section impression: conclusion
    ///     abbreviation: approx
    ///     header accession: acc \#
    ///     grammar coordinator: and or
    ///     spoken stop: full stop
    ///
    /// With a `vocabulary`, every concept, attribute and word class is checked against the names
    /// its consumer understands (see ``LexiconVocabulary``). With `base`, the entries are added to
    /// that lexicon's (`--lexicon-add`), and near rules may name its classes.
    ///
    /// - Throws: ``LexiconError`` naming the first bad line.
    public static func parse(
        _ text: String, name: String = "custom", vocabulary: LexiconVocabulary? = nil, extending base: Lexicon? = nil
    ) throws -> Lexicon {
        var lexicon = base ?? Lexicon(name: name)
        if let base { lexicon.name = base.name + "+" + name }
        var checker = vocabulary.map { LexiconChecker(vocabulary: $0) }
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            // `\#` is a literal `#` (header labels such as `acc \#`); another `#` starts a comment.
            if let hash = line.indices.first(where: { line[$0] == "#" && (line[..<$0].last != "\\") }) { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw LexiconError(line: lineNumber, message: "expected 'KIND ARGUMENTS: PHRASE'")
            }
            let head = trimmed[..<colon].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let phraseText = String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: " \t")
            let phrase = Lexicon.phraseTokens(phraseText)
            guard let kind = head.first else { throw LexiconError(line: lineNumber, message: "missing kind") }
            let args = Array(head.dropFirst())
            func need(_ ok: Bool, _ message: String) throws {
                if !ok { throw LexiconError(line: lineNumber, message: message) }
            }
            /// The first argument as one of `Name`'s cases.
            func named<Name: RawRepresentable & CaseIterable>(_: Name.Type, _ what: String) throws -> Name
            where Name.RawValue == String {
                guard let name = Name(rawValue: args[0]) else {
                    let names = Name.allCases.map(\.rawValue).joined(separator: ", ")
                    throw LexiconError(line: lineNumber, message: "unknown \(what) '\(args[0])' (one of \(names))")
                }
                return name
            }
            try checker?.check(kind: kind, args: args, phraseText: phraseText, line: lineNumber)
            switch kind {
            case "name":
                lexicon.name = base.map { $0.name + "+" + phraseText } ?? phraseText
            case "target":
                try need(args.count >= 1 && args.count <= 2, "target takes a concept and an optional attribute")
                try need(!phrase.isEmpty, "empty phrase")
                lexicon.targets.append(.init(concept: args[0], attribute: args.count > 1 ? args[1] : "", phrase: phrase))
            case "class":
                try need(args.count >= 1 && args.count <= 2, "class takes a name and an optional attribute")
                try need(!phrase.isEmpty, "empty phrase")
                if !lexicon.classes.contains(where: { $0.wordClass == args[0] }) {
                    // Classes are matched as bits of one 64-bit mask.
                    try need(Set(lexicon.classes.map(\.wordClass)).count < Lexicon.maxWordClasses, "more than 64 word classes")
                }
                lexicon.classes.append(.init(wordClass: args[0], attribute: args.count > 1 ? args[1] : "", phrase: phrase))
            case "near":
                try need(args.count == 1, "near takes a concept before the colon")
                var parts = phraseText.split(separator: " ").map(String.init)
                let commas = parts.last == "commas"
                if commas { parts.removeLast() }
                try need(
                    parts.count == 3 || (parts.count == 5 && parts[3] == "block"),
                    "near expects 'ANCHOR_CLASS SITE_CLASS WINDOW [block CLASS] [commas]'")
                guard let window = Int(parts[2]), window > 0, window < 64 else {
                    throw LexiconError(line: lineNumber, message: "near window must be 1...63")
                }
                lexicon.nearRules.append(
                    .init(
                        concept: args[0], anchorClass: parts[0], siteClass: parts[1],
                        window: window, blockClass: parts.count == 5 ? parts[4] : nil,
                        crossesCommas: commas))
            case "modifier":
                try need(args.count >= 2 && args.count <= 3, "modifier takes CATEGORY DIRECTION [WINDOW]")
                guard let category = ModifierCategory(rawValue: args[0]) else {
                    throw LexiconError(line: lineNumber, message: "unknown modifier category '\(args[0])'")
                }
                guard let direction = ModifierDirection(rawValue: args[1]) else {
                    throw LexiconError(line: lineNumber, message: "unknown direction '\(args[1])'")
                }
                var window = 0
                if args.count == 3 {
                    guard let w = Int(args[2]), w >= 0 else {
                        throw LexiconError(line: lineNumber, message: "bad window '\(args[2])'")
                    }
                    window = w
                }
                try need(!phrase.isEmpty, "empty phrase")
                lexicon.modifiers.append(.init(category: category, direction: direction, phrase: phrase, window: window))
            case "section":
                try need(args.count == 1, "section takes a kind")
                guard let sk = SectionKind(rawValue: args[0]) else {
                    throw LexiconError(line: lineNumber, message: "unknown section kind '\(args[0])'")
                }
                try need(!phrase.isEmpty, "empty phrase")
                lexicon.sectionHeaders.append((sk, phrase))
            case "abbreviation":
                lexicon.abbreviations.append(contentsOf: phrase)
            case "header":
                try need(args.count == 1, "header takes a field before the colon")
                try need(
                    Lexicon.headerFields.contains(args[0]),
                    "unknown header field '\(args[0])' (one of \(Lexicon.headerFields.joined(separator: ", ")))")
                try need(!phraseText.isEmpty, "empty label")
                lexicon.headerLabels.append(.init(field: args[0], label: phraseText.replacing("\\#", with: "#")))
            case "grammar":
                try need(args.count == 1, "grammar takes a role before the colon")
                let role = try named(GrammarRole.self, "grammar role")
                try need(!phrase.isEmpty && phrase.allSatisfy(Lexicon.isPlainWord), "grammar words are letters, one word each")
                lexicon.grammarWords[role, default: []].append(contentsOf: phrase)
            case "spoken":
                try need(args.count == 1, "spoken takes a mark before the colon")
                let mark = try named(SpokenMark.self, "spoken mark")
                try need(!phrase.isEmpty && phrase.allSatisfy(Lexicon.isPlainWord), "spoken punctuation is words of letters")
                lexicon.spokenPunctuation.append(.init(mark: mark, words: phrase))
            default:
                throw LexiconError(
                    line: lineNumber,
                    message:
                        "unknown kind '\(kind)'; valid kinds: abbreviation, class, grammar, header, modifier, name, near, section, spoken, target"
                )
            }
        }
        try checker?.finish(lexicon, extending: base != nil, lastLine: lineNumber)
        return lexicon
    }

    /// The most word classes a lexicon may name.
    public static let maxWordClasses = 64

    /// Whether a phrase token is a word of ASCII letters (a grammar word or a spoken one).
    static func isPlainWord(_ word: String) -> Bool {
        !word.isEmpty && word.utf8.allSatisfy { ASCII.isLower($0) }
    }

    /// Splits a phrase into the tokens the tokenizer would make of it (keeping `word*`).
    static func phraseTokens(_ phrase: String) -> [String] {
        let bytes = Array(phrase.utf8)
        var result: [String] = []
        let tokens = Tokenizer.tokens(of: bytes)
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            var s = Array(bytes[t.range]).map(ASCII.lower).utf8String
            // `word*` stays one token: the star marks a prefix.
            if k + 1 < tokens.count, tokens[k + 1].kind == .punct, bytes[Int(tokens[k + 1].start)] == 0x2A,
                !tokens[k + 1].flags.contains(.spaceBefore), t.kind != .punct
            {
                s += "*"; k += 1
            }
            result.append(s)
            k += 1
        }
        return result
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
