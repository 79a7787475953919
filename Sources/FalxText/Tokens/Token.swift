/// One token of a report: a byte span into the report's UTF-8 plus what the lexicon knows of it.
///
/// Tokens never own text; `start..<end` indexes the document's bytes.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word, number, punct
    }

    /// Layout flags gathered while tokenizing.
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// White space (any) stands before the token.
        public static let spaceBefore = Flags(rawValue: 1)
        /// A line break stands before the token (it starts a line).
        public static let lineStart = Flags(rawValue: 2)
        /// An empty line stands before the token (it starts a paragraph).
        public static let paragraphStart = Flags(rawValue: 4)
        /// The token's first letter is upper case.
        public static let capitalised = Flags(rawValue: 8)
        /// Every letter of the token is upper case (and it has at least one).
        public static let allCaps = Flags(rawValue: 16)
    }

    public var start: Int32
    public var end: Int32
    public var kind: Kind
    public var flags: Flags
    /// Vocabulary id of the folded token (exact or by spelling correction), or -1.
    public var id: Int32 = -1
    /// Vocabulary id of the longest wildcard prefix (`calcif*`) the token matches, or -1.
    public var wildcard: Int32 = -1

    public init(start: Int, end: Int, kind: Kind, flags: Flags) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.kind = kind
        self.flags = flags
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
    public var length: Int { Int(end - start) }
}
