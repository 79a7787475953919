import Testing
@testable import FalxText

/// A small domain-free lexicon: the engine knows nothing of medicine.
let testLexicon: CompiledLexicon = {
    let text = """
        name: test
        section history: clinical history
        section history: indication
        section findings: findings
        section findings: report
        section impression: impression
        section impression: conclusion
        section addendum: addendum
        abbreviation: dr
        abbreviation: approx
        target fever: fever
        target cough: cough
        target rash: skin rash
        target rash: rash
        class anchor: calcif*
        class site north: falx
        class site south: tentorium
        class blocker: meningioma
        near stone: anchor site 5 block blocker
        modifier negated forward: no
        modifier negated forward: not
        modifier negated backward: not seen
        modifier uncertain forward: possible
        modifier uncertain backward: cannot be excluded
        modifier hypothetical forward: rule out
        modifier family forward: mother
        modifier historical forward 4: history of
        modifier pseudo forward: no change in
        modifier stable both 8: no change in
        modifier stable both 8: unchanged
        modifier new both 8: new
        modifier terminator both: but
        modifier cause forward: viral
        grammar function: of along in within at near over on adjacent to by from with and or the a an
        grammar function: is are was were seen noted which that abutting beside next into across around
        grammar function: about versus vs than without no not
        grammar coordinator: or and
        grammar run-on-list: or and nor
        grammar differential: or
        grammar alternative: or versus vs
        grammar list-opener: with
        grammar adjective-ending: ed ic ing
        grammar clause-join: and
        spoken paragraph: new paragraph
        spoken stop: period
        spoken colon: colon
        """
    do { return CompiledLexicon(try Lexicon.parse(text)) } catch { fatalError("\\(error)") }
}()

func analyse(_ s: String) -> (Document, [Mention]) {
    let doc = TextEngine(lexicon: testLexicon).analyze(Array(s.utf8))
    return (doc, MentionFinder(lexicon: testLexicon).mentions(in: doc))
}

@Suite struct SentenceTests {
    func sentences(_ s: String) -> [String] {
        let (doc, _) = analyse(s)
        return doc.sentences.indices.map { doc.collapsedText(ofSentence: $0) }
    }

    @Test func abbreviationsDecimalsAndInitialsDoNotSplit() {
        #expect(
            sentences("Seen by Dr. Smith at approx. 10 am. Size 1.5 cm, e.g. small. Next one.") == [
                "Seen by Dr. Smith at approx. 10 am.", "Size 1.5 cm, e.g. small.", "Next one.",
            ])
    }

    @Test func numberedListsSplitPerItem() {
        #expect(sentences("IMPRESSION:\n1. Cough.\n2. No fever.\n3) Rash") == ["1. Cough.", "2. No fever.", "3) Rash"])
        #expect(sentences("Impression: 1. Cough. 2. No fever.") == ["1. Cough.", "2. No fever."])
        // Sentences glued by a PDF end at the period; abbreviations, initials and decimals do not.
        #expect(
            sentences("There is a cough.A fever is seen on SWI.No rash.") == [
                "There is a cough.", "A fever is seen on SWI.", "No rash.",
            ])
        #expect(sentences("Seen by Dr.Smith, e.g.Cough, size 2.5 cm.") == ["Seen by Dr.Smith, e.g.Cough, size 2.5 cm."])
    }

    @Test func hardWrappedLinesJoinAndShortLinesSplit() {
        let wrapped =
            "There is a long sentence that the transcription system wrapped at about\nseventy columns without a period. Then another."
        #expect(sentences(wrapped).count == 2)
        let caps = "THERE IS A LONG SENTENCE THAT THE OLD RIS SYSTEM WRAPPED AT ABOUT SEVENTY\nCOLUMNS IN CAPITALS. NEXT."
        #expect(sentences(caps).count == 2)
        #expect(sentences("CT HEAD WITHOUT CONTRAST\nFindings: cough").count == 2)
        #expect(sentences("Ventricles: normal\nDura: unremarkable\nSinuses: clear").count == 3)
    }

    @Test func lowerCaseRunOnTranscription() {
        #expect(sentences("findings:, no mass. no fever. cough noted.").count == 3)
    }
}

@Suite struct SectionTests {
    func kinds(_ s: String) -> [SectionKind] { analyse(s).0.sections.map(\.kind) }

    @Test func headerStyles() {
        #expect(
            kinds("CT HEAD\nCLINICAL HISTORY: fever\nFINDINGS: cough\nIMPRESSION: rash") == [
                .body, .history, .findings, .impression,
            ])
        #expect(kinds("Indication, fever\nReport, cough\nConclusion, rash") == [.history, .findings, .impression])
        #expect(kinds("FINDINGS\nCough.\n\nIMPRESSION\nRash.") == [.findings, .impression])
        #expect(kinds("clinical history:, fever ,findings:, cough ,impression:, rash") == [.history, .findings, .impression])
        #expect(kinds("ADDENDUM 12/03/2024: no rash") == [.addendum])
    }

    @Test func historyEndsAtBlankLineOrLabelLine() {
        #expect(kinds("Indication: fever\n\nCough seen.") == [.history, .findings])
        #expect(kinds("Indication: fever\nBrain parenchyma: cough") == [.history, .findings])
    }

    @Test func capitalHeadersInsideOneLine() {
        // A report flattened onto one line keeps its headers apart with blanks or lower-case words.
        #expect(kinds("INDICATION: fever  FINDINGS: cough  IMPRESSION: rash") == [.history, .findings, .impression])
        #expect(kinds("Indication: fever then FINDINGS: cough") == [.history, .findings])
        // Not the tail of a longer capital label, nor a header without its colon.
        #expect(kinds("INDICATION: fever. INTRAOPERATIVE FINDINGS: cough") == [.history])
        #expect(kinds("Indication: fever with FINDINGS of cough") == [.history])
    }

    @Test func historyOfIsNotAHeader() {
        #expect(kinds("History of fever. Cough.") == [.body])
    }
}

@Suite struct AssertionTests {
    func status(_ s: String, _ concept: String) -> Mention? {
        analyse(s).1.first { $0.concept == concept }
    }

    @Test(arguments: [
        ("Cough.", Assertion.affirmed),
        ("No cough.", .negated),
        ("No fever, rash or cough.", .negated),
        ("Cough is not seen.", .negated),
        ("Possible cough.", .uncertain),
        ("Cough cannot be excluded.", .uncertain),
        ("No fever but cough.", .affirmed),
        ("No fever; cough.", .affirmed),
        ("Possible viral cough.", .affirmed),
        ("No change in cough.", .affirmed),
    ])
    func contextAssertion(_ sentence: String, _ expected: Assertion) throws {
        let m = try #require(status(sentence, "cough"))
        #expect(m.assertion == expected, "\(sentence)")
    }

    @Test func hypotheticalFamilyHistoricalTemporality() throws {
        #expect(try #require(status("Rule out cough.", "cough")).hypothetical)
        #expect(try #require(status("Mother had a cough.", "cough")).family)
        #expect(try #require(status("History of cough.", "cough")).historical)
        #expect(try #require(status("No change in cough.", "cough")).temporality == .stable)
        #expect(try #require(status("New cough.", "cough")).temporality == .new)
        #expect(try #require(status("Cough since the last visit, unchanged.", "cough")).temporality == .stable)
    }

    @Test func triggersNameTheDecidingCue() throws {
        let m = try #require(status("There is no cough today.", "cough"))
        #expect(m.triggers.map(\.phrase) == ["no"])
    }
}

@Suite struct ProximityTests {
    func stones(_ s: String) -> [Mention] { analyse(s).1.filter { $0.concept == "stone" } }

    @Test func coordinatedSitesAreCollected() throws {
        let m = try #require(stones("Calcification of the falx, tentorium and falx.").first)
        #expect(Set(m.attributes) == ["north", "south"])
        #expect(stones("The falx is calcified.").first?.attributes == ["north"])
        #expect(stones("Falx: calcified.").first?.attributes == ["north"])
    }

    @Test func blockersOwnTheCalcification() {
        #expect(stones("Calcified meningioma.").isEmpty)
        #expect(stones("Calcified falx meningioma arising there.").isEmpty)
        #expect(stones("Calcification, but the falx is fine.").isEmpty)
        // A comma after the blocker ends its phrase; it does not coordinate it with what follows.
        #expect(stones("Calcified falx meningioma, likely incidental.").isEmpty)
        #expect(stones("Calcified falx meningioma, probably old.").isEmpty)
        // A blocker that is one item of a list with the site after it does not stop the list.
        #expect(stones("Calcified meningioma, falx and tentorium.").first.map { Set($0.attributes) } == ["north", "south"])
    }

    /// "falx meningioma or calcification": a blocker coordinated with the anchor shares the site
    /// before it; one that is not coordinated still owns the anchor.
    @Test func blockerCoordinatedWithTheAnchorSharesTheSite() {
        #expect(stones("No falx meningioma or calcification.").first?.attributes == ["north"])
        #expect(stones("Tentorium meningioma and calcification.").first?.attributes == ["south"])
        #expect(stones("Falx meningioma calcification.").isEmpty)
    }

    @Test func negationInsideTheMention() throws {
        let m = try #require(stones("The falx is not calcified.").first)
        #expect(m.assertion == .negated)
    }
}

@Suite struct LexiconTests {
    @Test func badLinesNameTheirLine() {
        #expect(throws: LexiconError.self) { try Lexicon.parse("target fever fever") }
        do {
            _ = try Lexicon.parse("name: x\nmodifier sometimes forward: no")
            Issue.record("expected an error")
        } catch let e as LexiconError {
            #expect(e.line == 2)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func atMostSixtyFourWordClasses() throws {
        let classes = (0..<64).map { "class c\($0): word\($0)" }.joined(separator: "\n")
        let lex = CompiledLexicon(try Lexicon.parse(classes))
        #expect(lex.classBit("c63") == 1 << 63)
        let doc = TextEngine(lexicon: lex).analyze(Array("word0 then word63".utf8))
        #expect(lex.classMatchBits(doc.tokens, in: 0..<doc.tokens.count).map(\.classes) == [1, 1 << 63])
        do {
            _ = try Lexicon.parse(classes + "\nclass c0: again\nclass c64: word64")
            Issue.record("expected an error for the 65th class")
        } catch let e as LexiconError {
            #expect(e.line == 66)
        }
    }

    @Test func spellingCorrectionForLongWordsOnly() throws {
        let lex = CompiledLexicon(try Lexicon.parse("target calc: calcification\ntarget conf: confusion\ntarget tent: tentorium"))
        let engine = TextEngine(lexicon: lex)
        let finder = MentionFinder(lexicon: lex)
        func concepts(_ s: String) -> [String] { finder.mentions(in: engine.analyze(Array(s.utf8))).map(\.concept) }
        #expect(concepts("calcifcation") == ["calc"])  // letter missing
        #expect(concepts("calcificaiton") == ["calc"])  // letters swapped
        #expect(concepts("calcificattion") == ["calc"])  // letter doubled
        #expect(concepts("tentorim") == ["tent"])
        #expect(concepts("contusion").isEmpty)  // a substitution is another word
    }

    @Test func vocabularyFoldsCase() {
        var v = Vocabulary()
        v.insert(Array("Falx".utf8), value: 7)
        #expect(v.value(of: "FALX") == 7)
        #expect(v.value(of: "falx") == 7)
        #expect(v.value(of: "falxx") == nil)
    }
}
