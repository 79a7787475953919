extension MentionFinder {
    /// The cues of one sentence, indexed by position: a mention weighs only the cues within reach
    /// of it, and whether a terminator or a cause word lies between two tokens is a subtraction.
    struct CueIndex {
        var cues: [Cue] = []
        /// Cue indices in order of their first token (ties in list order).
        var byPosition: [Int] = []
        /// The sentence's first token.
        var base = 0
        /// Per token offset `i` of the sentence (0...count): the cues of each kind that start
        /// before token `base + i` — terminators, terminators that end every scope (window other
        /// than 1), and cause words.
        var terminators: [Int32] = []
        var hardTerminators: [Int32] = []
        var causes: [Int32] = []
        /// The most tokens a cue of this sentence spans.
        var longestCue = 0
        /// The farthest a cue reaches from its own tokens.
        var reach = 0

        /// Indexes `cues` (already filled) for the sentence `range`.
        mutating func build(range: Range<Int>, reach: Int) {
            base = range.lowerBound
            self.reach = reach
            let count = range.count + 1
            longestCue = 0
            var tables = false
            for cue in cues {
                longestCue = max(longestCue, cue.tokens.count)
                if cue.category == .terminator || cue.category == .cause { tables = true }
            }
            // Most sentences hold no terminator and no cause word: their tables stay empty, which
            // `count` reads as none anywhere.
            Self.reset(&terminators, tables ? count : 0)
            Self.reset(&hardTerminators, tables ? count : 0)
            Self.reset(&causes, tables ? count : 0)
            if tables {
                for cue in cues {
                    let offset = cue.tokens.lowerBound - base + 1
                    guard offset > 0 && offset < count else { continue }
                    if cue.category == .terminator {
                        terminators[offset] += 1
                        if cue.window != 1 { hardTerminators[offset] += 1 }
                    } else if cue.category == .cause {
                        causes[offset] += 1
                    }
                }
                for i in 1..<count {
                    terminators[i] += terminators[i - 1]
                    hardTerminators[i] += hardTerminators[i - 1]
                    causes[i] += causes[i - 1]
                }
            }
            byPosition.removeAll(keepingCapacity: true)
            byPosition.append(contentsOf: cues.indices)
            // Cues are mostly found in order already: sort only when they are not.
            var sorted = true
            for i in cues.indices.dropFirst() where cues[i].tokens.lowerBound < cues[i - 1].tokens.lowerBound {
                sorted = false
                break
            }
            if !sorted {
                byPosition.sort { (cues[$0].tokens.lowerBound, $0) < (cues[$1].tokens.lowerBound, $1) }
            }
        }

        /// `table` as `count` zeros, keeping its storage.
        @inline(__always) static func reset(_ table: inout [Int32], _ count: Int) {
            table.removeAll(keepingCapacity: true)
            // Most sentences need no table: nothing is appended then, not even an empty run.
            if count > 0 { table.append(contentsOf: repeatElement(0, count: count)) }
        }

        /// How many entries of a prefix table start in tokens `from..<to` (clamped to the sentence;
        /// an empty table has none).
        @inline(__always) func count(_ table: [Int32], _ from: Int, _ to: Int) -> Int {
            let last = table.count - 1
            let lo = min(max(from - base, 0), last)
            let hi = min(max(to - base, 0), last)
            return hi > lo ? Int(table[hi] - table[lo]) : 0
        }

        /// The indices, in list order, of the cues that could reach tokens `from..<to`: those
        /// starting from `reach` tokens (plus a cue's length) before `from` to `reach` tokens
        /// after `to`.
        func candidates(from: Int, to: Int, into out: inout [Int]) {
            out.removeAll(keepingCapacity: true)
            let lo = from - reach - longestCue
            let hi = to + reach + 1
            // The first cue starting at `lo` or later.
            var a = 0
            var b = byPosition.count
            while a < b {
                let mid = (a + b) / 2
                if cues[byPosition[mid]].tokens.lowerBound < lo { a = mid + 1 } else { b = mid }
            }
            while a < byPosition.count, cues[byPosition[a]].tokens.lowerBound < hi {
                out.append(byPosition[a])
                a += 1
            }
            out.sort()
        }
    }
}
