/// HL7 v3 / v2 timestamps (`TS`: `YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]`) as ISO 8601.
enum XMLTimestamps {
    /// `20060823222400` → `2006-08-23T22:24:00`; `20050329171504-0500` → `2005-03-29T17:15:04-05:00`;
    /// `19541125` → `1954-11-25`. As precise as given (the same rule as the HL7 v2 ER7 reader);
    /// fractions of a second are dropped. Nil when not a timestamp.
    static func iso(_ value: String) -> String? {
        let bytes = Array(value.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        var digits: [UInt8] = []
        var k = 0
        while k < bytes.count, isDigit(bytes[k]) {
            digits.append(bytes[k])
            k += 1
        }
        if k < bytes.count, bytes[k] == 0x2E {
            k += 1
            while k < bytes.count, isDigit(bytes[k]) { k += 1 }
        }
        var zone = ""
        if k < bytes.count, bytes[k] == 0x2B || bytes[k] == 0x2D {
            let z = bytes[(k + 1)...]
            guard z.count == 4, z.allSatisfy(isDigit) else { return nil }
            let zs = String(decoding: z, as: UTF8.self)
            zone = String(UnicodeScalar(bytes[k])) + zs.prefix(2) + ":" + zs.suffix(2)
            k = bytes.count
        }
        guard k == bytes.count, [4, 6, 8, 10, 12, 14].contains(digits.count) else { return nil }
        let s = String(decoding: digits, as: UTF8.self)
        func part(_ from: Int, _ len: Int) -> String { String(s.dropFirst(from).prefix(len)) }
        func number(_ from: Int, _ len: Int) -> Int { Int(part(from, len)) ?? -1 }
        if digits.count >= 6, !(1...12).contains(number(4, 2)) { return nil }
        if digits.count >= 8, !(1...31).contains(number(6, 2)) { return nil }
        if digits.count >= 10, !(0...24).contains(number(8, 2)) { return nil }
        if digits.count >= 12, !(0...59).contains(number(10, 2)) { return nil }
        if digits.count >= 14, !(0...60).contains(number(12, 2)) { return nil }
        var out = part(0, 4)
        if digits.count >= 6 { out += "-" + part(4, 2) }
        if digits.count >= 8 { out += "-" + part(6, 2) }
        if digits.count >= 10 { out += "T" + part(8, 2) + ":" + (digits.count >= 12 ? part(10, 2) : "00") }
        if digits.count >= 14 { out += ":" + part(12, 2) }
        return digits.count >= 10 ? out + zone : out
    }

    /// The date part only (`19541125` → `1954-11-25`); nil when not a full date.
    static func isoDate(_ value: String) -> String? {
        guard let full = iso(value), full.utf8.count >= 10 else { return nil }
        return String(full.prefix(10))
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
