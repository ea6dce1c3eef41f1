import ArgumentParser
import BlackbarPipeline
import BlackbarRecords

/// How an input is read: text, or records (`--input-format`, the CSV dialect, bad records, limits).
enum InputFormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, text, csv, tsv, json, jsonl
}

/// What to do with a record that cannot be read.
enum OnErrorChoice: String, ExpressibleByArgument, CaseIterable {
    case fail, skip
}

/// Options for tables and record files, shared by scan and redact.
struct RecordInputOptions: ParsableArguments {
    @Option(help: "How inputs are read: auto (by extension: .csv .tsv .json .jsonl .ndjson, then by content), or one format for all.")
    var inputFormat: InputFormatChoice = .auto

    @Option(help: "CSV delimiter: a character, or tab (default: sniffed from the first lines).")
    var delimiter: String?

    @Flag(help: "The first row of a table is data, not column names (columns are then #1, #2 ...).")
    var noHeader = false

    @Option(help: "A record that cannot be read (unterminated quote, invalid JSON or UTF-8, over a limit): fail gives up the file and writes nothing for it; skip leaves the record out, named on stderr and in the risk log (exit 3).")
    var onError: OnErrorChoice = .fail

    @Option(help: "Largest record in bytes (default 64 MiB); a field may hold up to 16 MiB, a JSON document 1 GiB.")
    var maxRecordBytes: Int?

    func validate() throws {
        if let delimiter, parsedDelimiter(delimiter) == nil {
            throw ValidationError("--delimiter must be one ASCII character or 'tab', not '\(delimiter)'")
        }
        if let maxRecordBytes, maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be at least 1") }
    }

    private func parsedDelimiter(_ text: String) -> UInt8? {
        if text == "tab" || text == "\\t" || text == "\t" { return 0x09 }
        guard text.utf8.count == 1, let b = text.utf8.first, b < 0x80, b != 0x22, b != 0x0A, b != 0x0D else { return nil }
        return b
    }

    /// The pipeline's options (the per-field policy is added by redact).
    var options: RecordOptions {
        var o = RecordOptions()
        switch inputFormat {
        case .auto, .text: o.format = nil
        case .csv: o.format = .csv
        case .tsv: o.format = .tsv
        case .json: o.format = .json
        case .jsonl: o.format = .jsonl
        }
        o.delimiter = delimiter.flatMap(parsedDelimiter)
        o.header = !noHeader
        o.onError = onError == .skip ? .skip : .fail
        if let maxRecordBytes {
            o.limits.maxRecordBytes = maxRecordBytes
            o.limits.maxFieldBytes = min(o.limits.maxFieldBytes, maxRecordBytes)
        }
        return o
    }

    /// The record format of one input, or nil to read it as text. `head`: its first bytes (`TextRun.head(of:)`),
    /// when the caller has read them.
    func format(of input: RunInput, run: TextRun, head: [UInt8]? = nil) -> RecordFormat? {
        if inputFormat == .text { return nil }
        return run.recordFormat(of: input, forced: options.format, head: head)?.0
    }

    /// `format(of:run:head:) != nil`, as a closure any thread may call (for `TextRun.lookAhead`).
    var isRecords: @Sendable (RunInput, [UInt8]) -> Bool {
        let text = inputFormat == .text, forced = options.format
        return { text ? false : TextRun.recordFormat(of: $0, forced: forced, head: $1) != nil }
    }
}

/// Per-field policy for redact.
struct FieldPolicyOptions: ParsableArguments {
    @Option(name: .customLong("column"), help: "FIELD=OPERATOR: the operator for findings in a column (name, or #N) or JSON path (repeatable).")
    var columns: [String] = []

    @Option(name: .customLong("key"), help: "PATH=OPERATOR for a JSON path ($.users[*].email, or $..email at any depth); the same as --column.")
    var keys: [String] = []

    @Option(name: .customLong("drop-column"), help: "Remove a column (header included) or JSON member from the output (repeatable).")
    var drops: [String] = []

    @Option(name: .customLong("keep-column"), help: "Write a column or JSON path unchanged (its findings are still reported) (repeatable).")
    var keeps: [String] = []

    func validate() throws { _ = try policy() }

    func policy() throws -> FieldPolicy {
        var policy = FieldPolicy()
        for spec in columns + keys where !policy.addOperator(spec) {
            throw ValidationError("--column/--key '\(spec)': use FIELD=OPERATOR with one of mask, placeholder, remove, keep")
        }
        policy.drops = drops
        policy.keeps = keeps
        return policy
    }
}
