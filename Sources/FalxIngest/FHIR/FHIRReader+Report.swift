// MARK: - One DiagnosticReport

extension FHIRReader {
    typealias JSONObject = [String: Any]

    static func read(_ report: JSONObject, index: FHIRIndex, fallbackID: String, source: String) -> Record {
        let contained = (report["contained"] as? [Any] ?? []).compactMap { $0 as? JSONObject }
        let meta = metadata(report, index: index, contained: contained)
        let id = meta.accession.isEmpty ? fallbackID : meta.accession
        func fail(_ code: RecordErrorCode, _ message: String) -> Record {
            .failure(RecordError(code: code, message: message, recordID: id, source: source, format: .fhir, metadata: meta))
        }
        var warnings: [String] = []
        var binaries: [String] = []
        var badBase64: [String] = []
        var lines: [String] = []
        for form in (report["presentedForm"] as? [Any] ?? []).compactMap({ $0 as? JSONObject }) {
            let contentType = form["contentType"] as? String ?? ""
            let media = EmbeddedText.mediaType(contentType)
            guard let data = form["data"] as? String else {
                if let url = form["url"] as? String {
                    warnings.append("presentedForm \(media.isEmpty ? "" : media + " ")at \(url) is not fetched")
                }
                continue
            }
            guard lines.isEmpty else { continue }  // the first textual form is the report
            guard let bytes = EmbeddedText.base64(data) else {
                badBase64.append(media.isEmpty ? "presentedForm" : "presentedForm \(media)")
                continue
            }
            if EmbeddedText.isPDF(bytes) || media == "application/pdf" || media.hasPrefix("image/") {
                binaries.append(media.isEmpty ? "PDF" : media)
                continue
            }
            switch media {
            case "text/plain", "":
                let decoded = EmbeddedText.lines(bytes, latin1: EmbeddedText.isLatin1(contentType))
                lines = decoded.lines
                if decoded.repaired { warnings.append("invalid UTF-8 replaced with U+FFFD") }
            case "text/html", "application/xhtml", "application/xhtml+xml":
                lines = HTMLText.lines(bytes) ?? []
            default:
                binaries.append(media)
            }
        }
        if !lines.contains(where: { !XMLTree.collapse($0).isEmpty }),
            let narrative = report["text"] as? JSONObject, narrative["status"] as? String != "empty",
            let div = narrative["div"] as? String
        {
            lines = HTMLText.lines(Array(div.utf8)) ?? []
        }
        if let conclusion = report["conclusion"] as? String, !XMLTree.collapse(conclusion).isEmpty {
            let body = XMLTree.collapse(lines.joined(separator: " "))
            if !body.contains(XMLTree.collapse(conclusion)) {
                if !lines.isEmpty { lines.append("") }
                lines.append("IMPRESSION:")
                lines += EmbeddedText.lines(Array(conclusion.utf8)).lines
            }
        }
        let text = CDAReader.joined(lines)
        if text.isEmpty {
            if let form = badBase64.first, binaries.isEmpty {
                return fail(.badBase64, "\(form) data is not valid base64, and the report has no other text")
            }
            if !binaries.isEmpty {
                return fail(.binaryOnly, "binary form, no text (\(binaries.joined(separator: ", ")))")
            }
            return fail(.noText, "the DiagnosticReport has no conclusion, no textual presentedForm and no narrative")
        }
        for b in binaries { warnings.append("no text read from a \(b) presentedForm") }
        for form in badBase64 { warnings.append("\(form) data is not valid base64") }
        return .success(Report(recordID: id, source: source, format: .fhir, text: text, metadata: meta, warnings: warnings))
    }

    // MARK: - Metadata

    static func metadata(_ report: JSONObject, index: FHIRIndex, contained: [JSONObject]) -> ReportMetadata {
        var m = ReportMetadata()
        let identifiers = (report["identifier"] as? [Any] ?? []).compactMap { $0 as? JSONObject }
        m.accession = identifier(identifiers, preferring: "ACSN")
        m.resultStatus = (report["status"] as? String).flatMap(ResultStatus.init(written:))
        if let subject = report["subject"] as? JSONObject {
            let reference = subject["reference"] as? String ?? ""
            if let patient = index.resolve(reference, contained: contained), patient["resourceType"] as? String == "Patient" {
                m.patientID = identifier(
                    (patient["identifier"] as? [Any] ?? []).compactMap { $0 as? JSONObject }, preferring: "MR")
                m.birthDate = patient["birthDate"] as? String ?? ""
                m.otherPatientIDs = (patient["identifier"] as? [Any] ?? []).compactMap {
                    ($0 as? JSONObject)?["value"] as? String
                }
                m.patientNameParts = humanNameParts(patient["name"])
                switch patient["gender"] as? String ?? "" {
                case "male": m.sex = "M"
                case "female": m.sex = "F"
                case "other": m.sex = "O"
                default: m.sex = ""
                }
            }
            if m.patientID.isEmpty, let id = subject["identifier"] as? JSONObject { m.patientID = id["value"] as? String ?? "" }
            if m.patientID.isEmpty { m.patientID = reference }
        }
        if let time = report["effectiveDateTime"] as? String {
            m.studyDateTime = time
        } else if let period = report["effectivePeriod"] as? JSONObject {
            m.studyDateTime = period["start"] as? String ?? ""
        }
        if let code = report["code"] as? JSONObject {
            m.procedure = XMLTree.collapse(code["text"] as? String ?? "")
            if m.procedure.isEmpty {
                let codings = (code["coding"] as? [Any] ?? []).compactMap { $0 as? JSONObject }
                m.procedure = codings.lazy.compactMap { $0["display"] as? String }.first ?? ""
            }
        }
        let interpreters = (report["resultsInterpreter"] as? [Any] ?? []).compactMap { $0 as? JSONObject }
        let performers = (report["performer"] as? [Any] ?? []).compactMap { $0 as? JSONObject }
        for ref in interpreters where m.interpreter.isEmpty {
            m.interpreter = name(of: ref, index: index, contained: contained)
        }
        for ref in performers {
            let target = index.resolve(ref["reference"] as? String ?? "", contained: contained)
            let isOrganization =
                (ref["reference"] as? String ?? "").hasPrefix("Organization/") || ref["type"] as? String == "Organization"
                || target?["resourceType"] as? String == "Organization"
            if isOrganization {
                if m.facility.isEmpty { m.facility = name(of: ref, index: index, contained: contained) }
            } else if m.interpreter.isEmpty {
                m.interpreter = name(of: ref, index: index, contained: contained)
            }
        }
        return m
    }

    /// Every word of every HumanName (`text`, `given`, `family`, `prefix`, `suffix`), for pseudonymisation.
    static func humanNameParts(_ names: Any?) -> [String] {
        var parts: [String] = []
        for n in (names as? [Any] ?? []).compactMap({ $0 as? JSONObject }) {
            for key in ["text", "family", "given", "prefix", "suffix"] {
                if let one = n[key] as? String { parts.append(one) }
                parts += (n[key] as? [Any] ?? []).compactMap { $0 as? String }
            }
        }
        return parts.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    }

    /// The value of the identifier whose type has this code, else of the first identifier.
    static func identifier(_ identifiers: [JSONObject], preferring code: String) -> String {
        func hasType(_ id: JSONObject) -> Bool {
            let type = id["type"] as? JSONObject
            let codings = (type?["coding"] as? [Any] ?? []).compactMap { $0 as? JSONObject }
            return codings.contains { $0["code"] as? String == code }
        }
        let chosen = identifiers.first(where: hasType) ?? identifiers.first { $0["value"] is String }
        return XMLTree.collapse(chosen?["value"] as? String ?? "")
    }

    /// A reference's display, else the name of the resource it resolves to.
    static func name(of reference: JSONObject, index: FHIRIndex, contained: [JSONObject]) -> String {
        if let display = reference["display"] as? String, !XMLTree.collapse(display).isEmpty {
            return XMLTree.collapse(display)
        }
        guard let target = index.resolve(reference["reference"] as? String ?? "", contained: contained) else { return "" }
        if let name = target["name"] as? String { return XMLTree.collapse(name) }  // Organization
        for n in (target["name"] as? [Any] ?? []).compactMap({ $0 as? JSONObject }) {  // HumanName
            if let text = n["text"] as? String, !text.isEmpty { return XMLTree.collapse(text) }
            let given = (n["given"] as? [Any] ?? []).compactMap { $0 as? String }
            let parts = given + [n["family"] as? String ?? ""]
            let joined = XMLTree.collapse(parts.joined(separator: " "))
            if !joined.isEmpty { return joined }
        }
        return ""
    }
}
