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
        commandName: "scan",
        abstract: "Report personal data in files, folders (recursively) or stdin (-).",
        discussion: """
            Findings go to stdout: a table on a terminal, JSON Lines otherwise (or as \
            --format says). Raw values are never printed unless --show-values is given.

            Symbolic links are followed (each file is read once); --no-follow skips them. \
            On a terminal, progress is shown on stderr.

            Tables and record files (.csv .tsv .json .jsonl .ndjson, or --input-format) are read \
            record by record: every cell and JSON value is scanned with its column name or key \
            path as context, and each finding names its record and field. --profile prints, per \
            field, the personal data found and a suggested action, and the k-anonymity of the \
            quasi-identifier columns (postcode, birth date, gender, age, city ...).

            Photos, videos and documents (JPEG, PNG, TIFF/DNG, WebP, HEIF, MP4, MOV, PDF, DOCX, \
            XLSX, PPTX, known by their first bytes) are read for their metadata: EXIF, XMP, IPTC, \
            QuickTime keys, PDF Info and office properties. Each text field is scanned with its tag \
            as context; GPS tags, serial numbers and author tags are findings by themselves, and \
            each finding names its tag (EXIF:GPSLatitude, XMP:dc:creator, PDF:Info/Author).

            Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 error, 3 inputs skipped \
            (binary) or bad records left out (--on-error skip), 64 usage.
            """)

    @Argument(help: "Files, folders or - for stdin (default: stdin).")
    var paths: [String] = []

    @Option(help: "Output format; auto is a table on a terminal, else jsonl.")
    var format: OutputFormat = .auto

    @Flag(help: "Print each finding's raw value (personal data!) in the output.")
    var showValues = false

    @Option(help: "Exit 1 when a finding has at least this severity.")
    var failOn: FailOn = .any

    @Flag(help: "Print a profile of each table or record file instead of its findings: per field, the entities and their share of records, quasi-identifiers and k-anonymity.")
    var profile = false

    @Option(help: "With --profile: read only the first N records.")
    var sample: Int?

    @OptionGroup var rules: RuleOptions
    @OptionGroup var records: RecordInputOptions
    @OptionGroup var execution: RunOptions

    func validate() throws {
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        if sample != nil && !profile { throw ValidationError("--sample applies only with --profile") }
    }

    mutating func run() throws {
        if showValues { diagnose("warning: --show-values prints raw personal data to stdout") }
        let run = try execution.textRun(detector: try rules.detector(), policy: nil)
        var errors = 0
        let walk = walkInputs(paths, followLinks: !execution.noFollow, names: run, errors: &errors)
        try execution.checkRiskLog(inputs: walk, outputs: nil)
        try execution.attachRiskLog(to: run)
        for _ in 0..<errors { run.recordError() }
        run.recordLinksNotFollowed(walk.linksNotFollowed)
        try run.start(command: "scan", version: Blackbar.version, inputs: paths.isEmpty ? ["-"] : paths)
        let out = FDWriter(fd: 1, name: "stdout")
        let printer = FindingPrinter(
            format: format == .auto ? (isatty(1) == 1 ? .table : .jsonl) : format, showValues: showValues,
            explain: rules.explain)
        let profilePrinter = ProfilePrinter(table: format == .table || (format == .auto && isatty(1) == 1))
        let progress = ProgressReporter.forCommand(writesToStdout: true)
        progress.start(files: walk.items.count)
        var tripped = false
        run.prescreen(walk.items.map(\.path))
        if !profile {
            let isRecords = records.isRecords
            run.lookAhead(walk.items.map { run.input($0.path) }) {
                isRecords($0, $1) || TextRun.mediaFormat(of: $0, head: $1) != nil
            }
        }
        do {
            for item in walk.items {
                let input = run.input(item.path)
                do {
                    // Its first bytes, read once for both sniffers (which read none when the format is given).
                    let head = records.inputFormat == .auto ? TextRun.head(of: input) : nil
                    if !profile, records.inputFormat == .auto, let media = TextRun.mediaFormat(of: input, head: head) {
                        let outcome = try run.scanMetadata(input, format: media, values: showValues) {
                            try printer.print($0, input: input.display, to: out)
                        }
                        try out.flush()
                        if let highest = outcome.highest, failOn.trips(highest) { tripped = true }
                        progress.advance(files: 1)
                        continue
                    }
                    let format = records.format(of: input, run: run, head: head)
                    if profile {
                        guard let format else {
                            let kind = TextRun.mediaFormat(of: input, head: head).map { "a " + $0.displayName + " file" } ?? "text"
                            throw RunError("\(input.display): --profile reads tables and record files (CSV, TSV, JSON, JSON Lines); this one is \(kind)")
                        }
                        var options = records.options
                        options.sample = sample
                        let result = try run.profileRecords(input, format: format, options: options)
                        try profilePrinter.print(result, to: out)
                        try out.flush()
                        progress.advance(files: 1)
                        continue
                    }
                    // Downstream sees each block's findings as soon as they exist.
                    let outcome: InputOutcome
                    if let format {
                        outcome = try run.scanRecords(
                            input, format: format, options: records.options, values: showValues
                        ) { bytes in
                            try out.flush()
                            progress.advance(bytes: bytes)
                        } found: {
                            try printer.print($0, input: input.display, to: out)
                        }
                    } else {
                        outcome = try run.scan(input, values: showValues, head: head) { bytes in
                            try out.flush()
                            progress.advance(bytes: bytes)
                        } found: {
                            try printer.print($0, input: input.display, to: out)
                        }
                    }
                    if let highest = outcome.highest, failOn.trips(highest) { tripped = true }
                } catch let error as RunError {
                    diagnose(error.message)
                    run.recordError()
                }
                progress.advance(files: 1)
            }
            progress.finish()
            try printer.finish(to: out)
            try out.flush()
        } catch is BrokenPipe {
            progress.finish()
            try? run.finish()
            throw ExitCode(tripped ? 1 : 0)
        }
        try run.finish()
        let report = run.report
        if isatty(2) == 1 || report.status != .done { diagnose(report.summary(command: "scan")) }
        let status = max(report.status, tripped ? .found : .done)
        if status != .done { throw ExitCode(status.rawValue) }
    }
}
