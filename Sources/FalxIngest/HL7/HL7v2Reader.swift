/// Which OBR field holds the accession number.
///
/// Radiology feeds put the accession number in OBR-18 (placer field 1, as IHE Scheduled Workflow
/// and dcm4che do) or leave it as the filler order number OBR-3. The default,
/// `obr18ThenObr3`, takes OBR-18 when it is not empty and OBR-3 otherwise. The first component is
/// used (`0000000566^RADIS1` → `0000000566`). Raw values are kebab-case for command-line flags.
public enum HL7AccessionField: String, Sendable, Equatable, CaseIterable {
    /// OBR-18 when present, else OBR-3 (the default).
    case obr18ThenObr3 = "obr18-then-obr3"
    /// OBR-3 (filler order number) when present, else OBR-18.
    case obr3ThenObr18 = "obr3-then-obr18"
    /// Only OBR-18 (placer field 1).
    case obr18 = "obr18"
    /// Only OBR-3 (filler order number).
    case obr3 = "obr3"
}

/// A document carried inside an HL7 v2 message (an ED-typed OBX-5), handed on for another reader.
///
/// The HL7 v2 reader does not parse XML: an embedded CDA document (base64 or raw, `text/xml`) is
/// returned as bytes so that the CDA reader can read it. The bytes are the document itself, with
/// base64 or HL7 escapes already decoded; they are not validated.
public struct HL7EmbeddedDocument: Sendable, Equatable {
    /// Media type from OBX-5 components 2 and 3, lower case (`text/xml`, `text/html`).
    public var mediaType: String
    /// True when the document looks like a CDA `ClinicalDocument`.
    public var isCDA: Bool
    /// The document's bytes.
    public var bytes: [UInt8]
    /// OBX-1 set id (or the OBX's position in the message when OBX-1 is empty).
    public var observation: String

    /// Creates an embedded document.
    public init(mediaType: String, isCDA: Bool, bytes: [UInt8], observation: String) {
        self.mediaType = mediaType
        self.isCDA = isCDA
        self.bytes = bytes
        self.observation = observation
    }
}

/// One HL7 v2 message read: its report, the embedded document that is its report, or why it
/// cannot be read.
public enum HL7v2MessageRecord: Sendable, Equatable {
    /// The report read from the message's text, with the documents embedded beside that text
    /// (each named in the report's warnings, not read).
    case report(Report, embeddedDocuments: [HL7EmbeddedDocument])
    /// The message holds no text of its own, only embedded documents, for a reader that parses
    /// them: `InputWalker` hands a CDA document to `CDAReader`.
    case embeddedReport(HL7EmbeddedReport)
    /// Why the message cannot be read.
    case failure(RecordError)

    /// The record as this reader alone gives it: an embedded report is an `embedded-document`
    /// error, since the HL7 v2 reader does not parse XML.
    public var record: Record {
        switch self {
        case .report(let report, _): .success(report)
        case .embeddedReport(let embedded): .failure(embedded.unread)
        case .failure(let error): .failure(error)
        }
    }

    /// Documents found in ED-typed OBX values (XML, HTML), in message order.
    public var embeddedDocuments: [HL7EmbeddedDocument] {
        switch self {
        case .report(_, let documents): documents
        case .embeddedReport(let embedded): embedded.documents
        case .failure: []
        }
    }
}

/// A message whose report is a document embedded in it: the message's id, source and metadata,
/// which the document's reader keeps, and the documents.
public struct HL7EmbeddedReport: Sendable, Equatable {
    /// The message's record id.
    public var recordID: String
    /// The message's source.
    public var source: String
    /// What the message's own segments say (PID, OBR, MSH); it fills what the document lacks.
    public var metadata: ReportMetadata
    /// The embedded documents, in message order; never empty.
    public var documents: [HL7EmbeddedDocument]

    /// Creates an embedded report.
    public init(recordID: String, source: String, metadata: ReportMetadata, documents: [HL7EmbeddedDocument]) {
        self.recordID = recordID
        self.source = source
        self.metadata = metadata
        self.documents = documents
    }

    /// The error row of the message when no reader reads its documents.
    public var unread: RecordError {
        let what =
            documents.first.map { $0.isCDA ? "a CDA document" : "a \($0.mediaType) document" } ?? "a document"
        let observation = documents.first?.observation ?? "?"
        return RecordError(
            code: .embeddedDocument,
            message: "the report is \(what) embedded in OBX \(observation) (ED); it is not read as HL7 text",
            recordID: recordID, source: source, format: .hl7v2, metadata: metadata)
    }
}

/// Reads HL7 v2 ER7 (pipe-delimited) report messages: ORU^R01 and MDM^T02/T04, versions 2.1–2.8.
///
/// One message is one record. The file may hold one message or many: back to back, framed by
/// MLLP (0x0B … 0x1C 0x0D), in FHS/BHS … BTS/FTS batches, or separated by blank and comment lines.
/// Segments end at CR, LF or CRLF. Each message's delimiters come from its own MSH-1 and MSH-2,
/// including short lists such as `^~}`. Escapes `\F\ \S\ \T\ \R\ \E\ \Xhh\ \H\ \N\` and the FT
/// commands (`\.br\`, `\.sp\`) are decoded.
///
/// The report text is the message's TX, FT and ST OBX values (one OBX per line, one OBX with
/// `\.br\` breaks, or one OBX per section with the section named in OBX-3, which becomes a
/// `FINDINGS:`-style header line), NTE comments after an OBR or OBX, and base64 `text/plain` in an
/// ED OBX. A PDF or image in an ED OBX has no text; an XML (CDA) document in an ED OBX is returned
/// as `HL7v2MessageRecord.embeddedReport` (or beside the text) and is not parsed here. Coded and numeric OBX values
/// (CE, CWE, NM, …) and DICOM UIDs in ST values are not report text.
///
/// Metadata: PID-3 (the repetition with identifier type MR, else the first), PID-7 birth date,
/// PID-8 sex, the accession (see `HL7AccessionField`), OBR-4 procedure (text component; several
/// OBRs are joined with "; "), OBR-7 observation time (else OBR-22, OBR-6, then TXA-4: ``HL7OrderFields``), OBR-25 result status, OBR-32 interpreter
/// (else TXA-22 / TXA-5), MSH-4 facility. The patient's name (PID-5) is not kept: `ReportMetadata`
/// has no field for it.
///
/// Error rows (`RecordError.code`): `no-msh` (the file does not start with MSH, FHS or BHS),
/// `bad-msh1` / `bad-msh2` (unusable delimiters), `not-a-report` (a message type other than ORU or
/// MDM, such as ADT or ACK), `embedded-document` (the report is an embedded XML document),
/// `binary-only` (the report is a PDF or image: binary form, no text), `no-text`.
///
///     let records = HL7v2Reader.records(bytes, recordBase: "feed.hl7", source: "in/feed.hl7")
///
/// Never reads files or the network; never traps on malformed input.
public enum HL7v2Reader {
    /// The records of an HL7 v2 file, one per message, in file order.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - recordBase: the base of record ids (`<recordBase>#<n>`) for messages without accession.
    ///   - source: the source path; `#n` is appended when the file holds several messages.
    ///   - accessionField: where the accession number is read from.
    /// - Complexity: O(n) in the size of the file.
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, accessionField: HL7AccessionField = .obr18ThenObr3
    ) -> [Record] {
        messages(bytes, recordBase: recordBase, source: source, accessionField: accessionField).map(\.record)
    }

    /// Like `records(_:recordBase:source:accessionField:)`, with the documents embedded in each message.
    ///
    /// - Complexity: O(n) in the size of the file.
    public static func messages(
        _ bytes: [UInt8], recordBase: String, source: String, accessionField: HL7AccessionField = .obr18ThenObr3
    ) -> [HL7v2MessageRecord] {
        var messages: [HL7v2MessageRecord] = []
        forEachMessage(bytes, recordBase: recordBase, source: source, accessionField: accessionField) { messages.append($0) }
        return messages
    }

    /// Hands out the messages of an ER7 file one at a time, in file order, so that a batch of any
    /// length costs the memory of one message beside its bytes (of a group of messages with
    /// `jobs` above one: they are then decoded on `jobs` threads, in the same order and to the
    /// same records). Parameters as ``messages(_:recordBase:source:accessionField:)``; the framing
    /// pass and the messages poll `watch`, and once it asks to stop no further message is handed out.
    public static func forEachMessage(
        _ bytes: [UInt8], recordBase: String, source: String, accessionField: HL7AccessionField = .obr18ThenObr3,
        jobs: Int = 1, watch: ScanWatch = .none, _ body: (HL7v2MessageRecord) throws -> Void
    ) rethrows {
        let layout = HL7v2Framing(bytes: bytes, watch: watch).layout()
        if watch.stopRequested { return }
        switch layout {
        case .noMSH(let why):
            let error = RecordError(
                code: .noMSH, message: bytes.isEmpty ? "no MSH segment: the file is empty" : why,
                recordID: "\(recordBase)#1", source: source, format: .hl7v2)
            try body(.failure(error))
        case .messages(let chunks):
            let multi = chunks.count > 1
            @Sendable func read(_ k: Int) -> HL7v2MessageRecord {
                HL7v2MessageReader(
                    bytes: bytes, chunk: chunks[k], number: k + 1, recordBase: recordBase,
                    source: multi ? "\(source)#\(k + 1)" : source, accessionField: accessionField
                ).read()
            }
            guard jobs > 1 else {
                for k in chunks.indices {
                    if watch.stopRequested { return }
                    try body(read(k))
                }
                return
            }
            // Messages are decoded a group at a time on `jobs` threads and handed on in order.
            var k = 0
            while k < chunks.count {
                if watch.stopRequested { return }
                let group = Array(k..<min(k + Self.decodeGroup, chunks.count))
                for message in parallelMap(group, jobs: jobs, read) { try body(message) }
                k += group.count
            }
        }
    }

    /// Messages decoded together when decoding runs on several threads: enough to share among
    /// them, few enough that the records in memory stay bounded.
    static let decodeGroup = 256

    /// True when the bytes look like HL7 v2 ER7: after an optional BOM, MLLP start byte, blank
    /// lines and comment lines (`//`, `/*`, `*`, `#`), the first line starts with `MSH`, `FHS` or
    /// `BHS` followed by a punctuation character.
    ///
    /// Looks at the first 64 KiB only; does not validate the message.
    public static func looksLikeHL7(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let limit = min(bytes.count, 65_536)
        while i < limit {
            let b = bytes[i]
            if b == 0x0B || b == 0x0D || b == 0x0A || HL7Text.isBlank(b) {
                i += 1
                continue
            }
            var end = i
            while end < limit && bytes[end] != 0x0D && bytes[end] != 0x0A { end += 1 }
            let line = bytes[i..<end]
            if HL7v2Framing.isComment(line) {
                i = end
                continue
            }
            guard line.count > 3 else { return false }
            let id = line.prefix(3)
            let known = id.elementsEqual("MSH".utf8) || id.elementsEqual("FHS".utf8) || id.elementsEqual("BHS".utf8)
            return known && HL7Delimiters.isDelimiterByte(line[line.startIndex + 3])
        }
        return false
    }
}
