import ArgumentParser
import FalxAudit
import FalxCore
import Foundation

@main
struct Falx: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "falx",
        abstract: "Audit radiology report archives for dural calcification and its recommended work-up.",
        discussion: """
            Decision support for audit and research, not a diagnosis and not a substitute for clinical \
            judgement. Every recommendation carries its rule id and citation (see `falx rules`).
            """,
        version: "falx \(FalxVersion.current), ruleset \(Ruleset.default.version)",
        subcommands: [
            Audit.self, ReportCommand.self, Eval.self, Explain.self, Rules.self, SchemaCommand.self, LexiconCommand.self,
            NegEx.self, Bench.self,
        ]
    )
}

/// Runs `body`, every error of which is about the flags: it ends the command as a bad flag
/// (exit 64) with the error's description (a ``UsageError``, a bad `--field`, no such record).
func usage<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ValidationError {
        throw error
    } catch {
        throw ValidationError("\(error)")
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// Runs `body`; an error it throws (a refusal, an output that cannot be written) is printed as
/// `falx: MESSAGE` and ends the command with exit 2.
func refusing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError("falx: \(error)")
        throw ExitCode(2)
    }
}
