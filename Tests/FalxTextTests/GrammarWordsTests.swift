import FalxClinical
import Testing

@testable import FalxText

/// The grammar words and spoken punctuation the engine reads come from the lexicon: changing them
/// there changes what the engine does, and a lexicon without them is refused where Falx needs them.
@Suite struct GrammarWordsTests {
    /// A small lexicon (a proximity rule, two targets, one negation) with these grammar lines.
    func lexicon(grammar: String) throws -> CompiledLexicon {
        var text = "name: test\nclass anchor: calcif*\nclass site north: falx\nclass blocker: meningioma\n"
        text += "near stone: anchor site 5 block blocker\ntarget fever: fever\ntarget cough: cough\n"
        text += "modifier negated forward: no\n" + grammar
        return CompiledLexicon(try Lexicon.parse(text))
    }

    func mentions(_ s: String, _ lexicon: CompiledLexicon) -> [Mention] {
        MentionFinder(lexicon: lexicon).mentions(in: TextEngine(lexicon: lexicon).analyze(Array(s.utf8)))
    }

    /// "calcified falx near the meningioma": the function words between keep the calcification off
    /// the meningioma's noun phrase; a lexicon without them lets the meningioma own it.
    @Test func functionWordsComeFromTheLexicon() throws {
        let sentence = "Calcified falx near the meningioma."
        let english = try lexicon(grammar: "grammar function: near the\ngrammar adjective-ending: ed\n")
        #expect(mentions(sentence, english).filter { $0.concept == "stone" }.map(\.attributes) == [["north"]])
        let other = try lexicon(grammar: "grammar function: of\ngrammar adjective-ending: ed\n")
        #expect(mentions(sentence, other).filter { $0.concept == "stone" }.isEmpty)
        // The adjective ending is data too: "falx calcified meningioma" is a calcified meningioma
        // only while "-ed" makes "calcified" an adjective.
        let noEnding = try lexicon(grammar: "grammar function: of\n")
        #expect(mentions("Falx calcified meningioma.", other).filter { $0.concept == "stone" }.isEmpty)
        #expect(
            mentions("Falx calcified meningioma.", noEnding).filter { $0.concept == "stone" }.map(\.attributes) == [["north"]])
    }

    /// "seen on the scan, fever or cough": the differential word hedges both readings, in whatever
    /// language the lexicon gives it.
    @Test func theDifferentialWordComesFromTheLexicon() throws {
        let english = try lexicon(grammar: "grammar differential: or\n")
        #expect(mentions("Seen on the scan, fever or cough.", english).map(\.assertion) == [.uncertain, .uncertain])
        let french = try lexicon(grammar: "grammar differential: ou\n")
        #expect(mentions("Seen on the scan, fever or cough.", french).map(\.assertion) == [.affirmed, .affirmed])
        #expect(mentions("Seen on the scan, fever ou cough.", french).map(\.assertion) == [.uncertain, .uncertain])
    }

    /// A FalxText lexicon without grammar lines has no grammar words: the rules that read them
    /// never fire, and no text is read as dictated.
    @Test func aLexiconWithoutGrammarLinesHasNoGrammarWords() throws {
        let bare = try lexicon(grammar: "")
        #expect(bare.source.grammarWords.isEmpty && bare.source.spokenPunctuation.isEmpty)
        #expect(mentions("Seen on the scan, fever or cough.", bare).map(\.assertion) == [.affirmed, .affirmed])
        let dictated = Array("no bleed period no mass period".utf8)
        #expect(DictationNormaliser.normalise(dictated, spoken: bare.spokenPunctuation) == dictated)
    }

    @Test func spokenPunctuationComesFromTheLexicon() throws {
        let german = try lexicon(grammar: "spoken stop: punkt\nspoken paragraph: neuer absatz\n")
        let text = Array("keine blutung punkt neuer absatz keine masse punkt".utf8)
        let out = String(decoding: DictationNormaliser.normalise(text, spoken: german.spokenPunctuation), as: UTF8.self)
        #expect(out == "keine blutung .     \n\n           keine masse .    ")
        // The built-in words mean nothing to it.
        let english = Array("no bleed period no mass period".utf8)
        #expect(DictationNormaliser.normalise(english, spoken: german.spokenPunctuation) == english)
    }

    @Test func badGrammarLinesNameTheirLine() {
        func error(_ text: String) -> LexiconError? {
            do {
                _ = try Lexicon.parse(text)
                return nil
            } catch {
                return error as? LexiconError
            }
        }
        #expect(error("target fever: fever\ngrammar glue: and")?.line == 2)
        #expect(error("grammar glue: and")?.message.contains("one of function, coordinator") == true)
        #expect(error("grammar function: calc*")?.message.contains("letters, one word each") == true)
        #expect(error("grammar function:")?.line == 1)
        #expect(error("grammar: and")?.line == 1)
        #expect(error("spoken bang: exclamation mark")?.message.contains("one of paragraph, line, stop") == true)
        #expect(error("spoken stop: full-stop")?.line == 1)
        #expect(error("grammar coordinator: and or\nspoken stop: full stop") == nil)
    }

    /// Falx's own lexicon checks: a lexicon that replaces the built-in one must give every role and
    /// every spoken mark, and the error names what is missing; an added lexicon need not.
    @Test func falxRefusesALexiconMissingItsGrammar() throws {
        let full = ClinicalLexicon.defaultText
        func without(_ prefix: String) -> String {
            full.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(prefix) }
                .joined(separator: "\n")
        }
        func message(_ text: String) -> String? {
            do {
                _ = try ClinicalLexicon.load(text: text, name: "custom")
                return nil
            } catch {
                return (error as? LexiconError)?.message
            }
        }
        #expect(message(full) == nil)
        #expect(
            message(without("grammar list-opener"))
                == "the lexicon has no 'grammar list-opener' words, which Falx reads (copy its grammar lines from `falx lexicon`)"
        )
        #expect(message(without("grammar "))?.contains("'grammar function'") == true)
        #expect(
            message(without("spoken line"))
                == "the lexicon has no 'spoken line' line, which Falx reads (copy its spoken lines from `falx lexicon`)")
        let added = try ClinicalLexicon.load(
            text: "grammar function: apud\n", name: "add", extending: ClinicalLexicon.standard.compiled.source)
        #expect(added.compiled.source.grammarWords[.function]?.last == "apud")
        #expect(added.compiled.source.grammarWords[.coordinator] == ["or", "and"])
    }

    /// The built-in grammar words are the ones the engine read before they moved into the lexicon
    /// (`involving`, `overlying` and `underlying` were listed but never matched: the old lookup
    /// took words of at most eight letters, so they are left out to keep every reading the same).
    @Test func theBuiltInGrammarWords() {
        let words = DefaultLexicon.source.grammarWords
        #expect(words[.coordinator] == ["or", "and"])
        #expect(words[.runOnList] == ["or", "and", "nor"])
        #expect(words[.differential] == ["or"])
        #expect(words[.alternative] == ["or", "versus", "vs"])
        #expect(words[.listOpener] == ["with"])
        #expect(words[.adjectiveEnding] == ["ed", "ic", "ing"])
        #expect(words[.clauseJoin] == ["and"])
        #expect(words[.function]?.count == 39)
        #expect(words[.function]?.allSatisfy { $0.utf8.count <= 8 } == true)
        #expect(Set(DefaultLexicon.source.spokenPunctuation.map(\.mark)) == Set(SpokenMark.allCases))
    }
}
