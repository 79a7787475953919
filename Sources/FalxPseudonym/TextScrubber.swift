/// Removes the identifiers a report sentence commonly carries, replacing each with a tag.
///
/// In this order, at the start of each word:
/// 1. the row's own identifiers (patient id, accession, record id, source path, file name; 3 characters
///    or more), anywhere in the text → their pseudonym;
/// 2. e-mail addresses → `[EMAIL]`;
/// 3. numeric dates `12/03/2021`, `12.03.21`, `2021-03-12`, `2021-03-12T10:20:00Z`, `03/2021`, `2021-03`
///    → `[DATE]`;
/// 4. written dates `12 March 2021`, `12th of Mar. 2021`, `March 12, 2021`, `March 2021`, `Mar 12` (a month
///    name next to a day or a year; a lone year stays) → `[DATE]`;
/// 5. phone numbers: 7–15 digits in 2 or more groups joined by `-`, `.`, spaces or `( )`, with a `-`,
///    `(`, `+` or 3 or more groups (`(555) 123-4567`, `+44 20 7946 0958`) → `[PHONE]`;
/// 6. the value after `MRN`, `MR#`, `ID`, `NHS`, `acc`, `accession` (`MRN: 1234`, `accession # A12`,
///    `NHS no. 943 476 5919`) when it holds a digit → `[ID]`;
/// 7. any word with 6 or more digits, or 1–4 capital letters then 5 or more digits (`MRN12345678`,
///    `A1234567`, `ACC-55512`) → `[ID]`;
/// 8. capitalised names and initials (up to four) after a title `Dr`, `Doctor`, `Prof`, `Professor`,
///    `Mr`, `Mrs`, `Ms`, `Miss`, `Mx` (with or without a period) → the title is kept, the names become `[NAME]`.
///
/// It does **not** find names without a title, addresses, ages, rare identifiers in other shapes, or
/// anything in a language other than English; those stay.
///
/// - Complexity: O(*n* × *k*) for a text of *n* characters and *k* identifiers; no regular expressions.
public enum TextScrubber {
    /// Identifiers shorter than this are not searched for in free text (a patient id `7` would erase
    /// every 7).
    public static let minimumIdentifierLength = 3

    /// The tags that replace what is found.
    public enum Tag: String, Sendable, CaseIterable {
        case name = "[NAME]"
        case date = "[DATE]"
        case id = "[ID]"
        case phone = "[PHONE]"
        case email = "[EMAIL]"
    }

    /// Scrubs `text`; `replacing` pairs an identifier of the row with what replaces it.
    public static func scrub(_ text: String, replacing identifiers: [(String, String)] = []) -> String {
        // Fast path, most sentences: no identifier of the row, and nothing any pattern starts with (every
        // pattern but titled names needs a digit or an '@').
        let bytes = Array(text.utf8)
        let holdsIdentifier = identifiers.contains {
            $0.0.utf8.count >= minimumIdentifierLength && contains(bytes, Array($0.0.utf8))
        }
        guard holdsIdentifier || mayMatchPattern(bytes) else { return text }
        var s = Array(text.unicodeScalars)
        // Found things become private-use placeholders first, so later rules never read into a tag.
        var placed: [String] = []
        for i in s.indices where (0xE000...0xF8FF).contains(s[i].value) { s[i] = "\u{FFFD}" }
        func placeholder(_ replacement: String) -> Unicode.Scalar {
            if let k = placed.firstIndex(of: replacement) { return scalar(k) }
            placed.append(replacement)
            return scalar(placed.count - 1)
        }
        for (identifier, replacement) in identifiers {
            let needle = Array(identifier.unicodeScalars)
            guard needle.count >= minimumIdentifierLength else { continue }
            s = replaceAll(needle, in: s, with: placeholder(replacement))
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i == 0 || !isAlnum(s[i - 1]), let hit = match(s, at: i) {
                out += s[i..<hit.keep]
                out.append(placeholder(hit.tag.rawValue))
                i = hit.end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(out.count)
        for u in out {
            let k = Int(u.value) - 0xE000
            if k >= 0 && k < placed.count {
                result += placed[k]
            } else {
                result.unicodeScalars.append(u)
            }
        }
        return result
    }

    // MARK: - Rules

    /// What a rule found at a word start: `keep` is where the replaced part starts (after a kept title
    /// or keyword), `end` where it ends.
    struct Hit: Equatable {
        var keep: Int
        var end: Int
        var tag: Tag
    }

    static func match(_ s: [Unicode.Scalar], at i: Int) -> Hit? {
        if let e = email(s, at: i) { return Hit(keep: i, end: e, tag: .email) }
        if let e = numericDate(s, at: i) { return Hit(keep: i, end: e, tag: .date) }
        if let e = writtenDate(s, at: i) { return Hit(keep: i, end: e, tag: .date) }
        if let e = phone(s, at: i) { return Hit(keep: i, end: e, tag: .phone) }
        if let (start, e) = keywordID(s, at: i) { return Hit(keep: start, end: e, tag: .id) }
        if let e = idWord(s, at: i) { return Hit(keep: i, end: e, tag: .id) }
        if let (start, e) = titledName(s, at: i) { return Hit(keep: start, end: e, tag: .name) }
        return nil
    }

    static func email(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        while j < s.count, isAlnum(s[j]) || "._%+-".unicodeScalars.contains(s[j]) { j += 1 }
        guard j > i, j < s.count, s[j] == "@" else { return nil }
        var k = j + 1
        var dots = 0
        while k < s.count, isAlnum(s[k]) || s[k] == "-" || (s[k] == "." && k + 1 < s.count && isAlnum(s[k + 1])) {
            if s[k] == "." { dots += 1 }
            k += 1
        }
        return dots > 0 && k > j + 1 ? k : nil
    }

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

    static func phone(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        var groups = 0
        var digits = 0
        var strongSeparator = false
        var longest = 0
        if j < s.count, s[j] == "+" {
            strongSeparator = true
            j += 1
        }
        var lastGroupEnd = j
        while j < s.count {
            var k = j
            var paren = false
            if s[k] == "(" {
                paren = true
                k += 1
            }
            let n = digitRun(s, k)
            guard n >= 1 else { break }
            k += n
            if paren {
                guard k < s.count, s[k] == ")" else { break }
                k += 1
                strongSeparator = true
            }
            groups += 1
            digits += n
            longest = max(longest, n)
            lastGroupEnd = k
            guard k < s.count else { break }
            if s[k] == "-" || s[k] == "." || s[k] == " " {
                if s[k] == "-" { strongSeparator = true }
                if s[k] == " ", k + 1 < s.count, s[k + 1] == "-" || s[k + 1] == " " { break }
                j = k + 1
            } else if paren, s[k] != " " {
                j = k
            } else {
                break
            }
        }
        guard groups >= 2, (7...15).contains(digits), longest <= 5, strongSeparator || groups >= 3 else { return nil }
        guard lastGroupEnd >= s.count || !isAlnum(s[lastGroupEnd]) else { return nil }
        return lastGroupEnd
    }

    static let idKeywords: Set<String> = ["mrn", "id", "nhs", "acc", "accession"]

    /// After an identifier keyword at `i`: the start and end of its value, when the value holds a digit.
    static func keywordID(_ s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        var j = i
        while j < s.count, isLetter(s[j]) { j += 1 }
        guard j > i else { return nil }
        let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
        // `MR#` but not `MR` alone, which names the modality.
        guard idKeywords.contains(word) || (word == "mr" && j < s.count && s[j] == "#") else { return nil }
        // Separators: spaces, ':', '#', '.', "no", "number", "id".
        var k = j
        while k < s.count {
            if s[k] == " " || s[k] == ":" || s[k] == "#" || s[k] == "." {
                k += 1
            } else if startsWith(s, k, "no") || startsWith(s, k, "No") || startsWith(s, k, "ID") || startsWith(s, k, "id") {
                let w = k + 2
                guard w < s.count, s[w] == " " || s[w] == ":" || s[w] == "#" || s[w] == "." else { break }
                k = w
            } else if startsWith(s, k, "number") {
                k += 6
            } else {
                break
            }
        }
        guard k > j else { return nil }
        var e = k
        var hasDigit = false
        while e < s.count, isAlnum(s[e]) || (s[e] == "-" && e + 1 < s.count && isAlnum(s[e + 1])) {
            if isDigit(s[e]) { hasDigit = true }
            e += 1
        }
        guard hasDigit, e - k >= 1 else { return nil }
        // Digit groups written with spaces belong to the value: `943 476 5919`.
        while e + 1 < s.count, s[e] == " ", isDigit(s[e + 1]) {
            e += 1
            while e < s.count, isAlnum(s[e]) { e += 1 }
        }
        return (k, e)
    }

    static func idWord(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var e = i
        var digits = 0
        var longestRun = 0
        var run = 0
        while e < s.count, isAlnum(s[e]) || ((s[e] == "-" || s[e] == "_") && e + 1 < s.count && isAlnum(s[e + 1])) {
            if isDigit(s[e]) {
                digits += 1
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
            e += 1
        }
        if longestRun >= 6 { return e }
        // Capital-letter prefix (1-4), an optional '-', then 5 or more digits and nothing else.
        var k = i
        while k < e, ("A"..."Z").contains(s[k]) { k += 1 }
        guard k > i, k - i <= 4 else { return nil }
        if k < e, s[k] == "-" { k += 1 }
        let n = digitRun(s, k)
        return n >= 5 && k + n == e ? e : nil
    }

    static let titles: Set<String> = ["Dr", "Doctor", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Mx"]

    /// A title at `i` followed by capitalised names: where the names start and end.
    static func titledName(_ s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        var j = i
        while j < s.count, isLetter(s[j]) { j += 1 }
        guard j > i, titles.contains(String(String.UnicodeScalarView(s[i..<j]))) else { return nil }
        if j < s.count, s[j] == "." { j += 1 }
        guard j < s.count, s[j] == " " else { return nil }
        let nameStart = j + 1
        var end = -1
        var k = nameStart
        var words = 0
        while words < 4, k < s.count, s[k].properties.isUppercase {
            var w = k + 1
            while w < s.count,
                isLetter(s[w]) || ((s[w] == "'" || s[w] == "-" || s[w] == "’") && w + 1 < s.count && isLetter(s[w + 1]))
            {
                w += 1
            }
            // An initial keeps its period: "J. Smith".
            if w == k + 1, w < s.count, s[w] == "." { w += 1 }
            end = w
            words += 1
            guard w + 1 < s.count, s[w] == " " else { break }
            k = w + 1
        }
        return end > nameStart ? (nameStart, end) : nil
    }

    // MARK: - Scalars

    static func scalar(_ k: Int) -> Unicode.Scalar { Unicode.Scalar(UInt32(0xE000 + k)) ?? "\u{FFFD}" }
    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }
    static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return (u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A }
        return u.properties.isAlphabetic
    }

    /// Whether any pattern could start in `b`: a digit, an '@', or the first two letters of a title.
    static func mayMatchPattern(_ b: [UInt8]) -> Bool {
        for i in b.indices {
            let c = b[i]
            if (c >= 0x30 && c <= 0x39) || c == 0x40 { return true }
            guard i + 1 < b.count else { continue }
            let d = b[i + 1]
            // Dr, Do(ctor), Mr, Ms, Mi(ss), Mx, Pr(of).
            if (c == 0x44 && (d == 0x72 || d == 0x6F)) || (c == 0x4D && (d == 0x72 || d == 0x73 || d == 0x69 || d == 0x78))
                || (c == 0x50 && d == 0x72)
            {
                return true
            }
        }
        return false
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= hay.count else { return false }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
    static func isAlnum(_ u: Unicode.Scalar) -> Bool { isDigit(u) || (u.value >= 0xE000 && u.value <= 0xF8FF) || isLetter(u) }

    static func digitRun(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, isDigit(s[j]) { j += 1 }
        return j - i
    }

    static func isYear(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 1 < s.count && ((s[i] == "1" && s[i + 1] == "9") || (s[i] == "2" && s[i + 1] == "0"))
    }

    static func startsWith(_ s: [Unicode.Scalar], _ i: Int, _ word: String) -> Bool {
        var k = i
        for u in word.unicodeScalars {
            guard k < s.count, s[k] == u else { return false }
            k += 1
        }
        return true
    }

    static func replaceAll(
        _ needle: [Unicode.Scalar], in s: [Unicode.Scalar], with replacement: Unicode.Scalar
    ) -> [Unicode.Scalar] {
        guard needle.count <= s.count else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + needle.count <= s.count, s[i] == needle[0], Array(s[i..<(i + needle.count)]) == needle {
                out.append(replacement)
                i += needle.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}
