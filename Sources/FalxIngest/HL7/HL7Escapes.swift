/// HL7 v2 escape sequences (`\F\`, `\.br\`, `\X0D0A\`, ...) and FT formatting commands.
///
/// Decoded after a value has been split into fields, repetitions and components, so an escaped
/// delimiter (`\S\` for `^`) never splits anything. Line-formatting commands become `\n`
/// (`\.br\`, `\.sp\`, `\.ce\`), highlighting (`\H\`, `\N\`), character-set switches (`\C..\`,
/// `\M..\`), local escapes (`\Z..\`) and indentation commands are dropped. An unknown or unclosed
/// sequence is kept as it was written. Never looks past the end of the value.
enum HL7Escapes {
    /// Appends the decoded value to `out`.
    ///
    /// - Parameters:
    ///   - hexIsLatin1: `\Xhh\` bytes are ISO-8859-1 (the message declares 8859/1 or was transcoded
    ///     from it) and are appended as UTF-8; otherwise they are appended as they are.
    /// - Complexity: O(n) in the length of the value.
    static func decode(
        _ raw: ArraySlice<UInt8>, _ d: HL7Delimiters, hexIsLatin1: Bool, into out: inout [UInt8]
    ) {
        guard let esc = d.escape, raw.contains(esc) else {
            out.append(contentsOf: raw)
            return
        }
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            let b = raw[i]
            guard b == esc else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < end && raw[j] != esc { j += 1 }
            guard j < end, j > i + 1 else {
                // "\" without a closing "\", or "\\": literal.
                out.append(b)
                i += 1
                continue
            }
            if !appendSequence(raw[(i + 1)..<j], d, hexIsLatin1: hexIsLatin1, into: &out) {
                out.append(contentsOf: raw[i...j])
            }
            i = j + 1
        }
    }

    /// Decodes one sequence body (between the escape characters); false when it is unknown.
    private static func appendSequence(
        _ body: ArraySlice<UInt8>, _ d: HL7Delimiters, hexIsLatin1: Bool, into out: inout [UInt8]
    ) -> Bool {
        guard let first = body.first else { return false }
        let rest = body.dropFirst()
        switch first {
        case 0x46 where rest.isEmpty: out.append(d.field)  // F
        case 0x53 where rest.isEmpty: out.append(d.component)  // S
        case 0x54 where rest.isEmpty: out.append(d.subcomponent ?? 0x26)  // T
        case 0x52 where rest.isEmpty: out.append(d.repetition ?? 0x7E)  // R
        case 0x45 where rest.isEmpty: out.append(d.escape ?? 0x5C)  // E
        case 0x48 where rest.isEmpty, 0x4E where rest.isEmpty: break  // H, N: highlighting on / off
        case 0x43, 0x4D, 0x5A: break  // C, M: character-set switches; Z: locally defined
        case 0x58:  // X: hex data
            guard rest.count % 2 == 0, !rest.isEmpty else { return false }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(rest.count / 2)
            var k = rest.startIndex
            while k < rest.endIndex {
                guard let hi = hexValue(rest[k]), let lo = hexValue(rest[k + 1]) else { return false }
                bytes.append(hi << 4 | lo)
                k += 2
            }
            if hexIsLatin1 {
                out.append(contentsOf: HL7Text.latin1ToUTF8(bytes[...]))
            } else {
                out.append(contentsOf: bytes)
            }
        case 0x2E:  // "." formatting command
            return appendFormatting(rest, into: &out)
        default: return false
        }
        return true
    }

    private static func appendFormatting(_ command: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        let name = Array(command.prefix(2))
        let argument = HL7Text.trimmed(command.dropFirst(2))
        var count = 1
        if !argument.isEmpty {
            var v = 0
            for c in argument {
                // "+n" / "-n" for .in and .ti; only the digits matter here.
                if c == 0x2B || c == 0x2D { continue }
                guard c >= 0x30 && c <= 0x39 else { return false }
                v = min(v * 10 + Int(c - 0x30), 1000)
            }
            count = v
        }
        switch name {
        case Array("br".utf8): if !argument.isEmpty { return false }; out.append(0x0A)
        case Array("sp".utf8): out.append(contentsOf: repeatElement(0x0A, count: 1 + min(count, 2)))
        case Array("ce".utf8): out.append(0x0A)
        case Array("sk".utf8): out.append(contentsOf: repeatElement(0x20, count: max(1, min(count, 8))))
        case Array("fi".utf8), Array("nf".utf8), Array("in".utf8), Array("ti".utf8): break
        default: return false
        }
        return true
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
