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

    /// Scrubs `text`; `replacing` pairs an identifier of the row with what replaces it. An identifier
    /// is found whatever its case, punctuation, spacing and character width (`AB7731` finds `ab-7731`,
    /// `AB 7731`, `ＡＢ７７３１`), as a whole word or words, when it has ``minimumKeyLength`` letters
    /// and digits or more; a longer identifier is replaced first.
    ///
    /// - Complexity: O(*n* × *k*) for a text of *n* scalars and *k* identifiers.
    public static func scrub(_ text: String, replacing identifiers: [(String, String)] = []) -> String {
        var s = Array(text.unicodeScalars)
        // Found things become private-use placeholders, so later rules never read into a tag.
        for i in s.indices where (0xE000...0xF8FF).contains(s[i].value) { s[i] = "\u{FFFD}" }
        // Patterns read the width-folded text; what is kept is copied from the original.
        let f = folded(s)
        let needles = identifiers.map { key($0.0) }.enumerated().sorted {
            $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset
        }
        let spans = identifierSpans(f, needles: needles.map(\.element))
        // Fast path, most sentences: no identifier of the row, and nothing any pattern starts with
        // (every pattern but titled names needs a digit or an '@').
        guard !spans.isEmpty || mayMatchPattern(f) else { return text }
        var placed: [String] = []
        func placeholder(_ replacement: String) -> Unicode.Scalar {
            if let k = placed.firstIndex(of: replacement) { return scalar(k) }
            placed.append(replacement)
            return scalar(placed.count - 1)
        }
        var kept: [Unicode.Scalar] = []
        var seen: [Unicode.Scalar] = []
        kept.reserveCapacity(s.count)
        seen.reserveCapacity(s.count)
        var next = 0
        for (span, n) in spans {
            kept += s[next..<span.lowerBound]
            seen += f[next..<span.lowerBound]
            let p = placeholder(identifiers[needles[n].offset].1)
            kept.append(p)
            seen.append(p)
            next = span.upperBound
        }
        kept += s[next...]
        seen += f[next...]
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(kept.count)
        let runs = Runs(seen)
        var i = 0
        while i < seen.count {
            if i == 0 || !isAlnum(seen[i - 1]), let hit = match(seen, at: i, runs: runs) {
                out += kept[i..<hit.keep]
                out.append(placeholder(hit.tag.rawValue))
                i = hit.end
            } else {
                out.append(kept[i])
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

    /// What the rules precompute for a text, so that no rule rescans a long run at every word
    /// start (`1-1-1-…` is a word start at every digit): where the characters an e-mail's local part
    /// may hold end, where a word joined by `-` or `_` ends, the longest digit run from a position to
    /// that end, and the end of the domain after each '@'.
    final class Runs {
        let localEnd: [Int]
        let wordEnd: [Int]
        let longestDigits: [Int]
        var domainEnd: [Int: Int] = [:]

        init(_ s: [Unicode.Scalar]) {
            let n = s.count
            var local = [Int](repeating: n, count: n + 1)
            var word = [Int](repeating: n, count: n + 1)
            var longest = [Int](repeating: 0, count: n + 1)
            var digitRun = 0
            for i in stride(from: n - 1, through: 0, by: -1) {
                let u = s[i]
                local[i] = isAlnum(u) || "._%+-".unicodeScalars.contains(u) ? local[i + 1] : i
                let joins = isAlnum(u) || ((u == "-" || u == "_") && i + 1 < n && isAlnum(s[i + 1]))
                word[i] = joins ? word[i + 1] : i
                digitRun = isDigit(u) ? digitRun + 1 : 0
                longest[i] = joins && i + 1 < word[i] ? max(digitRun, longest[i + 1]) : (joins ? digitRun : 0)
            }
            localEnd = local
            wordEnd = word
            longestDigits = longest
        }
    }

    static func match(_ s: [Unicode.Scalar], at i: Int, runs: Runs) -> Hit? {
        if let e = email(s, at: i, runs: runs) { return Hit(keep: i, end: e, tag: .email) }
        if let e = numericDate(s, at: i) { return Hit(keep: i, end: e, tag: .date) }
        if let e = writtenDate(s, at: i) { return Hit(keep: i, end: e, tag: .date) }
        if let e = monthNameDate(s, at: i) { return Hit(keep: i, end: e, tag: .date) }
        if let e = phone(s, at: i) { return Hit(keep: i, end: e, tag: .phone) }
        if let (start, e) = keywordID(s, at: i) { return Hit(keep: start, end: e, tag: .id) }
        if let e = idWord(s, at: i, runs: runs) { return Hit(keep: i, end: e, tag: .id) }
        if let (start, e) = titledName(s, at: i) { return Hit(keep: start, end: e, tag: .name) }
        return nil
    }

    static func email(_ s: [Unicode.Scalar], at i: Int, runs: Runs) -> Int? {
        let j = runs.localEnd[i]
        guard j > i, j < s.count, s[j] == "@" else { return nil }
        if let known = runs.domainEnd[j] { return known < 0 ? nil : known }
        let end = domain(s, at: j)
        runs.domainEnd[j] = end ?? -1
        return end
    }

    /// The end of an e-mail's domain after the '@' at `j`, or nil.
    static func domain(_ s: [Unicode.Scalar], at j: Int) -> Int? {
        var k = j + 1
        var dots = 0
        while k < s.count, isAlnum(s[k]) || s[k] == "-" || (s[k] == "." && k + 1 < s.count && isAlnum(s[k + 1])) {
            if s[k] == "." { dots += 1 }
            k += 1
        }
        return dots > 0 && k > j + 1 ? k : nil
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
            // Already too long to be a phone number: stop here, not at the end of the run.
            if digits > 15 || longest > 5 { return nil }
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
        // Separators: spaces, ':', '#', '.', "no", "number", "id" (a few: "id id id …" is no value).
        var k = j
        var steps = 0
        while k < s.count, steps < 12 {
            steps += 1
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
        guard e - k >= 1 else { return nil }
        // Digit groups written with spaces belong to the value: `943 476 5919`, `AB 7731`.
        while e + 1 < s.count, s[e] == " ", isDigit(s[e + 1]) {
            hasDigit = true
            e += 1
            while e < s.count, isAlnum(s[e]) { e += 1 }
        }
        return hasDigit ? (k, e) : nil
    }

    /// A word (letters and digits, joined by `-` or `_`) with 6 digits in a row, or a short
    /// capital-letter prefix and 5 or more digits: its end, or nil.
    static func idWord(_ s: [Unicode.Scalar], at i: Int, runs: Runs) -> Int? {
        let e = runs.wordEnd[i]
        if runs.longestDigits[i] >= 6 { return e }
        // Capital-letter prefix (1-4), an optional '-', then 5 or more digits and nothing else.
        var k = i
        while k < e, ("A"..."Z").contains(s[k]) { k += 1 }
        guard k > i, k - i <= 4 else { return nil }
        if k < e, s[k] == "-" { k += 1 }
        let n = digitRun(s, k)
        return n >= 5 && k + n == e ? e : nil
    }

    static let titles: Set<String> = ["Dr", "Doctor", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Mx"]
    static let lowerCaseTitles = Set(titles.map { $0.lowercased() })
    /// Titles after which one lower-case word is a name (`mrs smith`, `dr patel`); not `mr`, `ms`,
    /// `miss` or `doctor`, which are also abbreviations or common words in reports.
    static let nameBeforeLowerCaseTitles: Set<String> = ["mrs", "dr", "prof", "professor", "mx"]

    /// A title at `i` followed by names: where the names start and end. The title is written
    /// `Mrs`, `mrs` or `MRS` (`MR` and `MS` in capitals are the modality and multiple sclerosis);
    /// up to four capitalised names or initials follow, or after some titles one lower-case word.
    static func titledName(_ s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        var j = i
        while j < s.count, j - i <= 9, isLetter(s[j]) { j += 1 }
        guard j > i, j - i <= 9 else { return nil }
        let word = String(String.UnicodeScalarView(s[i..<j]))
        let lower = word.lowercased()
        let upperCaseAllowed = word == word.uppercased() && lower != "mr" && lower != "ms"
        guard titles.contains(word) || (lowerCaseTitles.contains(lower) && (word == lower || upperCaseAllowed)) else {
            return nil
        }
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
        if end > nameStart { return (nameStart, end) }
        guard nameBeforeLowerCaseTitles.contains(lower), !titles.contains(word) else { return nil }
        var w = nameStart
        while w < s.count, isLetter(s[w]), s[w].properties.isLowercase { w += 1 }
        return w - nameStart >= 2 && (w >= s.count || !isAlnum(s[w])) ? (nameStart, w) : nil
    }

    // MARK: - Scalars

    static func scalar(_ k: Int) -> Unicode.Scalar { Unicode.Scalar(UInt32(0xE000 + k)) ?? "\u{FFFD}" }
    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }
    static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return (u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A }
        return u.properties.isAlphabetic
    }

    /// Whether any pattern could start in `s` (width-folded): a digit, an '@', or the first two
    /// letters of a title in any case.
    static func mayMatchPattern(_ s: [Unicode.Scalar]) -> Bool {
        for i in s.indices {
            let c = s[i].value
            if (c >= 0x30 && c <= 0x39) || c == 0x40 { return true }
            guard i + 1 < s.count, c < 0x80, s[i + 1].value < 0x80 else { continue }
            let a = c | 0x20
            let b = s[i + 1].value | 0x20
            // Dr, Do(ctor), Mr, Ms, Mi(ss), Mx, Pr(of).
            if (a == 0x64 && (b == 0x72 || b == 0x6F)) || (a == 0x6D && (b == 0x72 || b == 0x73 || b == 0x69 || b == 0x78))
                || (a == 0x70 && b == 0x72)
            {
                return true
            }
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
}
