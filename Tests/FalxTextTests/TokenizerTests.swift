import Testing
@testable import FalxText

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return Tokenizer.tokens(of: b).map { String(decoding: b[$0.range], as: UTF8.self) }
    }

    @Test func clinicalAbbreviationsAndNumbers() {
        #expect(
            words("52 y/o F s/p fall w/o LOC, 1.5 cm?") == ["52", "y/o", "F", "s/p", "fall", "w/o", "LOC", ",", "1.5", "cm", "?"])
        #expect(words("?dAVF") == ["?", "dAVF"])
        #expect(words("and/or") == ["and", "/", "or"])
        #expect(words("F/67") == ["F", "/", "67"])
    }

    @Test func decimalsStayWholeButSentenceDotsSplit() {
        #expect(words("measures 0.75 mm. Next") == ["measures", "0.75", "mm", ".", "Next"])
        #expect(words("in 2019.") == ["in", "2019", "."])
    }

    @Test func typographicPunctuationAndNoBreakSpace() {
        // en dash, right single quote, no-break space
        let s = "falx\u{2013}tentorium Labb\u{E9}\u{2019}s\u{A0}vein"
        #expect(words(s) == ["falx", "\u{2013}", "tentorium", "Labb\u{E9}", "\u{2019}", "s", "vein"])
    }

    @Test func offsetsAreByteOffsetsAndFlagsLines() {
        let b = Array("CT HEAD\n\nFindings: ok".utf8)
        let t = Tokenizer.tokens(of: b)
        #expect(t[0].range == 0..<2)
        #expect(t[0].flags.contains(.lineStart) && t[0].flags.contains(.allCaps))
        #expect(t[2].flags.contains(.paragraphStart))
        #expect(t[2].flags.contains(.capitalised) && !t[2].flags.contains(.allCaps))
        #expect(t.last?.range == 19..<21)
    }

    @Test func invalidAndTruncatedUTF8NeverCrash() {
        let b: [UInt8] = [0x66, 0x61, 0xFF, 0xE2, 0x80, 0x20, 0xC2, 0xE2]
        let t = Tokenizer.tokens(of: b)
        #expect(t.allSatisfy { $0.range.upperBound <= b.count && !$0.range.isEmpty })
    }

    /// Differential test: every byte is either white space or inside exactly one token.
    @Test(arguments: [
        "No acute intracranial haemorrhage.\nFalx: calcified.",
        "IMPRESSION:\n1. Falcine calcification.\n2) No mass.",
        "pt. 72yo F/67 w/ CKD-4 (eGFR 25); ?CVST",
        "",
    ])
    func tokensCoverAllNonSpaceBytes(_ text: String) {
        let b = Array(text.utf8)
        var covered = [Bool](repeating: false, count: b.count)
        for t in Tokenizer.tokens(of: b) { for i in t.range { #expect(!covered[i]); covered[i] = true } }
        for (i, c) in covered.enumerated() where !c { #expect(ASCII.isSpace(b[i])) }
    }
}

@Suite struct DictationTests {
    let spoken = DefaultLexicon.compiled.spokenPunctuation

    @Test func spokenPunctuationBecomesMarksWithOffsetsKept() {
        let text = Array(
            "history colon headache period findings colon no bleed period new paragraph impression colon normal period".utf8)
        let out = DictationNormaliser.normalise(text, spoken: spoken)
        #expect(out.count == text.count)
        let s = String(decoding: out, as: UTF8.self)
        #expect(s.hasPrefix("history :     headache .      findings :     no bleed ."))
        #expect(s.contains("\n\n"))
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = Array("There was a period of confusion. The colon is not imaged. No bleed.".utf8)
        #expect(DictationNormaliser.normalise(text, spoken: spoken) == text)
    }

    /// The eight-bytes-at-a-time scan decides as a byte-by-byte reading of the rule does, on texts
    /// with the spoken words at every offset, in any case, glued to words, dots and non-ASCII; with
    /// the built-in spoken full stops and with a lexicon's whose words start with three letters.
    @Test(arguments: [["period", "full stop"], ["period", "full stop", "punkt", "stop"]])
    func wordAtATimeScanAgreesWithTheRule(stopWords: [String]) {
        let spoken = SpokenPunctuation(
            stopWords.map { .init(mark: .stop, words: $0.split(separator: " ").map(String.init)) })
        func reference(_ t: [UInt8]) -> Bool {
            var spokenCount = 0
            var stops = 0
            for i in t.indices {
                if t[i] == 0x2E { stops += 1 }
                if DictationNormaliser.isWordStart(t, i)
                    && stopWords.contains(where: { DictationNormaliser.matches(t, i, Array($0.utf8)) })
                {
                    spokenCount += 1
                }
            }
            return spokenCount >= 2 && spokenCount > stops
        }
        let pieces = [
            "period", "PERIOD", "Period", "full stop", "Full Stop", "fullstop", "periods", "xperiod", ".", "1.5", " ", "\n",
            "no bleed", "é", "—", "p", "f", "full", "stop", "punkt", "Punkt", "s",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var dictated = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(state % 23) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
                if state & 1 == 0 { text += " " }
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bytes = Array(text.utf8)
            let want = reference(bytes)
            #expect(DictationNormaliser.looksDictated(bytes, spoken: spoken) == want, "\(text)")
            if want { dictated += 1 }
        }
        // The generator must reach both answers, or the comparison proves little.
        #expect(dictated > 100 && dictated < 2900)
    }
}

@Suite struct UnicodeSpaceTests {
    @Test func unicodeSpacesSeparateWordsAndSeparatorsBreakLines() {
        let text = Array("Falcine\u{2028}calcification\u{00A0}of\u{2003}the\u{3000}falx\u{202F}x\u{2029}Impression".utf8)
        let tokens = Tokenizer.tokens(of: text)
        let words = tokens.map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(words == ["Falcine", "calcification", "of", "the", "falx", "x", "Impression"])
        #expect(tokens[1].flags.contains(.lineStart) && tokens[6].flags.contains(.lineStart))
        #expect(!tokens[2].flags.contains(.lineStart))
    }
}
