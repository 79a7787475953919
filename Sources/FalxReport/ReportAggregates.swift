import Foundation
import FalxAudit

/// Verdict counts of the positive cases (dural calcification present or uncertain) in one group.
public struct VerdictCounts: Sendable, Equatable {
    /// Cases with a verdict other than `not_applicable`.
    public var positives = 0
    /// Cases the guideline asks to work up (`urgent` or `recommended`): the denominator of the
    /// missed-work-up rate.
    public var workupIndicated = 0
    public var concordant = 0
    public var missedWorkup = 0
    public var additionalImaging = 0

    public init() {}

    /// Missed work-up ÷ cases needing work-up, or nil when none needed it.
    public var missedRate: Double? {
        workupIndicated == 0 ? nil : Double(missedWorkup) / Double(workupIndicated)
    }

    mutating func add(verdict: String, strength: String) {
        positives += 1
        if strength == "urgent" || strength == "recommended" { workupIndicated += 1 }
        switch verdict {
        case "concordant": concordant += 1
        case "missed_workup": missedWorkup += 1
        case "additional_imaging": additionalImaging += 1
        default: break
        }
    }

    static func + (a: VerdictCounts, b: VerdictCounts) -> VerdictCounts {
        var c = a
        c.positives += b.positives
        c.workupIndicated += b.workupIndicated
        c.concordant += b.concordant
        c.missedWorkup += b.missedWorkup
        c.additionalImaging += b.additionalImaging
        return c
    }
}

/// Verdict counts per key (interpreter, facility, month) with a bound on distinct keys: past
/// ``maxKeys`` a new key's cases go to ``overflow``, so memory stays bounded on any audit.
public struct KeyedVerdicts: Sendable, Equatable {
    public private(set) var counts: [String: VerdictCounts] = [:]
    public private(set) var overflow = VerdictCounts()
    public let maxKeys: Int

    public init(maxKeys: Int) { self.maxKeys = maxKeys }

    mutating func add(key: String, verdict: String, strength: String) {
        if counts[key] == nil && counts.count >= maxKeys {
            overflow.add(verdict: verdict, strength: strength)
            return
        }
        counts[key, default: VerdictCounts()].add(verdict: verdict, strength: strength)
    }

    /// The `n` keys with the most positive cases (ties by name), then `other` for the rest, if any.
    public func top(_ n: Int, other: String = "all others") -> [(key: String, counts: VerdictCounts)] {
        let sorted = counts.sorted {
            $0.value.positives != $1.value.positives ? $0.value.positives > $1.value.positives : $0.key < $1.key
        }
        var out = sorted.prefix(n).map { (key: $0.key, counts: $0.value) }
        let rest = sorted.dropFirst(n).reduce(overflow) { $0 + $1.value }
        if rest.positives > 0 { out.append((key: "\(other) (\(sorted.count - min(n, sorted.count)) more)", counts: rest)) }
        return out
    }

    /// Every key in ascending order (for months), the overflow last.
    public var ascending: [(key: String, counts: VerdictCounts)] {
        counts.sorted { $0.key < $1.key }.map { (key: $0.key, counts: $0.value) }
    }
}

/// An error row of the audit.
public struct ErrorCase: Sendable, Equatable {
    public var recordID: String
    public var source: String
    public var format: String
    public var errors: String
}

/// Everything the report shows, accumulated one audit row at a time: counts, plus the first
/// ``Limits/worklist`` worklist cases and ``Limits/errors`` error rows.
///
/// Memory is bounded whatever the number of rows: counters, maps whose distinct keys are capped
/// (``Limits/distinctKeys``), and the two capped lists. Rows are the audit's values in
/// ``AuditRow/columns`` order, as ``AuditFileReader`` and the audit writer hand them.
///
///     var agg = ReportAggregates()
///     _ = try AuditFileReader.read(path: "audit.csv") { agg.add($0) }
///     print(agg.records, agg.verdicts["missed_workup", default: 0])
public struct ReportAggregates: Sendable, Equatable {
    /// The bounds on what is kept.
    public struct Limits: Sendable, Equatable {
        public var worklist: Int
        public var errors: Int
        public var distinctKeys: Int
        public init(worklist: Int = 1000, errors: Int = 200, distinctKeys: Int = 5000) {
            self.worklist = worklist
            self.errors = errors
            self.distinctKeys = distinctKeys
        }
    }

    public let limits: Limits

    // MARK: Run summary
    public var records = 0
    public var ok = 0
    public var errorRows = 0
    public var rowsWithWarnings = 0
    public var formats: [String: Int] = [:]
    public var rulesetVersions: [String: Int] = [:]
    /// Earliest and latest `study_datetime` that starts with a 4-digit year (ISO 8601 strings compare in order).
    public var firstStudy: String?
    public var lastStudy: String?
    public var rowsWithoutDate = 0

    // MARK: Findings (ok rows)
    public var duralCalcification: [String: Int] = [:]
    /// Rows with dural calcification `present` or `uncertain`.
    public var positives = 0
    /// finding column → status → count, among positives.
    public var findings: [String: [String: Int]] = [:]
    public var symptoms: [String: [String: Int]] = [:]
    public var renalDisease: [String: Int] = [:]
    public var locations: [String: Int] = [:]
    public var temporality: [String: Int] = [:]
    /// Positive cases by age decade (0 = 0–9 … 9 = 90 and over); `agesUnknown` without an age.
    public var ageDecades: [Int] = Array(repeating: 0, count: 10)
    public var agesUnknown = 0

    // MARK: Recommendations and verdicts (ok rows)
    public var categories: [String: Int] = [:]
    public var strengths: [String: Int] = [:]
    public var verdicts: [String: Int] = [:]
    public var overall = VerdictCounts()
    public var byInterpreter: KeyedVerdicts
    public var byFacility: KeyedVerdicts
    public var byMonth: KeyedVerdicts

    // MARK: Lists
    public var worklistTotal = 0
    /// The cases kept for the page: at most 2 × ``Limits/worklist``, cut back to the first
    /// ``Limits/worklist`` in worklist order whenever it fills.
    var kept: [(key: WorklistKey, case: WorklistCase)] = []
    /// The first ``Limits/worklist`` cases in worklist order (``WorklistCase/key(sequence:)``):
    /// strength, study date, record id.
    public var worklist: [WorklistCase] { Self.firstInOrder(kept, limits.worklist).map(\.case) }
    public var errorCodes: [String: Int] = [:]
    public var errorList: [ErrorCase] = []
    /// Rows left out of every figure because a later report of the same accession replaces them.
    public var supersededRows = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
        byInterpreter = KeyedVerdicts(maxKeys: limits.distinctKeys)
        byFacility = KeyedVerdicts(maxKeys: limits.distinctKeys)
        byMonth = KeyedVerdicts(maxKeys: limits.distinctKeys)
    }

    /// The label of an empty interpreter or facility.
    public static let notRecorded = "(not recorded)"
    /// The month of a row without a usable study date.
    public static let noDate = "(no date)"

    /// Whether a row belongs on the worklist: a flagged verdict, and not a report superseded by a
    /// later one of the same accession (the one that counts is listed instead).
    public static func isWorklist(_ v: [String]) -> Bool {
        (v[AuditColumns.verdict] == "missed_workup" || v[AuditColumns.verdict] == "additional_imaging")
            && v[AuditColumns.supersededBy].isEmpty
    }

    /// Adds one row.
    ///
    /// - Complexity: O(number of columns).
    public mutating func add(_ v: [String]) {
        typealias C = AuditColumns
        guard v.count == AuditRow.columns.count else { return }
        // A report replaced by a later one of the same accession (a preliminary, then the final)
        // is one study: only the one that counts enters the figures.
        guard v[C.supersededBy].isEmpty else {
            supersededRows += 1
            return
        }
        records += 1
        if !v[C.warnings].isEmpty { rowsWithWarnings += 1 }
        Self.bump(&formats, v[C.format].isEmpty ? "(unknown)" : v[C.format], limit: limits.distinctKeys)
        let study = v[C.studyDateTime]
        let month = Self.month(of: study)
        if month == Self.noDate {
            rowsWithoutDate += 1
        } else {
            if firstStudy.map({ study < $0 }) ?? true { firstStudy = study }
            if lastStudy.map({ study > $0 }) ?? true { lastStudy = study }
        }
        guard v[C.status] == "ok" else {
            errorRows += 1
            let code = Self.errorCode(v[C.errors])
            Self.bump(&errorCodes, code, limit: limits.distinctKeys)
            if errorList.count < limits.errors {
                errorList.append(
                    ErrorCase(
                        recordID: PageText.clip(v[C.recordID]), source: PageText.clip(v[C.source]),
                        format: PageText.clip(v[C.format]), errors: PageText.clip(v[C.errors], limit: PageText.maxEvidence)))
            }
            return
        }
        ok += 1
        if !v[C.rulesetVersion].isEmpty { Self.bump(&rulesetVersions, v[C.rulesetVersion], limit: limits.distinctKeys) }
        let dc = v[C.duralCalcification]
        Self.bump(&duralCalcification, dc, limit: limits.distinctKeys)
        Self.bump(&categories, v[C.category], limit: limits.distinctKeys)
        let verdict = v[C.verdict]
        Self.bump(&verdicts, verdict, limit: limits.distinctKeys)
        guard dc == "present" || dc == "uncertain" else { return }

        positives += 1
        for (k, name) in AuditColumns.findings.enumerated() {
            findings[name, default: [:]][v[C.findingsStart + k], default: 0] += 1
        }
        for (k, name) in AuditColumns.symptoms.enumerated() {
            symptoms[name, default: [:]][v[C.symptomsStart + k], default: 0] += 1
        }
        Self.bump(&renalDisease, v[C.renalDisease], limit: limits.distinctKeys)
        for l in v[C.locations].split(separator: ";") { Self.bump(&locations, String(l), limit: limits.distinctKeys) }
        Self.bump(&temporality, v[C.temporality], limit: limits.distinctKeys)
        if let age = Int(v[C.age]), age >= 0 {
            ageDecades[min(age / 10, 9)] += 1
        } else {
            agesUnknown += 1
        }
        let strength = v[C.strength]
        Self.bump(&strengths, strength.isEmpty ? "(none)" : strength, limit: limits.distinctKeys)
        overall.add(verdict: verdict, strength: strength)
        let interpreter = v[C.interpreter].isEmpty ? Self.notRecorded : PageText.clip(v[C.interpreter])
        let facility = v[C.facility].isEmpty ? Self.notRecorded : PageText.clip(v[C.facility])
        byInterpreter.add(key: interpreter, verdict: verdict, strength: strength)
        byFacility.add(key: facility, verdict: verdict, strength: strength)
        byMonth.add(key: month, verdict: verdict, strength: strength)
        if Self.isWorklist(v) {
            worklistTotal += 1
            if limits.worklist > 0 {
                let c = WorklistCase(auditValues: v)
                kept.append((c.key(sequence: UInt64(worklistTotal)), c.forPage(offsets: v[C.offsets])))
                if kept.count >= 2 * limits.worklist { kept = Self.firstInOrder(kept, limits.worklist) }
            }
        }
    }

    static func firstInOrder(_ cases: [(key: WorklistKey, case: WorklistCase)], _ n: Int) -> [(
        key: WorklistKey, case: WorklistCase
    )] {
        Array(cases.sorted { $0.key < $1.key }.prefix(n))
    }

    public static func == (a: ReportAggregates, b: ReportAggregates) -> Bool {
        a.limits == b.limits && a.records == b.records && a.ok == b.ok && a.errorRows == b.errorRows
            && a.rowsWithWarnings == b.rowsWithWarnings && a.formats == b.formats && a.rulesetVersions == b.rulesetVersions
            && a.firstStudy == b.firstStudy && a.lastStudy == b.lastStudy && a.rowsWithoutDate == b.rowsWithoutDate
            && a.duralCalcification == b.duralCalcification && a.positives == b.positives && a.findings == b.findings
            && a.symptoms == b.symptoms && a.renalDisease == b.renalDisease && a.locations == b.locations
            && a.temporality == b.temporality && a.ageDecades == b.ageDecades && a.agesUnknown == b.agesUnknown
            && a.categories == b.categories && a.strengths == b.strengths && a.verdicts == b.verdicts
            && a.overall == b.overall && a.byInterpreter == b.byInterpreter && a.byFacility == b.byFacility
            && a.byMonth == b.byMonth && a.worklistTotal == b.worklistTotal && a.worklist == b.worklist
            && a.errorCodes == b.errorCodes && a.errorList == b.errorList
    }

    /// `YYYY-MM` of an ISO 8601 date (`2021-03-12…` or `20210312…`), or ``noDate``.
    public static func month(of study: String) -> String {
        let u = Array(study.utf8.prefix(7))
        func digit(_ i: Int) -> Bool { i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
        guard digit(0), digit(1), digit(2), digit(3) else { return noDate }
        let y = String(decoding: u[0..<4], as: UTF8.self)
        if u.count >= 7, u[4] == 0x2D, digit(5), digit(6) { return y + "-" + String(decoding: u[5..<7], as: UTF8.self) }
        if digit(4), digit(5) { return y + "-" + String(decoding: u[4..<6], as: UTF8.self) }
        return noDate
    }

    /// The code of an error cell (`code: message; …`): the text before the first colon of its first error.
    public static func errorCode(_ errors: String) -> String {
        let first = errors.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        guard let colon = first.firstIndex(of: ":") else { return first.isEmpty ? "(no reason given)" : "other" }
        let code = first[..<colon].trimmingCharacters(in: .whitespaces)
        // Codes are short kebab-case words; anything else (a path before the colon) is not one.
        guard !code.isEmpty, code.count <= 40, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        else { return "other" }
        return code
    }

    private static func bump(_ map: inout [String: Int], _ key: String, limit: Int) {
        if map[key] == nil && map.count >= limit {
            map["(other)", default: 0] += 1
            return
        }
        map[key, default: 0] += 1
    }
}

extension AuditColumns {
    static let findingsStart = index("dc_offsets") + 1
    static let symptomsStart = index("headache")
}
