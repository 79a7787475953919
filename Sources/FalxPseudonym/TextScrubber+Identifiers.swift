import Foundation

// Finding the row's own identifiers in free text, whatever their case, punctuation, spacing and
// character width: `AB-7731`, `ab 7731`, `ＡＢ７７３１` are all the accession `AB7731`.
extension TextScrubber {
    /// An identifier shorter than this (in letters and digits) is never searched for.
    public static let minimumKeyLength = 2

    /// Separators longer than this between two characters of an identifier end the match, so one
    /// match spans at most a few times the identifier's length.
    static let maximumGap = 3

    /// `u` with its width folded (full-width `Ａ１` → `A1`, ideographic and other spaces → space)
    /// by NFKC when that gives one scalar; otherwise `u`.
    static func fold(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        if v < 0x80 { return u }
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0) ?? u }
        if v == 0x3000 || v == 0xA0 || (0x2000...0x200A).contains(v) { return " " }
        let nfkc = String(Character(u)).precomposedStringWithCompatibilityMapping.unicodeScalars
        return nfkc.count == 1 ? (nfkc.first ?? u) : u
    }

    /// The text with every scalar width-folded, one scalar for one (so indices stay the same).
    static func folded(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains(where: { $0.value >= 0x80 }) else { return s }
        var cache: [Unicode.Scalar: Unicode.Scalar] = [:]
        return s.map { u in
            if u.value < 0x80 { return u }
            if let f = cache[u] { return f }
            let f = fold(u)
            cache[u] = f
            return f
        }
    }

    /// A folded scalar as it counts in an identifier's key: digits, and letters lower-cased; nil for
    /// everything else (punctuation, spaces, placeholders).
    static func keyScalar(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        if isDigit(u) { return u }
        if u.value < 0x80 { return isLetter(u) ? Unicode.Scalar(u.value | 0x20) : nil }
        guard !(0xE000...0xF8FF).contains(u.value), u.properties.isAlphabetic else { return nil }
        let lower = u.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? (lower.first ?? u) : u
    }

    /// The key of an identifier: its letters and digits, width-folded and lower-cased.
    static func key(_ identifier: String) -> [Unicode.Scalar] {
        identifier.unicodeScalars.compactMap { keyScalar(fold($0)) }
    }

    /// The spans of `f` (a folded text) that hold one of `needles` (keys, longest first) as a whole:
    /// its characters in order with at most ``maximumGap`` separators between two of them, not
    /// preceded or followed by a letter or digit. Spans do not overlap; a longer key wins.
    ///
    /// - Complexity: O(*n* × *k*) for *n* scalars and *k* keys (Knuth–Morris–Pratt per key).
    static func identifierSpans(_ f: [Unicode.Scalar], needles: [[Unicode.Scalar]]) -> [(span: Range<Int>, needle: Int)] {
        // The key view: letters and digits only, with where each came from; a long gap is a
        // sentinel no key holds.
        var keys: [Unicode.Scalar] = []
        var position: [Int] = []
        keys.reserveCapacity(f.count)
        position.reserveCapacity(f.count)
        var gap = 0
        for (i, u) in f.enumerated() {
            if let k = keyScalar(u) {
                if gap > maximumGap, !keys.isEmpty {
                    keys.append("\u{FFFF}")
                    position.append(i)
                }
                keys.append(k)
                position.append(i)
                gap = 0
            } else {
                gap += 1
            }
        }
        guard needles.contains(where: { $0.count >= minimumKeyLength }) else { return [] }
        // The pairs of neighbours in the view: a key with a pair the text lacks is not searched for
        // (most of a birth date's forms, in most texts).
        var pairs = Set<UInt64>()
        for j in keys.indices.dropFirst() { pairs.insert(UInt64(keys[j - 1].value) << 32 | UInt64(keys[j].value)) }
        var covered = [Bool](repeating: false, count: f.count)
        var found: [(span: Range<Int>, needle: Int)] = []
        for (n, needle) in needles.enumerated() where needle.count >= minimumKeyLength {
            let possible = needle.indices.dropFirst().allSatisfy {
                pairs.contains(UInt64(needle[$0 - 1].value) << 32 | UInt64(needle[$0].value))
            }
            guard possible else { continue }
            for j in occurrences(of: needle, in: keys) {
                let start = position[j]
                let end = position[j + needle.count - 1] + 1
                guard start == 0 || !isAlnum(f[start - 1]), end == f.count || !isAlnum(f[end]) else { continue }
                guard !covered[start..<end].contains(true) else { continue }
                for k in start..<end { covered[k] = true }
                found.append((start..<end, n))
            }
        }
        return found.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// Where `needle` starts in `hay` (Knuth–Morris–Pratt: linear, whatever the repetition).
    static func occurrences(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        var out: [Int] = []
        k = 0
        for (i, u) in hay.enumerated() {
            while k > 0 && u != needle[k] { k = failure[k - 1] }
            if u == needle[k] { k += 1 }
            if k == needle.count {
                out.append(i - needle.count + 1)
                k = failure[k - 1]
            }
        }
        return out
    }

    /// The ways a date (ISO `YYYY-MM-DD…`) is commonly written, as identifiers to search for:
    /// day, month and year in the orders D M Y, M D Y and Y M D, the day with or without its zero
    /// or ordinal suffix, the month as a number or a name, the year with four digits or two
    /// (`04/11/1952`, `4 Nov 52`, `Nov 4th 1952`, `19521104`, `1952-Nov-04`). Empty when the value
    /// is not such a date.
    public static func writtenForms(ofISODate value: String) -> [String] {
        let u = Array(value.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, u[r].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(String(decoding: u[r], as: UTF8.self))
        }
        guard let year = number(0..<4), u.count >= 10, u[4] == 0x2D, u[7] == 0x2D, let month = number(5..<7),
            let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return [] }
        let ordinal =
            switch (day % 10, day / 10) {
            case (1, let tens) where tens != 1: "st"
            case (2, let tens) where tens != 1: "nd"
            case (3, let tens) where tens != 1: "rd"
            default: "th"
            }
        let days = [String(format: "%02d", day), "\(day)", "\(day)\(ordinal)"]
        let names = fullMonths[month - 1]
        var monthForms: Set<String> = [String(format: "%02d", month), "\(month)", names, String(names.prefix(3))]
        if month == 9 { monthForms.insert("sept") }
        let years = [String(year), String(format: "%02d", year % 100)]
        var forms: Set<String> = []
        for d in Set(days) {
            for m in monthForms {
                for y in years {
                    forms.insert(d + " " + m + " " + y)
                    forms.insert(m + " " + d + " " + y)
                }
                forms.insert(String(year) + " " + m + " " + d)
            }
        }
        return forms.sorted()
    }

    static let fullMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]
}
