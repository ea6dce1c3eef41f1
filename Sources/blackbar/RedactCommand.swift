import ArgumentParser
import BlackbarCore
import BlackbarFormats
import BlackbarPipeline
import BlackbarRedaction
import Foundation

/// `blackbar redact`: write sanitized copies in which only the personal data changed.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the input with each finding replaced; every other byte is kept.",
        discussion: """
            One input without -o writes to stdout. A folder (or several inputs) needs -o OUT, a folder that
            receives the mirrored tree. Outputs are written to a temporary file and renamed into place;
            inputs are never modified unless --in-place is given.
            Operators: mask, placeholder (<EMAIL_ADDRESS>), remove, keep; one for all (--operator mask) or per
            entity (--operator IBAN_CODE=placeholder), repeatable. Default: placeholder.
            """)

    @Argument(help: "Files, folders or - for stdin (default: stdin).")
    var paths: [String] = []

    @Option(name: [.customShort("o"), .long], help: "Output file, or folder for several inputs or a folder input; - for stdout.")
    var output: String?

    @Option(name: .customLong("operator"), help: "Operator for all entities or ENTITY=operator (repeatable).")
    var operators: [String] = []

    @Flag(help: "Replace each input file with its redacted version (atomically).")
    var inPlace = false

    @Option(help: "Scans of each redacted output before it is given up as not clean (exit 4).")
    var maxPasses = 4

    @OptionGroup var rules: RuleOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if case .failure(let error) = RedactionPolicy.parse(operators) { throw ValidationError(error.description) }
        guard maxPasses >= 1 else { throw ValidationError("--max-passes must be at least 1") }
        if inPlace && output != nil { throw ValidationError("--in-place and --output cannot be used together") }
        if inPlace && (paths.isEmpty || paths.contains("-")) { throw ValidationError("--in-place needs file or folder paths, not stdin") }
    }

    mutating func run() throws {
        guard case .success(let policy) = RedactionPolicy.parse(operators) else { throw ExitCode.validationFailure }
        let run = try execution.textRun(detector: try rules.detector(), policy: policy)
        run.maxPasses = maxPasses
        var errors = 0
        let items = expandInputs(paths, errors: &errors)
        for _ in 0..<errors { run.recordError() }
        let multiple = items.count > 1 || items.contains { $0.root != nil }
        if multiple && output == nil && !inPlace {
            throw ValidationError("several inputs or a folder need -o OUT (a folder) or --in-place")
        }
        try run.start(command: "redact", version: Blackbar.version, inputs: paths.isEmpty ? ["-"] : paths)
        let explainer = rules.explain ? FindingPrinter(format: .table, showValues: false, explain: true) : nil
        let errorOut = FDWriter(fd: 2, name: "stderr")
        do {
            for item in items {
                let input = RunInput(path: item.path)
                let target = destination(for: item, multiple: multiple)
                if let target, !item.isStdin, sameFile(target, item.path), !inPlace {
                    diagnose("\(input.display): output would overwrite the input; use --in-place to mean that")
                    run.recordError()
                    continue
                }
                let file: AtomicFile?
                do { file = try target.map(AtomicFile.init(path:)) } catch let error as CLIError {
                    diagnose(error.message)
                    run.recordError()
                    continue
                }
                let writer = file?.writer ?? FDWriter(fd: 1, name: "stdout")
                do {
                    let outcome = try run.redact(input, to: writer, outputName: target ?? "-", streaming: file == nil) {
                        if let explainer { try explainer.print($0, input: input.display, to: errorOut) }
                    }
                    if outcome.skipped != nil {
                        file?.abandon()
                        continue
                    }
                    if let file { try file.commit() } else { try writer.flush() }
                    try errorOut.flush()
                } catch let error as RunError {
                    file?.abandon()
                    diagnose(error.message)
                    if error.status == .error { run.recordError() }
                } catch let error as CLIError {
                    file?.abandon()
                    diagnose(error.message)
                    run.recordError()
                }
            }
        } catch is BrokenPipe {
            try? run.finish()
            throw ExitCode(0)
        }
        try run.finish()
        diagnose(run.report.summary(command: "redact"))
        if run.report.status != .done { throw ExitCode(run.report.status.rawValue) }
    }

    /// Where an input's redacted copy goes; nil means stdout.
    func destination(for item: InputItem, multiple: Bool) -> String? {
        if inPlace { return item.path }
        guard let output, output != "-" else { return nil }
        if !multiple {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue,
                !item.isStdin
            {
                return (output as NSString).appendingPathComponent((item.path as NSString).lastPathComponent)
            }
            return output
        }
        if let relative = item.relative { return (output as NSString).appendingPathComponent(relative) }
        return (output as NSString).appendingPathComponent(
            item.isStdin ? "stdin.txt" : (item.path as NSString).lastPathComponent)
    }

    private func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath().path
            == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
