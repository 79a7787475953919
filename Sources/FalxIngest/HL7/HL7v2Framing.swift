/// Cuts an HL7 v2 ER7 file into messages: lines, MLLP blocks, batches, junk.
///
/// Segments end at CR, LF or CRLF; MLLP start (0x0B) and end (0x1C) bytes end a line too. A
/// message starts at each MSH line and runs to the next MSH, FHS, BHS, BTS or FTS line. A line that
/// does not start with a segment id (three upper-case letters or digits, then the field separator)
/// is a *continuation* of the segment just before it when it follows that segment directly (a line
/// break inside a field, as in a base64 value cut by a CR); after a blank line or outside a message
/// it is junk (comments such as `//` and `/* */` are skipped silently, other junk with a warning).
/// Segment ids `OBX`, `NTE` and `OBR` found inside a line after a field separator and spaces
/// (segments flattened onto one line) are split back into their own segments.
struct HL7v2Framing: Sendable {
    /// One message's lines, still undecoded.
    struct Chunk: Sendable {
        /// Each segment as its line ranges (more than one when continuation lines were joined).
        var segments: [[Range<Int>]] = []
        /// Line number of each segment's first line.
        var segmentLines: [Int] = []
        var warnings: [String] = []
        /// Lines of each repeated warning: past the first few they are said once, as a count, when
        /// the message closes, so that a file of a million such lines holds no million warnings.
        var moreLines: [String: Int] = [:]
        /// Index of the BHS batch holding the message, if any.
        var batch: Int?
        var fieldSeparator: UInt8
    }

    /// What the file holds.
    enum Layout: Sendable {
        /// The file does not start with MSH / FHS / BHS; the message says what it starts with.
        case noMSH(String)
        case messages([Chunk])
    }

    let bytes: [UInt8]
    /// Polled once per megabyte of lines; a layout cut short by a stop holds the messages so far.
    var watch = ScanWatch.none

    /// The layout of the file: its messages, or why it is not HL7 v2.
    ///
    /// - Complexity: O(n) in the file size.
    func layout() -> Layout {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var chunks: [Chunk] = []
        var current: Chunk?
        var continuable = false
        var seenHeader = false
        var pending: [String] = []
        var batch = -1
        var batchMessages: [Int] = []
        var batchWarnings: [Int: String] = [:]

        var pendingMore: [String: Int] = [:]

        func close() {
            if var c = current.take() {
                c.warnings.insert(contentsOf: pending + Self.counted(pendingMore), at: 0)
                c.warnings += Self.counted(c.moreLines)
                c.moreLines = [:]
                pending = []
                pendingMore = [:]
                chunks.append(c)
            }
        }

        var lineNumber = 1
        var i = start
        let n = bytes.count
        var poll = ScanWatch.Poll(watch, from: start)
        defer { watch.scanned(i - start) }
        while i <= n {
            if poll.stops(at: i) { break }
            var j = i
            while j < n {
                let b = bytes[j]
                if b == 0x0D || b == 0x0A || b == 0x0B || b == 0x1C { break }
                j += 1
            }
            let line = i..<j
            let thisLine = lineNumber
            var boundary = false
            if j < n {
                let b = bytes[j]
                if b == 0x0D && j + 1 < n && bytes[j + 1] == 0x0A { j += 1 }
                if b == 0x0D || b == 0x0A { lineNumber += 1 } else { boundary = true }
            }
            i = j + 1
            let content = bytes[line]
            if HL7Text.trimmed(content).isEmpty {
                // A blank line (or the empty piece around an MLLP byte) ends any continuation.
                continuable = false
                continue
            }
            let id = content.prefix(3)
            let sepByte: UInt8? = content.count > 3 ? content[content.startIndex + 3] : nil
            if id.elementsEqual("MSH".utf8) {
                close()
                seenHeader = true
                let sep = sepByte.flatMap { HL7Delimiters.isDelimiterByte($0) ? $0 : nil } ?? 0x7C
                current = Chunk(
                    segments: [[line]], segmentLines: [thisLine], batch: batch >= 0 ? batch : nil, fieldSeparator: sep)
                if batch >= 0 { batchMessages[batch] += 1 }
                continuable = !boundary
                continue
            }
            let isControl =
                (id.elementsEqual("FHS".utf8) || id.elementsEqual("BHS".utf8) || id.elementsEqual("BTS".utf8)
                    || id.elementsEqual("FTS".utf8)) && (sepByte.map(HL7Delimiters.isDelimiterByte) ?? true)
            if isControl {
                close()
                continuable = false
                if id.elementsEqual("FHS".utf8) || id.elementsEqual("BHS".utf8) {
                    seenHeader = true
                    if id.elementsEqual("BHS".utf8) {
                        batch += 1
                        batchMessages.append(0)
                    }
                } else if id.elementsEqual("BTS".utf8), batch >= 0, let sep = sepByte {
                    let seg = HL7Segment(bytes: Array(content), line: thisLine, fieldSeparator: sep)
                    let declared = HL7Text.string(seg.field(1))
                    if let count = Int(declared), count != batchMessages[batch] {
                        batchWarnings[batch] =
                            "BTS-1 (line \(thisLine)) says the batch holds \(count) message(s), it holds \(batchMessages[batch])"
                    }
                }
                continue
            }
            if !seenHeader {
                if Self.isComment(content) { continue }
                return .noMSH(
                    "no MSH segment: the file does not start with MSH, FHS or BHS (line \(thisLine) starts with "
                        + HL7Text.describe(bytes: Array(content.prefix(12))) + ")")
            }
            // Taken out of `current` while it grows, so appending never copies the segment list.
            if var c = current.take() {
                defer { current = c }
                if Self.isSegmentStart(content, separator: c.fieldSeparator) {
                    let pieces = Self.unflatten(line, in: bytes, separator: c.fieldSeparator)
                    for piece in pieces {
                        c.segments.append([piece])
                        c.segmentLines.append(thisLine)
                    }
                    if pieces.count > 1 {
                        c.warnings.append("line \(thisLine): \(pieces.count) segments written on one line were split apart")
                    }
                    continuable = !boundary
                } else if continuable, !c.segments.isEmpty {
                    c.segments[c.segments.count - 1].append(line)
                    Self.warn(&c.warnings, &c.moreLines, line: thisLine, Self.continuation)
                    continuable = !boundary
                } else {
                    continuable = false
                    if !Self.isComment(content) { Self.warn(&c.warnings, &c.moreLines, line: thisLine, Self.notInMessage) }
                }
                continue
            }
            continuable = false
            if !Self.isComment(content) { Self.warn(&pending, &pendingMore, line: thisLine, Self.notInMessage) }
        }
        close()
        if !pending.isEmpty, !chunks.isEmpty {
            chunks[chunks.count - 1].warnings.append(contentsOf: pending + Self.counted(pendingMore))
        }
        if chunks.isEmpty {
            return .noMSH("no MSH segment: the file holds no HL7 message")
        }
        for k in chunks.indices {
            if let b = chunks[k].batch, let w = batchWarnings[b] { chunks[k].warnings.append(w) }
        }
        return .messages(chunks)
    }

    /// How many lines of one kind a message's warnings name one by one.
    static let linesNamed = 5

    static let continuation = "does not start with a segment id; read as the continuation of the segment before it"
    static let notInMessage = "is not part of an HL7 message; skipped"

    /// Warns that line `line` `what`: one by one for the first few lines of a kind, then counted.
    static func warn(_ warnings: inout [String], _ lines: inout [String: Int], line: Int, _ what: String) {
        let seen = lines[what, default: 0]
        lines[what] = seen + 1
        if seen < linesNamed { warnings.append("line \(line) \(what)") }
    }

    /// The lines of ``warn(_:_:line:_:)`` past those named, as one warning per kind.
    static func counted(_ lines: [String: Int]) -> [String] {
        lines.filter { $0.value > linesNamed }.sorted { $0.key < $1.key }.map {
            "\($0.value - linesNamed) more lines, each of which \($0.key)"
        }
    }

    /// `XYZ|...` or a bare `XYZ`: three upper-case letters or digits, the first a letter.
    static func isSegmentStart(_ line: ArraySlice<UInt8>, separator: UInt8) -> Bool {
        guard line.count >= 3 else { return false }
        let s = line.startIndex
        guard line[s] >= 0x41 && line[s] <= 0x5A, HL7Text.isUpperOrDigit(line[s + 1]), HL7Text.isUpperOrDigit(line[s + 2])
        else { return false }
        return line.count == 3 || line[s + 3] == separator
    }

    /// Comment and decoration lines found between messages in message library files.
    static func isComment(_ line: ArraySlice<UInt8>) -> Bool {
        let t = HL7Text.trimmed(line)
        return t.starts(with: "//".utf8) || t.starts(with: "/*".utf8) || t.starts(with: "*".utf8) || t.starts(with: "#".utf8)
            || t.starts(with: "--".utf8)
    }

    /// Splits `...|01^X| OBX||TX|...| OBX||TX|...` into the OBR line and its OBX lines.
    static func unflatten(_ line: Range<Int>, in bytes: [UInt8], separator: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = line.lowerBound
        var k = line.lowerBound + 3
        while k < line.upperBound {
            guard bytes[k] == separator, k + 1 < line.upperBound, bytes[k + 1] == 0x20 else {
                k += 1
                continue
            }
            var m = k + 1
            while m < line.upperBound && bytes[m] == 0x20 { m += 1 }
            if m + 3 < line.upperBound, bytes[m + 3] == separator {
                let id = bytes[m..<(m + 3)]
                if id.elementsEqual("OBX".utf8) || id.elementsEqual("NTE".utf8) || id.elementsEqual("OBR".utf8) {
                    pieces.append(start..<k)
                    start = m
                    k = m + 3
                    continue
                }
            }
            k += 1
        }
        pieces.append(start..<line.upperBound)
        return pieces
    }
}
