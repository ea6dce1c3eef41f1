import BlackbarCore
import BlackbarRecords
import BlackbarRisk

#if canImport(Glibc)
    import Glibc
#endif

extension TextRun {
    /// The record format an input will be read as: `forced`, else by its name's extension, else (a file) by its
    /// first bytes; nil: text. The second value says whether content decided it (then a file that fails to parse
    /// on its first records is read as text instead). `head`: the input's first bytes as `head(of:)` reads them,
    /// when the caller has them (nil: read here).
    public func recordFormat(
        of input: RunInput, forced: RecordFormat?, head: [UInt8]? = nil
    ) -> (RecordFormat, sniffed: Bool)? {
        Self.recordFormat(of: input, forced: forced, head: head)
    }

    /// `recordFormat(of:forced:head:)`, for any thread.
    public static func recordFormat(
        of input: RunInput, forced: RecordFormat?, head: [UInt8]? = nil
    ) -> (RecordFormat, sniffed: Bool)? {
        if let forced { return (forced, false) }
        if let byName = RecordFormat.byExtension(input.path) { return (byName, false) }
        guard let prefix = head ?? Self.head(of: input), !prefix.isEmpty, let format = RecordFormat.sniff(prefix) else {
            return nil
        }
        return Self.confirms(format, prefix: prefix, whole: prefix.count < headBytes) ? (format, true) : nil
    }

    /// Bytes `head(of:)` reads.
    public static let headBytes = 65_536

    /// The first `headBytes` bytes of a file (fewer: the whole file), read once for every sniffer (record formats,
    /// media formats); nil for stdin or a file that cannot be read. (Each sniffer opening the file itself made
    /// three opens, reads and closes per file of a folder, half the time of a scan of 2,000 small files.)
    public static func head(of input: RunInput) -> [UInt8]? {
        guard !input.isStdin else { return nil }
        let fd = open(input.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // Read into uninitialized room: zeroing 64 KB first, for every file of a folder, was 11% of a scan of
        // 2,000 small files.
        var n = 0
        let prefix = [UInt8](unsafeUninitializedCapacity: headBytes) { buffer, count in
            n = pread(fd, buffer.baseAddress, headBytes, 0)
            count = max(n, 0)
        }
        return n < 0 ? nil : prefix
    }

    /// Whether a format sniffed from content holds up: the first line of JSON Lines parses; a JSON document
    /// parses whole when the prefix is the whole file, and otherwise opens like JSON (`{"`, `[{`, `[[`,
    /// `["`), not like a log line (`[2024-05-01 10:00] started`).
    static func confirms(_ format: RecordFormat, prefix: [UInt8], whole: Bool) -> Bool {
        func parses(_ bytes: [UInt8], _ make: (ByteSource) -> RecordReader) -> Bool {
            let reader = make(ByteSource(bytes: bytes, name: "sniff"))
            do {
                while try reader.next() != nil {}
                return true
            } catch { return false }
        }
        switch format {
        case .jsonl:
            let firstLine = Array(prefix.prefix { $0 != 0x0A })
            return parses(firstLine) { JSONLinesReader(source: $0) }
        case .json:
            if whole { return parses(prefix) { JSONDocumentReader(source: $0) } }
            let significant = prefix.lazy.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            let two = Array(significant.prefix(2))
            return two.count == 2 && (two[1] == UInt8(ascii: "\"") || two[1] == UInt8(ascii: "{") || two[1] == UInt8(ascii: "["))
        case .csv, .tsv:
            return true
        }
    }

    /// Scans a record input: `found` gets each finding (with its record, field and value location).
    @discardableResult
    public func scanRecords(
        _ input: RunInput, format: RecordFormat, options: RecordOptions, values: Bool,
        afterBatch: (Int) throws -> Void = { _ in }, found: (ReportedFinding) throws -> Void
    ) throws -> InputOutcome {
        try withRecords(input, format: format, options: options) { pass, tally in
            try pass.run(tally: &tally, output: nil, streaming: false, values: values, afterBatch: afterBatch, found: found)
        }
    }

    /// Redacts a record input into `output`, batch by batch, every byte outside the findings (and dropped
    /// fields) kept; the output parses as the input did and holds as many records.
    @discardableResult
    public func redactRecords(
        _ input: RunInput, format: RecordFormat, options: RecordOptions, to output: ByteOutput, outputName: String,
        streaming: Bool, afterBatch: (Int) throws -> Void = { _ in }, found: (ReportedFinding) throws -> Void = { _ in }
    ) throws -> InputOutcome {
        guard redactor != nil else { preconditionFailure("redact on a scan run") }
        return try withRecords(input, format: format, options: options) { pass, tally in
            tally.output = outputName
            return try pass.run(tally: &tally, output: output, streaming: streaming, afterBatch: afterBatch, found: found)
        }
    }

    /// Opens the input, makes its reader, runs `body`, and turns read and record errors into `RunError`s that
    /// name the file and the position.
    func withRecords(
        _ input: RunInput, format: RecordFormat, options: RecordOptions,
        _ body: (RecordPass, inout Tally) throws -> InputOutcome
    ) throws -> InputOutcome {
        let fd: Int32 = input.isStdin ? 0 : open(input.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RunError("\(input.display): cannot open: \(String(cString: strerror(errno)))") }
        defer { if fd != 0 { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { throw RunError("\(input.display): is a folder") }
        var tally = Tally(run: self, input: input)
        do {
            let pass = try RecordPass(run: self, input: input, fd: fd, format: format, options: options)
            let outcome = try body(pass, &tally)
            report.add(outcome)
            report.skippedRecords += pass.skippedNotes.count
            return outcome
        } catch let error as RecordError {
            // Tables saved by spreadsheet programs are often in a legacy single-byte encoding: say how to
            // convert them rather than leave a user guessing why every accented row fails.
            let hint =
                error.problem.hasPrefix("invalid UTF-8")
                ? " (the file may be in another encoding, such as Windows-1252 or Latin-1: convert it first, e.g. "
                    + "iconv -f WINDOWS-1252 -t UTF-8, or pass --on-error skip to drop such records)" : ""
            throw RunError("\(input.display): \(error)\(hint)")
        } catch let error as SourceReadError {
            throw RunError(error.description)
        }
    }
}
