import Foundation
import FalxClinical
import FalxCore
import FalxIngest

/// A gold record: `{"id", "text", "labels": {...}}` (docs/audit-schema.md, docs/labelling.md).
///
/// A line may give a `source` file instead of `text` (`{"id", "source", "labels"}`): the file
/// (relative to the gold file) is read by Falx's own readers, as `falx audit` would read it, and
/// the record whose id is `id` is scored, so HL7, CDA and FHIR reports are scored end to end.
public struct GoldRecord: Sendable {
    public var id: String
    /// The report text, or nil when the line names a `source` file.
    public var text: String?
    /// The source file, resolved against the gold file's folder.
    public var source: String?
    /// Field name → expected value, for the fields the gold line labels.
    public var labels: [String: String]
    /// The source file as the gold line names it (relative to the gold file): the base of its
    /// record ids, so ids do not depend on the working directory.
    public var sourceName: String?
}

/// Scores the audit's values against gold labels.
public struct Evaluation: Sendable {
    /// Per field: (correct, total).
    public var fieldCounts: [String: (correct: Int, total: Int)] = [:]
    /// Per field: confusion counts gold → predicted.
    public var confusion: [String: [String: [String: Int]]] = [:]
    public var mismatches: [(id: String, field: String, gold: String, predicted: String)] = []
    /// Per input format (`text` for gold lines with text), per field: (correct, total).
    public var formatCounts: [String: [String: (correct: Int, total: Int)]] = [:]
    public var records = 0
    public var problems: [String] = []

    /// The fields, in report order.
    public static let fields: [String] =
        ["dural_calcification", "dc_locations", "dc_temporality"]
        + Finding.allCases.map(\.rawValue) + Symptom.allCases.map(\.rawValue)
        + ["renal_disease", "age", "report_recommends", "category", "audit_verdict"]

    /// The records of the gold file at `path`, whose `source` paths are relative to its folder.
    ///
    /// - Throws: ``GoldFileError``: a bad line would quietly leave its labels out of the scores, so
    ///   the file must be whole.
    public static func readGold(path: String) throws(GoldFileError) -> [GoldRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unusable("cannot read gold file \(path)") }
        let (records, problems) = readGold(data, relativeTo: (path as NSString).deletingLastPathComponent)
        guard problems.isEmpty else { throw .badLines(problems) }
        guard !records.isEmpty else { throw .unusable("no gold records in \(path)") }
        return records
    }

    /// Reads a gold file; bad lines are reported in `problems`, not fatal.
    public static func readGold(_ data: Data, relativeTo folder: String = ".") -> (records: [GoldRecord], problems: [String]) {
        var out: [GoldRecord] = []
        var problems: [String] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let labels = obj["labels"] as? [String: Any]
            else {
                problems.append("gold line \(lineNumber): not an object with \"labels\"")
                continue
            }
            let text = obj["text"] as? String
            let source = (obj["source"] as? String).map {
                $0.hasPrefix("/") ? $0 : (folder as NSString).appendingPathComponent($0)
            }
            guard text != nil || source != nil else {
                problems.append("gold line \(lineNumber): neither \"text\" nor \"source\"")
                continue
            }
            let id = (obj["id"] as? String) ?? (obj["id"] as? NSNumber)?.stringValue ?? "line-\(lineNumber)"
            var flat: [String: String] = [:]
            var bad: String?
            for (k, v) in labels.sorted(by: { $0.key < $1.key }) {
                if let nested = v as? [String: Any], k == "findings" || k == "symptoms" {
                    for (nk, nv) in nested.sorted(by: { $0.key < $1.key }) {
                        flat[nk] = stringValue(nv)
                        bad = bad ?? GoldLabels.problem(key: nk, value: stringValue(nv), group: k)
                    }
                } else {
                    flat[k] = stringValue(v)
                    bad = bad ?? GoldLabels.problem(key: k, value: stringValue(v), group: nil)
                }
            }
            if let bad {
                problems.append("gold line \(lineNumber): \(bad)")
                continue
            }
            var record = GoldRecord(id: id, text: text, source: text == nil ? source : nil, labels: flat)
            record.sourceName = text == nil ? obj["source"] as? String : nil
            out.append(record)
        }
        return (out, problems)
    }

    static func stringValue(_ v: Any) -> String {
        if v is NSNull { return "" }
        if let s = v as? String { return s }
        if let n = v as? NSNumber { return n.stringValue }
        if let a = v as? [Any] { return a.map(stringValue).joined(separator: ";") }
        return "\(v)"
    }

    /// Normalises a value for comparison: `;`-lists as sorted sets; "none" and "" the same for
    /// report_recommends.
    static func normalise(_ field: String, _ value: String) -> String {
        var v = value.trimmingCharacters(in: .whitespaces).lowercased()
        if field == "dc_locations" || field == "report_recommends" {
            let parts = v.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty && $0 != "none"
            }
            v = Set(parts).sorted().joined(separator: ";")
            if field == "report_recommends" && v.isEmpty { v = "none" }
        }
        return v
    }

    /// N of a positional record id `<base>#N` (N from 1), or nil.
    static func position(of id: String, base: String) -> Int? {
        guard id.hasPrefix(base + "#"), let n = Int(id.dropFirst(base.count + 1)), n >= 1 else { return nil }
        return n
    }

    /// Runs the auditor on every gold text and scores each labelled field.
    public static func run(_ gold: [GoldRecord], auditor: Auditor) -> Evaluation {
        var e = Evaluation()
        e.records = gold.count
        var sourceRecords: [String: [Record]] = [:]
        var walker = InputWalker()
        walker.textHeaders = auditor.textHeaders
        let rows = gold.map { g -> AuditRow in
            if let text = g.text {
                return auditor.row(for: .success(Report(recordID: g.id, source: "gold", format: .jsonl, text: Array(text.utf8))))
            }
            let path = g.source ?? ""
            if sourceRecords[path] == nil {
                sourceRecords[path] = walker.records(of: .init(path: path, recordBase: g.sourceName ?? path))
            }
            let records = sourceRecords[path] ?? []
            var match = records.first { r in
                switch r {
                case .success(let x): x.recordID == g.id
                case .failure(let x): x.recordID == g.id
                }
            }
            // `<file>#N` names the file's Nth record also when the record took another id (a text
            // report's header accession becomes its record id).
            if match == nil, let n = Self.position(of: g.id, base: g.sourceName ?? path), n <= records.count {
                match = records[n - 1]
            }
            guard let match else {
                e.problems.append("\(g.id): no record with this id in \(path)")
                return auditor.row(
                    for: .failure(
                        RecordError(code: .goldMissing, message: "not found", recordID: g.id, source: path, format: .text)))
            }
            return auditor.row(for: match)
        }
        let columns = AuditRow.columns
        for (g, row) in zip(gold, rows) {
            let values = Dictionary(uniqueKeysWithValues: zip(columns, row.values))
            let format = g.text == nil ? row.format.rawValue : "text"
            var labels = g.labels
            // Category and verdict follow from the gold facts by the decision table, unless labelled.
            if labels["category"] == nil || labels["audit_verdict"] == nil, let facts = goldFacts(labels) {
                let rec = auditor.ruleset.evaluate(facts)
                if labels["category"] == nil { labels["category"] = rec.category.rawValue }
                if labels["audit_verdict"] == nil { labels["audit_verdict"] = rec.verdict.rawValue }
            }
            for field in fields {
                guard let goldValue = labels[field] else { continue }
                let gv = normalise(field, goldValue)
                let pv = normalise(field, values[field] ?? "")
                var c = e.fieldCounts[field] ?? (0, 0)
                c.total += 1
                if gv == pv { c.correct += 1 } else { e.mismatches.append((g.id, field, gv, pv)) }
                e.fieldCounts[field] = c
                var f = e.formatCounts[format, default: [:]][field] ?? (0, 0)
                f.total += 1
                if gv == pv { f.correct += 1 }
                e.formatCounts[format, default: [:]][field] = f
                e.confusion[field, default: [:]][gv, default: [:]][pv, default: 0] += 1
            }
        }
        return e
    }

    /// Case facts from gold labels (nil when the dural calcification label is missing).
    static func goldFacts(_ l: [String: String]) -> CaseFacts? {
        guard let dc = l["dural_calcification"].flatMap(FindingStatus.init(rawValue:)) else { return nil }
        var f = CaseFacts()
        f.duralCalcification = dc
        f.temporality = l["dc_temporality"].flatMap(DCTemporality.init(rawValue:)) ?? .unknown
        for x in Finding.allCases { f.findings[x] = l[x.rawValue].flatMap(FindingStatus.init(rawValue:)) ?? .notMentioned }
        for x in Symptom.allCases { f.symptoms[x] = l[x.rawValue].flatMap(SymptomStatus.init(rawValue:)) ?? .notMentioned }
        f.renalDisease = l["renal_disease"].flatMap(SymptomStatus.init(rawValue:)) ?? .notMentioned
        f.reportRecommends = (l["report_recommends"] ?? "").split(separator: ";")
            .compactMap { ReportRecommendation(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        return f
    }

    public func accuracy(_ field: String) -> Double? {
        guard let c = fieldCounts[field], c.total > 0 else { return nil }
        return Double(c.correct) / Double(c.total)
    }

    /// Mean of the per-field accuracies.
    public var meanAccuracy: Double {
        let values = Self.fields.compactMap(accuracy)
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// Dural calcification's macro-F1: the mean F1 of `present`, `uncertain` and `absent`, the values
    /// a report states (`not_mentioned`, the large easy class, cannot inflate it).
    public var macroF1: Double {
        let values: [FindingStatus] = [.present, .uncertain, .absent]
        return values.map { prf("dural_calcification", $0.rawValue).f1 }.reduce(0, +) / Double(values.count)
    }

    /// Precision, recall and F1 of one value of one field.
    public func prf(_ field: String, _ value: String) -> (p: Double, r: Double, f1: Double, support: Int) {
        let m = confusion[field] ?? [:]
        let tp = m[value]?[value] ?? 0
        let predicted = m.values.reduce(0) { $0 + ($1[value] ?? 0) }
        let actual = m[value]?.values.reduce(0, +) ?? 0
        let p = predicted == 0 ? 0 : Double(tp) / Double(predicted)
        let r = actual == 0 ? 0 : Double(tp) / Double(actual)
        let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
        return (p, r, f, actual)
    }

    /// The printed report: accuracy per field, P/R/F1 per value, confusion matrices.
    public func report(showMismatches: Bool) -> String {
        var out = "Falx evaluation: \(records) gold records\n\n"
        out += pad("field", 28) + pad("accuracy", 10) + "n\n"
        for f in Self.fields {
            guard let c = fieldCounts[f] else { continue }
            out += pad(f, 28) + pad(String(format: "%.3f", Double(c.correct) / Double(max(1, c.total))), 10) + "\(c.total)\n"
        }
        out += pad("mean", 28) + String(format: "%.3f", meanAccuracy) + "\n"
        out +=
            pad("dural_calcification macro-F1", 28) + String(format: "%.3f", macroF1)
            + " (present, uncertain, absent)\n\n"
        if formatCounts.count > 1 || formatCounts.keys.first != "text" {
            out += "by input format\n" + pad("format", 12) + pad("records", 9) + pad("dural_calc", 12) + "mean accuracy\n"
            for (format, counts) in formatCounts.sorted(by: { $0.key < $1.key }) {
                let dc = counts["dural_calcification"] ?? (0, 0)
                let accs = counts.values.map { Double($0.correct) / Double(max(1, $0.total)) }
                out +=
                    pad(format, 12) + pad(String(dc.total), 9)
                    + pad(String(format: "%.3f", Double(dc.correct) / Double(max(1, dc.total))), 12)
                    + String(format: "%.3f", accs.reduce(0, +) / Double(max(1, accs.count))) + "\n"
            }
            out += "\n"
        }
        let fourValued = ["dural_calcification"] + Finding.allCases.map(\.rawValue)
        out += "P/R/F1 per value (dural calcification; findings pooled; symptoms pooled)\n"
        out += pad("field", 28) + pad("value", 16) + pad("P", 7) + pad("R", 7) + pad("F1", 7) + "support\n"
        for v in FindingStatus.allCases.map(\.rawValue) {
            let x = prf("dural_calcification", v)
            out += pad("dural_calcification", 28) + pad(v, 16) + fmt(x.p) + fmt(x.r) + fmt(x.f1) + "\(x.support)\n"
        }
        for (label, group, values) in [
            ("findings", Array(fourValued.dropFirst()), FindingStatus.allCases.map(\.rawValue)),
            ("symptoms", Symptom.allCases.map(\.rawValue), SymptomStatus.allCases.map(\.rawValue)),
        ] {
            for v in values {
                var tp = 0, pred = 0, act = 0
                for f in group {
                    let m = confusion[f] ?? [:]
                    tp += m[v]?[v] ?? 0
                    pred += m.values.reduce(0) { $0 + ($1[v] ?? 0) }
                    act += m[v]?.values.reduce(0, +) ?? 0
                }
                let p = pred == 0 ? 0 : Double(tp) / Double(pred)
                let r = act == 0 ? 0 : Double(tp) / Double(act)
                let f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
                out += pad(label, 28) + pad(v, 16) + fmt(p) + fmt(r) + fmt(f1) + "\(act)\n"
            }
        }
        for field in ["dural_calcification", "category", "audit_verdict"] {
            guard let m = confusion[field] else { continue }
            let values: [String]
            switch field {
            case "dural_calcification": values = FindingStatus.allCases.map(\.rawValue)
            case "category": values = Category.allCases.map(\.rawValue)
            default: values = AuditVerdict.allCases.map(\.rawValue)
            }
            out += "\nconfusion: \(field) (rows gold, columns predicted)\n" + pad("", 34)
            out += values.map { pad(String($0.prefix(10)), 11) }.joined() + "\n"
            for g in values {
                out += pad(g, 34) + values.map { pad(String(m[g]?[$0] ?? 0), 11) }.joined() + "\n"
            }
        }
        if showMismatches && !mismatches.isEmpty {
            out += "\nmismatches (id, field, gold, predicted)\n"
            for m in mismatches { out += "\(m.id)\t\(m.field)\tgold=\(m.gold)\tpredicted=\(m.predicted)\n" }
        }
        return out
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    func fmt(_ x: Double) -> String { pad(String(format: "%.3f", x), 7) }
}
