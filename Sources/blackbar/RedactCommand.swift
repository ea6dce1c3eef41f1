import ArgumentParser
import BlackbarCore
import BlackbarFormats
import BlackbarMetadata
import BlackbarPipeline
import BlackbarRedaction
import Foundation

/// `blackbar redact`: write sanitized copies in which only the personal data changed.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Write the input with each finding replaced; every other byte is kept.",
        discussion: """
            One input without -o goes to stdout. With -o OUT: a folder input is mirrored \
            under OUT; several inputs go to OUT/NAME each (OUT/d1/a.txt, OUT/d2/a.txt).

            Two inputs that would share an output, an output that is an input, and a risk log \
            inside the data are refused before anything is written (exit 2).

            Outputs are written to a temporary file and renamed into place. Inputs are never \
            modified unless --in-place is given; it rewrites the target of a link, and refuses \
            a file with several hard links unless --allow-hard-links is given.

            Each redacted output is scanned again and what is found is redacted too; if personal data \
            is still found after --max-passes scans, that output is not written (exit 4). A binary \
            input is skipped, never copied (exit 3). A summary line ends the run on stderr.

            Photos, videos and documents (JPEG, PNG, TIFF/DNG, WebP, HEIF, MP4, MOV, PDF, DOCX, \
            XLSX, PPTX) are written with their personal metadata removed or redacted and their \
            payload (image data, mdat, content streams) byte for byte: GPS goes, names and serials \
            take their entity's operator, text fields are redacted like text, capture dates stay. \
            --strip-metadata all also removes everything not needed to show the file.

            Operators: mask, placeholder (<EMAIL_ADDRESS>), remove, keep. Give one for all \
            (--operator mask) or one per entity (--operator IBAN_CODE=placeholder); the \
            default is placeholder.

            Tables and record files keep their structure: delimiter, quoting, header, line \
            endings, JSON key order, white space and numbers are written as read; a replacement \
            that needs quoting or escaping gets it, a number replaced becomes a string. Per field: \
            --column notes=mask, --key '$.users[*].email=placeholder', --drop-column ssn, \
            --keep-column id. As a filter (redact --input-format jsonl - < in > out) one record \
            is written per record read, in order, flushed as it goes; findings go to \
            --findings FILE or the risk log, never to stdout.
            """)

    @Argument(help: "Files, folders or - for stdin (default: stdin).")
    var paths: [String] = []

    @Option(name: [.customShort("o"), .long], help: "Output file, or folder for several inputs or a folder input; - for stdout.")
    var output: String?

    @Option(name: .customLong("operator"), help: "Operator for all entities or ENTITY=operator (repeatable).")
    var operators: [String] = []

    @Flag(help: "Replace each input file with its redacted version (atomically; a link's target is rewritten).")
    var inPlace = false

    @Option(help: "How often each redacted output is scanned again before it is given up as not clean, with exit 4")
    var maxPasses = 4

    @Flag(help: "With --in-place, write into files with several hard links, so every link sees the redacted content (not atomic).")
    var allowHardLinks = false

    @Option(help: "Photos, videos and documents: personal removes or redacts every personal field (GPS, serials, names, text with findings) and opaque vendor blocks; all also removes every field not needed to show the file (orientation, colour profile and dimensions stay).")
    var stripMetadata: StripMode = .personal

    @Option(help: "Also write each finding (JSON Lines, no values) to this file.")
    var findings: String?

    @OptionGroup var rules: RuleOptions
    @OptionGroup var records: RecordInputOptions
    @OptionGroup var fields: FieldPolicyOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if case .failure(let error) = RedactionPolicy.parse(operators) { throw ValidationError(error.description) }
        guard maxPasses >= 1 else { throw ValidationError("--max-passes must be at least 1") }
        if inPlace && output != nil { throw ValidationError("--in-place and --output cannot be used together") }
        if inPlace && (paths.isEmpty || paths.contains("-")) { throw ValidationError("--in-place needs file or folder paths, not stdin") }
        if allowHardLinks && !inPlace { throw ValidationError("--allow-hard-links applies only with --in-place") }
    }

    mutating func run() throws {
        guard case .success(let policy) = RedactionPolicy.parse(operators) else { throw ExitCode.validationFailure }
        let detector = try rules.detector()
        try checkEntities(policy, known: Set(detector.ruleSet.rules.map(\.entity)))
        let run = try execution.textRun(detector: detector, policy: policy)
        run.maxPasses = maxPasses
        var errors = 0
        let walk = walkInputs(paths, followLinks: !execution.noFollow, names: run, errors: &errors)
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
        try execution.attachRiskLog(to: run)
        for _ in 0..<errors { run.recordError() }
        run.recordLinksNotFollowed(walk.linksNotFollowed)
        let hardLinks: AtomicFile.HardLinks = inPlace ? (allowHardLinks ? .shareContent : .refuse) : .replace
        let progress = ProgressReporter.forCommand(writesToStdout: plan.entries.contains { $0.output == nil })
        progress.start(files: plan.entries.count)
        try run.start(command: "redact", version: Blackbar.version, inputs: paths.isEmpty ? ["-"] : paths)
        let explainer = rules.explain ? FindingPrinter(format: .table, showValues: false, explain: true) : nil
        let errorOut = FDWriter(fd: 2, name: "stderr")
        var recordOptions = records.options
        recordOptions.policy = try fields.policy()
        let findingsFile = try findings.map { path -> AtomicFile in
            do { return try AtomicFile(path: path, hardLinks: .replace) } catch let error as FileError {
                throw CLIError("--findings \(error.path): \(error.problem)")
            }
        }
        let findingsOut = findingsFile?.writer
        let findingsPrinter = FindingPrinter(format: .jsonl, showValues: false, explain: false)
        let isRecords = records.isRecords
        run.prescreen(plan.entries.map(\.input.path))
        run.lookAhead(plan.entries.map { run.input($0.input.path) }) {
            isRecords($0, $1) || TextRun.mediaFormat(of: $0, head: $1) != nil
        }
        do {
            for entry in plan.entries {
                defer { progress.advance(files: 1) }
                let input = run.input(entry.input.path)
                // File names are data too: a name holding personal data is written under its redacted name.
                let target = entry.output.map { plan.inPlace ? $0 : run.safeOutputPath($0, under: plan.outputFolder) }
                let file: AtomicFile?
                do { file = try target.map { try AtomicFile(path: $0, hardLinks: hardLinks) } } catch let error as FileError {
                    var message = run.input(error.path).display + ": " + error.problem
                    if case .hardLinked = error.kind { message += " (--allow-hard-links writes into the shared file)" }
                    diagnose(message)
                    run.recordError()
                    continue
                }
                let writer = file?.writer ?? FDWriter(fd: 1, name: "stdout")
                do {
                    let report: (ReportedFinding) throws -> Void = {
                        if let explainer { try explainer.print($0, input: input.display, to: errorOut) }
                        if let findingsOut { try findingsPrinter.print($0, input: input.display, to: findingsOut) }
                    }
                    let outputName = target.map { run.input($0).display } ?? "-"
                    let outcome: InputOutcome
                    // Its first bytes, read once for both sniffers (which read none when the format is given).
                    let head = records.inputFormat == .auto ? TextRun.head(of: input) : nil
                    if records.inputFormat == .auto, let media = TextRun.mediaFormat(of: input, head: head) {
                        outcome = try run.redactMetadata(
                            input, format: media, strip: stripMetadata, to: writer, outputName: outputName
                        ) { try report($0) }
                    } else if let format = records.format(of: input, run: run, head: head) {
                        outcome = try run.redactRecords(
                            input, format: format, options: recordOptions, to: writer, outputName: outputName,
                            streaming: file == nil
                        ) { bytes in
                            progress.advance(bytes: bytes)
                        } found: { try report($0) }
                    } else {
                        outcome = try run.redact(input, to: writer, outputName: outputName, streaming: file == nil) { bytes in
                            progress.advance(bytes: bytes)
                        } found: { try report($0) }
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
                } catch let error as FileError {
                    file?.abandon()
                    diagnose(run.input(error.path).display + ": " + error.problem)
                    run.recordError()
                }
            }
        } catch is BrokenPipe {
            progress.finish()
            try? run.finish()
            throw ExitCode(0)
        }
        progress.finish()
        if let findingsFile {
            do { try findingsFile.commit() } catch let error as FileError {
                diagnose("--findings \(error.path): \(error.problem)")
                run.recordError()
            }
        }
        try run.finish()
        diagnose(run.report.summary(command: "redact"))
        if run.report.status != .done { throw ExitCode(run.report.status.rawValue) }
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

extension StripMode: ExpressibleByArgument {}
