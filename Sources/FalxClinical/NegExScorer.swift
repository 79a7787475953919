import FalxText

/// Scores Falx's negation on the NegEx / ConText test set (Chapman et al.): each row's concept
/// is found in its sentence and assessed with the default lexicon's ConText cues.
public enum NegExScorer {
    public struct Result: Sendable, CustomStringConvertible {
        public var tp = 0, fp = 0, fn = 0, tn = 0, notFound = 0
        /// Wrong rows: (id, gold, concept, sentence, the cue that decided).
        public var errors: [(id: String, gold: String, concept: String, sentence: String, cue: String)] = []
        public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        public var accuracy: Double { Double(tp + tn) / Double(max(1, tp + fp + fn + tn)) }
        public var description: String {
            let f = { (x: Double) in String(Int((x * 1000).rounded())).padding(3) }
            return
                "NegEx/ConText test set: \(tp + fp + fn + tn) conditions (\(notFound) concepts not found in their sentence, scored Affirmed)\n"
                + "Negated: precision 0.\(f(precision)) recall 0.\(f(recall)) F1 0.\(f(f1)) (TP \(tp), FP \(fp), FN \(fn), TN \(tn)); accuracy 0.\(f(accuracy))"
        }
    }

    public static func score(tsv: String, lexicon: ClinicalLexicon = .standard) -> Result {
        let engine = TextEngine(lexicon: lexicon.compiled)
        let finder = MentionFinder(lexicon: lexicon.compiled)
        var r = Result()
        for (i, line) in tsv.split(separator: "\n").enumerated() where i > 0 {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 4 else { continue }
            let concept = Array(String(cols[1]).utf8)
            let sentence = Array(String(cols[2]).utf8)
            let gold = cols[3] == "Negated"
            let doc = engine.analyze(sentence)
            let conceptTokens = Tokenizer.tokens(of: concept).map { Array(concept[$0.range]).map(ASCII.lower) }
            var predicted = false
            var cue = ""
            if let span = find(conceptTokens, in: doc), let m = finder.assess(doc, span: span) {
                predicted = m.assertion == .negated
                cue = m.triggers.filter { $0.category == .negated }.map(\.phrase).joined(separator: ",")
            } else {
                r.notFound += 1
            }
            if gold != predicted {
                r.errors.append((String(cols[0]), String(cols[3]), String(cols[1]), String(cols[2]), cue))
            }
            switch (gold, predicted) {
            case (true, true): r.tp += 1
            case (false, true): r.fp += 1
            case (true, false): r.fn += 1
            case (false, false): r.tn += 1
            }
        }
        return r
    }

    static func find(_ needle: [[UInt8]], in doc: Document) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= doc.tokens.count else { return nil }
        let words = doc.tokens.map { Array(doc.text[$0.range]).map(ASCII.lower) }
        var found: [Range<Int>] = []
        for start in 0...(words.count - needle.count) where words[start] == needle[0] {
            if Array(words[start..<(start + needle.count)]) == needle { found.append(start..<(start + needle.count)) }
        }
        // The annotators upper-cased the concept they labelled.
        let upper = found.first { r in r.allSatisfy { doc.tokens[$0].kind != .word || doc.tokens[$0].flags.contains(.allCaps) } }
        return upper ?? found.first
    }
}

extension String {
    fileprivate func padding(_ n: Int) -> String {
        count >= n ? self : String(repeating: "0", count: n - count) + self
    }
}
