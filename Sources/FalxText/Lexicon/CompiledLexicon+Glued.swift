extension CompiledLexicon {
    /// Unknown words of at least this many bytes that split whole into lexicon words, needed before
    /// a text is read as glued ("Mildcalcificationofthe", "falxandtentoriumwith",
    /// "Noabnormalenhancement"): one such word in ordinary prose ("notwithstanding") is a word.
    static let gluedEvidence = 3
    static let gluedEvidenceLength = 12
    /// The shortest unknown word split once a text is read as glued ("whitematter").
    static let gluedShortest = 6
    /// Words longer than this are never split (the search is quadratic in a word's length).
    static let gluedLongest = 48

    /// Splits the words that text extracted from a PDF runs together into the lexicon words they
    /// are made of, when the text looks glued: at least ``gluedEvidence`` unknown words of
    /// ``gluedEvidenceLength`` bytes or more each split whole into two or more lexicon words. Then
    /// every unknown word (no id; a wildcard prefix such as `calcif*` in "Calcifiedfalx" does not
    /// count as known) of ``gluedShortest`` bytes or more that splits whole is split, into the fewest pieces, each a lexicon word of two bytes or more. Known words
    /// and words that do not split whole are left as they are.
    ///
    /// The pieces span the word's bytes, so offsets stay those of the text.
    /// - Complexity: O(n) for n tokens; O(L²) vocabulary steps for each unknown word of L bytes
    ///   (L ≤ ``gluedLongest``), and only in a text with long unknown words.
    public func splitGlued(_ tokens: inout [Token], in text: [UInt8]) {
        // Most texts have fewer than three long unknown words: one pass over the tokens, no lookups.
        var long = 0
        for t in tokens where t.kind == .word && t.id < 0 && t.length >= Self.gluedEvidenceLength {
            long += 1
        }
        guard long >= Self.gluedEvidence else { return }
        text.withUnsafeBufferPointer { buf in
            var splittable = 0
            for t in tokens where t.kind == .word && t.id < 0 && t.length >= Self.gluedEvidenceLength {
                if let cuts = gluedCuts(buf, t.range), cuts.count >= 2 { splittable += 1 }
                if splittable >= Self.gluedEvidence { break }
            }
            guard splittable >= Self.gluedEvidence else { return }
            var out: [Token] = []
            out.reserveCapacity(tokens.count + tokens.count / 4)
            for t in tokens {
                guard t.kind == .word, t.id < 0, t.length >= Self.gluedShortest,
                    let cuts = gluedCuts(buf, t.range), cuts.count >= 2
                else {
                    out.append(t)
                    continue
                }
                var start = Int(t.start)
                for (i, end) in cuts.enumerated() {
                    var flags: Token.Flags = i == 0 ? t.flags : [.spaceBefore]
                    if i > 0 {
                        if t.flags.contains(.allCaps) { flags.formUnion([.allCaps, .capitalised]) }
                        if ASCII.isUpper(buf[start]) { flags.insert(.capitalised) }
                    }
                    var piece = Token(start: start, end: end, kind: .word, flags: flags)
                    piece.id = vocabulary.value(in: buf, range: start..<end) ?? -1
                    piece.wildcard = wildcardID(buf, start..<end)
                    out.append(piece)
                    start = end
                }
            }
            tokens = out
        }
    }

    /// The ends of the pieces that split the bytes `range` whole into the fewest lexicon words of
    /// two bytes or more, or nil when no split covers them.
    func gluedCuts(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Int]? {
        let n = range.count
        guard n <= Self.gluedLongest else { return nil }
        // pieces[i]: the fewest pieces covering the first i bytes (-1: none); from[i]: where the last starts.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { scratch in
            let pieces = UnsafeMutableBufferPointer(rebasing: scratch[0...n])
            let from = UnsafeMutableBufferPointer(rebasing: scratch[(n + 1)...])
            pieces.initialize(repeating: -1)
            from.initialize(repeating: -1)
            pieces[0] = 0
            for s in 0..<n where pieces[s] >= 0 {
                var h = Vocabulary.hashSeed
                for e in (s + 1)...n {
                    h = Vocabulary.hashStep(h, buf[range.lowerBound + e - 1])
                    guard e - s >= 2, pieces[e] < 0 || pieces[s] + 1 < pieces[e] else { continue }
                    let word = (range.lowerBound + s)..<(range.lowerBound + e)
                    if vocabulary.value(in: buf, range: word, hash: h) != nil {
                        pieces[e] = pieces[s] + 1
                        from[e] = s
                    }
                }
            }
            guard pieces[n] >= 0 else { return nil }
            var cuts: [Int] = []
            var e = n
            while e > 0 {
                cuts.append(range.lowerBound + e)
                e = from[e]
            }
            return cuts.reversed()
        }
    }

    /// The id of the longest wildcard prefix (`calcif*`) the bytes `range` start with, or -1.
    func wildcardID(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var h = Vocabulary.hashSeed
        var wildcard: Int32 = -1
        for i in range {
            h = Vocabulary.hashStep(h, buf[i])
            let length = i + 1 - range.lowerBound
            if length < 64, prefixLengthMask & (1 << UInt64(length)) != 0,
                let v = prefixes.value(in: buf, range: range.lowerBound..<(i + 1), hash: h)
            {
                wildcard = v
            }
        }
        return wildcard
    }
}
