import Foundation

/// Finds the byte ranges of JSON values without building them, so that a large FHIR Bundle is read
/// one entry at a time instead of as one tree (a `JSONSerialization` tree costs some 50 times the
/// bytes of the file).
///
/// The scan checks structure only: strings are closed, brackets balance, members have a key and a
/// colon. What it hands out is parsed by `JSONSerialization`, which checks the rest. Nesting depth
/// is bounded by ``JSONNesting`` before a scan starts.
struct JSONScan {
    let bytes: [UInt8]
    /// Polled while a string or container is scanned; a scan cut short by a stop finds nothing.
    var watch = ScanWatch.none

    /// The first index at or after `i` that is not JSON whitespace.
    func skipSpace(_ i: Int) -> Int {
        var i = i
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
        return i
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// The range of the value that starts at `i` (after whitespace), or nil when it is cut short or
    /// its brackets do not balance.
    /// - Complexity: O(length of the value).
    func value(at i: Int) -> Range<Int>? {
        let start = skipSpace(i)
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case 0x22: return stringEnd(start).map { start..<$0 }
        case 0x7B, 0x5B: return containerEnd(start).map { start..<$0 }
        case 0x7D, 0x5D, 0x2C, 0x3A: return nil
        default:
            // A number or a literal: up to the next delimiter.
            var end = start
            while end < bytes.count {
                let b = bytes[end]
                if b == 0x2C || b == 0x7D || b == 0x5D || b == 0x3A || b == 0x22 || Self.isSpace(b) { break }
                end += 1
            }
            return start..<end
        }
    }

    /// The index after the string whose opening quote is at `i`.
    func stringEnd(_ i: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buf in
            var k = i + 1
            var poll = ScanWatch.Poll(watch, from: i)
            defer { watch.scanned(k - i) }
            while k < buf.count {
                if poll.stops(at: k) { return nil }
                switch buf[k] {
                case 0x5C: k += 2
                case 0x22: return k + 1
                default: k += 1
                }
            }
            return nil
        }
    }

    /// The index after the object or array that opens at `i`.
    func containerEnd(_ i: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buf in
            var depth = 0
            var k = i
            var poll = ScanWatch.Poll(watch, from: i)
            defer { watch.scanned(k - i) }
            while k < buf.count {
                if poll.stops(at: k) { return nil }
                switch buf[k] {
                case 0x22:
                    k += 1
                    while k < buf.count, buf[k] != 0x22 { k += buf[k] == 0x5C ? 2 : 1 }
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { return k + 1 }
                default: break
                }
                k += 1
            }
            return nil
        }
    }

    /// Calls `body` with the key and value range of each member of the object spanning `object`.
    ///
    /// - Returns: false when the object is not well formed (the members before the fault were seen).
    func forEachMember(of object: Range<Int>, _ body: (_ key: Range<Int>, _ value: Range<Int>) -> Void) -> Bool {
        guard object.count >= 2, bytes[object.lowerBound] == 0x7B else { return false }
        var i = skipSpace(object.lowerBound + 1)
        if i < object.upperBound, bytes[i] == 0x7D { return i + 1 == object.upperBound }
        while i < object.upperBound {
            guard bytes[i] == 0x22, let keyEnd = stringEnd(i), keyEnd < object.upperBound else { return false }
            let colon = skipSpace(keyEnd)
            guard colon < object.upperBound, bytes[colon] == 0x3A, let value = value(at: colon + 1),
                value.upperBound < object.upperBound, !value.isEmpty
            else { return false }
            body(i..<keyEnd, value)
            let next = skipSpace(value.upperBound)
            guard next < object.upperBound else { return false }
            if bytes[next] == 0x7D { return next + 1 == object.upperBound }
            guard bytes[next] == 0x2C else { return false }
            i = skipSpace(next + 1)
        }
        return false
    }

    /// Calls `body` with the range of each element of the array spanning `array`.
    ///
    /// - Returns: false when the array is not well formed (the elements before the fault were seen).
    func forEachElement(of array: Range<Int>, _ body: (Range<Int>) -> Void) -> Bool {
        guard array.count >= 2, bytes[array.lowerBound] == 0x5B else { return false }
        var i = skipSpace(array.lowerBound + 1)
        if i < array.upperBound, bytes[i] == 0x5D { return i + 1 == array.upperBound }
        while i < array.upperBound {
            guard let element = value(at: i), element.upperBound < array.upperBound, !element.isEmpty else { return false }
            body(element)
            let next = skipSpace(element.upperBound)
            guard next < array.upperBound else { return false }
            if bytes[next] == 0x5D { return next + 1 == array.upperBound }
            guard bytes[next] == 0x2C else { return false }
            i = skipSpace(next + 1)
        }
        return false
    }

    /// The value of the string token spanning `range` (quotes included), escapes decoded; nil when
    /// the range is not a valid JSON string.
    func string(_ range: Range<Int>) -> String? {
        guard range.count >= 2, bytes[range.lowerBound] == 0x22 else { return nil }
        let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        if !inner.contains(0x5C), let plain = String(validating: inner, as: UTF8.self) { return plain }
        return (try? JSONSerialization.jsonObject(with: Data(bytes[range]), options: .fragmentsAllowed)) as? String
    }

    /// Whether the string token spanning `key` is `name` (written plainly or with escapes).
    func key(_ key: Range<Int>, is name: String) -> Bool {
        let inner = bytes[(key.lowerBound + 1)..<(key.upperBound - 1)]
        if inner.elementsEqual(name.utf8) { return true }
        return inner.contains(0x5C) && string(key) == name
    }

    /// The value range of the member of the object spanning `object` whose key is `name`.
    func member(_ name: String, of object: Range<Int>) -> Range<Int>? {
        var found: Range<Int>?
        _ = forEachMember(of: object) { k, value in
            if found == nil, key(k, is: name) { found = value }
        }
        return found
    }

    /// The object spanning `range`, parsed; nil when it is not valid JSON or not an object.
    func object(_ range: Range<Int>) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes[range]), options: [])) as? [String: Any]
    }
}
