// Whole-stream decoding: UTF-16 (by its BOM) and `--encoding` other than UTF-8 are turned into
// UTF-8 block by block as the file is read, before its format is detected.

extension InputWalker {
    /// The encoding the stream is converted from before reading, or nil to read it as it is (UTF-8,
    /// decided per record).
    func streamEncoding(_ first: [UInt8]) -> TextEncoding? {
        if first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) { return .utf16 }
        switch reading.encoding {
        case .utf16?, .windows1252?, .latin1?: return reading.encoding
        default: return nil
        }
    }

    /// Reads the stream converted to UTF-8 like any file.
    func forEachTranscodedRecord(
        first: [UInt8], read: (Int) -> [UInt8]?, entry: Entry, depth: Int, encoding: TextEncoding,
        _ body: (Record) throws -> Void
    ) rethrows {
        var inner = self
        inner.reading.encoding = nil  // the converted bytes are UTF-8
        try withoutActuallyEscaping(read) { read in
            var pending: [UInt8]? = first
            var utf16 = UTF16Converter()
            var finished = false
            var replaced = 0
            var first = true
            let next: (Int) -> [UInt8]? = { count in
                if let p = pending {
                    pending = nil
                    return p
                }
                return read(count)
            }
            let converted: (Int) -> [UInt8]? = { count in
                if finished { return [] }
                defer { first = false }
                // An empty block ends the stream, so a block that converts to nothing (one byte of
                // a UTF-16 unit) is followed by the next.
                while true {
                    guard let block = next(count) else { return nil }
                    switch encoding {
                    case .utf16:
                        var out = utf16.convert(block[...])
                        if block.isEmpty {
                            finished = true
                            out += utf16.finish()
                        }
                        replaced = utf16.replaced
                        if out.isEmpty && !block.isEmpty { continue }
                        return first ? TextDecoding.relabelledXMLDeclaration(out) : out
                    case .windows1252:
                        let out = TextDecoding.windows1252ToUTF8(block[...])
                        return first ? TextDecoding.relabelledXMLDeclaration(out) : out
                    case .latin1:
                        let out = TextDecoding.latin1ToUTF8(block[...])
                        return first ? TextDecoding.relabelledXMLDeclaration(out) : out
                    case .utf8: return block
                    }
                }
            }
            try inner.forEachRecord(read: converted, entry: entry, depth: depth, decoded: true) { record in
                // Unpaired UTF-16 surrogates are counted as the file is read; the warning goes on
                // every record read after the first one was met.
                guard replaced > 0, case .success(var report) = record else { return try body(record) }
                report.warnings.append(TextDecoding.replacedWarning(replaced))
                try body(.success(report))
            }
        }
    }
}

extension TextDecoding {
    /// The bytes with the `encoding` of a leading XML declaration (`<?xml version="1.0"
    /// encoding="UTF-16"?>`) set to UTF-8: the document has been converted, and libxml2 would
    /// otherwise read the UTF-8 bytes as the encoding the declaration names.
    static func relabelledXMLDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)),
            let end = bytes.prefix(512).indices.first(where: {
                bytes[$0] == 0x3F && $0 + 1 < bytes.count && bytes[$0 + 1] == 0x3E
            })
        else { return bytes }
        let declaration = String(decoding: bytes[..<end], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return bytes }
        let rest = declaration[key.upperBound...]
        guard let open = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return bytes }
        let quote = rest[open]
        guard let close = rest[rest.index(after: open)...].firstIndex(of: quote) else { return bytes }
        let relabelled = declaration[..<rest.index(after: open)] + "UTF-8" + declaration[close...]
        return Array(relabelled.utf8) + bytes[end...]
    }
}
