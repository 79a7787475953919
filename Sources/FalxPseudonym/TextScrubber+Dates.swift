// Dates: numeric (`12/03/2021`), written (`12 March 2021`) and with a month name between
// separators or none (`4-Nov-1952`, `04NOV1952`, `1952-Nov-04`, `Nov-4-1952`).
extension TextScrubber {
    static func numericDate(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        let a = digitRun(s, i)
        guard a >= 1, a <= 4 else { return nil }
        var j = i + a
        guard j < s.count, "/-.".unicodeScalars.contains(s[j]) else { return nil }
        let sep = s[j]
        j += 1
        let b = digitRun(s, j)
        guard b >= 1 else { return nil }
        let bEnd = j + b
        // `03/2021` (month/year) and `2021-03` (year-month).
        if bEnd >= s.count || s[bEnd] != sep || digitRun(s, bEnd + 1) == 0 {
            guard bEnd >= s.count || !isAlnum(s[bEnd]) else { return nil }
            if a <= 2, sep == "/", b == 4, isYear(s, j) { return bEnd }
            if a == 4, sep == "-", b == 2, isYear(s, i) { return bEnd }
            return nil
        }
        guard b <= 2 else { return nil }
        let c = digitRun(s, bEnd + 1)
        var end = bEnd + 1 + c
        guard (a == 4 && c <= 2) || (a <= 2 && (c == 2 || c == 4)) else { return nil }
        guard end >= s.count || !isAlnum(s[end]) || s[end] == "T" else { return nil }
        // An optional time: `T10:20`, ` 10:20:30`, with seconds' fraction and zone.
        if end + 5 < s.count, s[end] == "T" || s[end] == " ", digitRun(s, end + 1) == 2, s[end + 3] == ":",
            digitRun(s, end + 4) == 2
        {
            end += 6
            while end + 2 < s.count, s[end] == ":" || s[end] == ".", digitRun(s, end + 1) >= 2 { end += 1 + digitRun(s, end + 1) }
            if end < s.count, s[end] == "Z" { end += 1 }
        } else if end < s.count, s[end] == "T" {
            return nil
        }
        return end
    }

    static let months: [String] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// The end of a month name at `i`, or nil; `may` and `mar` count only when capitalised.
    static func month(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < s.count, isLetter(s[j]) { j += 1 }
        guard j > i, j - i <= 9, j >= s.count || !isAlnum(s[j]) else { return nil }
        let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
        guard months.contains(word) else { return nil }
        if (word == "may" || word == "mar"), !("A"..."Z").contains(s[i]) { return nil }
        if j < s.count, s[j] == "." { j += 1 }
        return j
    }

    /// A day `12`, `12th` at `i`: its end, or nil.
    static func day(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        let n = digitRun(s, i)
        guard n >= 1, n <= 2 else { return nil }
        var j = i + n
        for suffix in ["st", "nd", "rd", "th"] where startsWith(s, j, suffix) {
            j += 2
            break
        }
        return j >= s.count || !isAlnum(s[j]) ? j : nil
    }

    static func writtenDate(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        func spaces(_ j: Int) -> Int {
            var k = j
            while k < s.count, s[k] == " " { k += 1 }
            return k
        }
        /// A year after a day or month: `, 2021` or ` 2021`.
        func year(after j: Int) -> Int? {
            var k = j
            if k < s.count, s[k] == "," { k += 1 }
            k = spaces(k)
            guard k > j, digitRun(s, k) == 4, isYear(s, k), k + 4 >= s.count || !isAlnum(s[k + 4]) else { return nil }
            return k + 4
        }
        // 12 March 2021, 12th of March, 12 Mar.
        if let d = day(s, at: i) {
            let k = spaces(d)
            guard k > d else { return nil }
            let m: Int?
            if startsWith(s, k, "of ") { m = month(s, at: spaces(k + 3)) } else { m = month(s, at: k) }
            guard let m else { return nil }
            return year(after: m) ?? m
        }
        // March 12, 2021; March 2021; Mar 12.
        guard let m = month(s, at: i) else { return nil }
        let k = spaces(m)
        if k > m, let d = day(s, at: k) { return year(after: d) ?? d }
        return year(after: m)
    }

    /// A month name at `i` that may be followed directly by a digit (`NOV1952`): its end, or nil.
    /// `may` and `mar` count only when capitalised, as in ``month(_:at:)``.
    static func monthWord(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < s.count, j - i <= 9, isLetter(s[j]) { j += 1 }
        guard j > i, j - i <= 9, j >= s.count || !isLetter(s[j]) else { return nil }
        let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
        guard months.contains(word) else { return nil }
        if word == "may" || word == "mar", !("A"..."Z").contains(s[i]) { return nil }
        return j
    }

    /// A date whose month is a name between two equal separators (`-`, `.`, `/`, space) or none:
    /// `4-Nov-1952`, `4.Nov.52`, `04NOV1952`, `1952-Nov-04`, `1952NOV04`, `Nov-4-1952`. Its end, or nil.
    static func monthNameDate(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        func separator(_ j: Int) -> (next: Int, separator: Unicode.Scalar?) {
            guard j < s.count, s[j] == "-" || s[j] == "." || s[j] == "/" || s[j] == " " else { return (j, nil) }
            return (j + 1, s[j])
        }
        func dayEnd(_ j: Int) -> Int? {
            let n = digitRun(s, j)
            guard n >= 1, n <= 2 else { return nil }
            let value = s[j..<(j + n)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            return (1...31).contains(value) ? j + n : nil
        }
        func yearEnd(_ j: Int, twoDigits: Bool) -> Int? {
            let n = digitRun(s, j)
            if n == 4, isYear(s, j) { return j + 4 }
            return twoDigits && n == 2 ? j + 2 : nil
        }
        func bounded(_ e: Int?) -> Int? {
            guard let e else { return nil }
            return e >= s.count || !isAlnum(s[e]) ? e : nil
        }
        if let first = yearEnd(i, twoDigits: false) {
            // 1952-Nov-04, 1952NOV04.
            let (a, s1) = separator(first)
            guard let m = monthWord(s, at: a) else { return nil }
            let (b, s2) = separator(m)
            guard s1 == s2 else { return nil }
            return bounded(dayEnd(b))
        }
        if let d = dayEnd(i) {
            // 4-Nov-1952, 04NOV1952, 4.Nov.52.
            let (a, s1) = separator(d)
            guard let m = monthWord(s, at: a) else { return nil }
            let (b, s2) = separator(m)
            guard s1 == s2 else { return nil }
            return bounded(yearEnd(b, twoDigits: s1 != " "))
        }
        // Nov-4-1952.
        guard let m = monthWord(s, at: i) else { return nil }
        let (a, s1) = separator(m)
        guard s1 != nil, let d = dayEnd(a) else { return nil }
        let (b, s2) = separator(d)
        guard s1 == s2 else { return nil }
        return bounded(yearEnd(b, twoDigits: false))
    }
}
