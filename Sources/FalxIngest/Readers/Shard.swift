/// One share of a run split across processes or machines (`--shard i/n`): shard `index` of
/// `count`, counted from 0.
///
/// Standard input is split by line number; files are split by name, so that a file always lands
/// in the same shard whatever the machine, the walk order or the other files of the archive: the
/// shard of a file is the 64-bit FNV-1a hash of the UTF-8 bytes of its name in record ids (its
/// path relative to the folder given, `2024/r1.hl7`; with several inputs, under the input's name)
/// modulo `count`. A file is never split: an HL7 batch or a JSON Lines file goes whole to one shard.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Shard `index` of `count`; nil unless 0 ≤ index < count.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/n` as written on the command line; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// `i/n`, as written on the command line and in the provenance file.
    public var description: String { "\(index)/\(count)" }

    /// Whether line `line` (counted from 1) is this shard's: (line − 1) mod count = index.
    public func takes(line: Int) -> Bool { (line - 1) % count == index }

    /// Whether the file whose records are named `name#1`, `name#2`… is this shard's.
    public func takes(file name: String) -> Bool { Int(Self.fnv1a(name) % UInt64(count)) == index }

    /// The 64-bit FNV-1a hash of a string's UTF-8 bytes (offset basis 0xcbf29ce484222325, prime
    /// 0x100000001b3): simple to recompute in any language, and the same on every machine.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
