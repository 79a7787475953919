/// The lines that separate the reports of a multi-report text file.
///
/// - A **report header**: three or more `=`, `-`, `*` or `#` then `REPORT` (any case), such as
///   `=== REPORT 2 ===` or `*** Report ***`. The line itself is not report text.
/// - A **form feed** alone on its line.
/// - A **rule**: four or more of one of `=`, `-`, `*`, `_` and nothing else. A rule that underlines
///   the line above it (a heading of about its length) and a rule followed by a section heading of
///   the same report (`IMPRESSION`, `CONCLUSION`, ...) are report text, not separators, and so is a
///   rule between two table rows (lines holding a `|`), the border of a table.
/// - **END OF REPORT** (any case, optionally between `*`, `=`, `-`, `#` or `_`): ends a report.
///
/// A report header or form feed announces a report: the blank text after it is an `error` row. A
/// rule or END OF REPORT only closes one: blank text after it (a closing rule at the end of the
/// file) is not a report.
enum TextSeparators {
    enum Kind: Equatable {
        case text, header, formFeed, rule, end
    }

    /// A part of the file and whether it was announced (a blank announced part is an error row).
    struct Part {
        var bytes: [UInt8]
        var announced: Bool
    }

    /// Splits on separator lines; a file without separators is one part (none when it is blank).
    static func split(_ text: [UInt8]) -> [Part] {
        parts(text).map { Part(bytes: Array(text[$0.range]), announced: $0.announced) }
    }

    /// Where the parts of `text` are: each is one run of report lines between separators (its
    /// final line break included), so a reader can hand out one report at a time without copying
    /// the file into parts first.
    ///
    /// The passes over the lines poll `watch`; once it asks to stop, the answer is no parts.
    static func parts(_ text: [UInt8], watch: ScanWatch = .none) -> [(range: Range<Int>, announced: Bool)] {
        var lines: [Range<Int>] = []
        var start = 0
        var poll = ScanWatch.Poll(watch, from: 0)
        for (i, b) in text.enumerated() where b == 0x0A {
            if poll.stops(at: i) { return [] }
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<text.count)
        watch.scanned(text.count)
        // Classifying a line costs far more than finding it: asked every 1,024 lines.
        poll = ScanWatch.Poll(watch, from: 0, every: 1_024)
        var kinds: [Kind] = []
        kinds.reserveCapacity(lines.count)
        for k in lines.indices {
            if poll.stops(at: k) { return [] }
            kinds.append(kind(of: k, lines, text))
        }
        watch.scanned(text.count)
        guard kinds.contains(where: { $0 != .text }) else {
            return text.contains(where: { !ASCIISpace.isSpace($0) }) ? [(0..<text.count, false)] : []
        }
        var parts: [(range: Range<Int>, announced: Bool)] = []
        var current: Range<Int>?
        var announced = false
        var sawSeparator = false
        func close() {
            let range = current ?? 0..<0
            let blank = !text[range].contains(where: { !ASCIISpace.isSpace($0) })
            // Text before the first separator counts only when it is not blank; a blank announced
            // report is kept, to become an error row.
            if !blank || (announced && sawSeparator) { parts.append((range, announced)) }
            current = nil
        }
        for (k, line) in lines.enumerated() {
            switch kinds[k] {
            case .text:
                // The line and its line break, when it has one.
                let end = line.upperBound < text.count ? line.upperBound + 1 : line.upperBound
                current = (current?.lowerBound ?? line.lowerBound)..<end
            case .header, .formFeed:
                close()
                announced = true
                sawSeparator = true
            case .rule, .end:
                close()
                announced = false
                sawSeparator = true
            }
        }
        close()
        return parts
    }

    /// The kind of line `k`, looking at its neighbours for rules.
    static func kind(of k: Int, _ lines: [Range<Int>], _ text: [UInt8]) -> Kind {
        let line = trimmed(text[lines[k]])
        guard let first = line.first else { return .text }
        if line.count == 1 && first == 0x0C { return .formFeed }
        switch first {
        case 0x3D, 0x2D, 0x2A, 0x5F, 0x23, 0x45, 0x65: break  // = - * _ # E e
        default: return .text
        }
        if isHeader(line) { return .header }
        if isEnd(line) { return .end }
        guard line.count >= 4, first != 0x23, first != 0x45, first != 0x65, line.allSatisfy({ $0 == first }) else {
            return .text
        }
        // A rule under a heading of about its length underlines it.
        if k > 0 {
            let above = trimmed(text[lines[k - 1]])
            if !above.isEmpty && abs(above.count - line.count) <= 2 { return .text }
        }
        // A rule before a section heading of the same report divides sections.
        var next = k + 1
        while next < lines.count, trimmed(text[lines[next]]).isEmpty { next += 1 }
        if next < lines.count, startsWithSectionHeading(trimmed(text[lines[next]])) { return .text }
        // A rule between two table rows ("Patient age: 68 | Sex: F" above, "Finding | Result"
        // below) is the table's border.
        var previous = k - 1
        while previous >= 0, trimmed(text[lines[previous]]).isEmpty { previous -= 1 }
        if previous >= 0, next < lines.count, text[lines[previous]].contains(0x7C), text[lines[next]].contains(0x7C) {
            return .text
        }
        return .rule
    }

    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = line
        while let b = s.first, b == 0x20 || b == 0x09 { s = s.dropFirst() }
        while let b = s.last, b == 0x20 || b == 0x09 || b == 0x0D { s = s.dropLast() }
        return s
    }

    static let marks: Set<UInt8> = [0x3D, 0x2D, 0x2A, 0x23, 0x5F]  // = - * # _

    /// `=== REPORT`, `*** Report 2 ***`, `### REPORT`: three marks, then REPORT and a word end.
    static func isHeader(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, first != 0x5F else { return false }
        var rest = line.drop { $0 == first }
        guard line.count - rest.count >= 3 else { return false }
        rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
        guard startsWith(rest, "REPORT") else { return false }
        let after = rest.dropFirst(6).first
        return after == nil || !isLetter(after ?? 0)
    }

    /// `END OF REPORT`, alone or between marks (`*** END OF REPORT ***`, `-- end of report --`).
    static func isEnd(_ line: ArraySlice<UInt8>) -> Bool {
        var s = line.drop { marks.contains($0) || $0 == 0x20 }
        while let b = s.last, marks.contains(b) || b == 0x20 || b == 0x2E { s = s.dropLast() }
        guard s.count == 13, startsWith(s, "END OF REPORT") else { return false }
        return true
    }

    static let sectionHeadings = [
        "IMPRESSION", "CONCLUSION", "FINDINGS", "COMMENT", "RECOMMENDATION", "ADDENDUM", "SUMMARY", "OPINION",
        "DISCUSSION", "TECHNIQUE", "COMPARISON", "HISTORY", "INDICATION", "RESULT", "REPORT", "NOTE",
    ]

    static func startsWithSectionHeading(_ line: ArraySlice<UInt8>) -> Bool {
        sectionHeadings.contains { word in
            guard startsWith(line, word) else { return false }
            let after = line.dropFirst(word.utf8.count).first
            return after == nil || !isLetter(after ?? 0) || after == 0x53 || after == 0x73  // a plural S
        }
    }

    /// Whether `line` starts with `word` (upper-case ASCII), in any case.
    static func startsWith(_ line: ArraySlice<UInt8>, _ word: String) -> Bool {
        var i = line.startIndex
        for w in word.utf8 {
            guard i < line.endIndex else { return false }
            let b = line[i]
            guard b == w || (w >= 0x41 && w <= 0x5A && b == w + 0x20) else { return false }
            i += 1
        }
        return true
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}
