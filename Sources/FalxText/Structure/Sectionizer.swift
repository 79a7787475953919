/// Finds section headers (`FINDINGS:`, `Clinical details,`, `IMPRESSION` alone on a line,
/// `,IMPRESSION:,` inside flattened transcriptions) and cuts the token stream into sections.
public enum Sectionizer {
    public static func sections(_ tokens: [Token], text: [UInt8], lexicon: CompiledLexicon) -> [Section] {
        var result: [Section] = []
        var currentKind = SectionKind.body
        var currentHeader = 0..<0
        var bodyStart = 0
        var i = 0
        let n = tokens.count
        while i < n {
            let t = tokens[i]
            let lineStart = t.flags.contains(.lineStart)
            let afterSeparator =
                i > 0 && tokens[i - 1].kind == .punct
                && (text[Int(tokens[i - 1].start)] == 0x2C || text[Int(tokens[i - 1].start)] == 0x2E)
            // The clinical question and the exam / technique / comparison lines are short: a blank
            // line, an unknown "Label:" line or a table row ("Finding | Result") after them starts
            // the (unheaded) findings.
            if lineStart && i > bodyStart && (currentKind == .history || currentKind.isProcedural)
                && (t.flags.contains(.paragraphStart) || startsLabelLine(tokens, i, text) || isTableRow(tokens, i, text))
                && !(t.id >= 0 && lexicon.headerTrie.longestMatch(tokens, at: i, limit: n) != nil)
            {
                result.append(Section(kind: currentKind, header: currentHeader, body: bodyStart..<i))
                currentKind = .findings
                currentHeader = i..<i
                bodyStart = i
                i += 1
                continue
            }
            // Mid-line, an all-capitals header with its colon starts a section too: reports flattened
            // onto one line keep "COMPARISON: none  FINDINGS: ...  IMPRESSION: ..." apart that way.
            let midLine = !(lineStart || afterSeparator)
            guard !midLine || t.flags.contains(.allCaps), t.kind == .word, t.id >= 0,
                let m = lexicon.headerTrie.longestMatch(tokens, at: i, limit: n)
            else { i += 1; continue }
            let kind = lexicon.source.sectionHeaders[Int(m.payloads.first ?? 0)].kind
            let headerRange = i..<m.end
            let allCaps = headerRange.allSatisfy { tokens[$0].flags.contains(.allCaps) }
            var bodyFrom = -1
            let nextByte: UInt8? = m.end < n && tokens[m.end].kind == .punct ? text[Int(tokens[m.end].start)] : nil
            guard !midLine || (allCaps && nextByte == 0x3A && m.end - i <= 3 && standsApart(tokens, i, text)) else {
                i += 1; continue
            }
            if nextByte == 0x3A {  // ':'
                bodyFrom = m.end + 1
                // A flattened transcription writes "FINDINGS:, There is"; also "IMPRESSION: -".
                if bodyFrom < n, tokens[bodyFrom].kind == .punct, tokens[bodyFrom].length == 1,
                    text[Int(tokens[bodyFrom].start)] == 0x2C, !tokens[bodyFrom].flags.contains(.lineStart)
                {
                    bodyFrom += 1
                }
            } else if lineStart && (m.end == n || tokens[m.end].flags.contains(.lineStart))
                && (allCaps || tokens[i].flags.contains(.capitalised))
            {
                bodyFrom = m.end  // a header alone on its line
            } else if lineStart && (nextByte == 0x2C || nextByte == 0x2D) {
                bodyFrom = m.end + 1  // "Clinical details, headache" / "IMPRESSION - ..."
            } else if lineStart && allCaps && kind == .addendum {
                bodyFrom = m.end  // "ADDENDUM 12/01/2024 by ..."
            }
            guard bodyFrom >= 0 else { i += 1; continue }
            result.append(Section(kind: currentKind, header: currentHeader, body: bodyStart..<i))
            currentKind = kind
            currentHeader = headerRange
            bodyStart = min(bodyFrom, n)
            i = bodyStart
        }
        result.append(Section(kind: currentKind, header: currentHeader, body: bodyStart..<n))
        // Drop an empty leading body.
        result.removeAll { $0.kind == .findings && $0.header.isEmpty && $0.body.isEmpty }
        if result.count > 1, result[0].kind == .body, result[0].body.isEmpty { result.removeFirst() }
        return result
    }

    /// Whether the line starting at token `i` is a table row: a word first and a `|` on the line.
    static func isTableRow(_ tokens: [Token], _ i: Int, _ text: [UInt8]) -> Bool {
        guard tokens[i].kind == .word else { return false }
        var k = i + 1
        while k < tokens.count && !tokens[k].flags.contains(.lineStart) {
            if tokens[k].kind == .punct && tokens[k].length == 1 && text[Int(tokens[k].start)] == 0x7C { return true }
            k += 1
        }
        return false
    }

    /// Whether a header found mid-line stands apart from the words before it: two blanks before
    /// it, or a word before it that is not in capitals ("none  FINDINGS:"; not the tail of
    /// "INDICATIONS FOR OPERATION:" or "INTRAOPERATIVE FINDINGS:").
    static func standsApart(_ tokens: [Token], _ i: Int, _ text: [UInt8]) -> Bool {
        let start = Int(tokens[i].start)
        if start >= 2 && ASCII.isSpace(text[start - 1]) && ASCII.isSpace(text[start - 2]) { return true }
        return i > 0 && tokens[i - 1].kind == .word && !tokens[i - 1].flags.contains(.allCaps)
    }

    /// "Brain parenchyma: ..." — one to three words, then a colon.
    static func startsLabelLine(_ tokens: [Token], _ i: Int, _ text: [UInt8]) -> Bool {
        var j = i
        while j < min(i + 4, tokens.count) {
            if j > i && tokens[j].flags.contains(.lineStart) { return false }
            if tokens[j].kind == .punct {
                return j > i && text[Int(tokens[j].start)] == 0x3A
            }
            j += 1
        }
        return false
    }
}
