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
            let next: (Int) -> [UInt8]? = { count in
                if let p = pending {
                    pending = nil
                    return p
                }
                return read(count)
            }
            let converted: (Int) -> [UInt8]? = { count in
                if finished { return [] }
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
                        return out
                    case .windows1252: return TextDecoding.windows1252ToUTF8(block[...])
                    case .latin1: return TextDecoding.latin1ToUTF8(block[...])
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
