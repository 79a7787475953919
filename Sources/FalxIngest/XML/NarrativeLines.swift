/// Collects narrative text into lines: inline text is joined with collapsed whitespace, block
/// boundaries end the current line, table cells are separated by `" | "`. Empty lines are dropped.
struct NarrativeLines: Sendable {
    private(set) var lines: [String] = []
    private var current = ""
    private var cellsInRow = 0

    /// Appends inline text; whitespace runs become one space.
    mutating func append(_ text: String) {
        let startsWithSpace = text.utf8.first.map { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ?? false
        let endsWithSpace = text.utf8.last.map { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ?? false
        let collapsed = XMLTree.collapse(text)
        if collapsed.isEmpty {
            if !text.isEmpty, !current.isEmpty, current.utf8.last != 0x20 { current += " " }
            return
        }
        if startsWithSpace, !current.isEmpty, current.utf8.last != 0x20 { current += " " }
        current += collapsed
        if endsWithSpace { current += " " }
    }

    /// Appends a literal separator such as `": "` (kept even when it ends in a space).
    mutating func appendRaw(_ text: String) {
        current += text
    }

    /// Ends the current line if it holds text.
    mutating func endLine() {
        let line = XMLTree.collapse(current)
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    /// A table row starts: its cells go on one line.
    mutating func startRow() {
        endLine()
        cellsInRow = 0
    }

    /// A table cell starts: separate it from the previous cell of the row.
    mutating func startCell() {
        if cellsInRow > 0 { current += " | " }
        cellsInRow += 1
    }

    /// Adds a whole line (ending the current one first).
    mutating func addLine(_ line: String) {
        endLine()
        let l = XMLTree.collapse(line)
        if !l.isEmpty { lines.append(l) }
    }
}
