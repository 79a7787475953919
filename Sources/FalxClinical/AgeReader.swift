import FalxText

/// Reads the patient's age from the text: "52-year-old", "52 y/o", "52yo", "52M", "F/67", "67/F",
/// "aged 67", "Age: 67", "Age | 67" (a table), "47 y F", "18-month-old" (→ 1), "6 week old" (→ 0), "a
/// neonate" (→ 0), "90+ year old" (→ 90).
///
/// Works on the tokens' bytes: most tokens are neither numbers nor short words and are passed over
/// after one or two byte tests.
public enum AgeReader {
    static let sexWords: [StaticString] = ["m", "f", "male", "female", "man", "woman", "boy", "girl"]
    static let yearWords: [StaticString] = ["years", "year", "yrs", "yo", "y"]
    static let glued: [StaticString] = [
        "m", "f", "yo", "y", "yom", "yof", "yoм", "ym", "yf", "yrs", "yr", "yowm", "yowf", "y/o",
        // Text extracted from PDFs glues the words: "62years", "44yearold".
        "years", "year", "yearold", "yearsold", "yrold", "yrsold",
    ]
    /// Words that introduce the patient in a clinical line ("Clinical: 59 f", "Hx 60 M").
    static let introducers: [StaticString] = [
        "clinical", "history", "hx", "indication", "details", "patient", "pt", "head", "brain",
    ]
    static let units: [StaticString] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let teens: [StaticString] = [
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tens: [StaticString] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let people: [StaticString] = ["male", "female", "man", "woman"]
    /// Words that name the patient as a newborn (age 0).
    static let newborn: [StaticString] = ["neonate", "newborn"]

    public static func age(in doc: Document) -> Int? {
        let t = doc.tokens
        let n = t.count
        func isPunct(_ k: Int, _ b: UInt8) -> Bool {
            k < n && t[k].kind == .punct && t[k].length == 1 && doc.text[Int(t[k].start)] == b
        }
        func number(_ k: Int) -> Int? { k < n && t[k].kind == .number ? doc.integer(k) : nil }
        for k in 0..<n {
            let first = doc.text[Int(t[k].start)]
            if t[k].kind == .punct { continue }
            if t[k].kind == .word {
                // Ages are short words: "52M", "67yoF", "62years", "44yearold", "seventeen".
                if t[k].length > (ASCII.isDigit(first) ? 12 : 9) { continue }
                // "Male 29", "F 55,", "Man, 44 years", "woman aged 70" (the sex word first).
                if doc.token(k, isAnyOf: sexWords) {
                    var j = k + 1
                    if isPunct(j, 0x2C) { j += 1 }
                    if let v = number(j), v <= 120,
                        j + 1 >= n || t[j + 1].kind == .punct || doc.token(j + 1, isAnyOf: yearWords)
                            || t[j + 1].flags.contains(.lineStart)
                    {
                        // Not "F 55 mm" or "male 2 children": a number that ends the phrase or names years.
                        return v
                    }
                }
                // "F/67", "M/52"
                if t[k].length == 1, doc.token(k, is: "f") || doc.token(k, is: "m"), isPunct(k + 1, 0x2F),
                    let v = number(k + 2), v <= 120
                {
                    return v
                }
                // "52M", "67F", "52yo", "67yoF", "45yom"
                if ASCII.isDigit(first) {
                    let start = Int(t[k].start)
                    let end = Int(t[k].end)
                    var d = start
                    while d < end && ASCII.isDigit(doc.text[d]) { d += 1 }
                    if d - start <= 3, d < end, let v = doc.integer(bytes: start..<d), v <= 120,
                        let suffix = glued.firstIndex(where: { matches(doc, d..<end, $0) })
                    {
                        // "52M" but not "5M" units: 2+ digits for a bare sex letter.
                        if suffix <= 1 && end - start < 3 { continue }
                        return v
                    }
                }
                // "Seventy-three year old", "forty five years old", "eighteen-year-old".
                if t[k].length >= 3, Self.canStartNumberWord(first), let v = wordNumber(doc, k), yearsOld(doc, v.next) != nil {
                    return v.value
                }
                // "Term neonate, day 3 of life", "a newborn": under a year.
                if doc.token(k, isAnyOf: newborn) { return 0 }
                // "aged 67", "age: 67", "age 67", "| Patient age | 45 |" (a table's cells)
                if doc.token(k, is: "aged") || doc.token(k, is: "age") {
                    var j = k + 1
                    if isPunct(j, 0x3A) || isPunct(j, 0x7C) { j += 1 }
                    if let v = number(j), v <= 120 { return v }
                }
                continue
            }
            guard let v = number(k), v <= 120 else { continue }
            var j = k + 1
            if isPunct(j, 0x2B) { j += 1 }  // +
            if isPunct(j, 0x2D) { j += 1 }  // -
            var next = j + 1
            if isPunct(next, 0x2D) { next += 1 }
            func after(_ w: StaticString) -> Bool { doc.token(next, is: w) }
            if doc.token(j, isAnyOf: ["year", "years", "yr", "yrs", "y"]) {
                let y = doc.token(j, is: "y")
                if after("old") || after("of") || y && after("o") { return v }
                // "58 y.o. F"
                if y && isPunct(j + 1, 0x2E) && doc.token(j + 2, is: "o") { return v }
                if isPunct(j + 1, 0x2C) || doc.token(next, isAnyOf: people) { return v }
                // "Pt: 47 y F", "52 yr F.": the sex letter right after the years.
                if doc.token(next, isAnyOf: sexWords) { return v }
                // "Age/Sex: 55 Y / M", "68 yrs / Male", "55 Y, F"
                if y || doc.token(j, is: "yrs") || doc.token(j, is: "years") {
                    if isPunct(j + 1, 0x2F) && doc.token(j + 2, isAnyOf: sexWords) { return v }
                }
            } else if doc.token(j, isAnyOf: ["yo", "y/o", "yof", "yom"]) {
                return v
            } else if doc.token(j, isAnyOf: ["month", "months", "mo", "mth", "mths"]) {
                if after("old") || doc.token(j, is: "mo") && next >= n { return v / 12 }
            } else if doc.token(j, isAnyOf: ["week", "weeks", "wk", "wks", "day", "days"]) {
                if after("old") { return 0 }
            } else if doc.token(j, is: "m") || doc.token(j, is: "f") {
                // "67 F," "52 M with"; "Clinical: 59 f", "hx 60 M" in any case after a clinical label.
                let introduced = k > 0 && doc.token(k - 1, isAnyOf: introducers)
                if t[j].flags.contains(.allCaps) || introduced,
                    t[k].flags.contains(.lineStart) || introduced
                        || (k > 0 && (t[k - 1].kind == .punct || doc.token(k - 1, is: "a") || doc.token(k - 1, is: "an")))
                {
                    return v
                }
            } else if v >= 16 && doc.token(j, isAnyOf: people) {
                // "58 male, headaches" (an adult's age before the person).
                return v
            } else if isPunct(j, 0x2F) {
                if doc.token(j + 1, is: "f") || doc.token(j + 1, is: "m") { return v }
            }
        }
        return nil
    }

    /// Whether a word starting with `byte` can be a number word (ten…nineteen, twenty…ninety).
    @inline(__always) static func canStartNumberWord(_ byte: UInt8) -> Bool {
        switch ASCII.lower(byte) {
        case 0x74, 0x65, 0x66, 0x73, 0x6E: true  // t e f s n
        default: false
        }
    }

    /// A number written in words at token `k` ("seventy-three", "forty five", "eighteen") and the
    /// token after it.
    static func wordNumber(_ doc: Document, _ k: Int) -> (value: Int, next: Int)? {
        if let t = teens.firstIndex(where: { doc.token(k, is: $0) }) { return (10 + t, k + 1) }
        guard let ten = tens.firstIndex(where: { doc.token(k, is: $0) }) else { return nil }
        var j = k + 1
        if j < doc.tokens.count, doc.tokens[j].kind == .punct, doc.text[Int(doc.tokens[j].start)] == 0x2D { j += 1 }
        if let u = units.firstIndex(where: { doc.token(j, is: $0) }) { return (20 + 10 * ten + u + 1, j + 1) }
        return (20 + 10 * ten, k + 1)
    }

    /// The token after "year(s) old" / "year-old" starting at `k`, or nil when the words are not there.
    static func yearsOld(_ doc: Document, _ k: Int) -> Int? {
        var j = k
        func hyphen() {
            if j < doc.tokens.count, doc.tokens[j].kind == .punct, doc.text[Int(doc.tokens[j].start)] == 0x2D { j += 1 }
        }
        hyphen()
        guard doc.token(j, isAnyOf: ["year", "years", "yr", "yrs"]) else { return nil }
        j += 1
        hyphen()
        return doc.token(j, is: "old") ? j + 1 : nil
    }

    /// Whether the text's bytes `range`, folded, are `word`.
    static func matches(_ doc: Document, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for (i, b) in range.enumerated() where ASCII.lower(doc.text[b]) != p[i] { return false }
        return true
    }
}
