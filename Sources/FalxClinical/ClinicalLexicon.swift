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
            return ClinicalLexicon(try Lexicon.parse(defaultText, name: "falx-default"))
        } catch {
            fatalError("the built-in lexicon does not parse: \(error)")
        }
    }()

    /// Loads a lexicon file.
    public static func load(text: String, name: String) throws -> ClinicalLexicon {
        ClinicalLexicon(try Lexicon.parse(text, name: name))
    }
}
