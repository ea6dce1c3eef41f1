import ArgumentParser
import BlackbarPipeline
import BlackbarRules

#if canImport(Glibc)
    import Glibc
#endif

/// The `blackbar` command: finds, redacts and reports personal data.
@main
struct Blackbar: ParsableCommand {
    static let version = "0.1.0"

    // Every command gives its name: else ArgumentParser derives it from the type by reflection, for every
    // command on every run (over a millisecond of start-up).
    static let configuration = CommandConfiguration(
        commandName: "blackbar",
        abstract: "Find, redact and report personal data (PII) in datasets.",
        discussion: """
            Exit codes: 0 done (scan: nothing at or above --fail-on); 1 findings at or above --fail-on; \
            2 error (the input is named, with the byte offset where it applies); 3 some inputs skipped \
            (binary); 4 personal data left after the last redaction pass (that output not written); \
            64 usage. When several apply: 2, then 4, then 1, then 3.
            """,
        version: version,
        subcommands: [Scan.self, Redact.self, Rules.self])

    static func main() {
        // A closed pipe downstream must end the run quietly, not kill it with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // The commands that scan data load the default pack: its patterns compile while the arguments are parsed.
        if let command = CommandLine.arguments.dropFirst().first, command == "scan" || command == "redact" {
            DefaultPatterns.start()
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error where error is CLIError || error is FileError {
            // Errors about inputs, rule packs or outputs: named, then exit code 2 (ArgumentParser would say 1).
            diagnose("error: \(error)")
            exit(withError: ExitCode(2))
        } catch let error as RunError {
            diagnose("error: \(error)")
            exit(withError: ExitCode(error.status.rawValue))
        } catch {
            exit(withError: error)
        }
    }
}
