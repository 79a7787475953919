import ArgumentParser
import FalxAudit
import FalxCore
import FalxIngest

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the decision table with its citations.")

    func run() {
        print(Ruleset.default.describe(), terminator: "")
    }
}

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Print the built-in lexicon (copy it, edit it, load it with --lexicon FILE)."
    )
    func run() {
        print(LoadedLexicon.builtInListing)
    }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the audit's columns, their values and meaning, as a Markdown table.",
        discussion: """
            --json prints each column's name and JSON Lines type instead, for typed readers (Spark, pandas); \
            --errors prints the codes of error rows (the text before the colon in `errors`).
            """
    )

    @Flag(help: "One JSON object: the schema version and each column's name and JSON Lines type.")
    var json = false

    @Flag(help: "The codes an error row's `errors` cell starts with, and when each is given, as a Markdown table.")
    var errors = false

    func validate() throws {
        if json && errors { throw ValidationError("--json and --errors print different things; give one") }
    }

    func run() {
        print(errors ? RecordErrorCode.markdown : json ? AuditSchema.json : AuditSchema.markdown, terminator: "")
    }
}
