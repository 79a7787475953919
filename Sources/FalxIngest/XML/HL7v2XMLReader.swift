/// Reads HL7 v2 messages in the XML encoding (namespace `urn:hl7-org:v2xml`): one document is one
/// message and one record.
///
/// Segments are found in document order wherever they sit (inside group elements such as
/// `ORU_R01.PATIENT_RESULT`); a field `PID.3` repeats as sibling elements; components are read by
/// their position suffix (`CX.1`, `XPN.2`), whatever their data type name.
///
/// The report text, as the ER7 reader builds it: TX, FT and ST OBX values (one OBX per line or per
/// section; an ST value that is only a DICOM UID is not text), with `<escape V=".br"/>` and
/// literal `\.br\`-style escapes decoded; NTE comments after an OBR, OBX or TXA; an ED value that
/// is base64 or plain text (`text/plain`, HTML, or an embedded CDA document, whose text and
/// sections are read by `CDAReader`). A section named in OBX-3 (LOINC 18782-3, 19005-8, DICOM
/// 121070, or a text such as `FINDINGS`) gets a header line (`FINDINGS:`); when a message has
/// several different unnamed OBX-3 values, each gets its OBX-3 text as a label line. A PDF or
/// image ED has no text: a warning when the message has other text, else an error row
/// (`binary-only`). A reference pointer (RP) is never followed.
///
/// Metadata: PID-3 (the repetition with identifier type MR, else the first; CX.1), PID-7 birth
/// date, PID-8 sex (`F`, `M`; `O`/`A` → `O`), accession = OBR-18 of the first OBR that has one,
/// else OBR-3 (EI.1), OBR-4 procedure (text component, else the code; several OBRs joined with
/// "; "), OBR-7 observation time (else OBR-22, OBR-6, then TXA-4: ``HL7OrderFields``), OBR-25 result status, OBR-32 interpreter ("Given Middle Family"; else
/// TXA-22 / TXA-5), MSH-4 facility (HD.1). The patient name (PID-5) is not kept:
/// `ReportMetadata` has no field for it.
///
/// Error rows (`RecordError.code`): the `SafeXML` codes (`empty`, `too-large`, `compressed`,
/// `xml-parse`, `xml-entities`), `no-msh` (no MSH segment), `not-a-report` (a message other than
/// ORU or MDM), `binary-only`, `no-text`.
///
///     let records = HL7v2XMLReader.records(bytes, recordBase: "oru.xml", source: "in/oru.xml")
///
/// Never reads files or the network (see `SafeXML`); never traps on malformed input.
public enum HL7v2XMLReader {
    /// The HL7 v2 XML namespace.
    public static let namespace = "urn:hl7-org:v2xml"

    /// The record of one HL7 v2 XML file: a one-element array.
    ///
    /// The record id is the accession when the message carries one, else `<recordBase>#1`.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - recordBase: the base of the record id when there is no accession.
    ///   - source: the source path, unchanged.
    ///   - maxInputBytes: larger files are an error row (`too-large`), not parsed.
    /// - Complexity: O(n) in the size of the file.
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, maxInputBytes: Int = SafeXML.defaultMaxInputBytes
    ) -> [Record] {
        let fallbackID = "\(recordBase)#1"
        switch SafeXML.parse(bytes, maxInputBytes: maxInputBytes) {
        case .failure(let f):
            return [
                .failure(
                    RecordError(code: f.code, message: f.message, recordID: fallbackID, source: source, format: .hl7v2xml))
            ]
        case .success(let root):
            return [read(root, fallbackID: fallbackID, source: source)]
        }
    }

    /// True when the bytes start like an HL7 v2 XML message: the root start tag names the
    /// `urn:hl7-org:v2xml` namespace, or the root is named like a message structure (`ORU_R01`,
    /// `QBP_Q22`) and an `<MSH>` element follows within the first 4 KiB. Does not parse.
    public static func looksLikeHL7v2XML(_ bytes: [UInt8]) -> Bool {
        guard let root = XMLSniffing.rootStartTag(bytes) else { return false }
        if XMLSniffing.contains(root.tag, namespace) { return true }
        let name = Array(root.localName.utf8)
        guard name.count >= 7, name[3] == 0x5F, name.prefix(3).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            return false
        }
        let from = root.tag.endIndex
        let window = bytes[from..<min(bytes.count, from + 4096)]
        return XMLSniffing.contains(window, "<MSH>") || XMLSniffing.contains(window, ":MSH>")
    }

    // MARK: - Reading

    static func read(_ root: XMLTree, fallbackID: String, source: String) -> Record {
        let segments = HL7XMLSegment.segments(of: root)
        guard let msh = segments.first(where: { $0.id == "MSH" }) else {
            return .failure(
                RecordError(
                    code: .noMSH, message: "the document <\(root.name)> has no MSH segment: not an HL7 v2 XML message",
                    recordID: fallbackID, source: source, format: .hl7v2xml))
        }
        var meta = metadata(segments)
        let id = meta.accession.isEmpty ? fallbackID : meta.accession
        let messageType = HL7XMLSegment.value(HL7XMLSegment.component(msh.field(9), 1))
        let event = HL7XMLSegment.value(HL7XMLSegment.component(msh.field(9), 2))
        let type = messageType.isEmpty ? String(root.name.prefix(3)) : messageType
        guard type == "ORU" || type == "MDM" else {
            let shown = event.isEmpty ? type : "\(type)^\(event)"
            return .failure(
                RecordError(
                    code: .notAReport, message: "\(shown) message (<\(root.name)>) is not a report (ORU or MDM)",
                    recordID: id, source: source, format: .hl7v2xml, metadata: meta))
        }
        var collected = collectText(segments, recordID: id, source: source)
        if let embedded = collected.embeddedMetadata {
            for field: WritableKeyPath<ReportMetadata, String> in [
                \.patientID, \.accession, \.studyDateTime, \.procedure, \.interpreter, \.facility, \.birthDate, \.sex,
            ] where meta[keyPath: field].isEmpty {
                meta[keyPath: field] = embedded[keyPath: field]
            }
        }
        let text = collected.text.rendered()
        if text.isEmpty {
            if !collected.binaries.isEmpty {
                return .failure(
                    RecordError(
                        code: .binaryOnly,
                        message: "binary form, no text (" + collected.binaries.joined(separator: "; ") + ")",
                        recordID: meta.accession.isEmpty ? fallbackID : meta.accession, source: source,
                        format: .hl7v2xml, metadata: meta))
            }
            return .failure(
                RecordError(
                    code: .noText, message: "the message holds no report text (no TX, FT, ST, ED or NTE values)",
                    recordID: meta.accession.isEmpty ? fallbackID : meta.accession, source: source, format: .hl7v2xml,
                    metadata: meta))
        }
        for b in collected.binaries { collected.warnings.append("no text read from \(b)") }
        return .success(
            Report(
                recordID: meta.accession.isEmpty ? fallbackID : meta.accession, source: source, format: .hl7v2xml, text: text,
                metadata: meta,
                warnings: collected.warnings))
    }

    // MARK: - Metadata

    static func metadata(_ segments: [HL7XMLSegment]) -> ReportMetadata {
        typealias S = HL7XMLSegment
        var m = ReportMetadata()
        if let msh = segments.first(where: { $0.id == "MSH" }) { m.facility = S.value(msh.field(4)) }
        if let pid = segments.first(where: { $0.id == "PID" }) {
            let ids = pid.fields(3)
            let chosen = ids.first { S.value(S.component($0, 5)) == "MR" } ?? ids.first
            m.patientID = S.value(S.component(chosen, 1) ?? chosen)
            m.otherPatientIDs = ids.map { S.value(S.component($0, 1) ?? $0) }.filter { !$0.isEmpty }
            // PID.5 XPN: every text inside (FN.1, XPN.2, XPN.3, …), for pseudonymisation only.
            m.patientNameParts = pid.fields(5).flatMap { $0.descendantTexts() }
            m.birthDate = XMLTimestamps.isoDate(S.value(pid.field(7))) ?? ""
            switch S.value(pid.field(8)) {
            case "F": m.sex = "F"
            case "M": m.sex = "M"
            case "O", "A": m.sex = "O"
            default: m.sex = ""
            }
        }
        let obrs = segments.filter { $0.id == "OBR" }
        let obr18 = obrs.lazy.map { S.value($0.field(18)) }.first { !$0.isEmpty } ?? ""
        let obr3 = obrs.lazy.map { S.value($0.field(3)) }.first { !$0.isEmpty } ?? ""
        m.accession = obr18.isEmpty ? obr3 : obr18
        var procedures: [String] = []
        for obr in obrs {
            let field = obr.field(4)
            let text = S.value(S.component(field, 2))
            let p = text.isEmpty ? S.value(field) : text
            if !p.isEmpty, !procedures.contains(p) { procedures.append(p) }
        }
        m.procedure = procedures.joined(separator: "; ")
        let orders = obrs.map { obr in
            HL7OrderFields(
                observed: S.value(obr.field(7)), resultsReported: S.value(obr.field(22)), requested: S.value(obr.field(6)),
                resultStatus: S.value(obr.field(25)))
        }
        m.resultStatus = HL7OrderFields.resultStatus(orders)
        let txa = segments.first { $0.id == "TXA" }
        let when = HL7OrderFields.studyTime(orders, txa4: txa.map { S.value($0.field(4)) })
        m.studyDateTime = when.flatMap { XMLTimestamps.iso($0.value) } ?? ""
        m.interpreter = obrs.lazy.map { interpreter($0.field(32)) }.first { !$0.isEmpty } ?? ""
        if let txa {
            if m.interpreter.isEmpty { m.interpreter = personName(txa.field(22)) }
            if m.interpreter.isEmpty { m.interpreter = personName(txa.field(5)) }
        }
        return m
    }

    /// OBR-32 (NDL: `NDL.1` holds `CNN.2` family, `CNN.3` given, `CNN.4` middle; older CN: `.2`
    /// family, `.3` given) as "Given Middle Family"; the id when there is no name.
    static func interpreter(_ field: XMLTree?) -> String {
        typealias S = HL7XMLSegment
        guard let field else { return "" }
        if let first = S.component(field, 1), !first.elements.isEmpty {
            let name = join([3, 4, 2].map { S.value(S.component(first, $0)) })
            return name.isEmpty ? S.value(S.component(first, 1)) : name
        }
        return personName(field)
    }

    /// XCN / CN: `.1` id, `.2` family (possibly `FN.1`), `.3` given, `.4` middle → "Given Middle Family".
    static func personName(_ field: XMLTree?) -> String {
        typealias S = HL7XMLSegment
        guard let field else { return "" }
        if field.elements.isEmpty { return field.collapsedText }
        let name = join([3, 4, 2].map { S.value(S.component(field, $0)) })
        return name.isEmpty ? S.value(S.component(field, 1)) : name
    }

    private static func join(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty && $0 != "\"\"" }.joined(separator: " ")
    }
}
