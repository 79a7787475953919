import FalxAudit

/// Bounds on what the page shows of one cell, so that the page's size is bounded whatever the audit
/// holds (a 1 MB evidence sentence, a pasted interpreter field): the audit and the worklist CSV keep
/// every value whole; the page shows a window and says what was cut.
///
/// With at most ``ReportAggregates/Limits`` worklist cases and error rows, each cell bounded here,
/// the page stays within a few megabytes.
public enum PageText {
    /// The most characters of an evidence sentence shown on the page.
    public static let maxEvidence = 1_000
    /// The most characters of any other cell (record id, interpreter, rules, an error message…).
    public static let maxCell = 300
    /// Characters kept before the first mention word when an evidence sentence is cut.
    static let beforeMention = 300

    /// `s` when it is short; else its first `limit` characters and a note of how many were cut.
    ///
    /// - Complexity: O(`limit`) for a short value, O(*n*) otherwise.
    public static func clip(_ s: String, limit: Int = maxCell) -> String {
        guard s.utf8.count > limit else { return s }
        let total = s.unicodeScalars.count
        guard total > limit else { return s }
        let kept = String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit)))
        return kept + "… [\(total - limit) more characters cut on this page]"
    }

    /// An evidence sentence for the page: whole when short; else a window of ``maxEvidence``
    /// characters that starts a little before the first mention word (`falx`, `calcif…`), with a note
    /// giving the sentence's length and its offsets in the report (`dc_offsets`), which are kept.
    public static func evidence(_ s: String, offsets: String) -> String {
        guard s.utf8.count > maxEvidence else { return s }
        let scalars = Array(s.unicodeScalars)
        guard scalars.count > maxEvidence else { return s }
        let mention = firstMentionWord(scalars) ?? 0
        let start = max(0, min(mention - beforeMention, scalars.count - maxEvidence))
        let end = min(scalars.count, start + maxEvidence)
        var out = start > 0 ? "… " : ""
        out.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { out += " …" }
        let place = offsets.isEmpty ? "" : "; report offsets \(offsets)"
        return out + " [a sentence of \(scalars.count) characters, shortened on this page\(place)]"
    }

    /// The index of the first word that names the mention, if any.
    static func firstMentionWord(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count {
            guard s[i].properties.isAlphabetic else {
                i += 1
                continue
            }
            var j = i
            while j < s.count, s[j].properties.isAlphabetic { j += 1 }
            // Mention words are short; a long run of letters is not one and is not copied.
            if j - i <= 16, EvidenceHighlight.isMentionWord(Substring(String(String.UnicodeScalarView(s[i..<j])))) {
                return i
            }
            i = j
        }
        return nil
    }
}

extension WorklistCase {
    /// The case as the page shows it: every cell bounded by ``PageText``.
    func forPage(offsets: String) -> WorklistCase {
        var c = self
        for path in [
            \WorklistCase.recordID, \.accession, \.patientID, \.source, \.studyDateTime, \.interpreter, \.facility,
            \.category, \.strength, \.verdict, \.asksFor, \.reportRecommendation, \.reportRecommends, \.rules,
        ] {
            c[keyPath: path] = PageText.clip(c[keyPath: path])
        }
        c.triggerFacts = PageText.clip(c.triggerFacts)
        c.triggers = ""  // the CSV's form, with the sentence: the page shows the sentence on its own
        c.evidence = PageText.evidence(evidence, offsets: offsets)
        return c
    }

    /// The report's own recommendation on the page: its codes, then the sentence(s) read as it
    /// in quotes; "none found" when the report recommends nothing.
    var pageRecommendation: String {
        let codes = reportRecommends.split(separator: ";").map { $0.replacingOccurrences(of: "_", with: " ") }
        let sentences =
            reportRecommendation.isEmpty ? [] : reportRecommendation.components(separatedBy: AuditRow.sentenceSeparator)
        let parts = [codes.joined(separator: "; ")].filter { !$0.isEmpty } + sentences.map { "\u{201C}\($0)\u{201D}" }
        return parts.isEmpty ? "none found" : parts.joined(separator: " \u{2014} ")
    }
}
