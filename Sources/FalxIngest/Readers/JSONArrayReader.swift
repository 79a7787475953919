/// A JSON array of report objects (`[{"id": ..., "text": ...}, ...]`): one report per element.
///
/// Each element is read as a JSON Lines record (the same keys and ``FieldNames``); an element that
/// is not an object is an `error` row. Elements are numbered from 1: the id is the element's `id`,
/// else `<file>#<n>`. An array cut short (a truncated export) gives its whole elements, then one
/// `error` row for the rest. FHIR JSON (a `resourceType`) is read by ``FHIRReader``, not here.
public enum JSONArrayReader {
    /// Whether the file is a JSON array to read here: named `.json` with `[` as its first
    /// significant byte, or, under any name, `[` followed by `{`.
    public static func looksLikeJSONArray(_ bytes: [UInt8], path: String) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() { while i < bytes.count, ASCIISpace.isSpace(bytes[i]) { i += 1 } }
        skipSpace()
        guard i < bytes.count, bytes[i] == 0x5B else { return false }
        let name = (path.hasSuffix(".gz") ? String(path.dropLast(3)) : path).lowercased()
        if name.hasSuffix(".json") { return true }
        i += 1
        skipSpace()
        return i < bytes.count && bytes[i] == 0x7B
    }

    /// The records of the array's elements, in order (collects ``forEachRecord(_:recordBase:source:options:watch:_:)``).
    public static func records(
        _ bytes: [UInt8], recordBase: String, source: String, options: ReadingOptions = ReadingOptions()
    ) -> [Record] {
        var records: [Record] = []
        forEachRecord(bytes, recordBase: recordBase, source: source, options: options) { records.append($0) }
        return records
    }

    /// Hands out the records of the array's elements one at a time, in order: the scan finds one
    /// element's bytes, the element is read as a JSON line, and only then is the next one found, so
    /// memory holds the file's bytes and one element's record, whatever the number of elements.
    ///
    /// An element that is well delimited but not valid JSON (or not an object) is its own `error`
    /// row and the elements after it are read; an element whose end cannot be found (a string or
    /// bracket never closed, a missing comma) ends the array with one `error` row for the rest.
    /// When `watch` asks to stop, no further record is handed out.
    /// - Complexity: O(n) in the size of the file; each byte is scanned once, then parsed once.
    public static func forEachRecord(
        _ bytes: [UInt8], recordBase: String, source: String, options: ReadingOptions = ReadingOptions(),
        watch: ScanWatch = .none, _ body: (Record) throws -> Void
    ) rethrows {
        var scanner = Scanner(bytes: bytes, watch: watch)
        defer { watch.scanned(scanner.i) }
        var n = 0
        func fail(_ code: RecordErrorCode, _ message: String, _ k: Int) -> Record {
            .failure(
                RecordError(
                    code: code, message: message, recordID: "\(recordBase)#\(k)", source: "\(source)#\(k)", format: .json))
        }
        guard scanner.open() else { return try body(fail(.badJSON, "the file is not a JSON array", 1)) }
        while !watch.stopRequested {
            let next = scanner.nextElement()
            if scanner.stopped { return }
            switch next {
            case .end:
                if n == 0 { return try body(fail(.empty, "the JSON array holds no elements", 1)) }
                if !scanner.atEnd() { try body(fail(.badJSON, "text after the end of the JSON array", n + 1)) }
                return
            case .element(let range):
                n += 1
                guard bytes[range.lowerBound] == 0x7B else {
                    try body(fail(.badJSON, "element \(n) is not a JSON object", n))
                    continue
                }
                try body(
                    JSONLinesReader.record(
                        line: bytes[range], lineNumber: n, recordBase: recordBase, source: source, options: options,
                        place: "element \(n)", format: .json))
            case .broken(let reason):
                n += 1
                return try body(fail(.badJSON, "element \(n) and what follows cannot be read: \(reason)", n))
            }
        }
    }

    /// Finds the byte range of each element without parsing it (strings and nesting followed).
    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var poll: ScanWatch.Poll
        /// Set when the watch asked to stop during a scan: what the scan returned means nothing.
        var stopped = false

        enum Next {
            case element(Range<Int>)
            case end
            case broken(String)
        }

        init(bytes: [UInt8], watch: ScanWatch = .none) {
            self.bytes = bytes
            poll = ScanWatch.Poll(watch, from: 0)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }

        mutating func skipSpace() { while i < bytes.count, ASCIISpace.isSpace(bytes[i]) { i += 1 } }

        mutating func open() -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x5B else { return false }
            i += 1
            return true
        }

        mutating func atEnd() -> Bool {
            skipSpace()
            return i == bytes.count
        }

        var expectComma = false

        mutating func nextElement() -> Next {
            skipSpace()
            guard i < bytes.count else { return .broken("the array is cut short (no closing ])") }
            if bytes[i] == 0x5D {
                i += 1
                return .end
            }
            if expectComma {
                guard bytes[i] == 0x2C else { return .broken("expected ',' or ']' at byte \(i)") }
                i += 1
                skipSpace()
                guard i < bytes.count else { return .broken("the array is cut short (no closing ])") }
            }
            expectComma = true
            let start = i
            var depth = 0
            var inString = false
            while i < bytes.count {
                if poll.stops(at: i) {
                    stopped = true
                    return .broken("stopped")
                }
                let b = bytes[i]
                if inString {
                    if b == 0x5C {
                        i += 2
                        continue
                    }
                    if b == 0x22 { inString = false }
                    i += 1
                    continue
                }
                switch b {
                case 0x22: inString = true
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    if depth == 0 { return .element(start..<i) }  // the array's ] after a scalar
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return .element(start..<i)
                    }
                case 0x2C where depth == 0: return .element(start..<i)
                default: break
                }
                i += 1
            }
            return .broken("the array is cut short")
        }
    }
}
