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
            One input without -o goes to stdout. With -o OUT: a folder input is mirrored \
            under OUT; several inputs go to OUT/NAME each (OUT/d1/a.txt, OUT/d2/a.txt).

            Two inputs that would share an output, an output that is an input, and a risk log \
            inside the data are refused before anything is written (exit 2).

            Outputs are written to a temporary file and renamed into place. Inputs are never \
            modified unless --in-place is given; it rewrites the target of a link, and refuses \
            a file with several hard links unless --allow-hard-links is given.

            Operators: mask, placeholder (<EMAIL_ADDRESS>), remove, keep. Give one for all \
            (--operator mask) or one per entity (--operator IBAN_CODE=placeholder); the \
            default is placeholder.
            """)

    @Argument(help: "Files, folders or - for stdin (default: stdin).")
    var paths: [String] = []

    @Option(name: [.customShort("o"), .long], help: "Output file, or folder for several inputs or a folder input; - for stdout.")
    var output: String?

    @Option(name: .customLong("operator"), help: "Operator for all entities or ENTITY=operator (repeatable).")
    var operators: [String] = []

    @Flag(help: "Replace each input file with its redacted version (atomically; a link's target is rewritten).")
    var inPlace = false

    @Flag(help: "With --in-place, write into files with several hard links, so every link sees the redacted content (not atomic).")
    var allowHardLinks = false

    @OptionGroup var rules: RuleOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if case .failure(let error) = RedactionPolicy.parse(operators) { throw ValidationError(error.description) }
        if inPlace && output != nil { throw ValidationError("--in-place and --output cannot be used together") }
        if inPlace && (paths.isEmpty || paths.contains("-")) { throw ValidationError("--in-place needs file or folder paths, not stdin") }
        if allowHardLinks && !inPlace { throw ValidationError("--allow-hard-links applies only with --in-place") }
    }

    mutating func run() throws {
        guard case .success(let policy) = RedactionPolicy.parse(operators) else { throw ExitCode.validationFailure }
        let detector = try rules.detector()
        try checkEntities(policy, known: Set(detector.ruleSet.rules.map(\.entity)))
        var errors = 0
        let walk = walkInputs(paths, followLinks: !execution.noFollow, errors: &errors)
        let plan: OutputPlan
        do {
            plan = try OutputPlan(arguments: paths, inputs: walk.items, output: output, inPlace: inPlace)
        } catch .needsOutputFolder {
            throw ValidationError("several inputs or a folder need -o OUT (a folder) or --in-place")
        } catch {
            var message = error.description
            if case .outputIsInput = error { message += " (choose another -o, or give --in-place to rewrite the inputs)" }
            throw CLIError(message)
        }
        try execution.checkRiskLog(inputs: walk, outputs: plan)
        let hardLinks: AtomicFile.HardLinks = inPlace ? (allowHardLinks ? .shareContent : .refuse) : .replace
        let redactor = Redactor(policy: policy)
        let verifier = execution.riskLog == nil ? nil : Detector(ruleSet: detector.ruleSet, options: detector.options)
        let job = try Job(detector: detector, run: execution) { policy.operator(for: $0).description }
        let progress = ProgressReporter.forCommand(writesToStdout: plan.entries.contains { $0.output == nil })
        progress.start(files: plan.entries.count)
        var policyLog = ["default": policy.defaultOperator.description]
        for (entity, op) in policy.perEntity { policyLog[entity] = op.description }
        try job.start(command: "redact", inputs: paths.isEmpty ? ["-"] : paths, policy: policyLog)
        do {
            for entry in plan.entries {
                let item = entry.input
                let target = entry.output
                defer { progress.advance(files: 1) }
                let file: AtomicFile?
                do { file = try target.map { try AtomicFile(path: $0, hardLinks: hardLinks) } } catch let error as FileError {
                    var message = error.description
                    if case .hardLinked = error.kind { message += " (--allow-hard-links writes into the shared file)" }
                    diagnose(message)
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
                        progress.advance(bytes: block.region.count)
                        return (piece, residual)
                    }
                    if outcome.skipped {
                        file?.abandon()
                        continue
                    }
                    if let file { try file.commit() } else { try writer.flush() }
                } catch let error where error is CLIError || error is FileError {
                    file?.abandon()
                    diagnose("\(error)")
                    job.riskLog.recordError()
                    errors += 1
                }
            }
        } catch is BrokenPipe {
            progress.finish()
            try? job.finish()
            throw ExitCode(0)
        }
        progress.finish()
        try job.finish()
        if errors > 0 { throw ExitCode(2) }
    }

    /// Refuses an `--operator ENTITY=op` whose entity no loaded rule reports (a typo would otherwise
    /// leave that entity to the default operator without a word).
    func checkEntities(_ policy: RedactionPolicy, known: Set<String>) throws {
        let unknown = policy.perEntity.keys.filter { !known.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        throw ValidationError(
            "--operator \(first)=...: no loaded rule reports the entity \(first). Known entities: "
                + known.sorted().joined(separator: ", "))
    }
}
