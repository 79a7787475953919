/// Reads one framed HL7 v2 message into a record: delimiters, character set, metadata, text.
struct HL7v2MessageReader: Sendable {
    let bytes: [UInt8]
    let chunk: HL7v2Framing.Chunk
    /// 1-based position of the message in the file.
    let number: Int
    let recordBase: String
    let source: String
    let accessionField: HL7AccessionField

    /// What an ED-typed OBX holds.
    enum EmbeddedData: Sendable {
        case text([[UInt8]])
        case document(HL7EmbeddedDocument)
        case binary(String)
        case unreadable(String)
    }

    func read() -> HL7v2MessageRecord {
        var warnings = chunk.warnings
        let fallbackID = "\(recordBase)#\(number)"
        guard let mshRange = chunk.segments.first?.first else {
            return failure(.noMSH, "no MSH segment", id: fallbackID, metadata: ReportMetadata())
        }
        let mshLine = chunk.segmentLines.first ?? 1
        let delimiters: HL7Delimiters
        switch HL7Delimiters.parse(mshLine: bytes[mshRange]) {
        case .failure(let problem):
            return failure(
                problem.code, problem.message + " (MSH at line \(mshLine))", id: fallbackID, metadata: ReportMetadata())
        case .success(let d): delimiters = d
        }

        // Segment bytes; continuation lines are joined with a line break, which a text value keeps.
        var raw: [[UInt8]] = chunk.segments.map { ranges in
            var joined: [UInt8] = []
            for (k, r) in ranges.enumerated() {
                if k > 0 { joined.append(0x0A) }
                joined.append(contentsOf: bytes[r])
            }
            return joined
        }
        let plainValues = HL7Values(delimiters: delimiters, hexIsLatin1: false)
        let charset = HL7Text.upper(
            plainValues.text(
                plainValues.component(HL7Segment(bytes: raw[0], line: mshLine, fieldSeparator: delimiters.field).field(18), 1)))
        let declaresLatin =
            charset.contains("8859") || charset.hasPrefix("ISO_IR 1") || charset.hasPrefix("ISO IR 1")
            || charset.contains("1252") || charset.contains("LATIN")
        let declaresUTF8 = charset.contains("UTF-8") || charset.contains("UTF8") || charset.hasPrefix("UNICODE")
        let valid = raw.allSatisfy { UTF8Decoding.validate($0[...]) }
        if !valid {
            if declaresUTF8 {
                raw = raw.map { UTF8Decoding.clean($0[...]).bytes }
                warnings.append("invalid UTF-8 replaced with U+FFFD")
            } else {
                raw = raw.map { HL7Text.latin1ToUTF8($0[...]) }
                if !declaresLatin {
                    let declared = charset.isEmpty ? "MSH-18 is empty" : "MSH-18 is \(charset)"
                    warnings.append("bytes that are not UTF-8 were read as ISO-8859-1 (\(declared))")
                }
            }
        }
        let segments = raw.enumerated().map { (k, b) in
            HL7Segment(bytes: b, line: chunk.segmentLines[k], fieldSeparator: delimiters.field)
        }
        let values = HL7Values(delimiters: delimiters, hexIsLatin1: declaresLatin || (!valid && !declaresUTF8))
        let metadata = self.metadata(segments, values, warnings: &warnings)
        let id = metadata.accession.isEmpty ? fallbackID : metadata.accession

        let msh = segments[0]
        let type = HL7Text.upper(values.text(values.component(msh.field(9), 1)))
        if !type.isEmpty && type != "ORU" && type != "MDM" {
            var shown = type
            let trigger = values.text(values.component(msh.field(9), 2))
            if !trigger.isEmpty { shown += "^" + trigger }
            return failure(
                .notAReport, "message type \(shown) (MSH at line \(mshLine)) is not a report message (ORU or MDM)", id: id,
                metadata: metadata)
        }

        var text = HL7ReportText()
        var documents: [HL7EmbeddedDocument] = []
        var binaries: [String] = []
        collectText(segments, values, into: &text, documents: &documents, binaries: &binaries, warnings: &warnings)

        if text.isEmpty {
            if !documents.isEmpty {
                return .embeddedReport(
                    HL7EmbeddedReport(recordID: id, source: source, metadata: metadata, documents: documents))
            }
            if let binary = binaries.first {
                return failure(.binaryOnly, binary, id: id, metadata: metadata)
            }
            return failure(
                .noText, "the message holds no report text (no TX, FT or ST observation, text ED or NTE)", id: id,
                metadata: metadata)
        }
        warnings.append(contentsOf: binaries)
        for doc in documents {
            warnings.append(
                "OBX \(doc.observation) holds an embedded \(doc.isCDA ? "CDA document" : doc.mediaType), not read here")
        }
        let body = UTF8Decoding.clean(text.rendered()[...])
        if body.repaired { warnings.append("invalid UTF-8 replaced with U+FFFD") }
        let report = Report(
            recordID: id, source: source, format: .hl7v2, text: body.bytes, metadata: metadata, warnings: warnings)
        return .report(report, embeddedDocuments: documents)
    }

    // MARK: - Errors

    private func error(_ code: RecordErrorCode, _ message: String, id: String, metadata: ReportMetadata) -> RecordError {
        RecordError(code: code, message: message, recordID: id, source: source, format: .hl7v2, metadata: metadata)
    }

    private func failure(_ code: RecordErrorCode, _ message: String, id: String, metadata: ReportMetadata) -> HL7v2MessageRecord {
        .failure(error(code, message, id: id, metadata: metadata))
    }

    // MARK: - Metadata

    func metadata(_ segments: [HL7Segment], _ v: HL7Values, warnings: inout [String]) -> ReportMetadata {
        var m = ReportMetadata()
        if let msh = segments.first {
            m.facility = v.text(v.component(msh.field(4), 1))
            if m.facility.isEmpty { m.facility = v.text(v.component(msh.field(4), 2)) }
        }
        if let pid = segments.first(where: { $0.id == "PID" }) {
            m.patientID = patientID(pid.field(3), v)
            m.otherPatientIDs = v.repetitions(pid.field(3)).map { nullable(v.text(v.component($0, 1))) }
                .filter { !$0.isEmpty }
            // PID-5 XPN: family (FN.1 and its subcomponents), given, middle; every repetition.
            m.patientNameParts = v.repetitions(pid.field(5)).flatMap { rep in
                v.components(rep).prefix(3).flatMap { v.subcomponents($0) }.map { nullable(v.text($0)) }
            }.filter { !$0.isEmpty }
            let birth = nullable(v.text(v.component(pid.field(7), 1)))
            if !birth.isEmpty {
                if let iso = HL7DateTime.isoDate(birth) {
                    m.birthDate = iso
                } else {
                    warnings.append("PID-7 \"\(birth)\" is not an HL7 date")
                }
            }
            switch HL7Text.upper(nullable(v.text(v.component(pid.field(8), 1)))) {
            case "F": m.sex = "F"
            case "M": m.sex = "M"
            case "O", "A": m.sex = "O"
            default: m.sex = ""
            }
        }
        let obrs = segments.filter { $0.id == "OBR" }
        for obr in obrs where m.accession.isEmpty {
            m.accession = accession(obr, v)
        }
        var procedures: [String] = []
        for obr in obrs {
            var p = v.text(v.component(obr.field(4), 2))
            if p.isEmpty { p = v.text(v.component(obr.field(4), 5)) }
            if p.isEmpty { p = v.text(v.component(obr.field(4), 1)) }
            if !p.isEmpty && !procedures.contains(p) { procedures.append(p) }
        }
        m.procedure = procedures.joined(separator: "; ")
        let txa = segments.first { $0.id == "TXA" }
        let orders = obrs.map { obr in
            HL7OrderFields(
                observed: nullable(v.text(v.component(obr.field(7), 1))),
                resultsReported: nullable(v.text(v.component(obr.field(22), 1))),
                requested: nullable(v.text(v.component(obr.field(6), 1))),
                resultStatus: nullable(v.text(v.component(obr.field(25), 1))))
        }
        m.resultStatus = HL7OrderFields.resultStatus(orders)
        let txa4 = txa.map { nullable(v.text(v.component($0.field(4), 1))) }
        if let (when, whenField) = HL7OrderFields.studyTime(orders, txa4: txa4) {
            if let iso = HL7DateTime.iso(when) {
                m.studyDateTime = iso
            } else {
                warnings.append("\(whenField) \"\(when)\" is not an HL7 date/time")
            }
        }
        m.interpreter = obrs.lazy.map { interpreter($0.field(32), v) }.first { !$0.isEmpty } ?? ""
        if m.interpreter.isEmpty, let txa {
            m.interpreter = personName(v.repetitions(txa.field(22)).first ?? [], v)
            if m.interpreter.isEmpty { m.interpreter = personName(v.repetitions(txa.field(5)).first ?? [], v) }
        }
        return m
    }

    /// HL7's explicit null `""` is an empty value.
    private func nullable(_ s: String) -> String { s == "\"\"" ? "" : s }

    private func patientID(_ field: ArraySlice<UInt8>, _ v: HL7Values) -> String {
        var first = ""
        for rep in v.repetitions(field) {
            let comps = v.components(rep)
            let id = nullable(v.text(comps.first ?? []))
            guard !id.isEmpty else { continue }
            let type = comps.count >= 5 ? HL7Text.upper(v.text(comps[4])) : ""
            if type == "MR" || type == "MRN" { return id }
            if first.isEmpty { first = id }
        }
        return first
    }

    private func accession(_ obr: HL7Segment, _ v: HL7Values) -> String {
        let obr18 = nullable(v.text(v.component(obr.field(18), 1)))
        let obr3 = nullable(v.text(v.component(obr.field(3), 1)))
        switch accessionField {
        case .obr18ThenObr3: return obr18.isEmpty ? obr3 : obr18
        case .obr3ThenObr18: return obr3.isEmpty ? obr18 : obr3
        case .obr18: return obr18
        case .obr3: return obr3
        }
    }

    /// OBR-32: `&Family&Given&Middle...` (v2.5 NDL, subcomponents), or `ID^Family^Given^Middle`
    /// (older CN style), or a bare name or id.
    private func interpreter(_ field: ArraySlice<UInt8>, _ v: HL7Values) -> String {
        guard let rep = v.repetitions(field).first else { return "" }
        let comps = v.components(rep)
        let first = comps.first ?? []
        if let sub = v.delimiters.subcomponent, first.contains(sub) {
            let subs = v.subcomponents(first)
            let name = join([2, 3, 1].map { subs.count > $0 ? nullable(v.text(subs[$0])) : "" })
            return name.isEmpty ? nullable(v.text(subs.first ?? [])) : name
        }
        if comps.count >= 2 {
            let second = v.text(comps[1])
            if !second.isEmpty && !second.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return personName(rep, v) }
        }
        return nullable(v.text(first))
    }

    /// XCN / CN: `ID^Family^Given^Middle^...` → "Given Middle Family"; the id when there is no name.
    private func personName(_ rep: ArraySlice<UInt8>, _ v: HL7Values) -> String {
        let comps = v.components(rep)
        func comp(_ n: Int) -> String { comps.count > n ? nullable(v.text(v.subcomponent(comps[n], 1))) : "" }
        let name = join([comp(2), comp(3), comp(1)])
        return name.isEmpty ? comp(0) : name
    }

    private func join(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: " ") }

    // MARK: - Text

    private enum Context { case none, order, observation, document }

    func collectText(
        _ segments: [HL7Segment], _ v: HL7Values, into text: inout HL7ReportText, documents: inout [HL7EmbeddedDocument],
        binaries: inout [String], warnings: inout [String]
    ) {
        var context = Context.none
        var obxCount = 0
        for seg in segments.dropFirst() {
            switch seg.id {
            case "OBR": context = .order
            case "TXA": context = .document
            case "NTE":
                guard context != .none else { continue }
                var lines: [[UInt8]] = []
                for rep in v.repetitions(seg.field(3)) { lines += HL7ReportText.lines(of: v.decoded(rep)) }
                text.add(lines, key: nil)
            case "OBX":
                context = .observation
                obxCount += 1
                var observation = v.text(seg.field(1))
                if observation.isEmpty { observation = "#\(obxCount)" }
                if HL7Text.upper(v.text(v.component(seg.field(11), 1))) == "W" {
                    warnings.append("OBX \(observation) (line \(seg.line)) is marked wrong (OBX-11 = W); skipped")
                    continue
                }
                let code = v.component(seg.field(3), 1)
                let identifier = v.subcomponents(code).reversed().lazy.map { v.text($0) }.first { !$0.isEmpty } ?? ""
                let key = HL7ReportText.Key(identifier: identifier, text: v.text(v.component(seg.field(3), 2)))
                switch HL7Text.upper(v.text(v.component(seg.field(2), 1))) {
                case "TX", "FT", "ST":
                    let isST = HL7Text.upper(v.text(v.component(seg.field(2), 1))) == "ST"
                    var lines: [[UInt8]] = []
                    for rep in v.repetitions(seg.field(5)) {
                        let value = v.decoded(rep)
                        if isST && Self.isUID(value) { continue }
                        lines += HL7ReportText.lines(of: value)
                    }
                    text.add(lines, key: key)
                case "ED":
                    switch embedded(seg.field(5), v, observation: observation) {
                    case .text(let lines): text.add(lines, key: key)
                    case .document(let doc): documents.append(doc)
                    case .binary(let mediaType):
                        binaries.append("OBX \(observation) holds \(mediaType) (binary form, no text)")
                    case .unreadable(let why): warnings.append("OBX \(observation) (line \(seg.line)): \(why)")
                    }
                default: continue
                }
            default: context = .none
            }
        }
    }

    /// A DICOM UID (`1.2.840.10008...`): digits and dots, at least two dots.
    static func isUID(_ value: [UInt8]) -> Bool {
        let t = HL7Text.trimmed(value[...])
        return !t.isEmpty && t.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E } && t.filter { $0 == 0x2E }.count >= 2
    }

    // MARK: - ED

    /// Reads OBX-5 of an ED observation: `source^type^subtype^encoding^data`.
    ///
    /// The data component is everything after the fourth component separator, unsplit, because
    /// embedded XML often carries raw `&` (the subcomponent separator) and sometimes `^`.
    func embedded(_ field: ArraySlice<UInt8>, _ v: HL7Values, observation: String) -> EmbeddedData {
        let comps = field.split(separator: v.delimiters.component, maxSplits: 4, omittingEmptySubsequences: false)
        func comp(_ n: Int) -> String { comps.count > n ? v.text(comps[n]) : "" }
        let typeOfData = comp(1)
        let subtype = comp(2)
        let encoding = HL7Text.upper(comp(3))
        let data = comps.count >= 5 ? comps[4] : (comps.last ?? [])
        guard !HL7Text.trimmed(data).isEmpty else { return .unreadable("ED value holds no data") }
        let decoded: [UInt8]
        switch encoding {
        case "BASE64", "B64":
            let plain = v.delimiters.escape.map { data.contains($0) } == true ? v.decoded(data)[...] : data
            guard let d = HL7Binary.base64(plain) else { return .unreadable("ED data is not valid base64") }
            decoded = d
        case "HEX":
            guard let d = HL7Binary.hex(v.decoded(data)[...]) else { return .unreadable("ED data is not valid hex") }
            decoded = d
        default: decoded = v.decoded(data)
        }
        let mediaType = Self.mediaType(typeOfData, subtype)
        var head = decoded.prefix(4096)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        while let f = head.first, f == 0x20 || f == 0x09 || f == 0x0D || f == 0x0A { head = head.dropFirst() }
        if head.starts(with: "%PDF".utf8) { return .binary("application/pdf") }
        if head.starts(with: "{\\rtf".utf8) { return .binary("application/rtf") }
        if head.first == 0x3C || mediaType.contains("xml") || mediaType.contains("html") {
            let isHTML = mediaType.contains("html") || Self.contains(head, "<html") || Self.contains(head, "<HTML")
            let isCDA = !isHTML && Self.contains(decoded[...], "ClinicalDocument")
            let type = isHTML ? "text/html" : (mediaType.contains("xml") ? mediaType : "text/xml")
            return .document(HL7EmbeddedDocument(mediaType: type, isCDA: isCDA, bytes: decoded, observation: observation))
        }
        let textual =
            mediaType.hasPrefix("text/") || mediaType == "text" || mediaType.isEmpty
            || mediaType.hasSuffix("/plain")
        guard textual, Self.looksLikeText(decoded) else {
            return .binary(mediaType.isEmpty ? "binary data" : mediaType)
        }
        let utf8 = UTF8Decoding.validate(decoded[...]) ? decoded : HL7Text.latin1ToUTF8(decoded[...])
        return .text(HL7ReportText.lines(of: UTF8Decoding.clean(utf8[...]).bytes))
    }

    /// `Application` + `PDF` → `application/pdf`; `Text` + `text/xml` → `text/xml`.
    static func mediaType(_ typeOfData: String, _ subtype: String) -> String {
        let t = HL7Text.lower(typeOfData)
        let s = HL7Text.lower(subtype)
        if s.contains("/") { return s }
        let major: String
        switch t {
        case "ap", "application": major = "application"
        case "tx", "text": major = "text"
        case "im", "image": major = "image"
        case "au", "audio": major = "audio"
        case "mu", "multipart": major = "multipart"
        default: major = t
        }
        switch (major.isEmpty, s.isEmpty) {
        case (true, true): return ""
        case (false, true): return major
        case (true, false):
            switch s {
            case "pdf", "rtf", "octet-stream", "msword": return "application/" + s
            case "xml", "plain", "html": return "text/" + s
            default: return s
            }
        case (false, false): return major + "/" + s
        }
    }

    /// No NUL and almost no control characters.
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        var controls = 0
        for b in bytes {
            if b == 0 { return false }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return controls * 100 <= bytes.count
    }

    static func contains(_ hay: ArraySlice<UInt8>, _ needle: String) -> Bool {
        firstIndex(of: Array(needle.utf8), in: hay) != nil
    }

    /// The index where `needle` first occurs in `hay`, or nil.
    static func firstIndex(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
