/// The resources of one Bundle, for resolving references (`Patient/123`, a `fullUrl`, `urn:uuid:…`).
///
/// Resolution never leaves the file: an absolute URL is matched against the Bundle's `fullUrl`s and
/// by its last `Type/id` part, and is never fetched.
struct FHIRIndex {
    private var byKey: [String: [String: Any]] = [:]

    /// Adds a Bundle entry's resource under its `fullUrl` and its `Type/id`.
    mutating func add(_ resource: [String: Any], fullUrl: String?) {
        if let fullUrl, !fullUrl.isEmpty, byKey[fullUrl] == nil { byKey[fullUrl] = resource }
        if let type = resource["resourceType"] as? String, let id = resource["id"] as? String {
            let key = "\(type)/\(id)"
            if byKey[key] == nil { byKey[key] = resource }
        }
    }

    /// The resource a reference points to: `#id` among the contained resources, else a Bundle
    /// entry by full URL or `Type/id` (a `/_history/…` version suffix is ignored); nil otherwise.
    func resolve(_ reference: String, contained: [[String: Any]]) -> [String: Any]? {
        guard !reference.isEmpty else { return nil }
        if reference.hasPrefix("#") {
            let id = String(reference.dropFirst())
            return contained.first { $0["id"] as? String == id }
        }
        if let r = byKey[reference] { return r }
        var parts = reference.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if let h = parts.firstIndex(of: "_history") { parts.removeSubrange(h...) }
        guard parts.count >= 2 else { return nil }
        return byKey[parts[parts.count - 2] + "/" + parts[parts.count - 1]]
    }
}
