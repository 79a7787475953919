/// Which number comes first in a numeric date written with separators (`03/04/2024`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// Month first: `03/04/2024` is 4 March (the default, as in US archives).
    case mdy
    /// Day first: `03/04/2024` is 3 April (UK, European and Australian archives).
    case dmy
}

/// Dates and times as people write them in report text, read into ISO 8601.
///
/// Understood, with an optional time after the date (`14:31`, `14:31:05`, `2:31 PM`, `T14:31`):
/// - ISO dates `2024-05-02` (also with `/` or `.`), whatever the ``DateOrder``;
/// - numeric dates `05/02/2024`, `05-02-2024`, `05.02.2024` in the given order, with a four-digit year;
/// - written months `2 May 2024`, `2nd of May, 2024`, `02-MAY-2024`, `May 2, 2024`, `May 2nd 2024`;
/// - compact HL7-style digits `20240502`, `202405021431`.
///
/// Anything else — a two-digit year, an impossible day (`02/30/2024`), a month over 12 in the
/// chosen order, words after the time — is not read (nil): the caller warns instead of guessing.
public enum DateText {
    /// The ISO 8601 form (`2024-05-02` or `2024-05-02T14:31[:05]`) of `value`, or nil.
    public static func iso(_ value: String, order: DateOrder) -> String? {
        // Every form read holds a digit (a day, a year or compact digits): a value without one,
        // such as most procedure names, is no date, and is not split into parts.
        guard value.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let parts = tokens(value)
        if parts.count == 1, case .number(let d) = parts[0], [8, 10, 12, 14].contains(d.count) {
            return HL7DateTime.iso(d)
        }
        guard let (date, used) = date(parts, order: order) else { return nil }
        let rest = Array(parts[used...])
        if rest.isEmpty { return date }
        guard let time = time(rest) else { return nil }
        return date + "T" + time
    }

    /// Whether `value` is already an ISO 8601 date or date-time: `YYYY-MM-DD`, optionally then
    /// `Thh:mm`, `:ss`, a fraction of a second, and `Z` or an offset (`+01:00`, `-0500`).
    public static func isISO(_ value: String) -> Bool {
        // Runs for two columns of every row: on the string's own UTF-8, without a copy.
        var value = value
        return value.withUTF8(isISO)
    }

    static func isISO(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ at: Int, _ n: Int) -> Bool {
            guard at + n <= b.count else { return false }
            for k in at..<(at + n) where b[k] < 0x30 || b[k] > 0x39 { return false }
            return true
        }
        guard b.count >= 10, digits(0, 4), b[4] == 0x2D, digits(5, 2), b[7] == 0x2D, digits(8, 2) else { return false }
        var i = 10
        if i == b.count { return true }
        guard b[i] == 0x54, digits(i + 1, 2), i + 3 < b.count, b[i + 3] == 0x3A, digits(i + 4, 2) else { return false }
        i += 6
        if i < b.count, b[i] == 0x3A, digits(i + 1, 2) {
            i += 3
            if i < b.count, b[i] == 0x2E {
                i += 1
                let start = i
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == b.count { return true }
        if b[i] == 0x5A { return i + 1 == b.count }
        guard b[i] == 0x2B || b[i] == 0x2D, digits(i + 1, 2) else { return false }
        i += 3
        if i < b.count, b[i] == 0x3A { i += 1 }
        return digits(i, 2) && i + 2 == b.count
    }

    /// The date part only of ``iso(_:order:)``.
    public static func isoDate(_ value: String, order: DateOrder) -> String? {
        iso(value, order: order).map { String($0.prefix(10)) }
    }

    enum Part: Equatable {
        case number(String)
        case word(String)
        case separator(Character)
    }

    /// Digit runs, letter runs (ASCII lower-cased; other scripts count as letters) and the separators
    /// `/ - . :`; anything else only separates. On bytes: this runs for every date of every header.
    static func tokens<S: StringProtocol>(_ value: S) -> [Part] {
        var out: [Part] = []
        var current: [UInt8] = []
        var isDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            let s = String(decoding: current, as: UTF8.self)
            out.append(isDigits ? .number(s) : .word(s))
            current.removeAll(keepingCapacity: true)
        }
        for b in value.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if !isDigits { flush() }
                isDigits = true
                current.append(b)
            } else if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 {
                if isDigits { flush() }
                isDigits = false
                current.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            } else {
                flush()
                if b == 0x2F || b == 0x2D || b == 0x2E || b == 0x3A { out.append(.separator(Character(UnicodeScalar(b)))) }
            }
        }
        flush()
        return out
    }

    static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december",
        ]
        var m: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            m[name] = i + 1
            m[String(name.prefix(3))] = i + 1
        }
        m["sept"] = 9
        return m
    }()

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), d >= 1, (1000...2999).contains(y) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= lengths[m - 1]
    }

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard valid(y, m, d) else { return nil }
        return "\(y)-" + pad(m) + "-" + pad(d)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A day number, allowing an ordinal suffix (`2nd`) as the next part.
    static func day(_ parts: [Part], _ k: Int) -> (Int, Int)? {
        guard k < parts.count, case .number(let s) = parts[k], s.count <= 2, let d = Int(s) else { return nil }
        if k + 1 < parts.count, case .word(let w) = parts[k + 1], ["st", "nd", "rd", "th"].contains(w) { return (d, k + 2) }
        return (d, k + 1)
    }

    static func year(_ parts: [Part], _ k: Int) -> Int? {
        guard k < parts.count, case .number(let s) = parts[k], s.count == 4 else { return nil }
        return Int(s)
    }

    static func month(_ parts: [Part], _ k: Int) -> Int? {
        guard k < parts.count, case .word(let w) = parts[k] else { return nil }
        return months[w]
    }

    /// The date at the start of `parts` and how many parts it used.
    static func date(_ parts: [Part], order: DateOrder) -> (String, Int)? {
        func skipping(_ k: Int, _ separators: Set<Character> = ["-", ".", "/"], words: Set<String> = []) -> Int {
            var j = k
            while j < parts.count {
                if case .separator(let c) = parts[j], separators.contains(c) {
                    j += 1
                } else if case .word(let w) = parts[j], words.contains(w) {
                    j += 1
                } else {
                    break
                }
            }
            return j
        }
        func numberAt(_ k: Int) -> String? {
            guard k < parts.count, case .number(let s) = parts[k] else { return nil }
            return s
        }
        // ISO: YYYY-MM-DD (any separator).
        if let y = year(parts, 0), parts.count >= 5, case .separator(let s1) = parts[1], case .separator(let s2) = parts[3],
            s1 == s2, s1 != ":", let ms = numberAt(2), let ds = numberAt(4), ms.count <= 2, ds.count <= 2,
            let m = Int(ms), let d = Int(ds)
        {
            return format(y, m, d).map { ($0, 5) }
        }
        // Numeric: A/B/YYYY in the chosen order.
        if parts.count >= 5, let a = numberAt(0), let b = numberAt(2), a.count <= 2, b.count <= 2,
            case .separator(let s1) = parts[1], case .separator(let s2) = parts[3], s1 == s2, s1 != ":",
            let y = year(parts, 4), let x = Int(a), let z = Int(b)
        {
            let (m, d) = order == .mdy ? (x, z) : (z, x)
            return format(y, m, d).map { ($0, 5) }
        }
        // Day first: 2 May 2024, 2nd of May, 2024, 02-MAY-2024.
        if let (d, k) = day(parts, 0) {
            let mk = skipping(k, words: ["of"])
            guard let m = month(parts, mk) else { return nil }
            let yk = skipping(mk + 1)
            guard let y = year(parts, yk) else { return nil }
            return format(y, m, d).map { ($0, yk + 1) }
        }
        // Month first: May 2, 2024; May 2nd 2024.
        if let m = month(parts, 0), let (d, k) = day(parts, skipping(1)) {
            guard let y = year(parts, k) else { return nil }
            return format(y, m, d).map { ($0, k + 1) }
        }
        return nil
    }

    /// `HH:MM[:SS] [am|pm]`, after an optional `T` or `at`; nil when anything else follows.
    static func time(_ parts: [Part]) -> String? {
        var p = parts
        if case .word(let w) = p.first, w == "t" || w == "at" { p.removeFirst() }
        guard p.count >= 3, case .number(let hs) = p[0], case .separator(":") = p[1], case .number(let ms) = p[2],
            hs.count <= 2, ms.count == 2, var h = Int(hs), let m = Int(ms), m < 60
        else { return nil }
        var k = 3
        var seconds: Int?
        if p.count >= 5, case .separator(":") = p[3], case .number(let ss) = p[4], ss.count == 2, let s = Int(ss), s <= 60 {
            seconds = s
            k = 5
        }
        if k < p.count, case .word(let w) = p[k], w == "am" || w == "pm" {
            guard (1...12).contains(h) else { return nil }
            h = w == "pm" ? (h % 12) + 12 : h % 12
            k += 1
        }
        guard k == p.count, h < 24 else { return nil }
        return pad(h) + ":" + pad(m) + (seconds.map { ":" + pad($0) } ?? "")
    }
}
