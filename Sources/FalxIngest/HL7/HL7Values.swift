/// Reads repetitions, components and subcomponents of HL7 v2 values, and decodes their escapes.
struct HL7Values: Sendable {
    let delimiters: HL7Delimiters
    /// `\Xhh\` escapes are ISO-8859-1 bytes (see `HL7Escapes.decode`).
    let hexIsLatin1: Bool

    func repetitions(_ field: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        HL7Delimiters.split(field, on: delimiters.repetition)
    }

    func components(_ value: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        HL7Delimiters.split(value, on: delimiters.component)
    }

    func subcomponents(_ component: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        HL7Delimiters.split(component, on: delimiters.subcomponent)
    }

    /// Component `n` (1-based) of repetition `r` (0-based) of a field; empty when absent.
    func component(_ field: ArraySlice<UInt8>, _ n: Int, repetition r: Int = 0) -> ArraySlice<UInt8> {
        let reps = repetitions(field)
        guard r < reps.count else { return [] }
        let comps = components(reps[r])
        return n >= 1 && n <= comps.count ? comps[n - 1] : []
    }

    /// Subcomponent `n` (1-based) of a component; empty when absent.
    func subcomponent(_ component: ArraySlice<UInt8>, _ n: Int) -> ArraySlice<UInt8> {
        let subs = subcomponents(component)
        return n >= 1 && n <= subs.count ? subs[n - 1] : []
    }

    /// The value with its escapes decoded, as bytes.
    func decoded(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        HL7Escapes.decode(raw, delimiters, hexIsLatin1: hexIsLatin1, into: &out)
        return out
    }

    /// The value with its escapes decoded, line breaks as spaces, trimmed: for metadata fields.
    func text(_ raw: ArraySlice<UInt8>) -> String {
        var bytes = decoded(raw)
        for k in bytes.indices where bytes[k] == 0x0A || bytes[k] == 0x0D || bytes[k] == 0x09 { bytes[k] = 0x20 }
        let clean = UTF8Decoding.clean(HL7Text.trimmed(bytes[...])).bytes
        return String(decoding: clean, as: UTF8.self)
    }
}

/// HL7 v2 date/time values (DT, TS, DTM) as ISO 8601.
enum HL7DateTime {
    /// `YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]` → `YYYY-MM-DDTHH:MM:SS[+ZZ:ZZ]`, as precise as given.
    ///
    /// Fractions of a second are dropped. Returns nil when the value is not an HL7 date/time
    /// (letters, impossible month, odd digit count).
    static func iso(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        var digits: [UInt8] = []
        var k = 0
        while k < bytes.count, bytes[k] >= 0x30 && bytes[k] <= 0x39 {
            digits.append(bytes[k])
            k += 1
        }
        if k < bytes.count, bytes[k] == 0x2E {  // fraction of a second
            k += 1
            while k < bytes.count, bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
        }
        var zone = ""
        if k < bytes.count, bytes[k] == 0x2B || bytes[k] == 0x2D {
            let z = bytes[(k + 1)...]
            guard z.count == 4, z.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let zs = String(decoding: z, as: UTF8.self)
            zone = String(UnicodeScalar(bytes[k])) + zs.prefix(2) + ":" + zs.suffix(2)
            k = bytes.count
        }
        guard k == bytes.count, [4, 6, 8, 10, 12, 14].contains(digits.count) else { return nil }
        let s = String(decoding: digits, as: UTF8.self)
        func part(_ from: Int, _ len: Int) -> String {
            String(s.dropFirst(from).prefix(len))
        }
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

    /// The date part only (`19300122000000+0215` → `1930-01-22`); nil when not a date.
    static func isoDate(_ value: String) -> String? {
        guard let full = iso(value), full.utf8.count >= 10 else { return nil }
        return String(full.prefix(10))
    }
}

/// Base64 and hex decoding for ED values.
enum HL7Binary {
    /// Decodes base64, skipping whitespace and line breaks; nil on any other stray character.
    static func base64(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(s.count * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        var sawPad = false
        for c in s {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B, 0x2D: v = 62  // + and URL-safe -
            case 0x2F, 0x5F: v = 63  // / and URL-safe _
            case 0x3D:
                sawPad = true
                continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            if sawPad { return nil }
            acc = (acc << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// Decodes hex digits, skipping whitespace; nil on anything else or an odd count.
    static func hex(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var high: UInt8?
        for c in s {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x41...0x46: v = c - 0x41 + 10
            case 0x61...0x66: v = c - 0x61 + 10
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return high == nil ? out : nil
    }
}
