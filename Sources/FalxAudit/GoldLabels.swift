import FalxCore

/// The label keys and values a gold file may use: anything else is refused with its line, so a
/// typo in a gold file cannot quietly drop a label from the scores.
enum GoldLabels {
    /// Checks one label (after `findings`/`symptoms` are flattened); nil when it is valid.
    static func problem(key: String, value: String, group: String?) -> String? {
        let allowed = allowedKeys(in: group)
        guard allowed.contains(key) else {
            return "unknown label key '\(key)'\(group.map { " in \"\($0)\"" } ?? ""); valid keys: "
                + allowed.sorted().joined(separator: ", ")
        }
        guard let values = allowedValues(key) else { return checkOther(key: key, value: value) }
        let parts = isList(key) ? value.split(separator: ";").map { String($0).trimmed } : [value.trimmed]
        for part in parts where !values.contains(part.lowercased()) && !(isList(key) && part.isEmpty) {
            return "unknown value '\(part)' for label '\(key)'; valid values: " + values.sorted().joined(separator: ", ")
        }
        return nil
    }

    static func allowedKeys(in group: String?) -> Set<String> {
        switch group {
        case "findings": Set(Finding.allCases.map(\.rawValue))
        case "symptoms": Set(Symptom.allCases.map(\.rawValue))
        default: Set(Evaluation.fields + ["findings", "symptoms"])
        }
    }

    static func isList(_ key: String) -> Bool { key == "dc_locations" || key == "report_recommends" }

    static func allowedValues(_ key: String) -> Set<String>? {
        if key == "dural_calcification" || Finding(rawValue: key) != nil { return Set(FindingStatus.allCases.map(\.rawValue)) }
        if key == "renal_disease" || Symptom(rawValue: key) != nil { return Set(SymptomStatus.allCases.map(\.rawValue)) }
        switch key {
        case "dc_locations": return Set(DuralLocation.allCases.map(\.rawValue))
        case "dc_temporality": return Set(DCTemporality.allCases.map(\.rawValue))
        case "report_recommends": return Set(ReportRecommendation.allCases.map(\.rawValue) + ["none"])
        case "category": return Set(Category.allCases.map(\.rawValue))
        case "audit_verdict": return Set(AuditVerdict.allCases.map(\.rawValue))
        default: return nil
        }
    }

    /// `age`: a whole number of years, or empty.
    static func checkOther(key: String, value: String) -> String? {
        guard key == "age", !value.isEmpty, Int(value).map({ $0 >= 0 && $0 < 150 }) != true else { return nil }
        return "age must be a whole number of years (0-149) or null, not '\(value)'"
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

/// A gold file `falx eval` cannot score.
public enum GoldFileError: Error, Sendable, Equatable {
    /// The file cannot be read or holds no record: a usage error.
    case unusable(String)
    /// Lines that are not gold records, each with its problem: the file must be mended first.
    case badLines([String])
}
