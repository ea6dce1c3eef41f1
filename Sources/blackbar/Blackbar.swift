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
        keepFreedBlocks()
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

/// Keeps freed blocks of up to 32 MB in the process's heap (glibc only). A run allocates its blocks, batches,
/// value tables and joined buffers afresh for every megabyte of input; by default glibc maps each block of
/// 128 KB or more from the kernel and unmaps it when freed (the threshold grows only after such frees), so
/// the next batch's arrays took fresh zeroed pages: 9% of a JSON Lines scan was in the kernel. Measured on
/// the benchmark corpora (`scripts/bench-compare.sh`): JSON Lines 5-8% faster, CSV 2-3%, text 0-5%, peak
/// memory up 2% to 20% (the heap no longer shrinks between batches; it stays as flat as before). The command
/// sets this for its own process; the library leaves the allocator of a program embedding it alone.
///
/// `mallopt` is looked up by name: Swift's Glibc module does not import `malloc.h`. The parameters are
/// glibc's `M_TRIM_THRESHOLD` (-1) and `M_MMAP_THRESHOLD` (-3).
private func keepFreedBlocks() {
    #if os(Linux) && canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 256 << 20)
    #endif
}
