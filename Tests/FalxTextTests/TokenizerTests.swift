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
    @Test func spokenPunctuationBecomesMarksWithOffsetsKept() {
        let text = Array(
            "history colon headache period findings colon no bleed period new paragraph impression colon normal period".utf8)
        let out = DictationNormaliser.normalise(text)
        #expect(out.count == text.count)
        let s = String(decoding: out, as: UTF8.self)
        #expect(s.hasPrefix("history :     headache .      findings :     no bleed ."))
        #expect(s.contains("\n\n"))
    }

    @Test func ordinaryTextIsLeftAlone() {
        let text = Array("There was a period of confusion. The colon is not imaged. No bleed.".utf8)
        #expect(DictationNormaliser.normalise(text) == text)
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
