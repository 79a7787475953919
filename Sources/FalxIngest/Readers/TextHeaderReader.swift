import Foundation

/// A value read from a header line that identifies someone, for pseudonymisation to scrub.
public struct HeaderIdentifier: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable {
        case id, name, date
    }

    public var value: String
    public var kind: Kind

    public init(_ value: String, _ kind: Kind) {
        self.value = value
        self.kind = kind
    }
}

/// What the header and signature lines of one report say.
public struct TextHeader: Sendable, Equatable {
    /// The fields read, normalised as the structured readers do (ISO dates, `F`/`M`/`O`).
    public var metadata = ReportMetadata()
    /// The byte ranges of the header lines in the text (line breaks excluded): metadata, not report text.
    public var ranges: [Range<Int>] = []
    /// The values that identify the patient or the clinicians, as written and as read.
    public var identifiers: [HeaderIdentifier] = []
    /// Values that could not be read, one message each.
    public var warnings: [String] = []

    public init() {}
}

/// Reads labelled header and signature lines of a report's text (see ``HeaderLabels``).
///
/// A header line starts with a label and may hold several `Label: value` pairs, separated by
/// spaces or tabs. Labelled lines are read in the header block — from the top of the report, past
/// blank lines and up to three short title lines (no colon, no final period), until the first line that is neither — and in a
/// signature block, which any line starting with an interpreter or signing label opens (`Dictated by:`
/// anywhere) and the next unlabelled line closes. So a `Site:` line inside the findings is report
/// text, never metadata. The first value of a field wins; an unreadable one is a warning.
public enum TextHeaderReader {
    public static func read(_ text: [UInt8], options: TextHeaderOptions = TextHeaderOptions()) -> TextHeader {
        read(text, options: options, skipBody: true)
    }

    /// `skipBody`: past the header block and outside a signature block, a line is looked at only
    /// when it opens with a signing label (the only line that is metadata there), instead of being
    /// split into pairs first; the result is the same (a test compares both ways).
    static func read(_ text: [UInt8], options: TextHeaderOptions, skipBody: Bool) -> TextHeader {
        var header = TextHeader()
        var inTop = true
        var inSignature = false
        var titleLines = 0
        var signedDate = ""
        var examDate = ""
        // The pairs to read, in order: read once the whole header is seen, so that every date is
        // read in the order the report's own dates show (``dateOrder(of:_:)``).
        var found: [(field: HeaderField, value: String, label: String)] = []
        var start = 0
        while start < text.count {
            var end = lineEnd(text, start)
            let next = end + 1
            if end > start && text[end - 1] == 0x0D { end -= 1 }
            var first = start
            while first < end && (text[first] == 0x20 || text[first] == 0x09) { first += 1 }
            defer { start = next }
            if first == end { continue }
            if skipBody && !inTop && !inSignature {
                // A label ends at a colon or at its own '#': a line with neither holds none. A line whose
                // first byte starts no label is passed over first (one table read, no search).
                guard !options.labels.byFirstByte[Int(lower(text[first]))].isEmpty, hasLabelMark(text, first, end),
                    let (lead, _) = label(at: first, text, end, options.labels),
                    lead.field.isSignature
                else { continue }
            }
            var (pairs, metadataEnd) = self.pairs(text, first, end, options.labels)
            // In the header block, a line may open with a label Falx does not know ("Pt Name: LEE, ANNA
            // MRN: 777001"): the known pairs after it are read, and the whole line is metadata.
            if pairs.isEmpty && inTop, let later = laterLabel(text, first, end, options.labels) {
                (pairs, metadataEnd) = self.pairs(text, later, end, options.labels)
            }
            if let lead = pairs.first, inTop || inSignature || lead.field.isSignature {
                // "Age: 64. On peritoneal dialysis." or "Patient: 68-year-old woman, 18 months of
                // forgetfulness": a value that is prose, not the field's value, leaves its line in the
                // report text, so what it says is read; the metadata in it is still taken.
                let prose = pairs.contains { Self.isProse(collapse(text[$0.value]), $0.field) }
                if !prose { header.ranges.append(start..<metadataEnd) }
                // "EXAM: CT head. HISTORY: … FINDINGS: …" on one line: the report starts at its first
                // section label, and the header block ends there.
                if metadataEnd < end {
                    inTop = false
                    inSignature = false
                }
                if pairs.contains(where: { $0.field.isSignature }) { inSignature = true }
                for pair in pairs {
                    let value = collapse(text[pair.value])
                    if Self.isProse(value, pair.field) && (pair.field == .patientName || pair.field == .referrer) { continue }
                    // "Patient: female, 66 years" names no one: it gives the age and sex.
                    if pair.field == .patientName, ageAndSex(value) != nil {
                        found.append((.age, value, pair.label + " / sex"))
                        continue
                    }
                    found.append((pair.field, value, pair.label))
                }
                continue
            }
            // A short title above the header ("CITY HOSPITAL RADIOLOGY"); a section heading has a colon.
            if inTop && pairs.isEmpty && titleLines < 3 && end - first <= 80 && text[end - 1] != 0x2E
                && !text[first..<end].contains(0x3A)
            {
                titleLines += 1
                continue
            }
            inTop = false
            inSignature = false
        }
        var reading = options
        reading.dateOrder = dateOrder(of: found, options.dateOrder)
        for pair in found {
            read(pair.field, pair.value, label: pair.label, into: &header, signedDate: &signedDate, examDate: &examDate, reading)
        }
        // An exam date, else the date on the exam line, else the signature's.
        if header.metadata.studyDateTime.isEmpty { header.metadata.studyDateTime = examDate.isEmpty ? signedDate : examDate }
        if !header.metadata.birthDate.isEmpty, !header.metadata.studyDateTime.isEmpty,
            header.metadata.birthDate > String(header.metadata.studyDateTime.prefix(10))
        {
            header.warnings.append("header date of birth \(header.metadata.birthDate) is after the study date")
            header.metadata.birthDate = ""
        }
        var seen = Set<HeaderIdentifier>()
        header.identifiers = header.identifiers.filter { seen.insert($0).inserted }
        // The age follows from the dates when both are known.
        if !header.metadata.birthDate.isEmpty && !header.metadata.studyDateTime.isEmpty { header.metadata.age = nil }
        return header
    }

    /// Where the line starting at `start` ends: its line feed, or the end of the text (memchr).
    @inline(__always) static func lineEnd(_ text: [UInt8], _ start: Int) -> Int {
        text.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, start < buf.count,
                let found = memchr(base + start, 0x0A, buf.count - start)
            else { return buf.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether bytes `first..<end` hold a colon or a '#' (memchr).
    @inline(__always) static func hasLabelMark(_ text: [UInt8], _ first: Int, _ end: Int) -> Bool {
        text.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, first < end else { return false }
            return memchr(base + first, 0x3A, end - first) != nil || memchr(base + first, 0x23, end - first) != nil
        }
    }

    struct Pair {
        var field: HeaderField
        var label: String
        var value: Range<Int>
    }

    /// The label-value pairs of a line whose first word is a label (empty otherwise), and where the
    /// line's metadata ends: at its end, or before a report section label (`HISTORY:`, `FINDINGS:` …)
    /// that starts the report text on the same line.
    static func pairs(_ text: [UInt8], _ first: Int, _ end: Int, _ labels: HeaderLabels) -> ([Pair], Int) {
        guard let (label, valueStart) = label(at: first, text, end, labels) else { return ([], end) }
        var out: [Pair] = []
        // The pair being read; nil inside the value of a label Falx does not know.
        var current: (label: HeaderLabels.Label, start: Int)? = (label, valueStart)
        func close(_ k: Int) {
            if let c = current { out.append(Pair(field: c.label.field, label: c.label.text, value: c.start..<k)) }
        }
        // A section label ends at a colon: none starts after the line's last colon.
        var lastColon = end - 1
        while lastColon >= valueStart && text[lastColon] != UInt8(ascii: ":") { lastColon -= 1 }
        var k = valueStart
        while k < end {
            let b = text[k]
            if (b == 0x20 || b == 0x09 || b == 0x2E) && k + 1 < lastColon, sectionLabel(at: k + 1, text, end) {
                let stop = b == 0x2E ? k + 1 : k
                close(stop)
                return (out, stop)
            }
            if (b == 0x20 || b == 0x09) && k + 1 < end, text[k + 1] != 0x20 && text[k + 1] != 0x09 {
                if let (next, nextStart) = Self.label(at: k + 1, text, end, labels) {
                    close(k)
                    current = (next, nextStart)
                    k = nextStart
                    continue
                }
                // "DOB: 12/01/1966     ACCT#: 900122334": an unknown label in the next column ends the value.
                if isColumnGap(text, k), let after = unknownLabel(at: k + 1, text, end) {
                    close(k)
                    current = nil
                    k = after
                    continue
                }
            }
            k += 1
        }
        close(end)
        return (out, end)
    }

    /// Section labels of report text: a line that reaches one has moved from metadata to the report.
    static let sectionWords: [[UInt8]] = [
        "clinical history", "clinical information", "clinical details", "clinical indication", "history",
        "indication", "indications", "reason for exam", "reason for study", "technique", "comparison", "comparisons",
        "findings", "finding", "impression", "impressions", "conclusion", "conclusions", "opinion", "recommendation",
        "recommendations", "addendum", "report",
    ].map { Array($0.utf8) }

    /// Whether a report section label followed by a colon starts at `i`.
    static func sectionLabel(at i: Int, _ text: [UInt8], _ end: Int) -> Bool {
        guard i < end, lower(text[i]) >= 0x61 && lower(text[i]) <= 0x7A else { return false }
        for word in sectionWords {
            guard let after = match(word, text, i, end), after < end else { continue }
            var k = after
            while k < end && text[k] == 0x20 { k += 1 }
            if k < end && text[k] == 0x3A { return true }
        }
        return false
    }

    /// A tab, two spaces, or a space after `|` or `;`: the gap between columns (prose has single spaces).
    static func isColumnGap(_ text: [UInt8], _ k: Int) -> Bool {
        let tab = UInt8(ascii: "\t")
        let space = UInt8(ascii: " ")
        guard text[k] != tab else { return true }
        guard text[k] == space && k > 0 else { return false }
        let before = text[k - 1]
        return before == space || before == UInt8(ascii: "|") || before == UInt8(ascii: ";")
    }

    /// Where the value starts after a label-like `Word[ Word[ Word]]:` (letters, `#`, `.`, `/`; up to 25
    /// bytes, starting with a letter) at `i`; nil when there is none.
    static func unknownLabel(at i: Int, _ text: [UInt8], _ end: Int) -> Int? {
        guard i < end, lower(text[i]) >= 0x61 && lower(text[i]) <= 0x7A else { return nil }
        var k = i
        var spaces = 0
        while k < end, k - i <= 25 {
            let c = text[k]
            if c == 0x3A { return k + 1 < end && text[k + 1] != 0x20 && text[k + 1] != 0x09 ? nil : k + 1 }
            if c == 0x20 {
                spaces += 1
                if spaces > 2 || (k + 1 < end && text[k + 1] == 0x20) { return nil }
            } else if !(isWordByte(c) || c == 0x23 || c == 0x2E || c == 0x2F) {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// Where the first known label after a column gap is, in a line that starts with an unknown `Label:`.
    static func laterLabel(_ text: [UInt8], _ first: Int, _ end: Int, _ labels: HeaderLabels) -> Int? {
        guard let colon = text[first..<end].firstIndex(of: 0x3A), colon - first <= 30 else { return nil }
        var k = colon + 2
        while k + 1 < end {
            if isColumnGap(text, k), text[k + 1] != 0x20 && text[k + 1] != 0x09, label(at: k + 1, text, end, labels) != nil {
                return k + 1
            }
            k += 1
        }
        return nil
    }

    /// The label starting at `i` and where its value starts, when a colon (or the label's own `#`)
    /// follows it, or, for a birth or study date's label, a space and a digit.
    static func label(at i: Int, _ text: [UInt8], _ end: Int, _ labels: HeaderLabels) -> (HeaderLabels.Label, Int)? {
        let first = Int(lower(text[i]))
        guard !labels.byFirstByte[first].isEmpty else { return nil }
        // By index: a label is copied (its strings retained) only once it matches.
        for c in labels.byFirstByte[first].indices {
            guard let after = match(labels.byFirstByte[first][c].bytes, text, i, end) else { continue }
            let label = labels.byFirstByte[first][c]
            var k = after
            if k < end, isWordByte(text[k]), label.bytes.last != 0x23 { continue }
            while k < end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
            if k < end && text[k] == 0x3A {
                k += 1
            } else if label.bytes.last != 0x23 {
                // "DOB 14/02/1969", "Examination date 20.11.2024": a birth or study date's label
                // needs no colon when a number follows it.
                guard label.field == .birthDate || label.field == .studyDate, k > after, k < end,
                    text[k] >= 0x30 && text[k] <= 0x39
                else { continue }
            }
            while k < end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
            return (label, k)
        }
        return nil
    }

    /// Where the text matching `label` at `i` ends: case-insensitive, periods in the text skipped,
    /// a space in the label matching any run of spaces or tabs (or none).
    static func match(_ label: [UInt8], _ text: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var k = i
        for c in label {
            while k < end && text[k] == 0x2E && c != 0x2E { k += 1 }
            if c == 0x20 {
                while k < end && (text[k] == 0x20 || text[k] == 0x09) { k += 1 }
                continue
            }
            guard k < end, lower(text[k]) == c else { return nil }
            k += 1
        }
        while k < end && text[k] == 0x2E { k += 1 }
        return k
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    static func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (lower(b) >= 0x61 && lower(b) <= 0x7A) || (b >= 0x30 && b <= 0x39) }

    /// The value's text with runs of spaces and tabs as one space, without the separators that may
    /// end it before the next pair (`Acc#: X | MRN: Y`, `X; Y`) or a sentence (`CT head. FINDINGS: …`).
    static func collapse(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for b in bytes {
            if b == 0x20 || b == 0x09 {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(b)
            }
        }
        while let last = out.last, last == 0x7C || last == 0x3B || last == 0x20 || last == 0x2E { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
