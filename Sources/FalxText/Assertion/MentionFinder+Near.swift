extension MentionFinder {
    /// Buffers reused across the sentences of one document, so a sentence allocates nothing.
    struct Scratch {
        static let terminator: UInt8 = 1
        static let cue: UInt8 = 2
        var matches: [(range: Range<Int>, node: Int)] = []
        var hits: [ClassHit] = []
        var index = CueIndex()
        var candidates: [Int] = []
        /// Per token of the document: the class hit it belongs to, or -1.
        var hitIndex: [Int32] = []
        /// Per token of the document: `terminator` and / or `cue` when a modifier phrase covers it.
        var marks: [UInt8] = []
    }

    /// A class match in a sentence.
    struct ClassHit {
        var range: Range<Int>
        /// The class trie's node of the phrase (its payloads are class-entry indices).
        var node: Int
        /// The classes of the phrase as bits (classes 0..<64).
        var mask: UInt64
        /// Whether the phrase is in the class with this id.
        @inline(__always) func has(_ c: Int32, _ lexicon: CompiledLexicon) -> Bool {
            if c >= 0 && c < 64 { return mask & (1 << UInt64(c)) != 0 }
            return lexicon.classTrie.payloads(node).contains { lexicon.classOfEntry[Int($0)] == c }
        }
    }

    /// The farthest a proximity walk goes from its anchor, in tokens, each way. A list of sites
    /// joined to one anchor is far shorter; the bound keeps an unpunctuated run of anchors and
    /// sites ("calcified falx calcified falx ...") from making every anchor walk the sentence.
    public static let maxWalk = 48

    /// Mentions made by proximity rules: an anchor-class word with site-class words in its clause.
    ///
    /// From each anchor the walk goes left and right over at most `window` plain words between
    /// finds, through coordinated lists of sites ("the falx, tentorium and petroclinoid
    /// ligaments"), and stops at sentence punctuation, a clause terminator, a blocking word
    /// ("calcified *meningioma*") unless the blocker is itself one item of a coordinated list
    /// ("falcine and *pineal* calcification"), or `maxWalk` tokens from the anchor.
    func nearMentions(
        _ doc: Document, sentence si: Int, range: Range<Int>, section: SectionKind, scratch: inout Scratch,
        meter: inout WorkMeter, into out: inout [Mention]
    ) {
        // Most sentences have no word that could start an anchor phrase: one pass of table lookups.
        let anchorMask = lexicon.anchorMask
        guard range.contains(where: { lexicon.classTrie.startClasses(doc.tokens[$0]) & anchorMask != 0 }) else { return }
        // The buffer is taken out of the scratch while in use, so it stays uniquely referenced.
        var hits: [ClassHit] = []
        swap(&hits, &scratch.hits)
        hits.removeAll(keepingCapacity: true)
        defer { swap(&hits, &scratch.hits) }
        var anyAnchor = false
        var sentenceClasses: UInt64 = 0
        lexicon.classTrie.matches(doc.tokens, in: range, into: &scratch.matches)
        for m in scratch.matches {
            let hit = ClassHit(range: m.range, node: m.node, mask: lexicon.classTrie.classMask[m.node])
            if !anyAnchor { anyAnchor = lexicon.nearRuleClasses.contains { hit.has($0.anchor, lexicon) } }
            sentenceClasses |= hit.mask
            hits.append(hit)
        }
        guard anyAnchor else { return }
        // Per-token tables of the document (no hashing), reset over this sentence.
        if scratch.hitIndex.count < doc.tokens.count {
            scratch.hitIndex = Array(repeating: -1, count: doc.tokens.count)
            scratch.marks = Array(repeating: 0, count: doc.tokens.count)
        }
        for k in range {
            scratch.hitIndex[k] = -1
            scratch.marks[k] = 0
        }
        for (h, hit) in hits.enumerated() {
            for k in hit.range { scratch.hitIndex[k] = Int32(h) }
        }
        lexicon.modifierTrie.matches(doc.tokens, in: range, into: &scratch.matches)
        for m in scratch.matches {
            let mod = lexicon.source.modifiers[Int(lexicon.modifierTrie.firstPayload(m.node))]
            let mark: UInt8 = mod.category == .terminator && mod.window != 1 ? Scratch.terminator : Scratch.cue
            for k in m.range { scratch.marks[k] |= mark }
        }
        let hitIndex = scratch.hitIndex
        let marks = scratch.marks
        func hitAt(_ k: Int) -> Int? { hitIndex[k] >= 0 ? Int(hitIndex[k]) : nil }
        func isTerminator(_ k: Int) -> Bool { marks[k] & Scratch.terminator != 0 }
        func isCue(_ k: Int) -> Bool { marks[k] & Scratch.cue != 0 }
        func punct(_ k: Int) -> UInt8? {
            let t = doc.tokens[k]
            return t.kind == .punct ? doc.text[Int(t.start)] : nil
        }
        let grammar = lexicon.grammar
        func isCoordinator(_ k: Int) -> Bool {
            guard range.contains(k) else { return false }
            if punct(k) == 0x2C || punct(k) == 0x2F || punct(k) == 0x26 { return true }
            return doc.tokens[k].kind == .word && grammar.coordinator.contains(doc, k)
        }
        // Words that join a calcification to what it lies on or in, so that it is not a modifier of
        // a blocking noun after them ("calcification *along the* falx *near the* meningioma").
        func isFunctionWord(_ k: Int) -> Bool {
            doc.tokens[k].kind == .word && grammar.function.contains(doc, k)
        }
        /// Whether a site ends at most `window` words before the colon at `colon`, with no punctuation
        /// or terminator between.
        func siteBefore(colon: Int, within window: Int, site: Int32) -> Bool {
            var k = colon - 1
            while k >= range.lowerBound && colon - 1 - k <= window {
                if let h = hitAt(k), hits[h].has(site, lexicon) { return true }
                if punct(k) != nil || isTerminator(k) { return false }
                k -= 1
            }
            return false
        }
        for (ruleIndex, ids) in lexicon.nearRuleClasses.enumerated() {
            // A rule whose anchor class is not in the sentence has nothing to do.
            if ids.anchor >= 0 && ids.anchor < 64 && sentenceClasses & (1 << UInt64(ids.anchor)) == 0 { continue }
            let rule = lexicon.source.nearRules[ruleIndex]
            for anchor in hits where anchor.has(ids.anchor, lexicon) {
                // Steps of both walks, spent when the anchor is done.
                var steps = 1
                let leftEnd = max(range.lowerBound, anchor.range.lowerBound - Self.maxWalk)
                let rightEnd = min(range.upperBound, anchor.range.upperBound + Self.maxWalk)
                var sites: [ClassHit] = []
                // Walk left.
                var j = anchor.range.lowerBound - 1
                var gap = 0
                var lastWasSite = false
                // "with no enhancement, thickening or calcification": an anchor inside a cued list of
                // findings starts its walk before the cue, so the list speaks of the subject before it.
                var k = j
                var joined = false
                while k >= leftEnd,
                    isCoordinator(k)
                        || hitAt(k).map({ h in
                            !hits[h].has(ids.site, lexicon) && !(ids.block >= 0 && hits[h].has(ids.block, lexicon))
                        }) == true
                {
                    if isCoordinator(k) { joined = true }
                    k = hitAt(k).map { hits[$0].range.lowerBound - 1 } ?? k - 1
                }
                if joined, k >= leftEnd, isCue(k), !isTerminator(k) {
                    while k >= leftEnd, isCue(k) || grammar.listOpener.contains(doc, k) { k -= 1 }
                    steps += anchor.range.lowerBound - k
                    j = k
                }
                while j >= leftEnd && gap <= rule.window {
                    steps += 1
                    if isTerminator(j) { break }
                    if let h = hitAt(j) {
                        let hit = hits[h]
                        if hit.has(ids.site, lexicon) {
                            sites.append(hit); gap = 0; lastWasSite = true
                            j = hit.range.lowerBound - 1; continue
                        }
                        if ids.block >= 0, hit.has(ids.block, lexicon) {
                            // A blocker coordinated with the anchor itself ("dural calcification or
                            // thickening") is another item of the list: the site before it is shared.
                            let toAnchor = hit.range.upperBound..<anchor.range.lowerBound
                            if isCoordinator(hit.range.lowerBound - 1)
                                || (!toAnchor.isEmpty && toAnchor.count <= 2 && toAnchor.allSatisfy(isCoordinator))
                            {
                                j = hit.range.lowerBound - 1; gap += 1; lastWasSite = true; continue
                            }
                            // "calcified tentorial leaflets are thickened": the site just found is part of the
                            // blocker's noun phrase.
                            if let last = sites.last, last.range.lowerBound == hit.range.upperBound {
                                sites.removeLast()
                            }
                            break
                        }
                        j = hit.range.lowerBound - 1; gap += 1; lastWasSite = true; continue
                    }
                    if let b = punct(j) {
                        if (b == 0x2C || b == 0x2B || b == 0x26) && (lastWasSite || rule.crossesCommas) { j -= 1; continue }
                        // "density along the falx, likely calcification": only cue words between; "the dura
                        // is unremarkable, with no enhancement, thickening or calcification": a cued list of
                        // findings after the comma speaks of the subject before it.
                        if b == 0x2C && j + 1 < anchor.range.lowerBound {
                            let between = j + 1..<anchor.range.lowerBound
                            if between.allSatisfy({ isCue($0) }) {
                                j -= 1; continue
                            }
                            // The list is one item of the walk: the subject is measured from the comma.
                            if between.contains(where: { isCue($0) })
                                && between.allSatisfy({
                                    isCue($0) || isCoordinator($0) || hitAt($0) != nil || grammar.listOpener.contains(doc, $0)
                                })
                            {
                                gap = 0; j -= 1; continue
                            }
                        }
                        // "Falcine density, calcification or artefact": the anchor right after the comma,
                        // offered as one reading of what comes before it.
                        if b == 0x2C && j + 1 == anchor.range.lowerBound && anchor.range.upperBound < range.upperBound
                            && grammar.alternative.contains(doc, anchor.range.upperBound)
                        {
                            j -= 1; continue
                        }
                        // "Falx: calcified" (a labelled line) joins the label to its value, also when the label
                        // names the site with a few words more ("a focus along the falx on T2 and SWI: ?calcification").
                        if b == 0x3A, siteBefore(colon: j, within: rule.window, site: ids.site) {
                            j -= 1; continue
                        }
                        if b == 0x2D || b == 0x2F || b == 0x27 || b == 0x3F { j -= 1; continue }
                        break
                    }
                    gap += 1; lastWasSite = false; j -= 1
                }
                // Walk right.
                j = anchor.range.upperBound
                gap = 0
                lastWasSite = false
                var owned = false
                var rightSites: [Int] = []
                while j < rightEnd && gap <= rule.window {
                    steps += 1
                    if isTerminator(j) { break }
                    if let h = hitAt(j) {
                        let hit = hits[h]
                        if hit.has(ids.site, lexicon) {
                            sites.append(hit); gap = 0; lastWasSite = true
                            rightSites.append(hit.range.upperBound)
                            j = hit.range.upperBound; continue
                        }
                        if ids.block >= 0, hit.has(ids.block, lexicon) {
                            // A coordinated blocker ("pineal gland and falx") does not stop the list; a
                            // comma that ends the blocker's phrase ("calcified falcine meningioma, likely
                            // incidental") does not coordinate it: the next item must be a class word.
                            var k = hit.range.upperBound
                            var coordinated = false
                            while k < min(hit.range.upperBound + 2, range.upperBound) {
                                if isCoordinator(k) {
                                    coordinated = (k + 1..<min(k + 3, range.upperBound)).contains { hitAt($0) != nil }
                                    break
                                }
                                if punct(k) != nil { break }
                                k += 1
                            }
                            if coordinated { j = k + 1; gap += 1; lastWasSite = false; continue }
                            // "calcified chronic convexity subdural": the anchor and any site words
                            // between belong to the blocker's noun phrase.
                            let between = anchor.range.upperBound..<hit.range.lowerBound
                            let anchorWord = doc.tokens[anchor.range.upperBound - 1].range
                            let adjectival = grammar.adjectiveEnding.endsAny(doc, anchorWord)
                            let nounPhrase = { (r: Range<Int>) in
                                r.allSatisfy { (punct($0) == nil || punct($0) == 0x2D) && !isFunctionWord($0) }
                            }
                            if adjectival && nounPhrase(between) {
                                owned = true
                            } else if let last = rightSites.last, last <= hit.range.lowerBound, hit.range.lowerBound - last <= 3,
                                nounPhrase(last..<hit.range.lowerBound)
                            {
                                sites.removeLast(rightSites.count)
                            }
                            break
                        }
                        j = hit.range.upperBound; gap += 1; lastWasSite = true; continue
                    }
                    if let b = punct(j) {
                        if (b == 0x2C || b == 0x2B || b == 0x26) && (lastWasSite || rule.crossesCommas) { j += 1; continue }
                        // "Calcification: falx and tentorium."
                        if b == 0x3A && j == anchor.range.upperBound { j += 1; continue }
                        if b == 0x2D || b == 0x2F || b == 0x27 || b == 0x3F { j += 1; continue }
                        break
                    }
                    gap += 1; lastWasSite = false; j += 1
                }
                guard meter.spend(steps + sites.count) else { return }
                guard !sites.isEmpty, !owned else { continue }
                let lo = min(anchor.range.lowerBound, sites.map(\.range.lowerBound).min() ?? anchor.range.lowerBound)
                let hi = max(anchor.range.upperBound, sites.map(\.range.upperBound).max() ?? anchor.range.upperBound)
                var attributes: [String] = []
                // A phrase met again (one node) adds nothing new: each node is read once.
                var seenNodes: [Int] = []
                for s in sites.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where !seenNodes.contains(s.node) {
                    seenNodes.append(s.node)
                    // Class ids, not names, are compared: the entry's class is the rule's site class.
                    for p in lexicon.classTrie.payloads(s.node) where lexicon.classOfEntry[Int(p)] == ids.site {
                        for a in lexicon.classEntryAttributes[Int(p)] where !attributes.contains(a) {
                            attributes.append(a)
                        }
                    }
                }
                // An anchor word may carry an attribute of its own ("recanalised" → negated).
                for p in lexicon.classTrie.payloads(anchor.node)
                where lexicon.classOfEntry[Int(p)] == ids.anchor && !lexicon.source.classes[Int(p)].attribute.isEmpty
                    && !attributes.contains(lexicon.source.classes[Int(p)].attribute)
                {
                    attributes.append(lexicon.source.classes[Int(p)].attribute)
                }
                out.append(
                    Mention(
                        concept: rule.concept, attributes: attributes, tokens: lo..<hi,
                        anchor: anchor.range, sentence: si, section: section))
            }
        }
    }
}
