// MARK: - Header metadata

extension CDAReader {
    /// The DICOM PS3.20 namespace of `ps3-20:accessionNumber`.
    static let ps320Namespace = "urn:dicom-org:ps3-20"

    /// Metadata from the CDA header (see the type's documentation for the fields read).
    static func metadata(_ root: XMLTree) -> ReportMetadata {
        var m = ReportMetadata()
        let patientRole = root.path("recordTarget", "patientRole")
        if let role = patientRole {
            let id = role.children(named: "id").first { ($0.attribute("extension") ?? "").isEmpty == false }
            m.patientID = XMLTree.collapse(id?.attribute("extension") ?? "")
            m.otherPatientIDs = role.children(named: "id").map { XMLTree.collapse($0.attribute("extension") ?? "") }
                .filter { !$0.isEmpty }
            if let patient = role.child("patient") {
                m.patientNameParts = patient.children(named: "name").flatMap { $0.descendantTexts() }
                if let birth = patient.child("birthTime")?.attribute("value") {
                    m.birthDate = XMLTimestamps.isoDate(birth) ?? ""
                }
                switch patient.child("administrativeGenderCode")?.attribute("code") ?? "" {
                case "M": m.sex = "M"
                case "F": m.sex = "F"
                case "UN", "O": m.sex = "O"
                default: m.sex = ""
                }
            }
        }
        let serviceEvents = root.children(named: "documentationOf").compactMap { $0.child("serviceEvent") }
        for event in serviceEvents where m.procedure.isEmpty {
            if let code = event.child("code") {
                let display = XMLTree.collapse(code.attribute("displayName") ?? "")
                m.procedure = display.isEmpty ? (code.child("originalText")?.collapsedText ?? "") : display
            }
        }
        if m.procedure.isEmpty { m.procedure = root.child("title")?.collapsedText ?? "" }
        if m.procedure.isEmpty { m.procedure = XMLTree.collapse(root.child("code")?.attribute("displayName") ?? "") }
        for event in serviceEvents where m.studyDateTime.isEmpty {
            if let time = event.child("effectiveTime") {
                let value = time.child("low")?.attribute("value") ?? time.attribute("value") ?? ""
                m.studyDateTime = XMLTimestamps.iso(value) ?? ""
            }
        }
        if m.studyDateTime.isEmpty, let value = root.child("effectiveTime")?.attribute("value") {
            m.studyDateTime = XMLTimestamps.iso(value) ?? ""
        }
        for author in root.children(named: "author") where m.interpreter.isEmpty {
            if let name = author.path("assignedAuthor", "assignedPerson", "name") { m.interpreter = personName(name) }
        }
        let organization = root.path("custodian", "assignedCustodian", "representedCustodianOrganization")
        m.facility = organization?.child("name")?.collapsedText ?? ""
        m.accession = accession(root)
        return m
    }

    /// `ps3-20:accessionNumber/@extension`, else the first `inFulfillmentOf/order/id/@extension`.
    static func accession(_ root: XMLTree) -> String {
        let orders = root.children(named: "inFulfillmentOf").compactMap { $0.child("order") }
        for order in orders {
            for e in order.elements where e.name == "accessionNumber" && e.namespace == ps320Namespace {
                let value = XMLTree.collapse(e.attribute("extension") ?? "")
                if !value.isEmpty { return value }
            }
        }
        for order in orders {
            for id in order.children(named: "id") {
                let value = XMLTree.collapse(id.attribute("extension") ?? "")
                if !value.isEmpty { return value }
            }
        }
        return ""
    }

    /// A CDA person name as "Given Family" (prefixes and suffixes dropped); a name given as plain
    /// text is returned collapsed.
    static func personName(_ name: XMLTree) -> String {
        let given = name.children(named: "given").map(\.collapsedText)
        let family = name.children(named: "family").map(\.collapsedText)
        let parts = (given + family).filter { !$0.isEmpty }
        return parts.isEmpty ? name.collapsedText : parts.joined(separator: " ")
    }
}
