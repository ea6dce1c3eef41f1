import ArgumentParser
import BlackbarCore
import BlackbarFormats
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

    @OptionGroup var rules: RuleOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if case .failure(let error) = RedactionPolicy.parse(operators) { throw ValidationError(error.description) }
        if inPlace && output != nil { throw ValidationError("--in-place and --output cannot be used together") }
        if inPlace && (paths.isEmpty || paths.contains("-")) { throw ValidationError("--in-place needs file or folder paths, not stdin") }
    }

    mutating func run() throws {
        guard case .success(let policy) = RedactionPolicy.parse(operators) else { throw ExitCode.validationFailure }
        let detector = try rules.detector()
        let redactor = Redactor(policy: policy)
        let verifier = execution.riskLog == nil ? nil : Detector(ruleSet: detector.ruleSet, options: detector.options)
        let job = try Job(detector: detector, run: execution) { policy.operator(for: $0).description }
        var errors = 0
        let items = expandInputs(paths, errors: &errors)
        let multiple = items.count > 1 || items.contains { $0.root != nil }
        if multiple && output == nil && !inPlace {
            throw ValidationError("several inputs or a folder need -o OUT (a folder) or --in-place")
        }
        var policyLog = ["default": policy.defaultOperator.description]
        for (entity, op) in policy.perEntity { policyLog[entity] = op.description }
        try job.start(command: "redact", inputs: paths.isEmpty ? ["-"] : paths, policy: policyLog)
        do {
            for item in items {
                let target = destination(for: item, multiple: multiple)
                if let target, !item.isStdin, sameFile(target, item.path), !inPlace {
                    diagnose("\(item.path): output would overwrite the input; use --in-place to mean that")
                    errors += 1
                    continue
                }
                let file: AtomicFile?
                do { file = try target.map(AtomicFile.init(path:)) } catch let error as CLIError {
                    diagnose(error.message)
                    errors += 1
                    continue
                }
                let writer = file?.writer ?? FDWriter(fd: 1, name: "stdout")
                var cursor = 0
                do {
                    let outcome = try job.process(item, outputName: target ?? "-") { block, findings in
                        let local = findings.map { located -> Finding in
                            var f = located.finding
                            f.range = f.range.shifted(by: -block.offset)
                            return f
                        }
                        var piece: [UInt8] = []
                        piece.reserveCapacity(block.region.count)
                        block.bytes.withUnsafeBytes { raw in
                            let from = max(block.region.lowerBound, cursor - block.offset)
                            let end = redactor.redact(raw, from: from, to: block.region.upperBound, findings: local) {
                                piece.append(contentsOf: $0)
                            }
                            cursor = end + block.offset
                        }
                        try piece.withUnsafeBytes { try writer.write($0) }
                        if file == nil { try writer.flush() }  // a streaming filter passes each block on at once
                        // With a risk log, the output is rescanned block by block: residual findings must be 0.
                        let residual = verifier?.scan(piece).count ?? 0
                        return (piece, residual)
                    }
                    if outcome.skipped {
                        file?.abandon()
                        continue
                    }
                    if let file { try file.commit() } else { try writer.flush() }
                } catch let error as CLIError {
                    file?.abandon()
                    diagnose(error.message)
                    job.riskLog.recordError()
                    errors += 1
                }
            }
        } catch is BrokenPipe {
            try? job.finish()
            throw ExitCode(0)
        }
        try job.finish()
        if errors > 0 { throw ExitCode(2) }
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
