import FalxAudit
import FalxClinical
import FalxIngest
import FalxText
import Foundation

/// What one fuzz input is fed to.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Plain-text reports (`=== REPORT` and form-feed separators).
    case text
    /// JSON Lines, streamed in small blocks so that lines straddle block boundaries.
    case jsonl
    /// HL7 v2 ER7 messages, batches and MLLP frames, with embedded CDA handed on.
    case hl7
    /// HL7 v2 XML.
    case hl7xml
    /// CDA R2.
    case cda
    /// FHIR JSON (DiagnosticReport, Bundle).
    case fhir
    /// CSV/TSV exports, streamed in small blocks so that rows straddle block boundaries.
    case csv
    /// JSON arrays of report objects.
    case json
    /// Any file, dispatched by content as `falx audit` does.
    case any
    /// Files framed on standard input (`--stdin-files`): header lines, then each file's bytes.
    case files
    /// The text engine alone: tokenizer → sentences → sections → mentions.
    case engine
}

/// A broken promise found by the harness: the input and what went wrong.
public struct InvariantViolation: Error, CustomStringConvertible {
    public var description: String
}

/// Runs one input through a reader and the audit, and checks what Falx promises for every input,
/// not only that it does not crash:
/// - every record becomes exactly one audit row, and a file at least one;
/// - a JSON Lines input gives exactly one row per line that is not blank, and each line the same record from the
///   byte-level reader as from `JSONSerialization`;
/// - every row has all the columns, its CSV line parses back to one record with the same cells,
///   and its JSON Lines line is a JSON object with every column;
/// - evidence offsets lie inside the report text, and every token, sentence, section and mention
///   range lies inside the text or the token array;
/// - reading a text costs work linear in its size: at most `WorkMeter.unitsPerByte` units per
///   byte (plus a constant), the allowance the per-record budget is built on;
/// - no record holds more than twice the bytes of its input (plus a constant): its text, metadata,
///   warnings and identifiers together. A reader that copies a shared value into every record, or
///   expands an escape or entity, breaks this; for gzip input the bound is the decompressed size
///   the walker allows;
/// - reading an input costs work linear in its size, for every reader target: the whole-file passes
///   (separators, JSON scans, HL7 framing) look at no more than ``scanPasses`` times its bytes
///   (plus a constant), counted by a ``ScanTally``, so a reader that rescans the file for every
///   record is caught whatever the machine; and, as a backstop for the readers the count does not
///   see (libxml2, the row scanners), reading takes no longer than ``readingTimeBound(_:)``, a
///   wall-time bound so generous that only a hang or a gross blow-up exceeds it.
public enum FuzzHarness {
    static let auditor = Auditor()
    static let engine = TextEngine(lexicon: ClinicalLexicon.standard.compiled)
    static let finder = MentionFinder(lexicon: ClinicalLexicon.standard.compiled)

    public static func run(_ target: FuzzTarget, _ bytes: [UInt8]) throws {
        switch target {
        case .engine: return try checkEngine(bytes)
        case .jsonl: return try checkJSONLines(bytes)
        default: break
        }
        let source = "fuzz"
        var records: [Record] = []
        let tally = ScanTally()
        let watch = ScanWatch(tally: tally)
        var walker = InputWalker()
        walker.watch = watch
        let started = ContinuousClock.now
        switch target {
        case .text: TextReader.forEachRecord(bytes, recordBase: source, source: source, watch: watch) { records.append($0) }
        case .hl7: records = walker.hl7Records(bytes, .init(path: source, recordBase: source))
        case .hl7xml: records = HL7v2XMLReader.records(bytes, recordBase: source, source: source)
        case .cda: records = CDAReader.records(bytes, recordBase: source, source: source)
        case .fhir: FHIRReader.forEachRecord(bytes, recordBase: source, source: source, watch: watch) { records.append($0) }
        case .csv:
            let block = 1 + Int(bytes.first ?? 0) * 5
            walker.forEachRecord(inMemory: bytes, entry: .init(path: "fuzz.csv", recordBase: source), blockSize: block) {
                records.append($0)
            }
        case .json: JSONArrayReader.forEachRecord(bytes, recordBase: source, source: source, watch: watch) { records.append($0) }
        case .any:
            // The first byte picks the block size, so detection and streaming see many splits.
            let block = 1 + Int(bytes.first ?? 0) * 7
            walker.forEachRecord(inMemory: bytes, entry: .init(path: source, recordBase: source), blockSize: block) {
                records.append($0)
            }
        case .files:
            let block = 1 + Int(bytes.first ?? 0) * 7
            walker.forEachFramedFileRecord(inMemory: bytes, blockSize: block) { records.append($0) }
        case .engine, .jsonl: break
        }
        try checkReadingCost(scanned: tally.bytes, took: ContinuousClock.now - started, readFrom: bytes)
        // Framed files: white space alone holds no frame, so no record.
        let noFrame = target == .files && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard !records.isEmpty || noFrame else {
            throw InvariantViolation(description: "\(target): no record for a non-empty input")
        }
        for record in records {
            try checkRow(for: record)
            try checkFootprint(of: record, readFrom: bytes)
        }
    }

    static func checkJSONLines(_ bytes: [UInt8]) throws {
        let block = 1 + Int(bytes.first ?? 0) * 3
        var rows = 0
        let entry = InputWalker.Entry(path: "f.jsonl", recordBase: "f")
        var records: [Record] = []
        let started = ContinuousClock.now
        InputWalker().forEachJSONLinesRecord(inMemory: bytes, entry: entry, blockSize: block) { records.append($0) }
        try checkReadingCost(scanned: 0, took: ContinuousClock.now - started, readFrom: bytes)
        for record in records {
            rows += 1
            try checkRow(for: record)
        }
        // One row per line that is not blank (spaces, tabs, a CR or a BOM only: skipped).
        var physical = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if bytes.last == 0x0A || bytes.isEmpty { physical.removeLast() }
        let lines = physical.filter { line in
            let rest = line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line
            return rest.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        }.count
        guard rows == lines else { throw InvariantViolation(description: "jsonl: \(lines) lines gave \(rows) rows") }
        // The byte-level reader decides every line as JSONSerialization does, or leaves it to it.
        for (n, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(200).enumerated() {
            let fast = JSONLinesReader.record(line: line, lineNumber: n + 1, recordBase: "f", source: "f")
            let slow = JSONLinesReader.record(line: line, lineNumber: n + 1, recordBase: "f", source: "f", fastPath: false)
            guard fast == slow else {
                throw InvariantViolation(
                    description: "jsonl line \(n + 1): the fast path read \(fast), JSONSerialization \(slow)")
            }
        }
    }

    static func checkRow(for record: Record) throws {
        let row = auditor.row(for: record)
        let values = row.values
        guard values.count == AuditRow.columns.count else {
            throw InvariantViolation(description: "row has \(values.count) values, not \(AuditRow.columns.count)")
        }
        let parsed = CSV.parse(CSV.line(values))
        guard parsed.count == 1, parsed[0].count == values.count else {
            throw InvariantViolation(description: "CSV line parses to \(parsed.map(\.count)) cells: \(values)")
        }
        for (cell, value) in zip(parsed[0], values) where cell != value && cell != "'" + value {
            throw InvariantViolation(description: "CSV cell \(cell.debugDescription) read back for \(value.debugDescription)")
        }
        let json = JSONLines.line(values)
        // Typed JSON Lines (numbers, null, arrays) give back exactly the CSV values.
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            object.count == AuditRow.columns.count, JSONLines.cells(from: object) == values
        else { throw InvariantViolation(description: "JSON Lines row does not parse back: \(json)") }
        if case .success(let report) = record, let evidence = row.evidence {
            let scalars = report.text.lazy.filter { $0 & 0xC0 != 0x80 }.count
            let bytes = report.text.count
            guard evidence.scalarRange.lowerBound >= 0, evidence.scalarRange.upperBound <= scalars,
                evidence.byteRange.lowerBound >= 0, evidence.byteRange.upperBound <= bytes
            else {
                throw InvariantViolation(
                    description: "evidence \(evidence.scalarRange)/\(evidence.byteRange) outside a text of \(scalars) scalars")
            }
        }
    }

    static func checkFootprint(of record: Record, readFrom input: [UInt8]) throws {
        let size = footprint(record)
        guard size <= footprintBound(input) else {
            throw InvariantViolation(description: "a record holds \(size) bytes read from a \(input.count)-byte input")
        }
    }

    /// The most bytes one record read from `input` may hold.
    static func footprintBound(_ input: [UInt8]) -> Int {
        let gzip = input.count >= 2 && input[0] == 0x1F && input[1] == 0x8B
        return 2 * (gzip ? InputWalker().maxFileBytes : input.count) + 4096
    }

    /// The bytes a record holds: text, metadata, warnings and identifiers.
    static func footprint(_ record: Record) -> Int {
        func size(_ m: ReportMetadata) -> Int {
            let fields = [m.patientID, m.accession, m.studyDateTime, m.procedure, m.interpreter, m.facility, m.birthDate, m.sex]
            return (fields + m.patientNameParts + m.otherPatientIDs).reduce(0) { $0 + $1.utf8.count }
        }
        switch record {
        case .success(let r):
            return r.text.count + size(r.metadata) + r.warnings.reduce(0) { $0 + $1.utf8.count }
                + r.identifiers.reduce(0) { $0 + $1.value.utf8.count } + r.recordID.utf8.count + r.source.utf8.count
        case .failure(let e):
            return e.message.utf8.count + size(e.metadata) + e.recordID.utf8.count + e.source.utf8.count
        }
    }

    /// How many times over its bytes the whole-file passes may scan an input: a text file is
    /// decoded, split into lines and its lines classified; a FHIR Bundle is checked for depth,
    /// delimited, and its entries and their resources scanned, a few passes each.
    public static let scanPasses = 16

    /// The most bytes the reading passes may scan for an input of `bytes` bytes.
    public static func scanBound(_ bytes: Int) -> Int { scanPasses * bytes + (64 << 10) }

    /// The longest reading an input of `bytes` bytes may take: 2 s plus 20 µs per byte, hundreds
    /// of times what any reader needs (a 200 KB input, the fuzzer's largest, may take 6 s; reading
    /// it takes milliseconds), so only a hang or a quadratic blow-up can exceed it.
    public static func readingTimeBound(_ bytes: Int) -> Duration { .seconds(2) + .microseconds(20) * bytes }

    /// Checks the cost of reading `input`: bytes scanned by the counted passes, and wall time.
    static func checkReadingCost(scanned: Int, took: Duration, readFrom input: [UInt8]) throws {
        guard scanned <= scanBound(input.count) else {
            throw InvariantViolation(
                description: "reading \(input.count) bytes scanned \(scanned), over \(scanBound(input.count))")
        }
        guard took <= readingTimeBound(input.count) else {
            throw InvariantViolation(
                description: "reading \(input.count) bytes took \(took), over \(readingTimeBound(input.count))")
        }
    }

    /// The most work units a text of `bytes` bytes may cost.
    public static func linearWorkBound(_ bytes: Int) -> Int { WorkMeter.unitsPerByte * (bytes + 1024) }

    static func checkEngine(_ bytes: [UInt8]) throws {
        let doc = engine.analyze(bytes)
        let n = doc.text.count
        var last = 0
        for t in doc.tokens {
            guard t.start >= last, t.start < t.end, Int(t.end) <= n else {
                throw InvariantViolation(description: "token \(t.range) out of order or outside \(n) bytes")
            }
            last = Int(t.end)
        }
        let count = doc.tokens.count
        for s in doc.sections where s.body.lowerBound < 0 || s.body.upperBound > count || s.header.upperBound > count {
            throw InvariantViolation(description: "section \(s) outside \(count) tokens")
        }
        for s in doc.sentences where s.tokens.lowerBound < 0 || s.tokens.upperBound > count || s.section >= doc.sections.count {
            throw InvariantViolation(description: "sentence \(s) outside \(count) tokens")
        }
        var meter = WorkMeter()
        let mentions = finder.mentions(in: doc, meter: &meter)
        var reading = WorkMeter()
        _ = auditor.extractor.read(bytes, meter: &reading)
        let bound = linearWorkBound(bytes.count)
        guard meter.used <= bound, reading.used <= bound else {
            throw InvariantViolation(
                description: "reading \(bytes.count) bytes cost \(max(meter.used, reading.used)) work units, over \(bound)")
        }
        for m in mentions {
            guard m.tokens.lowerBound >= 0, m.tokens.upperBound <= count, m.sentence < doc.sentences.count,
                m.anchor.lowerBound >= m.tokens.lowerBound, m.anchor.upperBound <= m.tokens.upperBound
            else { throw InvariantViolation(description: "mention \(m.concept) \(m.tokens) outside the document") }
        }
    }
}
