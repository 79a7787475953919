import FalxCore
import FalxText

/// Turns a report's text into case facts: mentions aggregated per concept (affirmed > uncertain >
/// negated; an addendum overrides the body; hypothetical, family and "no new X" mentions ignored;
/// findings in the clinical question only when the body says nothing), symptoms, renal disease,
/// age and the report's own recommendations.
public struct CaseFactsExtractor: Sendable {
    public let lexicon: ClinicalLexicon
    let engine: TextEngine
    let finder: MentionFinder
    let blockerBit: UInt64
    let siteBit: UInt64
    let calcBit: UInt64
    /// The word ids of "not", "than" and "of", which end the denials of a calcification word.
    let denialLastWordIDs: (Int32, Int32, Int32)?
    /// The vascular access class's bit, and the recommendation classes', looked up once.
    let vascularAccessBit: UInt64
    let recommendationBits: RecommendationReader.ClassBits

    public init(lexicon: ClinicalLexicon = .standard) {
        self.lexicon = lexicon
        engine = TextEngine(lexicon: lexicon.compiled)
        finder = MentionFinder(lexicon: lexicon.compiled)
        blockerBit = Self.blockerBit(lexicon.compiled)
        siteBit = Self.siteBit(lexicon.compiled)
        calcBit = Self.calcBit(lexicon.compiled)
        denialLastWordIDs = Self.denialLastWordIDs(lexicon.compiled)
        vascularAccessBit = lexicon.compiled.classBit(ClinicalVocabulary.WordClass.vascaccess.rawValue)
        recommendationBits = RecommendationReader.ClassBits(lexicon.compiled)
    }

    static let symptomConcepts = Set(Symptom.allCases.map(\.rawValue) + [ClinicalVocabulary.renalDisease])
    /// The finding and the symptom a concept names: one hash each, not a comparison with every case.
    static let findingOfConcept = Dictionary(uniqueKeysWithValues: Finding.allCases.map { ($0.rawValue, $0) })
    static let symptomOfConcept = Dictionary(uniqueKeysWithValues: Symptom.allCases.map { ($0.rawValue, $0) })

    /// Reads one report. `metadataAge` (from birth and study dates) wins over the text.
    public func read(_ text: [UInt8], metadataAge: Int? = nil) -> ClinicalReading {
        var meter = WorkMeter()
        return read(text, metadataAge: metadataAge, meter: &meter)
    }

    /// Reads one report, spending work on `meter`. When the meter runs out (`meter.outcome` is
    /// set) the reading is incomplete and must not be used as the report's result.
    ///
    /// - Complexity: O(n) in the text.
    public func read(_ text: [UInt8], metadataAge: Int? = nil, meter: inout WorkMeter) -> ClinicalReading {
        let doc = engine.analyze(text)
        _ = meter.spend(doc.tokens.count + 1)
        let mentions = meter.canContinue ? finder.mentions(in: doc, meter: &meter) : []
        return read(doc, text: text, mentions: mentions, metadataAge: metadataAge, meter: &meter)
    }

    /// The last step of ``read(_:metadataAge:meter:)``: the case facts of `text` analysed as `doc`,
    /// with its mentions (a stage of its own for the stage profile, `falx bench`).
    public func read(
        _ doc: Document, text: [UInt8], mentions: [Mention], metadataAge: Int? = nil, meter: inout WorkMeter
    ) -> ClinicalReading {
        var mentions = mentions
        // Appended only when there are any: an append copies the caller's array even when empty.
        if meter.spend(doc.tokens.count), case let resolutions = Self.episodeResolutions(doc, mentions), !resolutions.isEmpty {
            mentions += resolutions
        }
        mentions = Self.scopingResolutions(doc, Self.withdrawingQuotes(doc, Self.applyingBackReferenceDenials(doc, mentions)))
        mentions = Self.freeingObjectsOfRecommendations(doc, mentions)
        if meter.spend(doc.tokens.count), case let denied = calcificationsDeniedByDescription(doc, mentions), !denied.isEmpty {
            mentions += denied
        }
        var facts = CaseFacts()
        // Tables sized once (a report names a few concepts of each kind): no growth while filled.
        facts.findings.reserveCapacity(Finding.allCases.count)
        facts.symptoms.reserveCapacity(Symptom.allCases.count)
        var byConcept: [String: [Mention]] = [:]
        byConcept.reserveCapacity(mentions.count)
        // Whether each sentence with a generic mention names a vascular access (looked up once).
        var vascularAccess: [Int: Bool] = [:]
        // Per sentence with a dural calcification mention: where appositions name it as something else.
        var appositions: [Int: Owners] = [:]
        // Per clinical-question section: whether it runs on one line with the findings after it.
        var inlineHistory: [Int: Bool] = [:]
        for m in mentions where !m.concept.hasPrefix(ClinicalVocabulary.recommendationPrefix) {
            if m.concept == ClinicalVocabulary.duralCalcification && m.assertion != .negated {
                let starts =
                    appositions[m.sentence]
                    ?? {
                        _ = meter.spend(doc.sentences[m.sentence].tokens.count)
                        let found = Self.appositionStarts(
                            doc, doc.sentences[m.sentence].tokens, lexicon.compiled, blocker: blockerBit)
                        appositions[m.sentence] = found
                        return found
                    }()
                if Self.namedAsSomethingElse(m, starts, doc) { continue }
            }
            if m.attributes.contains(ClinicalVocabulary.Attribute.generic.rawValue) {
                let access =
                    vascularAccess[m.sentence]
                    ?? {
                        _ = meter.spend(doc.sentences[m.sentence].tokens.count)
                        let found = sentenceHasClass(doc, m.sentence, vascularAccessBit)
                        vascularAccess[m.sentence] = found
                        return found
                    }()
                if access { continue }
            }
            var m = Self.contrastingSites(m, doc, lexicon.compiled, siteBit: siteBit) ?? m
            if m.section.isClinicalQuestion, m.assertion == .negated, !Self.symptomConcepts.contains(m.concept),
                Self.findingsInInlineHistory(m, doc, &inlineHistory)
            {
                m.section = .findings
            }
            byConcept[m.concept, default: []].append(m)
        }
        var decisive: [String: Mention] = [:]
        decisive.reserveCapacity(byConcept.count)
        for (concept, list) in byConcept {
            let isSymptom = Self.symptomConcepts.contains(concept)
            guard let (status, best) = aggregate(list, symptomLike: isSymptom) else { continue }
            decisive[concept] = best
            if concept == ClinicalVocabulary.duralCalcification {
                facts.duralCalcification = status
            } else if let f = Self.findingOfConcept[concept] {
                facts.findings[f] = status
            } else if let s = Self.symptomOfConcept[concept] {
                facts.symptoms[s] = status == .absent ? .absent : .present
            } else if concept == ClinicalVocabulary.renalDisease {
                facts.renalDisease = status == .absent ? .absent : .present
            }
        }
        // eGFR values decide renal disease when no phrase did.
        var egfrSentence: Int?
        if let (egfr, token) = Self.egfrValue(doc) {
            if egfr < 60 {
                // A phrase that said so already stays the evidence.
                if facts.renalDisease != .present { egfrSentence = doc.sentenceIndex(containing: token) }
                facts.renalDisease = .present
            } else if facts.renalDisease == .notMentioned {
                facts.renalDisease = .absent
                egfrSentence = doc.sentenceIndex(containing: token)
            }
        }
        // A positional headache is a headache.
        if facts.status(.positionalHeadache) == .present { facts.symptoms[.headache] = .present }

        var evidence: Evidence?
        if facts.duralCalcification.isPositive, let list = byConcept[ClinicalVocabulary.duralCalcification] {
            let wanted: Assertion = facts.duralCalcification == .present ? .affirmed : .uncertain
            let counted = counted(list).filter { $0.assertion == wanted }
            var locations = Set<DuralLocation>()
            for m in counted { for a in m.attributes { if let l = DuralLocation(rawValue: a) { locations.insert(l) } } }
            // "along the transverse sinus and adjacent tentorium" is tentorium alone.
            if locations.count > 1 { locations.remove(.other) }
            facts.locations = locations.sorted()
            if facts.duralCalcification == .present {
                let ts = counted.compactMap(\.temporality)
                facts.temporality =
                    ts.contains(.progressive)
                    ? .progressive
                    : ts.contains(.new) ? .new : ts.contains(.stable) ? .stable : .unknown
            }
            if let best = counted.first(where: { !$0.attributes.isEmpty }) ?? counted.first {
                decisive[ClinicalVocabulary.duralCalcification] = best
                let bytes = doc.byteRange(best.tokens)
                evidence = Evidence(
                    sentence: doc.collapsedText(ofSentence: best.sentence),
                    scalarRange: Self.scalarOffset(text, bytes.lowerBound)..<Self.scalarOffset(text, bytes.upperBound),
                    byteRange: bytes)
            }
        }
        facts.age = metadataAge ?? AgeReader.age(in: doc)
        let recommendations = RecommendationReader.read(doc, mentions, lexicon.compiled, bits: recommendationBits, meter: &meter)
        facts.reportRecommends = recommendations.codes
        return ClinicalReading(
            facts: facts, evidence: evidence, document: doc, mentions: mentions, decisive: decisive,
            recommendationSentences: recommendations.sentences, egfrSentence: egfrSentence)
    }

    /// Mentions that count: not hypothetical, family or "no new"; addendum mentions override the
    /// rest; mentions in the clinical question only when nothing else speaks of the concept.
    func counted(_ list: [Mention], symptomLike: Bool = false) -> [Mention] {
        // "New dural enhancement is not demonstrated" is "no new dural enhancement": it says nothing of X.
        func usable(_ m: Mention) -> Bool {
            guard !m.hypothetical && !m.family && !m.ignored && !Self.deniedAsNew(m) else { return false }
            return m.assertion == .negated || !m.attributes.contains(ClinicalVocabulary.Attribute.negonly.rawValue)
        }
        // Which sections count is decided first, so the mentions are copied once.
        var addendum = false
        var body = false
        for m in list where usable(m) {
            if m.section == .addendum { addendum = true }
            if !m.section.isClinicalQuestion && !m.section.isProcedural { body = true }
        }
        return list.filter { m in
            guard usable(m) else { return false }
            if addendum { return m.section == .addendum }
            // Symptoms are told in the history as much as anywhere.
            if symptomLike || !body { return !m.section.isProcedural }
            return !m.section.isClinicalQuestion && !m.section.isProcedural
        }
    }

    func aggregate(_ list: [Mention], symptomLike: Bool) -> (FindingStatus, Mention)? {
        var usable = counted(list, symptomLike: symptomLike)
        if !symptomLike {
            // In the clinical question a finding counts only when affirmed ("known dAVF").
            usable = usable.filter { !$0.section.isClinicalQuestion || $0.assertion == .affirmed }
        }
        let negating = Self.negatingAttributes
        for i in usable.indices where usable[i].attributes.contains(where: negating.contains) {
            usable[i].assertion = .negated
        }
        if symptomLike {
            // A symptom is absent only by a named denial: a negation cue next to it, or any cue in
            // the history. "No intracranial cause for the headaches" does not deny the headache.
            usable = usable.filter { m in
                if m.assertion == .uncertain {
                    // "Acute confusion, ?uraemic vs structural": a hedge after the symptom is about
                    // its cause; one before it ("?seizure") questions the symptom itself.
                    guard let cue = m.triggers.first(where: { $0.category == .uncertain }) else { return false }
                    return cue.tokens.lowerBound >= m.anchor.upperBound
                }
                guard m.assertion == .negated, !m.attributes.contains(where: negating.contains) else {
                    return true
                }
                if m.section.isClinicalQuestion || m.section == .body { return true }
                guard let cue = m.triggers.first(where: { $0.category == .negated }) else { return true }
                let d =
                    cue.tokens.upperBound <= m.anchor.lowerBound
                    ? m.anchor.lowerBound - cue.tokens.upperBound : cue.tokens.lowerBound - m.anchor.upperBound
                return d <= 2
            }
        }
        // A stated resolution ("headache, now resolved", "no further seizures", "seizure-free")
        // outranks the symptom it resolves.
        if symptomLike,
            let resolved = usable.first(where: { m in
                m.assertion == .negated
                    && (m.attributes.contains(ClinicalVocabulary.Attribute.resolved.rawValue)
                        || m.triggers.contains { t in
                            guard t.category == .negated else { return false }
                            return Self.statesResolution(t.phrase)
                        })
            })
        {
            return (.absent, resolved)
        }
        // A finding stated as gone ("has resolved", "no longer seen", "recanalised", "cured",
        // "withdrawn") outranks the mentions before it, which tell its past; a mention after the
        // resolution ("... resolved; new thrombus in the sigmoid sinus") still counts.
        if !symptomLike, let gone = usable.last(where: isResolution) {
            usable.removeAll { $0.assertion != .negated && $0.tokens.upperBound <= gone.tokens.lowerBound }
        }
        guard let best = usable.max(by: { $0.assertion.rank < $1.assertion.rank }) else { return nil }
        let status: FindingStatus
        switch best.assertion {
        case .affirmed: status = .present
        case .uncertain: status = .uncertain
        case .negated: status = .absent
        }
        return (status, usable.first { $0.assertion == best.assertion } ?? best)
    }

    /// Whether a (negated) mention states a resolution: a `resolved` attribute, an anchor whose
    /// attribute negates it ("recanalised"), or a negation cue in words of resolution.
    func isResolution(_ m: Mention) -> Bool {
        guard m.assertion == .negated else { return false }
        if m.attributes.contains(where: Self.negatingAttributes.contains) { return true }
        return m.triggers.contains { t in t.category == .negated && Self.statesResolution(t.phrase) }
    }

    /// Whether a denial is of a new X only: "New X is not demonstrated", the "new" cue right
    /// before the mention.
    static func deniedAsNew(_ m: Mention) -> Bool {
        guard m.assertion == .negated, m.temporality == .new else { return false }
        return m.triggers.contains { t in
            t.category == .new && t.tokens.upperBound <= m.tokens.lowerBound && m.tokens.lowerBound - t.tokens.upperBound <= 1
        }
    }

    /// Target attributes that make a mention a denial or a resolution.
    static let negatingAttributes = [
        ClinicalVocabulary.Attribute.negated.rawValue, ClinicalVocabulary.Attribute.resolved.rawValue,
    ]

    /// Parts of negation cues that state a resolution rather than a denial.
    static let resolutionWords = [
        "resolv", "settled", "subsided", "abated", "no further", "no longer", "no recurren", "cured", "withdrawn",
        "back to normal", "back to baseline", "returned to",
    ]

    /// Whether a negation cue's phrase holds one of the `resolutionWords`, case-insensitively. An
    /// ASCII phrase is searched byte by byte (the same answer as the `String` search, without its
    /// cost); any other takes the `String` search.
    static func statesResolution(_ phrase: String) -> Bool {
        var bytes = Array(phrase.utf8)
        guard !bytes.contains(where: { $0 >= 0x80 }) else {
            let lower = phrase.lowercased()
            return resolutionWords.contains { lower.contains($0) }
        }
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        return resolutionWordBytes.contains { word in
            bytes.count >= word.count
                && (0...(bytes.count - word.count)).contains { bytes[$0..<($0 + word.count)].elementsEqual(word) }
        }
    }

    static let resolutionWordBytes = resolutionWords.map { Array($0.utf8) }

    func sentenceHasClass(_ doc: Document, _ sentence: Int, _ bit: UInt64) -> Bool {
        return lexicon.compiled.classMatchBits(doc.tokens, in: doc.sentences[sentence].tokens).contains { $0.classes & bit != 0 }
    }

    /// The first eGFR value in the text ("eGFR 25", "eGFR of >90", "eGFR: 45 mL/min") and the
    /// index of its "eGFR" token.
    static func egfrValue(_ doc: Document) -> (value: Double, token: Int)? {
        // Cheap tests first: one token in hundreds is four bytes starting with an 'e'.
        for k in doc.tokens.indices
        where doc.tokens[k].length == 4 && doc.text[Int(doc.tokens[k].start)] | 0x20 == 0x65 && doc.tokens[k].kind == .word
            && doc.token(k, is: "egfr")
        {
            var j = k + 1
            var steps = 0
            while j < doc.tokens.count && steps < 5 {
                if doc.tokens[j].kind == .number { return Double(doc.word(j)).map { ($0, k) } }
                if doc.tokens[j].kind == .word {
                    if !doc.token(j, isAnyOf: ["of", "is", "was", "approximately", "approx"]) { break }
                }
                j += 1; steps += 1
            }
        }
        return nil
    }

    /// The Unicode scalar offset of a UTF-8 byte offset.
    static func scalarOffset(_ text: [UInt8], _ byte: Int) -> Int {
        var n = 0
        for i in 0..<min(byte, text.count) where text[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
