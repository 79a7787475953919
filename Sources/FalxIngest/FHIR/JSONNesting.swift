/// A fast guard against deeply nested JSON, run before `JSONSerialization` so that hostile input
/// cannot exhaust the stack of a recursive parser.
enum JSONNesting {
    /// The default deepest nesting of objects and arrays accepted.
    static let defaultMaxDepth = 200

    /// The deepest nesting of `{` / `[` outside strings, stopping early once it passes `limit`.
    ///
    /// Does not validate the JSON; string escapes (`\"`) are honoured so brackets inside strings
    /// do not count. When `watch` asks to stop, the pass ends early and its answer means nothing.
    /// - Complexity: O(n), one pass over the bytes, no allocation.
    static func depth(_ bytes: [UInt8], stoppingAbove limit: Int, watch: ScanWatch = .none) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            var depth = 0
            var deepest = 0
            var inString = false
            var escaped = false
            var poll = ScanWatch.Poll(watch, from: 0)
            var k = 0
            defer { watch.scanned(k) }
            for b in buf {
                k += 1
                if poll.stops(at: k) { return 0 }
                if inString {
                    if escaped {
                        escaped = false
                    } else if b == 0x5C {
                        escaped = true
                    } else if b == 0x22 {
                        inString = false
                    }
                    continue
                }
                switch b {
                case 0x22: inString = true
                case 0x7B, 0x5B:
                    depth += 1
                    if depth > deepest {
                        deepest = depth
                        if deepest > limit { return deepest }
                    }
                case 0x7D, 0x5D: depth -= 1
                default: break
                }
            }
            return deepest
        }
    }
}
