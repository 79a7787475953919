extension TextHeaderReader {
    /// Reads one `label: value` pair into the header; the first value of a field wins.
    static func read(
        _ field: HeaderField, _ value: String, label: String, into h: inout TextHeader, signedDate: inout String,
        examDate: inout String, _ options: TextHeaderOptions
    ) {
        guard !value.isEmpty else { return }
        func warn(_ what: String, _ shown: String? = nil) { h.warnings.append("header '\(label)': \(what) '\(shown ?? value)'") }
        switch field {
        case .accession:
            identify(value, .id, &h)
            if h.metadata.accession.isEmpty { h.metadata.accession = value }
        case .patientID:
            identify(value, .id, &h)
            if h.metadata.patientID.isEmpty { h.metadata.patientID = value }
        case .patientName, .referrer:
            identifyName(value, &h)
        case .birthDate:
            identify(value, .date, &h)
            guard h.metadata.birthDate.isEmpty else { return }
            if let d = DateText.isoDate(value, order: options.dateOrder) {
                h.metadata.birthDate = d
                identify(d, .date, &h)
            } else {
                warn(dateProblem(value, options.dateOrder))
            }
        case .age where label.contains("/"), .sex where label.contains("/"):
            if !readAgeAndSex(value, into: &h) { warn("unreadable age and sex") }
        case .age:
            guard h.metadata.age == nil else { return }
            if let years = age(value) { h.metadata.age = years } else { warn("unreadable age") }
        case .sex:
            guard h.metadata.sex.isEmpty else { return }
            if let s = sex(value) { h.metadata.sex = s } else { warn("unknown sex") }
        case .procedure:
            // "CT HEAD WITHOUT CONTRAST, 03/04/2023": the exam and its date.
            var exam = value
            if let comma = value.lastIndex(of: ","),
                let d = DateText.iso(value[value.index(after: comma)...].trimmingCharacters(in: " "), order: options.dateOrder)
            {
                exam = value[..<comma].trimmingCharacters(in: " ")
                identify(value[value.index(after: comma)...].trimmingCharacters(in: " "), .date, &h)
                if examDate.isEmpty { examDate = d }
            }
            if h.metadata.procedure.isEmpty { h.metadata.procedure = exam }
        case .facility:
            if h.metadata.facility.isEmpty { h.metadata.facility = value }
        case .studyDate:
            identify(value, .date, &h)
            guard h.metadata.studyDateTime.isEmpty else { return }
            if let d = DateText.iso(value, order: options.dateOrder) {
                h.metadata.studyDateTime = d
            } else {
                warn(dateProblem(value, options.dateOrder))
            }
        case .signedDate:
            identify(value, .date, &h)
            if let d = DateText.iso(value, order: options.dateOrder) {
                if signedDate.isEmpty { signedDate = d }
            } else if isTitledName(value) {
                // "Electronically signed: Dr. M. Kowalski, MD, 03:47": a signature with the name.
                read(.interpreter, value, label: label, into: &h, signedDate: &signedDate, examDate: &examDate, options)
            } else if signedDate.isEmpty {
                warn(dateProblem(value, options.dateOrder))
            }
        case .interpreter:
            identifyName(value, &h)
            let (name, date) = splitSignature(value)
            if h.metadata.interpreter.isEmpty { h.metadata.interpreter = personName(name) }
            guard let date, signedDate.isEmpty else { return }
            if let d = DateText.iso(date, order: options.dateOrder) {
                signedDate = d
            } else if looksLikeDate(date) {
                // A time alone ("03:47 EST") is no date, and no error either.
                warn(dateProblem(date, options.dateOrder), date)
            }
        }
    }

    /// The age and the sex of an `Age/Sex:` value (`48 Y/M`, `M/48`, `female, 66 years`), in either
    /// order; false when a part is neither (nothing is taken then). The first value of a field wins.
    static func readAgeAndSex(_ value: String, into h: inout TextHeader) -> Bool {
        guard let (years, sex) = ageAndSex(value) else { return false }
        if h.metadata.age == nil { h.metadata.age = years }
        if h.metadata.sex.isEmpty, let sex { h.metadata.sex = sex }
        return true
    }

    /// The age and sex a value gives when it is nothing else: parts split at `/` and `,`, each an
    /// age or a sex; nil otherwise.
    static func ageAndSex(_ value: String) -> (Int?, String?)? {
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "," }).map { $0.trimmingCharacters(in: " ") }
        guard !parts.isEmpty, parts.count <= 2 else { return nil }
        var years: Int?
        var sex: String?
        for part in parts {
            if years == nil, let y = age(part) {
                years = y
            } else if sex == nil, let s = self.sex(part) {
                sex = s
            } else {
                return nil
            }
        }
        return (years, sex)
    }

    /// The order of the numeric dates of one report's header: `chosen` (the archive's, from
    /// `--date-order`), unless a date can be read only the other way and none only this way
    /// (`DOB 14/02/1969`): the report's own writing decides, and its other dates follow it.
    static func dateOrder(of pairs: [(field: HeaderField, value: String, label: String)], _ chosen: DateOrder) -> DateOrder {
        let other: DateOrder = chosen == .mdy ? .dmy : .mdy
        var onlyOther = false
        for pair in pairs where pair.field.isDate || pair.field == .procedure || pair.field == .interpreter {
            let value = pair.field == .interpreter ? splitSignature(pair.value).1 ?? "" : pair.value
            let (asChosen, asOther) = (DateText.iso(value, order: chosen) != nil, DateText.iso(value, order: other) != nil)
            if asChosen && !asOther { return chosen }
            if asOther && !asChosen { onlyOther = true }
        }
        return onlyOther ? other : chosen
    }

    /// Whether a value starts with a title (`Dr`, `Prof`) or holds a credential (`MD`): a clinician's name.
    static func isTitledName(_ value: String) -> Bool {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(bare)
        guard let first = words.first else { return false }
        return titles.contains(first) || words.contains { credentials.contains($0) }
    }

    /// Whether a value holds something shaped like a date: digits joined by `/`, `-` or `.`, or a month name.
    static func looksLikeDate(_ value: String) -> Bool {
        let parts = DateText.tokens(value)
        for (k, part) in parts.enumerated() {
            if case .word(let w) = part, DateText.months[w] != nil { return true }
            if k + 2 < parts.count, case .number = part, case .separator(let c) = parts[k + 1], c != ":",
                case .number = parts[k + 2]
            {
                return true
            }
        }
        return false
    }

    /// Why a date was not read, with the fix when the order may be the cause.
    static func dateProblem(_ value: String, _ order: DateOrder) -> String {
        if DateText.iso(value, order: order == .mdy ? .dmy : .mdy) != nil {
            return order == .mdy
                ? "not a month-first date (a day-first archive needs --date-order dmy):"
                : "not a day-first date (a month-first archive needs --date-order mdy):"
        }
        return "unreadable date"
    }

    /// Whether a header value is prose rather than the field's value: an age or sex whose sentence
    /// goes on after a full stop ("Age: 64. On peritoneal dialysis"), or a patient's or referrer's
    /// "name" that starts with a digit ("Patient: 9 yo boy. Known Gorlin syndrome").
    static func isProse(_ value: String, _ field: HeaderField) -> Bool {
        switch field {
        case .age, .sex:
            let bytes = Array(value.utf8)
            guard let stop = bytes.firstIndex(of: 0x2E) else { return false }
            return bytes[(stop + 1)...].contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        case .patientName, .referrer:
            // A name never starts with a digit; anything else is kept as a name, so that it is
            // scrubbed when pseudonymising ("John Smith (45 y)" stays a name).
            return value.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        default:
            return false
        }
    }

    /// Whole years from an age as written: `63`, `63 y/o`, `63 years`, `63Y`; `8 months`, `3 weeks`,
    /// `5 days` are 0; what follows a full stop, comma or semicolon is not read (`64. On dialysis`).
    /// Nil for anything else, or over 130.
    static func age(_ value: String) -> Int? {
        let value = value.prefix { $0 != "." && $0 != "," && $0 != ";" }
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits), n <= 130 else { return nil }
        let unit = value.dropFirst(digits.count).lowercased().filter { $0.isLetter }
        switch unit {
        case "", "y", "yo", "yr", "yrs", "year", "years", "yearsold", "yearold", "yold": return n
        case "m", "mo", "mos", "month", "months", "w", "wk", "wks", "week", "weeks", "d", "day", "days": return 0
        default: return nil
        }
    }

    /// `F`, `M`, `O`, `""` for unknown, or nil for a value that is not a sex.
    static func sex(_ value: String) -> String? {
        switch value.lowercased().filter({ $0 != "." }) {
        case "f", "female", "woman", "w": "F"
        case "m", "male", "man": "M"
        case "o", "other", "x", "a", "ambiguous", "intersex", "non-binary", "nonbinary": "O"
        case "u", "unknown", "unk", "not known", "not stated": ""
        default: nil
        }
    }

    /// `"Dr R. Patel on 05/02/2024 15:02"` → (`"Dr R. Patel"`, `"05/02/2024 15:02"`): a signature's
    /// name and the date after it, if any (after `on`, `at`, a comma or a dash, or the first word
    /// starting with a digit).
    static func splitSignature(_ value: String) -> (String, String?) {
        let words = value.split(separator: " ")
        for (k, w) in words.enumerated() where k > 0 {
            let lower = w.utf8.count <= 2 ? w.lowercased() : ""
            let startsDate = w.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true || DateText.months[bare(w)] != nil
            if ["on", "at", "-", "|"].contains(lower) && k + 1 < words.count {
                return (words[..<k].joined(separator: " "), words[(k + 1)...].joined(separator: " "))
            }
            if startsDate {
                return (words[..<k].joined(separator: " "), words[k...].joined(separator: " "))
            }
        }
        return (value, nil)
    }

    /// Titles before a name (`med` for the German `Dr. med.`).
    static let titles: Set<String> = ["dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "med"]
    static let credentials: Set<String> = [
        "md", "do", "phd", "mbbs", "mbchb", "mb", "bs", "bch", "bchir", "frcr", "frcp", "frcpc", "franzcr", "facr", "mrcp",
        "dabr", "abr", "bsc", "msc", "ma", "frcs", "frcsed", "ffrrcsi", "fracr", "frcpi", "mrcpi",
    ]

    /// Words after a name that say the clinician's role, not their name.
    static let roles: Set<String> = [
        "consultant", "radiologist", "neuroradiologist", "registrar", "resident", "attending", "fellow", "specialist",
        "reporting", "trainee",
    ]

    /// A clinician's name as written, without titles (`Dr`, `Prof`) before it and without the
    /// credentials (`MD`, `FRCR`) and role (`Consultant Radiologist`) after it.
    static func personName(_ value: String) -> String {
        var words = value.split(separator: " ").map(String.init)
        while let first = words.first, titles.contains(bare(first)), words.count > 1 { words.removeFirst() }
        if let stop = words.indices.dropFirst().first(where: {
            credentials.contains(bare(words[$0])) || roles.contains(bare(words[$0]))
        }) {
            words.removeSubrange(stop...)
        }
        var name = words.joined(separator: " ")
        while let last = name.last, last == "," || last == ";" || last == "-" || last == " " { name.removeLast() }
        return name
    }

    /// A word's letters, ASCII ones lower-cased, other punctuation and digits dropped (`M.D.,` → `md`);
    /// bytes of other scripts are kept. On bytes: this runs for every word of every header name.
    static func bare<S: StringProtocol>(_ word: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        for b in word.utf8 {
            if b >= 0x41 && b <= 0x5A {
                out.append(b | 0x20)
            } else if (b >= 0x61 && b <= 0x7A) || b >= 0x80 {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func identify(_ value: String, _ kind: HeaderIdentifier.Kind, _ h: inout TextHeader) {
        // Repeats are removed once, at the end of the reading.
        h.identifiers.append(HeaderIdentifier(value, kind))
        // "943 476 5919" is also written "9434765919".
        if kind == .id, value.contains(" ") { identify(value.filter { $0 != " " }, kind, &h) }
    }

    /// A name in every form it is likely to reappear: as written, without titles, reordered
    /// (`DOE, Jane` → `Jane DOE`), and each part of three letters or more in its own and in title case.
    static func identifyName(_ value: String, _ h: inout TextHeader) {
        let (written, _) = splitSignature(value)
        identify(written, .name, &h)
        let name = personName(written)
        identify(name, .name, &h)
        let halves = name.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
        if halves.count == 2 { identify(halves[1] + " " + halves[0], .name, &h) }
        for part in name.split(whereSeparator: { $0 == " " || $0 == "," }) where bare(part).utf8.count >= 3 {
            let p = String(part)
            identify(p, .name, &h)
            identify(p.prefix(1).uppercased() + p.dropFirst().lowercased(), .name, &h)
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
