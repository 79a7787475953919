/// The kind of a report section, from its header.
public enum SectionKind: String, Sendable, CaseIterable, Equatable {
    /// Text before any header, or a report with no headers at all.
    case body
    case exam, history, technique, comparison, findings, impression, recommendation, addendum

    /// Sections whose text states the clinical question rather than findings.
    public var isClinicalQuestion: Bool { self == .history }
    /// Sections that describe how and against what the study was done.
    public var isProcedural: Bool { self == .exam || self == .technique || self == .comparison }
}

/// A section of a document: its header (possibly empty) and body, as token ranges.
public struct Section: Sendable, Equatable {
    public var kind: SectionKind
    /// Tokens of the header words (empty for the leading body).
    public var header: Range<Int>
    /// Tokens of the section body.
    public var body: Range<Int>
}

/// A sentence: a token range and the section it belongs to.
public struct Sentence: Sendable, Equatable {
    public var tokens: Range<Int>
    public var section: Int
}
