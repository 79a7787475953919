// Multi-record files handed out record by record: a FHIR Bundle, an HL7 v2 batch, a multi-report
// text and a JSON array never become an array of all their records, so a file of a hundred
// thousand reports costs the memory of its bytes plus one report.

extension InputWalker {
    /// What a file's bytes are, by content (and, for XML and JSON arrays, by name): the one place
    /// the readers of whole files are chosen. JSON Lines and CSV never reach here: they stream.
    enum ContentKind {
        case hl7, cda, hl7xml, fhirxml, unknownXML, fhir, jsonArray, binary, text
    }

    func contentKind(_ bytes: [UInt8], _ entry: Entry) -> ContentKind {
        if HL7v2Reader.looksLikeHL7(bytes) { return .hl7 }
        if firstSignificantByte(bytes) == 0x3C {  // '<': an XML document
            if CDAReader.looksLikeCDA(bytes) { return .cda }
            if HL7v2XMLReader.looksLikeHL7v2XML(bytes) { return .hl7xml }
            if FHIRXMLReader.looksLikeFHIRXML(bytes) { return .fhirxml }
            if !entry.path.hasSuffix(".txt") { return .unknownXML }
        }
        if FHIRReader.looksLikeFHIR(bytes) { return .fhir }
        if JSONArrayReader.looksLikeJSONArray(bytes, path: entry.path) { return .jsonArray }
        if looksBinary(bytes) { return .binary }
        return .text
    }

    /// Hands out the records of a file's bytes one at a time, by content: a FHIR Bundle, an HL7
    /// batch and a multi-report text file one record at a time, the other formats as read.
    func forEachRecord(fromBytes bytes: [UInt8], entry: Entry, _ body: (Record) throws -> Void) rethrows {
        let (base, path) = (entry.recordBase, entry.path)
        func fail(_ code: RecordErrorCode, _ message: String, _ format: InputFormat) -> Record {
            .failure(RecordError(code: code, message: message, recordID: "\(base)#1", source: path, format: format))
        }
        switch contentKind(bytes, entry) {
        case .hl7: try forEachHL7Record(bytes, entry, body)
        case .cda: try CDAReader.records(bytes, recordBase: base, source: path).forEach(body)
        case .hl7xml: try HL7v2XMLReader.records(bytes, recordBase: base, source: path).forEach(body)
        case .fhirxml: try FHIRXMLReader.records(bytes, recordBase: base, source: path).forEach(body)
        case .unknownXML:
            try body(fail(.unknownXML, "an XML document that is neither CDA, HL7 v2 XML nor FHIR", .cda))
        case .fhir: try FHIRReader.forEachRecord(bytes, recordBase: base, source: path, watch: watch, body)
        case .jsonArray:
            try JSONArrayReader.forEachRecord(bytes, recordBase: base, source: path, options: reading, watch: watch, body)
        case .binary: try body(fail(.binary, "the file looks binary (NUL or control bytes), not report text", .text))
        case .text:
            try TextReader.forEachRecord(
                bytes, recordBase: base, source: path, headers: textHeaders, encoding: reading.encoding, watch: watch, body)
        }
    }

    /// HL7 v2 messages; a CDA document embedded in a message is read by the CDA reader and keeps
    /// the message's record id, with the message's metadata filling what the document lacks.
    public func hl7Records(_ bytes: [UInt8], _ entry: Entry) -> [Record] {
        var records: [Record] = []
        forEachHL7Record(bytes, entry) { records.append($0) }
        return records
    }

    /// The records of ``hl7Records(_:_:)``, handed out one message at a time.
    func forEachHL7Record(_ bytes: [UInt8], _ entry: Entry, _ body: (Record) throws -> Void) rethrows {
        try HL7v2Reader.forEachMessage(
            bytes, recordBase: entry.recordBase, source: entry.path, jobs: parseJobs, watch: watch
        ) { message in
            try body(Self.record(of: message))
        }
    }

    /// A message's record; an embedded CDA document is read here.
    static func record(of message: HL7v2MessageRecord) -> Record {
        guard case .embeddedReport(let embedded) = message, let doc = embedded.documents.first(where: { $0.isCDA })
        else { return message.record }
        switch CDAReader.report(fromXML: doc.bytes, recordID: embedded.recordID, source: embedded.source) {
        case .success(var report):
            report.format = .hl7v2
            report.metadata = merge(embedded.metadata, over: report.metadata)
            return .success(report)
        case .failure(var inner):
            inner.format = .hl7v2
            inner.metadata = merge(embedded.metadata, over: inner.metadata)
            return .failure(inner)
        }
    }
}
