/// Finds target mentions in a document and gives each its ConText assertion, temporality,
/// and hypothetical / historical / family status.
///
/// Scopes: a forward cue reaches to the end of its clause (cut at a terminator such as "but",
/// "however", "although" or ";") but never more than `forwardWindow` tokens, or its window when
/// the lexicon gives one; a backward cue reaches back ten tokens by default; a two-way cue six. When cues of the same kind compete,
/// the nearest wins. Longest-match makes pseudo cues ("no interval change in") mask the shorter
/// cues inside them.
public struct MentionFinder: Sendable {
    public let lexicon: CompiledLexicon
    static let backwardWindow = 10
    static let bothWindow = 6
    /// The farthest a forward cue without a window of its own reaches, in tokens. ConText bounds
    /// scopes the same way; no clause of a radiology report is this long, and the bound keeps the
    /// cost of a mention independent of its sentence's length.
    public static let forwardWindow = 100

    /// The farthest any cue of the lexicon reaches from its own tokens.
    let scopeReach: Int

    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
        let windows = lexicon.source.modifiers.map(\.window)
        scopeReach = max(Self.forwardWindow, Self.backwardWindow, Self.bothWindow, 4, windows.max() ?? 0)
    }

    /// The groups whose cues compete (nearest wins): assertion (negated / uncertain),
    /// temporality (new / progressive / stable), and each other category alone.
    static let groups: [ModifierCategory] = [.negated, .stable, .hypothetical, .historical, .family, .ignored]

    @inline(__always) static func group(of category: ModifierCategory) -> Int? {
        switch category {
        case .negated, .uncertain: 0
        case .new, .progressive, .stable: 1
        case .hypothetical: 2
        case .historical: 3
        case .family: 4
        case .ignored: 5
        case .terminator, .pseudo, .cause: nil
        }
    }

    /// A modifier cue found in a sentence.
    struct Cue {
        var category: ModifierCategory
        var direction: ModifierDirection
        var window: Int
        var tokens: Range<Int>
    }

    /// The mentions of a document, with their context.
    public func mentions(in doc: Document) -> [Mention] {
        var meter = WorkMeter()
        return mentions(in: doc, meter: &meter)
    }

    /// The mentions of a document, spending work on `meter`; when the meter runs out the
    /// mentions found so far are returned and `meter.outcome` says why.
    ///
    /// - Complexity: O(n) in the document's tokens: a sentence has at most
    ///   `SentenceSplitter.maxTokens` tokens, a cue reaches at most `scopeReach` tokens, and a
    ///   proximity walk at most `NearWalk.maxSteps` tokens each way.
    public func mentions(in doc: Document, meter: inout WorkMeter) -> [Mention] {
        var out: [Mention] = []
        var scratch = Scratch()
        var found: [Mention] = []
        for (si, sentence) in doc.sentences.enumerated() {
            let range = sentence.tokens
            guard meter.spend(range.count + 1) else { break }
            let sectionKind = doc.sections[sentence.section].kind
            found.removeAll(keepingCapacity: true)
            match(doc, sentence: si, range: range, section: sectionKind, scratch: &scratch, meter: &meter, into: &found)
            guard !found.isEmpty else { continue }
            cues(doc, range, into: &scratch.index.cues)
            scratch.index.build(range: range, reach: scopeReach)
            let runOn = Self.isRunOn(range, doc)
            // In place: a mention's arrays are its own there, so giving it triggers copies nothing.
            for i in found.indices {
                guard meter.spend(1) else { break }
                apply(scratch.index, to: &found[i], doc, candidates: &scratch.candidates, runOn: runOn)
                guard meter.spend(scratch.candidates.count) else { break }
                out.append(found[i])
            }
        }
        return out
    }

    /// The mentions the target phrases and proximity rules find, without their context (no cue
    /// is looked for): the matching stage alone, for the stage profile (`falx bench`).
    public func matchedMentions(in doc: Document) -> [Mention] {
        var meter = WorkMeter()
        var scratch = Scratch()
        var found: [Mention] = []
        for (si, sentence) in doc.sentences.enumerated() {
            let range = sentence.tokens
            let sectionKind = doc.sections[sentence.section].kind
            match(doc, sentence: si, range: range, section: sectionKind, scratch: &scratch, meter: &meter, into: &found)
        }
        return found
    }

    /// The mentions of one sentence that the target phrases and proximity rules find, without
    /// their context, appended to `found`.
    func match(
        _ doc: Document, sentence si: Int, range: Range<Int>, section sectionKind: SectionKind, scratch: inout Scratch,
        meter: inout WorkMeter, into found: inout [Mention]
    ) {
        lexicon.targetTrie.matches(doc.tokens, in: range, into: &scratch.matches)
        for m in scratch.matches {
            for p in lexicon.targetTrie.payloads(m.node) {
                let t = lexicon.source.targets[Int(p)]
                found.append(
                    Mention(
                        concept: t.concept, attributes: t.attribute.isEmpty ? [] : [t.attribute],
                        tokens: m.range, anchor: m.range, sentence: si, section: sectionKind))
            }
        }
        if !lexicon.source.nearRules.isEmpty {
            nearMentions(doc, sentence: si, range: range, section: sectionKind, scratch: &scratch, meter: &meter, into: &found)
        }
    }

    func cues(_ doc: Document, _ range: Range<Int>) -> [Cue] {
        var found: [Cue] = []
        self.cues(doc, range, into: &found)
        return found
    }

    /// The cues of a sentence in `cues`, replacing what it held.
    func cues(_ doc: Document, _ range: Range<Int>, into cues: inout [Cue]) {
        cues.removeAll(keepingCapacity: true)
        func isPunct(_ k: Int, _ byte: UInt8) -> Bool { Self.isMark(k, byte, doc) }
        for m in lexicon.modifierTrie.matches(doc.tokens, in: range) {
            // Several entries may share a phrase ("resolved" before and after its target): each is a cue.
            for p in lexicon.modifierTrie.payloads(m.node) {
                let mod = lexicon.source.modifiers[Int(p)]
                cues.append(Cue(category: mod.category, direction: mod.direction, window: mod.window, tokens: m.range))
            }
        }
        // A table cell that holds only a forward denial ("Venous sinus thrombosis | No") denies the
        // row's label before it: the same cue reaching back to the start of its line.
        for i in cues.indices where cues[i].category == .negated && cues[i].direction == .forward {
            let c = cues[i].tokens
            guard c.lowerBound > range.lowerBound, isPunct(c.lowerBound - 1, 0x7C),
                c.upperBound == range.upperBound || doc.tokens[c.upperBound].flags.contains(.lineStart)
                    || isPunct(c.upperBound, 0x7C)
            else { continue }
            var start = c.lowerBound - 1
            while start > range.lowerBound && !doc.tokens[start].flags.contains(.lineStart) { start -= 1 }
            cues.append(Cue(category: .negated, direction: .backward, window: c.lowerBound - start, tokens: c))
        }
        // '?' glued to the next word ("?dAVF") hedges what follows; glued to the word before
        // ("dAVF?") it hedges what precedes.
        for k in range
        where doc.tokens[k].kind == .punct && doc.tokens[k].length == 1
            && doc.text[Int(doc.tokens[k].start)] == 0x3F
        {
            if k + 1 < range.upperBound && !doc.tokens[k + 1].flags.contains(.spaceBefore) && doc.tokens[k + 1].kind != .punct {
                // Its phrase ends at a comma: in "?IIH, blurred vision" only the IIH is questioned.
                var window = 1
                while window < 4 && k + window + 1 < range.upperBound
                    && !(doc.tokens[k + window + 1].kind == .punct && doc.text[Int(doc.tokens[k + window + 1].start)] == 0x2C)
                {
                    window += 1
                }
                cues.append(Cue(category: .uncertain, direction: .forward, window: window, tokens: k..<(k + 1)))
            } else if k > range.lowerBound && !doc.tokens[k].flags.contains(.spaceBefore) && doc.tokens[k - 1].kind != .punct {
                cues.append(Cue(category: .uncertain, direction: .backward, window: 3, tokens: k..<(k + 1)))
            }
        }
        // "A hyperdense focus on the dura, calcification or a small haemorrhage": after a comma, two
        // readings joined by "or" at the end of an affirmative clause are a differential, which
        // hedges both.
        alternatives(doc, range, into: &cues)
        // ';' ends every scope.
        for k in range
        where doc.tokens[k].kind == .punct && doc.tokens[k].length == 1
            && doc.text[Int(doc.tokens[k].start)] == 0x3B
        {
            cues.append(Cue(category: .terminator, direction: .both, window: 0, tokens: k..<(k + 1)))
        }
    }

    /// Gives `mention` the context of the cues in reach of it (`candidates` is scratch space; it
    /// is left holding the indices of the cues weighed).
    func apply(_ index: CueIndex, to mention: inout Mention, _ doc: Document, candidates: inout [Int], runOn: Bool = false) {
        let cues = index.cues
        let anchor = mention.anchor
        var category = ModifierCategory.negated
        // A terminator between cue and target ends the scope; one of window 1 ("there is",
        // "consistent with") ends negation and hedging only.
        func blocked(_ from: Int, _ to: Int) -> Bool {
            let all = category == .negated || category == .uncertain
            return index.count(all ? index.terminators : index.hardTerminators, from, to) > 0
        }
        func causeBetween(_ from: Int, _ to: Int) -> Bool { index.count(index.causes, from, to) > 0 }
        index.candidates(
            from: min(anchor.lowerBound, mention.tokens.lowerBound),
            to: max(anchor.upperBound, mention.tokens.upperBound), into: &candidates)
        // The nearest cue of each group, by group index (on the stack: no allocation per mention).
        withUnsafeTemporaryAllocation(of: Nearest.self, capacity: Self.groups.count) { best in
            best.initialize(repeating: Nearest(distance: -1, cue: 0))
            for cueIndex in candidates {
                let cue = cues[cueIndex]
                switch cue.category {
                case .terminator, .pseudo, .cause: continue
                default: break
                }
                category = cue.category
                var distance: Int?
                let forwardOK = cue.direction == .forward || cue.direction == .both
                let backwardOK = cue.direction == .backward || cue.direction == .both
                if forwardOK && cue.tokens.upperBound <= anchor.lowerBound
                    && !(cue.window > 0 && cue.window <= 3 && Self.comma(in: cue.tokens.upperBound..<anchor.lowerBound, doc))
                {
                    let d = anchor.lowerBound - cue.tokens.upperBound
                    var w = cue.window > 0 ? cue.window : (cue.direction == .both ? Self.bothWindow : Self.forwardWindow)
                    // Flattened dictation runs many statements into one unpunctuated sentence: there a
                    // negation, hedge or question ("rule out ms findings there are …") governs the words
                    // right after it, or a list joined by "or" / "and".
                    if runOn && (cue.category == .negated || cue.category == .uncertain || cue.category == .hypothetical)
                        && cue.window == 0
                        && d > Self.runOnNegationWindow
                        && !coordinated(cue.tokens.upperBound..<anchor.lowerBound, doc)
                        && !(d <= Self.runOnListReach
                            && listGoesOn(after: max(anchor.upperBound, mention.tokens.upperBound), doc))
                    {
                        w = Self.runOnNegationWindow
                    }
                    // A hedge on the cause word does not hedge the lesion after it, nor a hedge on
                    // the one item before ", and" what follows. A label ("Teaching point:") governs
                    // its whole sentence, past any terminator.
                    if d <= w
                        && (isLabel(cue, sentence: mention.sentence, doc) || !blocked(cue.tokens.upperBound, anchor.lowerBound))
                        && !(cue.category == .uncertain && causeBetween(cue.tokens.upperBound, anchor.lowerBound))
                        && !(cue.category == .uncertain && cue.window == 0
                            && newStatementAfterOneItem(cue.tokens.upperBound..<anchor.lowerBound, doc))
                    {
                        distance = d
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
                    && !(cue.window > 0 && cue.window <= 3 && cue.tokens.upperBound <= anchor.lowerBound
                        && Self.comma(in: cue.tokens.upperBound..<anchor.lowerBound, doc))
                {
                    distance = 0
                }
                guard let d = distance else { continue }
                // Temporality and assertion cues compete within their own group, nearest first.
                guard let group = Self.group(of: cue.category) else { continue }
                if best[group].distance >= 0 && best[group].distance <= d { continue }
                best[group] = Nearest(distance: d, cue: cueIndex)
            }
            for (group, value) in best.enumerated() where value.distance >= 0 {
                let cue = cues[value.cue]
                mention.triggers.append(Trigger(category: cue.category, phrase: doc.string(cue.tokens), tokens: cue.tokens))
                switch Self.groups[group] {
                case .negated: mention.assertion = cue.category == .negated ? .negated : .uncertain
                case .stable: mention.temporality = Temporality(rawValue: cue.category.rawValue)
                case .hypothetical: mention.hypothetical = true
                case .historical: mention.historical = true
                case .family: mention.family = true
                case .ignored: mention.ignored = true
                default: break
                }
            }
        }
        mention.triggers.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The nearest cue of a group so far (`distance` -1: none).
    struct Nearest {
        var distance: Int
        var cue: Int
    }
}

extension MentionFinder {
    /// How far a negation or hedge reaches in a run-on sentence: "no acute haemorrhage", not "no mass effect
    /// small calcified plaque".
    static let runOnNegationWindow = 2

    /// A sentence of 30 tokens or more with no comma, colon, semicolon or full stop: flattened
    /// dictation or text that lost its punctuation, where a sentence is not a clause.
    public static func isRunOn(_ range: Range<Int>, _ doc: Document) -> Bool {
        guard range.count >= 30 else { return false }
        return !range.contains { k in
            let t = doc.tokens[k]
            guard t.kind == .punct && t.length == 1 else { return false }
            let b = doc.text[Int(t.start)]
            return b == 0x2C || b == 0x3A || b == 0x3B || b == 0x2E
        }
    }

    /// Whether a word of the lexicon's `run-on-list` grammar ("or", "and", "nor") joins the words
    /// of `range` into a list.
    func coordinated(_ range: Range<Int>, _ doc: Document) -> Bool {
        range.contains { lexicon.grammar.runOnList.contains(doc, $0) }
    }

    /// How far a negation or hedge in a run-on sentence reaches a target that a `run-on-list` word
    /// right after it joins to one more item: "no acute infarct haemorrhage extra axial collection
    /// dural calcification *or* mass" lists what it denies with the list's last join after the target.
    static let runOnListReach = 8

    /// Whether token `k` is a `run-on-list` word ("or", "and", "nor") with a word after it: the
    /// list a target ends at `k` belongs to goes on.
    func listGoesOn(after k: Int, _ doc: Document) -> Bool {
        k + 1 < doc.tokens.count && lexicon.grammar.runOnList.contains(doc, k) && doc.tokens[k + 1].kind == .word
    }

    /// Whether a hypothetical or family cue is the label of its sentence: its first words, followed
    /// by a colon ("Teaching point: …", "Family history: …"). What the label heads is all of the
    /// sentence, so a ";" or "but" inside it does not end the cue's scope.
    func isLabel(_ cue: Cue, sentence s: Int, _ doc: Document) -> Bool {
        guard cue.category == .hypothetical || cue.category == .family, cue.direction != .backward else { return false }
        var first = doc.sentences[s].tokens.lowerBound
        while first < cue.tokens.lowerBound && doc.tokens[first].kind == .punct { first += 1 }
        let colon = cue.tokens.upperBound
        return first == cue.tokens.lowerBound && colon < doc.tokens.count && doc.tokens[colon].kind == .punct
            && doc.tokens[colon].length == 1 && doc.text[Int(doc.tokens[colon].start)] == 0x3A
    }

    /// Whether the first comma of `range` (the words between a hedge and a target after it) has
    /// words before it and a `clause-join` word ("and") right after it: "suggestive of PRES, and
    /// extensive calcification of the falx" hedges the one item before the comma and states what
    /// follows. A list ("suggestive of A, B, and C") has another item after its first comma, so
    /// all of it stays hedged.
    func newStatementAfterOneItem(_ range: Range<Int>, _ doc: Document) -> Bool {
        guard let c = range.first(where: { Self.isMark($0, 0x2C, doc) }) else { return false }
        return c > range.lowerBound && c + 1 < range.upperBound && lexicon.grammar.clauseJoin.contains(doc, c + 1)
    }

    /// Adds an uncertain cue at each word of the lexicon's `differential` grammar ("or") that
    /// offers a differential: a comma at most four words
    /// before it, at most seven words after it to the end of the clause, and no negation cue in the
    /// clause ("no mass, calcification or bleed" is a negated list, not a differential).
    func alternatives(_ doc: Document, _ range: Range<Int>, into cues: inout [Cue]) {
        func isPunct(_ k: Int, _ byte: UInt8) -> Bool { Self.isMark(k, byte, doc) }
        let found = cues.count
        let differential = lexicon.grammar.differential
        for m in range where doc.tokens[m].kind == .word && differential.contains(doc, m) {
            // The comma before: only words between it and "or".
            var k = m - 1
            while k >= range.lowerBound, m - k <= 5, doc.tokens[k].kind != .punct { k -= 1 }
            guard k >= range.lowerBound, k < m - 1, m - k <= 5, isPunct(k, 0x2C) else { continue }
            // The end of the clause after: only words (and hyphens) up to it.
            var e = m + 1
            while e < range.upperBound, e - m <= 8, doc.tokens[e].kind != .punct || isPunct(e, 0x2D) { e += 1 }
            guard e > m + 1, e - m <= 8, e == range.upperBound || isPunct(e, 0x2E) || isPunct(e, 0x3B) else { continue }
            let negated = cues[..<found].contains {
                ($0.category == .negated && $0.tokens.lowerBound < e)
                    || ($0.category == .uncertain && $0.tokens.upperBound <= k)
            }
            if negated || cues[..<found].contains(where: { $0.category == .terminator && $0.tokens.contains(m) }) { continue }
            cues.append(Cue(category: .uncertain, direction: .both, window: 4, tokens: m..<(m + 1)))
        }
    }

    /// Whether a comma lies in `range` (checked only over a short window): a cue of a few words'
    /// reach ("normal" before what it qualifies) does not reach past one ("normal, without
    /// calcification").
    static func comma(in range: Range<Int>, _ doc: Document) -> Bool {
        range.contains { isMark($0, 0x2C, doc) }
    }

    /// Whether token `k` is the one-byte punctuation mark `byte` (false out of range).
    @inline(__always) static func isMark(_ k: Int, _ byte: UInt8, _ doc: Document) -> Bool {
        k >= 0 && k < doc.tokens.count && doc.tokens[k].kind == .punct && doc.tokens[k].length == 1
            && doc.text[Int(doc.tokens[k].start)] == byte
    }

    /// ConText for an arbitrary token span (a concept found by other means): the span's
    /// sentence is found, its cues gathered, and the span assessed as a target.
    public func assess(_ doc: Document, span: Range<Int>, concept: String = "span") -> Mention? {
        guard let si = doc.sentences.firstIndex(where: { $0.tokens.contains(span.lowerBound) }) else { return nil }
        let sentence = doc.sentences[si]
        var m = Mention(
            concept: concept, attributes: [], tokens: span, anchor: span, sentence: si,
            section: doc.sections[sentence.section].kind)
        var index = CueIndex()
        cues(doc, sentence.tokens, into: &index.cues)
        index.build(range: sentence.tokens, reach: scopeReach)
        var candidates: [Int] = []
        apply(index, to: &m, doc, candidates: &candidates)
        return m
    }
}
