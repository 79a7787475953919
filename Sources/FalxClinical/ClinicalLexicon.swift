import FalxText

/// The dural-calcification domain's lexicon, compiled once.
public struct ClinicalLexicon: Sendable {
    public let compiled: CompiledLexicon
    /// The lexicon's `header` labels (none in the built-in lexicon text: the readers' built-in
    /// labels apply then).
    public let headerLabels: [Lexicon.HeaderLabel]

    public init(_ lexicon: Lexicon) {
        compiled = CompiledLexicon(lexicon)
        headerLabels = lexicon.headerLabels
    }

    /// The default lexicon, parsed and compiled once per process.
    public static let standard: ClinicalLexicon = {
        do {
            return ClinicalLexicon(try standardSource())
        } catch {
            fatalError("the built-in lexicon does not parse: \(error)")
        }
    }()

    /// The built-in lexicon's entries, checked against ``ClinicalVocabulary``.
    public static func standardSource() throws -> Lexicon {
        try Lexicon.parse(defaultText, name: "falx-default", vocabulary: ClinicalVocabulary.vocabulary)
    }

    /// Loads a lexicon file, every entry checked against the names Falx reads
    /// (``ClinicalVocabulary``): a misspelt concept, attribute or class is a ``LexiconError`` with its
    /// line. With `base`, the file's entries are added to that lexicon's (`--lexicon-add`).
    public static func load(text: String, name: String, extending base: Lexicon? = nil) throws -> ClinicalLexicon {
        ClinicalLexicon(try Lexicon.parse(text, name: name, vocabulary: ClinicalVocabulary.vocabulary, extending: base))
    }
}
