/// What a Bundle holds, Bundles inside it included: its DiagnosticReports in document order, every
/// resource indexed for references, and a description of each entry that could not be understood.
struct BundleContents {
    var reports: [[String: Any]] = []
    var index = FHIRIndex()
    /// One message per entry that is not an object, or whose `resource` is not a FHIR resource.
    var problems: [String] = []
    private var held: [String: Int] = [:]
    private var order: [String] = []

    /// Adds the entries of `bundle` (and of the Bundles among them, at any depth: the JSON's depth
    /// is bounded before parsing). An entry without a `resource` (a history or response entry) is
    /// not a problem.
    mutating func collect(_ bundle: [String: Any], path: String) {
        for (k, entry) in (bundle["entry"] as? [Any] ?? []).enumerated() {
            let place = "\(path), entry \(k + 1)"
            guard let entry = entry as? [String: Any] else {
                problems.append("\(place) is not a JSON object")
                continue
            }
            guard let value = entry["resource"] else { continue }
            guard let r = value as? [String: Any], let t = r["resourceType"] as? String else {
                problems.append("\(place) holds a resource without resourceType")
                continue
            }
            if held[t] == nil { order.append(t) }
            held[t, default: 0] += 1
            index.add(r, fullUrl: entry["fullUrl"] as? String)
            switch t {
            case "DiagnosticReport": reports.append(r)
            case "Bundle": collect(r, path: "\(place) (a Bundle)")
            default: break
            }
        }
    }

    /// `DiagnosticReport ×2, Patient ×1`, or `no resources`.
    var heldDescription: String {
        order.isEmpty ? "no resources" : order.map { "\($0) ×\(held[$0] ?? 0)" }.joined(separator: ", ")
    }
}
