import FalxCore
import FalxText

/// The decisive dural-calcification mention, as it leaves the engine.
public struct Evidence: Sendable, Equatable {
    /// The sentence, whitespace collapsed.
    public var sentence: String
    /// The mention's range in Unicode scalars of the report text (what Python's `str` indexes).
    public var scalarRange: Range<Int>
    /// The mention's range in UTF-8 bytes of the report text.
    public var byteRange: Range<Int>
}

/// Everything the clinical layer read from one report.
public struct ClinicalReading: Sendable {
    public var facts: CaseFacts
    public var evidence: Evidence?
    public var document: Document
    public var mentions: [Mention]
    /// Mentions that decided each concept (for `falx explain`).
    public var decisive: [String: Mention]
}
