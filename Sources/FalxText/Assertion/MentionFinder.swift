/// Finds target mentions in a document and gives each its ConText assertion, temporality,
/// and hypothetical / historical / family status.
///
/// Scopes: a forward cue reaches to the end of its clause (the sentence, cut at a terminator such
/// as "but", "however", "although" or ";"), or its window when the lexicon gives one; a backward
/// cue reaches back ten tokens by default; a two-way cue six. When cues of the same kind compete,
/// the nearest wins. Longest-match makes pseudo cues ("no interval change in") mask the shorter
/// cues inside them.
public struct MentionFinder: Sendable {
    public let lexicon: CompiledLexicon
    static let backwardWindow = 10
    static let bothWindow = 6

    public init(lexicon: CompiledLexicon) { self.lexicon = lexicon }

    /// A modifier cue found in a sentence.
    struct Cue {
        var category: ModifierCategory
        var direction: ModifierDirection
        var window: Int
        var tokens: Range<Int>
    }

    public func mentions(in doc: Document) -> [Mention] {
        var out: [Mention] = []
        let src = lexicon.source
        for (si, sentence) in doc.sentences.enumerated() {
            let range = sentence.tokens
            let sectionKind = doc.sections[sentence.section].kind
            var found: [Mention] = []
            for m in lexicon.targetTrie.matches(doc.tokens, in: range) {
                for p in lexicon.targetTrie.payloads(m.node) {
                    let t = src.targets[Int(p)]
                    found.append(
                        Mention(
                            concept: t.concept, attributes: t.attribute.isEmpty ? [] : [t.attribute],
                            tokens: m.range, anchor: m.range, sentence: si, section: sectionKind))
                }
            }
            if !src.nearRules.isEmpty {
                found.append(contentsOf: nearMentions(doc, sentence: si, range: range, section: sectionKind))
            }
            guard !found.isEmpty else { continue }
            let cues = self.cues(doc, range)
            for var mention in found {
                apply(cues, to: &mention, doc)
                out.append(mention)
            }
        }
        return out
    }

    func cues(_ doc: Document, _ range: Range<Int>) -> [Cue] {
        var cues: [Cue] = []
        for m in lexicon.modifierTrie.matches(doc.tokens, in: range) {
            // Several entries may share a phrase ("resolved" before and after its target): each is a cue.
            for p in lexicon.modifierTrie.payloads(m.node) {
                let mod = lexicon.source.modifiers[Int(p)]
                cues.append(Cue(category: mod.category, direction: mod.direction, window: mod.window, tokens: m.range))
            }
        }
        // '?' glued to the next word ("?dAVF") hedges what follows; glued to the word before
        // ("dAVF?") it hedges what precedes.
        for k in range
        where doc.tokens[k].kind == .punct && doc.tokens[k].length == 1
            && doc.text[Int(doc.tokens[k].start)] == 0x3F
        {
            if k + 1 < range.upperBound && !doc.tokens[k + 1].flags.contains(.spaceBefore) && doc.tokens[k + 1].kind != .punct {
                cues.append(Cue(category: .uncertain, direction: .forward, window: 4, tokens: k..<(k + 1)))
            } else if k > range.lowerBound && !doc.tokens[k].flags.contains(.spaceBefore) && doc.tokens[k - 1].kind != .punct {
                cues.append(Cue(category: .uncertain, direction: .backward, window: 3, tokens: k..<(k + 1)))
            }
        }
        // ';' ends every scope.
        for k in range
        where doc.tokens[k].kind == .punct && doc.tokens[k].length == 1
            && doc.text[Int(doc.tokens[k].start)] == 0x3B
        {
            cues.append(Cue(category: .terminator, direction: .both, window: 0, tokens: k..<(k + 1)))
        }
        return cues
    }

    func apply(_ cues: [Cue], to mention: inout Mention, _ doc: Document) {
        let anchor = mention.anchor
        let terminators = cues.filter { $0.category == .terminator && $0.window != 1 }.map(\.tokens.lowerBound)
        // Window-1 terminators ("there is", "consistent with") end negation and hedging only.
        let assertionTerminators = cues.filter { $0.category == .terminator && $0.window == 1 }.map(\.tokens.lowerBound)
        let causes = cues.filter { $0.category == .cause }.map(\.tokens.lowerBound)
        var category = ModifierCategory.negated
        func blocked(_ from: Int, _ to: Int) -> Bool {
            if terminators.contains(where: { $0 >= from && $0 < to }) { return true }
            guard category == .negated || category == .uncertain else { return false }
            return assertionTerminators.contains { $0 >= from && $0 < to }
        }
        var best: [ModifierCategory: (distance: Int, cue: Cue)] = [:]
        for cue in cues {
            switch cue.category {
            case .terminator, .pseudo, .cause: continue
            default: break
            }
            category = cue.category
            var distance: Int?
            let forwardOK = cue.direction == .forward || cue.direction == .both
            let backwardOK = cue.direction == .backward || cue.direction == .both
            if forwardOK && cue.tokens.upperBound <= anchor.lowerBound {
                let d = anchor.lowerBound - cue.tokens.upperBound
                let w = cue.window > 0 ? cue.window : (cue.direction == .both ? Self.bothWindow : Int.max)
                if d <= w && !blocked(cue.tokens.upperBound, anchor.lowerBound) {
                    // A hedge on the cause word does not hedge the lesion after it.
                    if cue.category == .uncertain
                        && causes.contains(where: { $0 >= cue.tokens.upperBound && $0 < anchor.lowerBound })
                    {
                    } else {
                        distance = d
                    }
                }
            }
            if distance == nil && forwardOK && cue.tokens.lowerBound < anchor.lowerBound
                && cue.tokens.upperBound > anchor.lowerBound
                && cue.tokens.upperBound <= anchor.upperBound
            {
                distance = 0
            }
            if distance == nil && backwardOK && cue.tokens.lowerBound >= anchor.upperBound {
                let d = cue.tokens.lowerBound - anchor.upperBound
                let w = cue.window > 0 ? cue.window : (cue.direction == .both ? Self.bothWindow : Self.backwardWindow)
                if d <= w && !blocked(anchor.upperBound, cue.tokens.lowerBound + 1) { distance = d }
            }
            // Cues inside a proximity mention ("the falx is *not* calcified") scope its anchor.
            if distance == nil && cue.tokens.lowerBound >= mention.tokens.lowerBound
                && cue.tokens.upperBound <= mention.tokens.upperBound
                && (cue.tokens.upperBound <= anchor.lowerBound || cue.tokens.lowerBound >= anchor.upperBound)
            {
                distance = 0
            }
            guard let d = distance else { continue }
            // Temporality and assertion cues compete within their own group, nearest first.
            let group: ModifierCategory
            switch cue.category {
            case .new, .progressive, .stable: group = .stable
            case .negated, .uncertain: group = .negated
            default: group = cue.category
            }
            if let current = best[group], current.distance <= d { continue }
            best[group] = (d, cue)
        }
        for (group, value) in best {
            let cue = value.cue
            mention.triggers.append(Trigger(category: cue.category, phrase: doc.string(cue.tokens), tokens: cue.tokens))
            switch group {
            case .negated: mention.assertion = cue.category == .negated ? .negated : .uncertain
            case .stable: mention.temporality = Temporality(rawValue: cue.category.rawValue)
            case .hypothetical: mention.hypothetical = true
            case .historical: mention.historical = true
            case .family: mention.family = true
            case .ignored: mention.ignored = true
            default: break
            }
        }
        mention.triggers.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}

extension MentionFinder {
    /// ConText for an arbitrary token span (a concept found by other means): the span's
    /// sentence is found, its cues gathered, and the span assessed as a target.
    public func assess(_ doc: Document, span: Range<Int>, concept: String = "span") -> Mention? {
        guard let si = doc.sentences.firstIndex(where: { $0.tokens.contains(span.lowerBound) }) else { return nil }
        let sentence = doc.sentences[si]
        var m = Mention(
            concept: concept, attributes: [], tokens: span, anchor: span, sentence: si,
            section: doc.sections[sentence.section].kind)
        apply(cues(doc, sentence.tokens), to: &m, doc)
        return m
    }
}
