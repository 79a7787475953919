/// Reads FHIR R4 resources in XML (namespace `http://hl7.org/fhir`): a DiagnosticReport or a Bundle.
///
/// The document is parsed by `SafeXML` (the hardened libxml2 path of CDA: memory only, no network,
/// no entities, no DTD), turned into the JSON form of the same resource (a primitive's `value`
/// attribute becomes its value, a repeated or list element an array, `resource` and `contained`
/// wrappers the resource inside with its `resourceType`, the XHTML `div` a string), and read by
/// ``FHIRReader``: the same text, metadata, ids and error rows as FHIR JSON.
public enum FHIRXMLReader {
    /// The FHIR namespace.
    public static let namespace = "http://hl7.org/fhir"

    /// True when the root element is in the FHIR namespace (looks at the first 64 KiB only).
    public static func looksLikeFHIRXML(_ bytes: [UInt8]) -> Bool {
        guard let root = XMLSniffing.rootStartTag(bytes) else { return false }
        return XMLSniffing.contains(root.tag, namespace)
    }

    /// The records of one FHIR XML file, one per DiagnosticReport.
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, maxInputBytes: Int = SafeXML.defaultMaxInputBytes
    ) -> [Record] {
        switch SafeXML.parse(bytes, maxInputBytes: maxInputBytes) {
        case .failure(let f):
            return [
                .failure(
                    RecordError(code: f.code, message: f.message, recordID: "\(recordBase)#1", source: source, format: .fhir))
            ]
        case .success(let root):
            return FHIRReader.records(resource: resource(root), recordBase: recordBase, source: source)
        }
    }

    /// Elements that are lists in FHIR's JSON even when they hold one item (those Falx reads).
    static let lists: Set<String> = [
        "identifier", "presentedForm", "performer", "resultsInterpreter", "entry", "contained", "coding", "name", "given",
        "prefix", "suffix", "category", "result", "extension", "link", "telecom", "address", "basedOn", "specimen",
        "imagingStudy", "media", "conclusionCode", "line", "note",
    ]

    /// A resource element as JSON: its fields and `resourceType`.
    static func resource(_ element: XMLTree) -> [String: Any] {
        var object = fields(element)
        object["resourceType"] = element.name
        return object
    }

    static func fields(_ element: XMLTree) -> [String: Any] {
        var object: [String: Any] = [:]
        for child in element.elements {
            let value: Any
            if child.name == "div" {
                value = xhtml(child)
            } else if child.name == "resource" || child.name == "contained" {
                guard let inner = child.elements.first else { continue }
                value = resource(inner)
            } else if let primitive = child.attribute("value"), child.elements.allSatisfy({ $0.name == "extension" }) {
                value = primitive
            } else {
                value = fields(child)
            }
            if let existing = object[child.name] {
                object[child.name] = (existing as? [Any] ?? [existing]) + [value]
            } else {
                object[child.name] = lists.contains(child.name) ? [value] : value
            }
        }
        return object
    }

    /// The XHTML narrative written back as markup (elements without attributes, text escaped), for
    /// the HTML stripping FHIR JSON's `div` goes through.
    static func xhtml(_ element: XMLTree) -> String {
        var out = "<\(element.name)>"
        for child in element.children {
            switch child {
            case .text(let t):
                out += t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;")
            case .element(let e): out += xhtml(e)
            }
        }
        return out + "</\(element.name)>"
    }
}
