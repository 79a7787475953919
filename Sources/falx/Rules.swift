import ArgumentParser
import FalxClinical
import FalxCore
import FalxIngest

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the decision table with its citations.")

    func run() {
        let r = Ruleset.default
        print("Ruleset \(r.version) — \(Ruleset.source)")
        print("Decision support for audit and research, not a substitute for clinical judgement.\n")
        for rule in r.rules {
            print("\(rule.id)  \(rule.category?.rawValue ?? "modifier")  [\(rule.strength)]")
            print("    when:     \(rule.applies)")
            print("    actions:  \(rule.effect)")
            print("    source:   \(rule.citation)")
        }
        print(
            """

            Verdict: not_applicable for R0; urgent/recommended: concordant when the report recommends a \
            work-up (mri, mri_contrast, venography, angiography, neurosurgery_consult, neurology_consult), \
            else missed_workup; consider: concordant; routine: additional_imaging when the report \
            recommends advanced imaging (mri, mri_contrast, venography, angiography), else concordant.
            """)
    }
}

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Print the built-in lexicon (copy it, edit it, load it with --lexicon FILE)."
    )
    func run() {
        print(ClinicalLexicon.defaultText)
        // The header labels live with the readers (FalxIngest); a lexicon with header lines replaces them all.
        print("\n# ---------------------------------------------------------------- header and signature lines")
        print("# header FIELD: LABEL — lines of metadata, never report text; `\\#` is a literal #.")
        print(HeaderLabels.standard.lexiconText)
    }
}
