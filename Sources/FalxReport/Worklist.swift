import FalxAudit
import FalxCore

/// A case of the review worklist: an audit row whose verdict is `missed_workup` or
/// `additional_imaging`, with why it is flagged — the facts that fired each rule, what the table
/// asks for, and what the report itself recommends.
public struct WorklistCase: Sendable, Equatable {
    public var recordID: String
    public var accession: String
    public var patientID: String
    public var source: String
    public var studyDateTime: String
    public var interpreter: String
    public var facility: String
    public var category: String
    public var strength: String
    public var verdict: String
    /// `fact=value [rule ids]: "sentence"; …`, each fact with the sentence that decided it (see
    /// ``WorklistReasons``).
    public var triggers: String
    /// ``triggers`` without the dural-calcification sentence, which the page shows in its own
    /// column with the mention marked.
    public var triggerFacts: String
    /// `action (rule); …`.
    public var asksFor: String
    /// The sentences read as the report's own recommendation (the audit's
    /// `recommendation_evidence`, ` | `-joined); empty when none was found, and for an audit
    /// written before that column existed.
    public var reportRecommendation: String
    /// What the report recommends, as codes (`;`-joined; empty when it recommends nothing codable).
    public var reportRecommends: String
    public var rules: String
    /// The dural-calcification sentence (the page marks the mention in it).
    public var evidence: String

    /// The worklist CSV's columns.
    public static let columns = [
        "record_id", "accession", "patient_id", "study_datetime", "interpreter", "facility", "audit_verdict",
        "strength", "category", "triggers", "asks_for", "report_recommendation", "report_recommends", "rules", "source",
    ]

    /// The headers of worklists written by earlier versions (still recognised as Falx output):
    /// before the recommendation sentence, and before the triggers.
    static let previousColumns = [
        [
            "record_id", "accession", "patient_id", "study_datetime", "interpreter", "facility", "audit_verdict",
            "strength", "category", "triggers", "asks_for", "report_recommendation", "rules", "source",
        ],
        [
            "record_id", "study_datetime", "interpreter", "facility", "audit_verdict", "category", "strength", "actions",
            "report_recommends", "rules", "dc_evidence", "source",
        ],
    ]

    /// Values in ``columns`` order.
    public var values: [String] {
        [
            recordID, accession, patientID, studyDateTime, interpreter, facility, verdict, strength, category, triggers,
            asksFor, reportRecommendation, reportRecommends, rules, source,
        ]
    }

    /// The case of an audit row given as values in ``AuditRow/columns`` order, its reasons derived
    /// with `ruleset` (``WorklistReasons``).
    public init(auditValues v: [String], ruleset: Ruleset = .default) {
        typealias C = AuditColumns
        recordID = v[C.recordID]
        accession = v[C.accession]
        patientID = v[C.patientID]
        source = v[C.source]
        studyDateTime = v[C.studyDateTime]
        interpreter = v[C.interpreter]
        facility = v[C.facility]
        category = v[C.category]
        strength = v[C.strength]
        verdict = v[C.verdict]
        rules = v[C.rules]
        evidence = v[C.evidence]
        let reasons = WorklistReasons(auditValues: v, ruleset: ruleset)
        triggers = reasons.triggers
        triggerFacts = reasons.triggerFacts
        asksFor = reasons.asksFor
        reportRecommendation = v[C.recommendationEvidence]
        reportRecommends = v[C.reportRecommends] == "none" ? "" : v[C.reportRecommends]
    }

    /// The order of the worklist: strength (the table's order, urgent first; none last), then study
    /// date (missing last), then record id, then the order of the audit.
    public func key(sequence: UInt64) -> WorklistKey {
        WorklistKey(
            rank: UInt8(Strength.allCases.firstIndex { $0.rawValue == strength } ?? 255),
            date: WorklistKey.sortableDate(studyDateTime), recordID: Array(recordID.utf8), sequence: sequence)
    }
}

/// Why a row is on the worklist, re-derived from the audit row's own facts by the ruleset
/// (``Ruleset/explain(_:)``), never by a copy of the rules.
///
/// The audit row carries every fact the rules read, so evaluating them again gives the row's
/// recommendation; when it does not (an audit of another ruleset version, or an edited file) the
/// reasons are not guessed: `triggers` says so and `asks_for` lists the row's action codes.
public struct WorklistReasons: Sendable, Equatable {
    public var triggers: String
    /// ``triggers`` without the dural-calcification sentence.
    public var triggerFacts: String
    public var asksFor: String

    public init(auditValues v: [String], ruleset: Ruleset) {
        typealias C = AuditColumns
        let codes = v[C.actions].split(separator: ";").joined(separator: "; ")
        guard let facts = AuditFacts.caseFacts(v) else {
            triggers = "rules \(v[C.rules]) (facts not re-derived: a fact value of the row is not one Falx writes)"
            asksFor = codes
            triggerFacts = triggers
            return
        }
        let e = ruleset.explain(facts)
        let rec = e.recommendation
        guard v[C.rulesetVersion] == ruleset.version else {
            triggers =
                "rules \(v[C.rules]) (facts not re-derived: the audit's ruleset \(v[C.rulesetVersion]) is not \(ruleset.version))"
            asksFor = codes
            triggerFacts = triggers
            return
        }
        guard rec.rules.joined(separator: ";") == v[C.rules], rec.actionCodes.joined(separator: ";") == v[C.actions],
            rec.verdict.rawValue == v[C.verdict], rec.category.rawValue == v[C.category]
        else {
            triggers = "rules \(v[C.rules]) (facts not re-derived: the row's facts give another recommendation)"
            asksFor = codes
            triggerFacts = triggers
            return
        }
        // One entry per fact, with every rule it fired.
        var order: [Fact] = []
        var firedBy: [Fact: [String]] = [:]
        for firing in e.firings {
            for fact in firing.triggers {
                if firedBy[fact] == nil { order.append(fact) }
                firedBy[fact, default: []].append(firing.rule.id)
            }
        }
        let named = order.map { "\($0.name)=\($0.value(in: facts)) [\(firedBy[$0, default: []].joined(separator: ","))]" }
        let sentences = FactEvidence(v[C.factEvidence])
        var all: [String] = []
        var page: [String] = []
        for (fact, name) in zip(order, named) {
            let sentence: String
            switch fact {
            case .duralCalcification: sentence = v[C.evidence]
            case .temporality: sentence = ""  // read from every counted mention, not one sentence
            default: sentence = sentences.sentence(of: fact.name, value: fact.value(in: facts))
            }
            let quoted = sentence.isEmpty ? name : "\(name): \"\(sentence)\""
            all.append(quoted)
            page.append(fact == .duralCalcification ? name : quoted)
        }
        triggers = all.joined(separator: "; ")
        triggerFacts = page.joined(separator: "; ")
        asksFor = rec.actions.map { "\($0.code) (\($0.rule))" }.joined(separator: "; ")
    }
}

/// The audit's `fact_evidence` cell read back: each `name=value` of a `name=value, name=value: sentence`
/// item with the item's sentence (a cell of one fact per item, as first written, reads the same way).
struct FactEvidence {
    var sentences: [String: String] = [:]

    init(_ cell: String) {
        guard !cell.isEmpty else { return }
        // "name=value, name=value: sentence": the facts before the first ": " share its sentence.
        for item in cell.components(separatedBy: AuditRow.sentenceSeparator) {
            guard let colon = item.range(of: ": ") else { continue }
            let sentence = String(item[colon.upperBound...])
            for fact in item[..<colon.lowerBound].components(separatedBy: ", ") { sentences[fact] = sentence }
        }
    }

    /// The sentence that decided `name=value`; empty when the cell names none (an audit written
    /// before the column existed, or a value decided without a sentence).
    func sentence(of name: String, value: String) -> String { sentences[name + "=" + value] ?? "" }
}

/// The case facts of an `ok` audit row, read back from its columns by name.
enum AuditFacts {
    /// The facts, or nil when a value is not one the audit writes.
    static func caseFacts(_ v: [String]) -> CaseFacts? {
        typealias C = AuditColumns
        var f = CaseFacts()
        guard let dc = FindingStatus(rawValue: v[C.duralCalcification]),
            let temporality = DCTemporality(rawValue: v[C.temporality]),
            let renal = SymptomStatus(rawValue: v[C.renalDisease])
        else { return nil }
        f.duralCalcification = dc
        f.temporality = temporality
        f.renalDisease = renal
        for l in v[C.locations].split(separator: ";") {
            guard let location = DuralLocation(rawValue: String(l)) else { return nil }
            f.locations.append(location)
        }
        for (finding, column) in zip(Finding.allCases, C.findingColumns) {
            guard let s = FindingStatus(rawValue: v[column]) else { return nil }
            if s != .notMentioned { f.findings[finding] = s }
        }
        for (symptom, column) in zip(Symptom.allCases, C.symptomColumns) {
            guard let s = SymptomStatus(rawValue: v[column]) else { return nil }
            if s != .notMentioned { f.symptoms[symptom] = s }
        }
        f.age = Int(v[C.age])
        if v[C.reportRecommends] != "none" {
            for r in v[C.reportRecommends].split(separator: ";") {
                guard let code = ReportRecommendation(rawValue: String(r)) else { return nil }
                f.reportRecommends.append(code)
            }
        }
        return f
    }
}

extension AuditColumns {
    /// The column of each ``Finding`` and ``Symptom``, in `allCases` order.
    static let findingColumns = Finding.allCases.map { index($0.rawValue) }
    static let symptomColumns = Symptom.allCases.map { index($0.rawValue) }
}
