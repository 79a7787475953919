// Multi-record files handed out record by record: a FHIR Bundle and an HL7 v2 batch never become
// an array of all their records, so a file of a hundred thousand reports costs the memory of its
// bytes plus one report.

extension InputWalker {
    /// Hands out the records of a file's bytes one at a time, by content (as
    /// ``records(fromBytes:entry:)`` decides the format).
    func forEachRecord(fromBytes bytes: [UInt8], entry: Entry, _ body: (Record) throws -> Void) rethrows {
        if HL7v2Reader.looksLikeHL7(bytes) {
            return try forEachHL7Record(bytes, entry, body)
        }
        if firstSignificantByte(bytes) != 0x3C && FHIRReader.looksLikeFHIR(bytes) {
            return try FHIRReader.forEachRecord(bytes, recordBase: entry.recordBase, source: entry.path, body)
        }
        for r in records(fromBytes: bytes, entry: entry) { try body(r) }
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
        try HL7v2Reader.forEachMessage(bytes, recordBase: entry.recordBase, source: entry.path) { message in
            try body(Self.record(of: message))
        }
    }

    /// A message's record; an embedded CDA document is read here.
    static func record(of message: HL7v2MessageRecord) -> Record {
        guard case .failure(let e) = message.record, e.code == "embedded-document",
            let doc = message.embeddedDocuments.first(where: { $0.isCDA })
        else { return message.record }
        switch CDAReader.report(fromXML: doc.bytes, recordID: e.recordID, source: e.source) {
        case .success(var report):
            report.format = .hl7v2
            report.metadata = merge(e.metadata, over: report.metadata)
            return .success(report)
        case .failure(var inner):
            inner.format = .hl7v2
            inner.metadata = merge(e.metadata, over: inner.metadata)
            return .failure(inner)
        }
    }
}
