import FalxText

/// Reads the patient's age from the text: "52-year-old", "52 y/o", "52yo", "52M", "F/67", "67/F",
/// "aged 67", "Age: 67", "18-month-old" (→ 1), "6 week old" (→ 0), "90+ year old" (→ 90).
public enum AgeReader {
    public static func age(in doc: Document) -> Int? {
        let t = doc.tokens
        let n = t.count
        func w(_ k: Int) -> String { k < n ? doc.word(k) : "" }
        func isPunct(_ k: Int, _ s: String) -> Bool { k < n && t[k].kind == .punct && w(k) == s }
        for k in 0..<n {
            // "Male 29", "F 55,", "Man, 44 years", "woman aged 70" (the sex word first).
            // Cheap byte tests first: most tokens are neither numbers nor short words.
            let first = doc.text[Int(t[k].start)]
            if t[k].kind == .word && t[k].length > 6 { continue }
            if t[k].kind == .punct { continue }
            if t[k].kind == .word, ["m", "f", "male", "female", "man", "woman", "boy", "girl"].contains(w(k)) {
                var j = k + 1
                if isPunct(j, ",") { j += 1 }
                if j < n, t[j].kind == .number, let v = Int(w(j)), v <= 120,
                    j + 1 >= n || t[j + 1].kind == .punct || ["years", "year", "yrs", "yo", "y"].contains(w(j + 1))
                        || t[j + 1].flags.contains(.lineStart)
                {
                    // Not "F 55 mm" or "male 2 children": a number that ends the phrase or names years.
                    return v
                }
            }
            // "F/67", "M/52"
            if t[k].kind == .word, t[k].length == 1, (w(k) == "f" || w(k) == "m"), isPunct(k + 1, "/"),
                k + 2 < n, t[k + 2].kind == .number, let v = Int(w(k + 2)), v <= 120
            {
                return v
            }
            // "52M", "67F", "52yo", "67yoF", "45yom"
            if t[k].kind == .word, ASCII.isDigit(first), let v = leadingNumber(w(k)) {
                let suffix = w(k).drop(while: { $0.isNumber })
                if ["m", "f", "yo", "y", "yom", "yof", "yoм", "ym", "yf", "yrs", "yr", "yof", "yowm", "yowf", "y/o"].contains(
                    String(suffix)), v <= 120
                {
                    if suffix == "m" || suffix == "f" {
                        // "52M" but not "5M" units; require 2+ digits or a following comma / space text.
                        if w(k).count < 3 { continue }
                    }
                    return v
                }
            }
            guard t[k].kind == .number, let v = Int(w(k)), v <= 120 else {
                // "aged 67", "age: 67", "age 67"
                if t[k].kind == .word, w(k) == "aged" || w(k) == "age" {
                    var j = k + 1
                    if isPunct(j, ":") { j += 1 }
                    if j < n, t[j].kind == .number, let v = Int(w(j)), v <= 120 { return v }
                }
                continue
            }
            var j = k + 1
            if isPunct(j, "+") { j += 1 }
            if isPunct(j, "-") { j += 1 }
            let unit = w(j)
            var next = j + 1
            if isPunct(next, "-") { next += 1 }
            let after = w(next)
            switch unit {
            case "year", "years", "yr", "yrs", "y":
                if after == "old" || after == "of" || unit == "y" && after == "o" { return v }
                if isPunct(j + 1, ",") || after == "male" || after == "female" || after == "man" || after == "woman" { return v }
                // "Age/Sex: 55 Y / M", "55 Y, F"
                if unit == "y" || unit == "yrs" || unit == "years" {
                    if isPunct(j + 1, "/") && (w(j + 2) == "m" || w(j + 2) == "f") { return v }
                }
            case "yo", "y/o", "yof", "yom":
                return v
            case "month", "months", "mo", "mth", "mths":
                if after == "old" || unit == "mo" && after == "" { return v / 12 }
            case "week", "weeks", "wk", "wks", "day", "days":
                if after == "old" { return 0 }
            case "m", "f":
                // "67 F," "52 M with"
                if t[j].flags.contains(.allCaps),
                    t[k].flags.contains(.lineStart) || (k > 0 && (t[k - 1].kind == .punct || w(k - 1) == "a" || w(k - 1) == "an"))
                {
                    return v
                }
            case "/":
                if w(j + 1) == "f" || w(j + 1) == "m" { return v }
            default:
                break
            }
        }
        return nil
    }

    static func leadingNumber(_ s: String) -> Int? {
        let digits = s.prefix(while: { $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3, digits.count < s.count else { return nil }
        return Int(digits)
    }
}
