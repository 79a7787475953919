import FalxCore
import FalxText

/// Reads what the report itself recommends.
///
/// A modality or referral counts when its sentence is a recommendation (a cue such as
/// "recommend", "suggest", "consider", "may be obtained", "for further evaluation", or the
/// sentence stands in a recommendation section), it is not negated, and it is not conditional
/// ("if clinically indicated", "should symptoms persist"; in "CTA and, if positive, DSA" only the
/// CTA counts), and it does not tell the clinical course ("a repeat scan six weeks later showed
/// no change") without recommending in so many words. Imaging at an interval ("repeat", "follow-up", "in 6 months") is
/// `follow_up_imaging` instead of its modality, unless it is a baseline scan.
public enum RecommendationReader {
    public static func recommendations(_ doc: Document, _ mentions: [Mention], _ lexicon: CompiledLexicon)
        -> [ReportRecommendation]
    {
        var meter = WorkMeter()
        return recommendations(doc, mentions, lexicon, meter: &meter)
    }

    /// The report's recommendations, spending work on `meter` (incomplete when it runs out).
    public static func recommendations(
        _ doc: Document, _ mentions: [Mention], _ lexicon: CompiledLexicon, meter: inout WorkMeter
    ) -> [ReportRecommendation] {
        recommendations(doc, mentions, lexicon, bits: ClassBits(lexicon), meter: &meter)
    }

    /// The report's recommendations with the lexicon's class bits looked up already (once per
    /// extractor, not per report).
    static func recommendations(
        _ doc: Document, _ mentions: [Mention], _ lexicon: CompiledLexicon, bits: ClassBits, meter: inout WorkMeter
    ) -> [ReportRecommendation] {
        read(doc, mentions, lexicon, bits: bits, meter: &meter).codes
    }

    /// What the reader found: the codes, and the sentences that gave them.
    struct Reading: Sendable, Equatable {
        /// The report's recommendations, sorted.
        var codes: [ReportRecommendation] = []
        /// The indices of the sentences read as the report's recommendations, in text order: each
        /// sentence a kept code was read from (after an addendum's withdrawals).
        var sentences: [Int] = []
    }

    /// The report's recommendations and the sentences they were read from.
    static func read(
        _ doc: Document, _ mentions: [Mention], _ lexicon: CompiledLexicon, bits: ClassBits, meter: inout WorkMeter
    ) -> Reading {
        var codes = Set<ReportRecommendation>()
        // Where each code was read: its sentence and first token.
        var found: [(code: ReportRecommendation, sentence: Int, token: Int)] = []
        let recs = mentions.filter { $0.concept.hasPrefix(ClinicalVocabulary.recommendationPrefix) }
        guard !recs.isEmpty else { return Reading() }
        let bySentence = Dictionary(grouping: recs, by: \.sentence)
        // Imaging recommended before an addendum's "no further imaging is needed" is withdrawn; what
        // the addendum recommends after saying so counts.
        var cancelledBefore = Int.max
        var afterCancel = Set<ReportRecommendation>()
        for m in recs
        where m.concept == ClinicalVocabulary.recommendationNone && m.section == .addendum && m.assertion == .affirmed
            && !m.hypothetical
        {
            cancelledBefore = min(cancelledBefore, m.tokens.upperBound)
        }
        // An addendum that withdraws a recommendation by name ("Follow-up CT is not required")
        // withdraws the same recommendation made before it; made again after it, it counts.
        var withdrawnBefore: [ReportRecommendation: Int] = [:]
        var afterWithdrawal = Set<ReportRecommendation>()
        for m in recs where m.section == .addendum && m.assertion == .negated && negatedNextTo(m) {
            if let code = ReportRecommendation(
                rawValue: String(m.concept.dropFirst(ClinicalVocabulary.recommendationPrefix.count)))
            {
                withdrawnBefore[code] = min(withdrawnBefore[code] ?? Int.max, m.tokens.lowerBound)
            }
        }
        for (si, list) in bySentence {
            let sentence = doc.sentences[si]
            guard meter.spend(sentence.tokens.count) else { break }
            let section = doc.sections[sentence.section].kind
            if section.isProcedural { continue }
            // The clinical question, and text before the first header of a report that has headers
            // (its title / exam line, or an unlabelled history), recommend nothing; care already in
            // place that they tell ("under the care of the neurovascular team") still counts.
            if section.isClinicalQuestion || (section == .body && sentence.section == 0 && doc.sections.count > 1) {
                for m in list where careInPlace(m, doc, sentence.tokens) {
                    if let code = ReportRecommendation(
                        rawValue: String(m.concept.dropFirst(ClinicalVocabulary.recommendationPrefix.count)))
                    {
                        codes.insert(code)
                        found.append((code, si, m.tokens.lowerBound))
                    }
                }
                continue
            }
            // Class words of this sentence; in a run-on sentence (flattened dictation) only those
            // near each recommendation count, so "last week" in the history does not make the MRI
            // in the conclusion a repeat at an interval.
            let runOn = MentionFinder.isRunOn(sentence.tokens, doc)
            let words = SentenceClassWords(doc, sentence.tokens, lexicon, bits, positions: runOn)
            let conditionals = words.conditionals
            if !runOn, !(section == .recommendation || words.any(\.cue)) || (words.any(\.narrative) && !words.any(\.strong)) {
                continue
            }
            let index = SentenceIndex(doc, sentence.tokens, list)
            // Drop a bare MRI that a contrast mention covers, and an MRI of either kind inside a venogram's
            // or angiogram's words ("contrast-enhanced MR venography" is venography alone; "MRI with
            // contrast and MR venography" stays both).
            let contrast = list.filter { $0.concept == ClinicalVocabulary.concept(.mriContrast) }
            let vascular = list.filter {
                $0.concept == ClinicalVocabulary.concept(.venography) || $0.concept == ClinicalVocabulary.concept(.angiography)
            }
            for m in list {
                // Each mention weighs every conditional cue of its sentence, and a contrast MRI.
                guard meter.spend(conditionals.count + contrast.count + vascular.count + 1) else { break }
                // A recommendation is withdrawn only by a negation next to it ("MRI is not required"),
                // not by one earlier in the sentence ("With no prior for comparison, repeat CT ...").
                if m.assertion == .negated && m.concept != ClinicalVocabulary.recommendationNone && negatedNextTo(m) {
                    continue
                }
                // "No further follow-up imaging is required": the imaging the "none" runs into is withdrawn.
                if m.assertion == .negated
                    && list.contains(where: {
                        $0.concept == ClinicalVocabulary.recommendationNone && $0.tokens.upperBound <= m.tokens.lowerBound
                            && m.tokens.lowerBound - $0.tokens.upperBound <= 1
                    })
                {
                    continue
                }
                if m.concept == ClinicalVocabulary.recommendationNone { continue }  // "none" is what an empty list means
                // The team a result was told to ("discussed with the stroke team") is not a referral.
                if m.ignored { continue }
                let governing =
                    runOn
                    ? conditionals.filter {
                        $0.upperBound + 10 >= m.tokens.lowerBound && $0.lowerBound <= m.tokens.upperBound + 10
                    }
                    : conditionals
                if isConditional(m, governing, index, doc) { continue }
                if m.concept == ClinicalVocabulary.concept(.mri), contrast.contains(where: { $0.tokens.overlaps(m.tokens) }) {
                    continue
                }
                if m.concept == ClinicalVocabulary.concept(.mri) || m.concept == ClinicalVocabulary.concept(.mriContrast),
                    vascular.contains(where: {
                        $0.tokens.contains(m.tokens.lowerBound) && m.tokens.upperBound <= $0.tokens.upperBound
                    })
                {
                    continue
                }
                guard
                    var code = ReportRecommendation(
                        rawValue: String(m.concept.dropFirst(ClinicalVocabulary.recommendationPrefix.count)))
                else { continue }
                let near = runOn ? words.near(m.tokens) : words.all
                if runOn, !(section == .recommendation || near.cue) || (near.narrative && !near.strong) { continue }
                // A plain "CT" or "imaging" is coded only as imaging at an interval.
                if m.attributes.contains(ClinicalVocabulary.Attribute.interval.rawValue) && !near.interval { continue }
                if code.isAdvancedImaging && near.interval && !near.baseline { code = .followUpImaging }
                codes.insert(code)
                found.append((code, si, m.tokens.lowerBound))
                if m.tokens.lowerBound >= cancelledBefore { afterCancel.insert(code) }
                if let w = withdrawnBefore[code], m.tokens.lowerBound > w { afterWithdrawal.insert(code) }
            }
        }
        if cancelledBefore < Int.max {
            codes = codes.filter { c in !(c.isAdvancedImaging || c == .followUpImaging) || afterCancel.contains(c) }
        }
        if !withdrawnBefore.isEmpty {
            codes = codes.filter { withdrawnBefore[$0] == nil || afterWithdrawal.contains($0) }
        }
        // A kept code's sentences are those after its withdrawal (all of them when none is).
        func kept(_ f: (code: ReportRecommendation, sentence: Int, token: Int)) -> Bool {
            if cancelledBefore < Int.max, f.code.isAdvancedImaging || f.code == .followUpImaging, f.token < cancelledBefore {
                return false
            }
            if let w = withdrawnBefore[f.code], f.token <= w { return false }
            return true
        }
        var sentences = Set<Int>()
        for code in codes {
            let mine = found.filter { $0.code == code }
            let after = mine.filter(kept)
            for f in after.isEmpty ? mine : after { sentences.insert(f.sentence) }
        }
        return Reading(codes: codes.sorted(), sentences: sentences.sorted())
    }

    /// Whether a negation stands next to the recommendation (within two tokens): "MRI is not
    /// required" withdraws it; a negation earlier in the sentence ("With no prior for comparison,
    /// repeat CT ...") does not.
    static func negatedNextTo(_ m: Mention) -> Bool {
        m.triggers.contains { t in
            t.category == .negated
                && (t.tokens.lowerBound >= m.tokens.upperBound
                    ? t.tokens.lowerBound - m.tokens.upperBound : m.tokens.lowerBound - t.tokens.upperBound) <= 2
        }
    }

    /// Words before a referral that make it care already in place ("under the care of",
    /// "remains under", "followed by", "known to"), up to six tokens before it.
    static func careInPlace(_ m: Mention, _ doc: Document, _ sentence: Range<Int>) -> Bool {
        guard m.assertion == .affirmed, !m.historical, !m.hypothetical,
            m.concept == ClinicalVocabulary.concept(.neurosurgeryConsult)
                || m.concept == ClinicalVocabulary.concept(.neurologyConsult)
        else { return false }
        for k in max(sentence.lowerBound, m.tokens.lowerBound - 6)..<m.tokens.lowerBound {
            // Care that was ("previously under neurosurgery", "was known to neurology") has ended.
            if doc.token(k, isAnyOf: ["previously", "formerly", "was", "were"]) { return false }
            if doc.token(k, is: "under") { return true }
            if doc.token(k, is: "followed") && doc.token(k + 1, is: "by") { return true }
            if doc.token(k, is: "known") && doc.token(k + 1, is: "to") { return true }
        }
        return false
    }

    /// Whether a conditional cue governs the mention. A cue before it in its clause does; a cue
    /// after it does when this mention is the nearest one before the cue ("MRI could be obtained if
    /// clinically indicated"), unless the cue is a parenthetical that governs the next item
    /// ("CTA and, if positive, DSA"). Clauses end at ';'.
    static func isConditional(_ m: Mention, _ conditionals: [Range<Int>], _ index: SentenceIndex, _ doc: Document) -> Bool {
        for c in conditionals {
            if c.upperBound <= m.tokens.lowerBound {
                if !index.semicolon(c.upperBound..<m.tokens.lowerBound) { return true }
                continue
            }
            guard c.lowerBound >= m.tokens.upperBound, !index.semicolon(m.tokens.upperBound..<c.lowerBound) else { continue }
            // Another recommendation between this one and the cue is the one it governs.
            if index.firstEnd(startingFrom: m.tokens.upperBound) <= c.lowerBound { continue }
            // ", if positive, DSA" / "and, if a leak is suspected, MRI of the spine".
            let before = c.lowerBound - 1
            let parenthetical = before >= 0 && doc.tokens[before].kind == .punct && doc.token(before, is: ",")
            if parenthetical, index.lastStart >= c.upperBound { continue }
            return true
        }
        return false
    }

    /// What `isConditional` asks of a sentence, answered in constant or logarithmic time.
    struct SentenceIndex {
        let base: Int
        /// Per token offset `i` (0...count): the semicolons before token `base + i`.
        var semicolons: [Int32]
        /// The recommendations' first tokens, ascending, and the smallest end of those from each on.
        var starts: [Int] = []
        var suffixMinEnd: [Int] = []
        /// The last first token of a recommendation.
        var lastStart: Int

        init(_ doc: Document, _ range: Range<Int>, _ recs: [Mention]) {
            base = range.lowerBound
            semicolons = [0]
            for k in range {
                let punct = doc.tokens[k].kind == .punct
                semicolons.append(semicolons[semicolons.count - 1] + (punct && doc.token(k, is: ";") ? 1 : 0))
            }
            let sorted = recs.map(\.tokens).sorted { $0.lowerBound < $1.lowerBound }
            starts = sorted.map(\.lowerBound)
            suffixMinEnd = sorted.map(\.upperBound)
            for i in suffixMinEnd.indices.reversed().dropFirst() { suffixMinEnd[i] = min(suffixMinEnd[i], suffixMinEnd[i + 1]) }
            lastStart = starts.last ?? Int.min
        }

        /// Whether a semicolon lies in tokens `r` (within the sentence).
        func semicolon(_ r: Range<Int>) -> Bool {
            let last = semicolons.count - 1
            let lo = min(max(r.lowerBound - base, 0), last)
            let hi = min(max(r.upperBound - base, 0), last)
            return hi > lo && semicolons[hi] > semicolons[lo]
        }

        /// The smallest end of a recommendation starting at `token` or later (`Int.max` if none).
        func firstEnd(startingFrom token: Int) -> Int {
            var a = 0
            var b = starts.count
            while a < b {
                let mid = (a + b) / 2
                if starts[mid] < token { a = mid + 1 } else { b = mid }
            }
            return a < starts.count ? suffixMinEnd[a] : Int.max
        }
    }

    /// The class bits the reader looks for.
    struct ClassBits: Sendable {
        var cue, conditional, interval, baseline, narrative, strong: UInt64

        /// The bits of the recommendation classes in `lexicon`.
        init(_ lexicon: CompiledLexicon) {
            cue = lexicon.classBit(ClinicalVocabulary.WordClass.reccue.rawValue)
            conditional = lexicon.classBit(ClinicalVocabulary.WordClass.reccond.rawValue)
            interval = lexicon.classBit(ClinicalVocabulary.WordClass.recinterval.rawValue)
            baseline = lexicon.classBit(ClinicalVocabulary.WordClass.recbaseline.rawValue)
            narrative = lexicon.classBit(ClinicalVocabulary.WordClass.recnarrative.rawValue)
            strong = lexicon.classBit(ClinicalVocabulary.WordClass.recstrong.rawValue)
        }
    }

    /// Which kinds of class word a stretch of a sentence holds.
    struct Flags {
        var cue = false, interval = false, baseline = false, narrative = false, strong = false

        /// These kinds and those marked in `mark` (bit 0 cue … bit 4 strong).
        func union(_ mark: UInt8) -> Flags {
            Flags(
                cue: cue || mark & 1 != 0, interval: interval || mark & 2 != 0, baseline: baseline || mark & 4 != 0,
                narrative: narrative || mark & 8 != 0, strong: strong || mark & 16 != 0)
        }
    }

    /// The class words of one sentence, with running counts so that any stretch of it is asked
    /// about in constant time (a run-on sentence asks once per recommendation).
    struct SentenceClassWords {
        let start: Int
        /// The kinds anywhere in the sentence.
        private(set) var all = Flags()
        /// With `positions`: per kind (cue, interval, baseline, narrative, strong), how many words
        /// of it start before each token of the sentence.
        var counts: [[Int32]] = []
        var conditionals: [Range<Int>] = []

        init(_ doc: Document, _ range: Range<Int>, _ lexicon: CompiledLexicon, _ bits: ClassBits, positions: Bool) {
            start = range.lowerBound
            var marks = positions ? Array(repeating: UInt8(0), count: range.count) : []
            for m in lexicon.classMatchBits(doc.tokens, in: range) {
                var mark: UInt8 = 0
                if m.classes & bits.cue != 0 { mark |= 1 }
                if m.classes & bits.interval != 0 { mark |= 2 }
                if m.classes & bits.baseline != 0 { mark |= 4 }
                if m.classes & bits.narrative != 0 { mark |= 8 }
                if m.classes & bits.strong != 0 { mark |= 16 }
                if positions { marks[m.range.lowerBound - range.lowerBound] |= mark }
                all = all.union(mark)
                if m.classes & bits.conditional != 0 { conditionals.append(m.range) }
            }
            guard positions else { return }
            counts = Array(repeating: Array(repeating: 0, count: range.count + 1), count: 5)
            for kind in 0..<5 {
                for i in 0..<range.count { counts[kind][i + 1] = counts[kind][i] + Int32((marks[i] >> kind) & 1) }
            }
        }

        /// The kinds present in tokens `range` (clamped to the sentence); all of them without positions.
        func flags(_ range: Range<Int>) -> Flags {
            guard !counts.isEmpty else { return all }
            let lo = max(0, range.lowerBound - start)
            let hi = min(counts[0].count - 1, max(lo, range.upperBound - start))
            func has(_ kind: Int) -> Bool { counts[kind][hi] > counts[kind][lo] }
            return Flags(cue: has(0), interval: has(1), baseline: has(2), narrative: has(3), strong: has(4))
        }

        func any(_ kind: KeyPath<Flags, Bool>) -> Bool { all[keyPath: kind] }

        /// The kinds within ten tokens of a mention.
        func near(_ tokens: Range<Int>) -> Flags { flags((tokens.lowerBound - 10)..<(tokens.upperBound + 10)) }
    }
}
