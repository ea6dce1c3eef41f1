import ArgumentParser
import BlackbarCore
import BlackbarFormats
import BlackbarPipeline
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `blackbar scan`: report personal data; change nothing.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report personal data in files, folders (recursively) or stdin (-).",
        discussion: """
            Findings go to stdout: a table on a terminal, JSON Lines otherwise (or as \
            --format says). Raw values are never printed unless --show-values is given.

            Symbolic links are followed (each file is read once); --no-follow skips them. \
            On a terminal, progress is shown on stderr.

            Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 error, 64 usage.
            """)

    @Argument(help: "Files, folders or - for stdin (default: stdin).")
    var paths: [String] = []

    @Option(help: "Output format; auto is a table on a terminal, else jsonl.")
    var format: OutputFormat = .auto

    @Flag(help: "Print each finding's raw value (personal data!) in the output.")
    var showValues = false

    @Option(help: "Exit 1 when a finding has at least this severity.")
    var failOn: FailOn = .any

    @OptionGroup var rules: RuleOptions
    @OptionGroup var execution: RunOptions

    mutating func run() throws {
        if showValues { diagnose("warning: --show-values prints raw personal data to stdout") }
        let detector = try rules.detector()
        var errors = 0
        let walk = walkInputs(paths, followLinks: !execution.noFollow, errors: &errors)
        let items = walk.items
        try execution.checkRiskLog(inputs: walk, outputs: nil)
        let job = try Job(detector: detector, run: execution) { _ in "reported" }
        try job.start(command: "scan", inputs: paths.isEmpty ? ["-"] : paths, policy: nil)
        let out = FDWriter(fd: 1, name: "stdout")
        let printer = FindingPrinter(
            format: format == .auto ? (isatty(1) == 1 ? .table : .jsonl) : format, showValues: showValues,
            explain: rules.explain)
        let progress = ProgressReporter.forCommand(writesToStdout: true)
        progress.start(files: items.count)
        var tripped = false
        do {
            for item in items {
                do {
                    let outcome = try job.process(item) { block, findings in
                        for located in findings { try printer.print(located, input: item.path, block: block, to: out) }
                        try out.flush()  // downstream sees each block's findings as soon as they exist
                        progress.advance(bytes: block.region.count)
                        return (nil, 0)
                    }
                    if let highest = outcome.highest, failOn.trips(highest) { tripped = true }
                } catch let error where error is CLIError || error is FileError {
                    diagnose("\(error)")
                    job.riskLog.recordError()
                    errors += 1
                }
                progress.advance(files: 1)
            }
            progress.finish()
            try printer.finish(to: out)
            try out.flush()
        } catch is BrokenPipe {
            progress.finish()
            try? job.finish()
            throw ExitCode(tripped ? 1 : 0)
        }
        try job.finish()
        if errors > 0 { throw ExitCode(2) }
        if tripped { throw ExitCode(1) }
    }
}
