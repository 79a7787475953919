import CZlib

/// Decompresses a gzip stream block by block, so a compressed archive is read in bounded memory.
/// Concatenated gzip members (as `cat a.gz b.gz` or pigz write) are read one after another.
final class Gunzip {
    private var stream = z_stream()
    private let read: (Int) -> [UInt8]?
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var finished = false
    private var memberEnded = false
    /// Why decompression failed, once it has.
    private(set) var failure: String?

    /// `read` hands out the compressed bytes, as ``InputWalker`` block readers do.
    init?(read: @escaping (Int) -> [UInt8]?) {
        self.read = read
        guard falx_inflate_init_gzip(&stream) == Z_OK else { return nil }
    }

    deinit { inflateEnd(&stream) }

    /// The next block of decompressed bytes: up to `count` bytes, empty at the end, nil when the
    /// compressed data is corrupt or cut short (``failure`` says which). What was decompressed
    /// before the fault is handed out first.
    func next(_ count: Int) -> [UInt8]? {
        if failure != nil { return nil }
        var out = [UInt8](repeating: 0, count: count)
        let produced = fill(&out)
        if produced == 0 && failure != nil { return nil }
        out.removeSubrange(produced...)
        return out
    }

    private func fill(_ out: inout [UInt8]) -> Int {
        let count = out.count
        var produced = 0
        while produced < count && !finished {
            if inputOffset == input.count {
                guard let more = read(1 << 20) else {
                    failure = "a read error inside the compressed file"
                    return produced
                }
                if more.isEmpty {
                    if memberEnded {
                        finished = true
                        break
                    }
                    failure = "the compressed file is cut short"
                    return produced
                }
                input = more
                inputOffset = 0
            }
            if memberEnded {
                // Another gzip member follows the one that ended.
                guard inflateReset(&stream) == Z_OK else {
                    failure = "cannot restart decompression"
                    return produced
                }
                memberEnded = false
            }
            let status = input.withUnsafeMutableBufferPointer { inBuf -> Int32 in
                out.withUnsafeMutableBufferPointer { outBuf -> Int32 in
                    guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return Z_BUF_ERROR }
                    stream.next_in = inBase + inputOffset
                    stream.avail_in = UInt32(inBuf.count - inputOffset)
                    stream.next_out = outBase + produced
                    stream.avail_out = UInt32(count - produced)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    inputOffset = inBuf.count - Int(stream.avail_in)
                    produced = count - Int(stream.avail_out)
                    return status
                }
            }
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK, Z_BUF_ERROR: break
            default:
                failure = "the compressed data is corrupt (zlib \(status))"
                return produced
            }
        }
        return produced
    }
}
