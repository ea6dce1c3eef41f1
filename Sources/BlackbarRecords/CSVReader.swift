/// Reads CSV (RFC 4180, any one-byte delimiter) as batches of whole records.
///
/// Written by hand, byte by byte, rather than on a CSV library: the writer must keep every byte it does
/// not patch (quoting style, line endings, a byte-order mark, blank lines), so the reader reports the exact
/// source offsets of every value, its quotes and its escapes, and never normalizes anything.
///
/// - Quoted fields may hold the delimiter, CR, LF and CRLF; `""` inside quotes decodes to `"` (an
///   `Escape`). Records end at LF or CRLF (the CR is not part of the last field); the last one may lack an
///   ending. A bare CR elsewhere is data.
/// - A UTF-8 byte-order mark at the very start stays in the batch's `source` but is not part of the first
///   field. A line that is empty (or only a CR) is not a record; its bytes stay in `source`.
/// - With `CSVDialect.header`, the first record is number 0 and names the columns; data records are
///   numbered from 1. Columns without a name are `#1`, `#2`, … by position. A record may have any number
///   of fields.
/// - Errors: an unterminated quoted field, text between a closing quote and the next delimiter or line
///   ending, invalid UTF-8 in a value, a field or record over the limits, too many fields. A `"` inside an
///   unquoted field (`ab"c`) is data. Under `BadRecordPolicy.skip`, a bad record is left out from its first
///   byte to the end of the line where the error is (for an unterminated quote, the line where it opened),
///   listed in `RecordBatch.skipped`, and reading goes on at the next line.
/// - Memory stays about `batchBytes` plus one record, whatever the input's size.
public final class CSVReader: RecordReader {
    /// Column names by index: the header's (or `#<index+1>` where it is empty or missing).
    public private(set) var fieldNames: [String] = []
    /// The dialect being read.
    public let dialect: CSVDialect

    private let input: ByteSource
    private let config: RecordReaderConfig
    /// Bytes read and not yet handed out in a batch; `buffer[0]` is at absolute offset `bufferOffset`.
    private var buffer: [UInt8] = []
    private var bufferOffset = 0
    /// Where the next record starts in `buffer`.
    private var position = 0
    /// Line of `position` and the absolute offset where that line starts.
    private var line = 1
    private var lineStart = 0
    private var nextNumber: Int
    private var headerPending: Bool
    private var startChecked = false
    private var finished = false
    private var batch = CSVBatchBuilder()

    private static let chunkBytes = 1 << 20

    /// Reads `source` as `dialect`.
    public init(source: ByteSource, dialect: CSVDialect, config: RecordReaderConfig = .init()) {
        input = source
        self.dialect = dialect
        self.config = config
        headerPending = dialect.header
        nextNumber = dialect.header ? 0 : 1
    }

    /// The next batch of whole records (at least `batchBytes` of source, except the last); nil after the
    /// last. Throws a `RecordError` for a bad record under `BadRecordPolicy.fail`, a `SourceReadError` when
    /// the input cannot be read.
    public func next() throws -> RecordBatch? {
        guard !finished else { return nil }
        while true {
            if !startChecked {
                // A byte-order mark is skipped over (it stays in the batch's source).
                if buffer.count < 3 && !input.atEnd {
                    try fill()
                    continue
                }
                startChecked = true
                if bufferOffset == 0, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    position = 3
                }
            }
            if position == buffer.count {
                if input.atEnd { return finish() }
                try fill()
                continue
            }
            guard let outcome = parseRun() else {
                if position >= config.batchBytes { return emit() }
                continue
            }
            switch outcome {
            case .needMore:
                try fill()
            case .blank(let end):
                position = end
                line += 1
                lineStart = bufferOffset + end
            case .record(let end, let endLine, let endLineStart, let fields):
                commitRecord(end: end, fields: fields)
                line = endLine
                lineStart = endLineStart
                if position >= config.batchBytes { return emit() }
            case .failure(let at, let errorLine, let problem):
                let error = RecordError(
                    line: errorLine, record: nextNumber, offset: bufferOffset + at, problem: problem)
                guard config.onError == .skip else {
                    finished = true
                    throw error
                }
                try skip(from: at, error: error)
                if position >= config.batchBytes { return emit() }
            }
        }
    }

    /// Parses records until the batch is full or the buffer ends (nil), or until one needs more than
    /// the fast path does (its outcome: more input, an error, a header or new columns to name). The hot
    /// loop: state in locals, one buffer access for many records.
    private func parseRun() -> CSVParseOutcome? {
        var local = CSVBatchBuilder()
        swap(&local, &batch)
        defer { swap(&local, &batch) }
        let base = bufferOffset, batchBytes = config.batchBytes
        let known = headerPending ? -1 : fieldNames.count
        var at = position, line = self.line, lineStart = self.lineStart, number = nextNumber
        let outcome: CSVParseOutcome? = buffer.withUnsafeBufferPointer { bytes in
            var parser = CSVRecordParser(
                bytes: bytes, base: base, eof: input.atEnd, delimiter: dialect.delimiter, limits: config.limits)
            parser.quoting = dialect.quoting
            while at < bytes.count {
                let outcome = parser.parse(at: at, line: line, lineStart: lineStart, into: &local)
                switch outcome {
                case .blank(let end):
                    at = end
                    line += 1
                    lineStart = base + end
                case .record(let end, let endLine, let endLineStart, let fields) where fields <= known:
                    let first = local.records.last?.values.upperBound ?? 0
                    local.records.append(
                        RecordSpan(
                            number: number, source: (base + at)..<(base + end), line: line,
                            values: first..<local.values.count))
                    number += 1
                    at = end
                    line = endLine
                    lineStart = endLineStart
                    if at >= batchBytes { return nil }
                default:
                    return outcome
                }
            }
            return nil
        }
        position = at
        self.line = line
        self.lineStart = lineStart
        nextNumber = number
        return outcome
    }

    /// Reads another chunk (or as much again as the record being read, so a long record is rescanned
    /// only a logarithmic number of times).
    private func fill() throws {
        try input.read(into: &buffer, count: max(Self.chunkBytes, buffer.count - position))
    }

    /// Numbers the record just parsed (its values are in `batch`), names new columns, moves on.
    private func commitRecord(end: Int, fields: Int) {
        let first = batch.records.isEmpty ? 0 : batch.records[batch.records.count - 1].values.upperBound
        batch.records.append(
            RecordSpan(
                number: nextNumber, source: (bufferOffset + position)..<(bufferOffset + end), line: line,
                values: first..<batch.values.count))
        if headerPending {
            headerPending = false
            for v in batch.values[first...] {
                let name = String(decoding: batch.decoded.view(v.decoded), as: UTF8.self)
                fieldNames.append(name.isEmpty ? "#\(fieldNames.count + 1)" : name)
            }
        }
        while fieldNames.count < fields { fieldNames.append("#\(fieldNames.count + 1)") }
        nextNumber += 1
        position = end
    }

    /// Leaves out the bad record: from its start to the end of the line holding `at`.
    private func skip(from at: Int, error: RecordError) throws {
        var searchFrom = at
        var end: Int
        while true {
            end = buffer.withUnsafeBufferPointer { bytes in
                var i = searchFrom
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                return i
            }
            if end < buffer.count {
                end += 1
                break
            }
            if input.atEnd { break }
            searchFrom = end
            try fill()
        }
        batch.skipped.append(
            SkippedRecord(
                number: nextNumber, line: line, source: (bufferOffset + position)..<(bufferOffset + end),
                reason: error.problem))
        for i in position..<end where buffer[i] == 0x0A {
            line += 1
            lineStart = bufferOffset + i + 1
        }
        headerPending = false
        nextNumber += 1
        position = end
    }

    /// Hands out the records read so far and the bytes they cover.
    private func emit() -> RecordBatch {
        let source = splitOff(&buffer, position)
        let result = batch.build(source: source, sourceOffset: bufferOffset)
        bufferOffset += position
        position = 0
        batch.reset()
        return result
    }

    /// The last batch: whatever is left (trailing blank lines, a lone byte-order mark), or nil if nothing.
    private func finish() -> RecordBatch? {
        finished = true
        if buffer.isEmpty && batch.isEmpty { return nil }
        return emit()
    }
}
