/// What a Bundle holds, Bundles inside it included, found by scanning its bytes: where its
/// DiagnosticReports are (document order), the resources a report can refer to (indexed), and a
/// description of each entry that could not be understood.
///
/// Only the resources a report's `subject`, `performer` or `resultsInterpreter` can name are parsed
/// here; each DiagnosticReport is parsed later, on its own, so a Bundle of a hundred thousand reports
/// never becomes one tree.
struct BundleOutline {
    /// The byte ranges of the DiagnosticReport resources.
    var reports: [Range<Int>] = []
    var index = FHIRIndex()
    /// One message per entry that is not an object, or whose `resource` is not a FHIR resource.
    var problems: [String] = []
    private var held: [String: Int] = [:]
    private var order: [String] = []

    /// The resource types a DiagnosticReport's references may point to (FHIR R4): its subject
    /// (Patient, Group, Device, Location) and its performers and interpreters (Practitioner,
    /// PractitionerRole, Organization, CareTeam).
    static let referable: Set<String> = [
        "Patient", "Group", "Device", "Location", "Practitioner", "PractitionerRole", "Organization", "CareTeam",
    ]

    /// Adds the entries of the Bundle spanning `bundle` (and of the Bundles among them, at any
    /// depth: the JSON's depth is bounded before scanning). An entry without a `resource` (a history
    /// or response entry) is not a problem.
    ///
    /// - Returns: false when the Bundle's `entry` array is not well formed JSON.
    mutating func collect(_ bundle: Range<Int>, scan: JSONScan, path: String) -> Bool {
        guard let entries = scan.member("entry", of: bundle) else { return true }
        guard scan.bytes[entries.lowerBound] == 0x5B else { return true }
        var k = 0
        var wellFormed = true
        let complete = scan.forEachElement(of: entries) { entry in
            k += 1
            let place = "\(path), entry \(k)"
            guard scan.bytes[entry.lowerBound] == 0x7B else {
                problems.append("\(place) is not a JSON object")
                return
            }
            var resource: Range<Int>?
            var fullUrl: String?
            let whole = scan.forEachMember(of: entry) { key, value in
                if resource == nil, scan.key(key, is: "resource") { resource = value }
                if fullUrl == nil, scan.key(key, is: "fullUrl") { fullUrl = scan.string(value) }
            }
            guard whole else {
                problems.append("\(place) is not valid JSON")
                return
            }
            guard let resource else { return }
            guard scan.bytes[resource.lowerBound] == 0x7B, let typeToken = scan.member("resourceType", of: resource),
                let type = scan.string(typeToken)
            else {
                problems.append("\(place) holds a resource without resourceType")
                return
            }
            if held[type] == nil { order.append(type) }
            held[type, default: 0] += 1
            switch type {
            case "DiagnosticReport": reports.append(resource)
            case "Bundle": wellFormed = collect(resource, scan: scan, path: "\(place) (a Bundle)") && wellFormed
            default:
                guard Self.referable.contains(type) else { return }
                guard let parsed = scan.object(resource) else {
                    problems.append("\(place) holds a \(type) that is not valid JSON")
                    return
                }
                index.add(parsed, fullUrl: fullUrl)
            }
        }
        return complete && wellFormed
    }

    /// `DiagnosticReport ×2, Patient ×1`, or `no resources`.
    var heldDescription: String {
        order.isEmpty ? "no resources" : order.map { "\($0) ×\(held[$0] ?? 0)" }.joined(separator: ", ")
    }
}
