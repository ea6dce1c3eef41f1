#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads JSON Lines: each non-blank line (ended by LF or CRLF, or by the end of the input) is one record
/// holding one JSON value whose root path is `$`. Blank and white-space-only lines are not records, but
/// their bytes stay in the batch's `source`; a UTF-8 byte-order mark at the very start is allowed and kept.
///
/// Streams: memory stays around `batchBytes + maxRecordBytes` plus one read chunk.
///
/// Under `BadRecordPolicy.skip` a bad line is listed in `RecordBatch.skipped` (its number, line, byte
/// range and reason) and reading goes on; record numbers keep counting it. A skipped line's bytes are in
/// the batch's `source`, except a line longer than `maxRecordBytes` that was never held whole: it is
/// dropped while reading, and the batch listing it starts after it (its `sourceOffset` jumps over it).
public final class JSONLinesReader: RecordReader {
    private let input: ByteSource
    private let config: RecordReaderConfig
    private var scanner: JSONScanner
    /// Unconsumed input; `buffer[0]` is at absolute offset `bufferBase` (the next batch's start).
    private var buffer: [UInt8] = []
    private var bufferBase = 0
    /// 1-based line number of the next line.
    private var line = 1
    /// Records numbered so far (good and skipped).
    private var recordNumber = 0
    private var finished = false
    /// The line at `buffer[0]` is too long and must be dropped (`.skip`).
    private var dropLongLine = false
    /// Bytes asked of the source per read (smaller in tests, to split lines across reads).
    var chunk = 1 << 20

    /// The generalized key paths seen so far, by field id (`$`, `$.name`, `$.tags[*]`).
    public var fieldNames: [String] { scanner.paths.names }

    /// Reads JSON Lines from `source`.
    public init(source: ByteSource, config: RecordReaderConfig = RecordReaderConfig()) {
        input = source
        self.config = config
        scanner = JSONScanner(limits: config.limits)
    }

    /// The next batch of whole lines (at least one record or skipped line unless the input is only blank
    /// lines), about `batchBytes` of source; nil after the last.
    public func next() throws -> RecordBatch? {
        if let failure { throw failure }
        do {
            return try read()
        } catch let e as RecordError {
            failure = e  // reading cannot go on after a bad line under `.fail`: later calls throw it again
            throw e
        }
    }

    private var failure: RecordError?
    /// Records in the last batch (the next one's array is reserved like it).
    private var lastRecordCount = 0

    private func read() throws -> RecordBatch? {
        if finished { return nil }
        var records: [RecordSpan] = []
        records.reserveCapacity(roomLike(lastRecordCount))
        defer { lastRecordCount = records.count }
        var skipped: [SkippedRecord] = []
        if dropLongLine {
            dropLongLine = false
            skipped.append(try dropLine())
        }
        let limit = config.limits.maxRecordBytes
        var pos = 0
        var searched = 0
        while pos == 0 || pos < config.batchBytes {
            // Find the end of the line starting at `pos`, reading more as needed.
            var newline = -1
            while true {
                newline = find(0x0A, from: max(pos, searched))
                if newline >= 0 || input.atEnd { break }
                searched = buffer.count
                if buffer.count - pos > limit + 1 { break }
                try input.read(into: &buffer, count: chunk)
            }
            let lineEnd = newline >= 0 ? newline : buffer.count
            let next = newline >= 0 ? newline + 1 : buffer.count
            if next == pos && input.atEnd {
                finished = true
                break
            }
            var contentEnd = lineEnd
            if contentEnd > pos && buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd - pos > limit {
                let problem = "record larger than \(byteCount(limit))"
                let number = recordNumber + 1
                if config.onError == .fail {
                    throw RecordError(line: line, record: number, offset: bufferBase + pos + limit, problem: problem)
                }
                if newline < 0 && !input.atEnd {
                    // Never held whole: drop it while reading on, ending the batch before it if it has lines.
                    if pos > 0 {
                        dropLongLine = true
                        break
                    }
                    skipped.append(try dropLine())
                    searched = 0
                    continue
                }
                recordNumber = number
                skipped.append(SkippedRecord(number: number, line: line, source: (bufferBase + pos)..<(bufferBase + next), reason: problem))
            } else {
                try readLine(pos, contentEnd, next, &records, &skipped)
            }
            pos = next
            line += 1
        }
        let source = splitOff(&buffer, pos)
        let offset = bufferBase
        bufferBase += pos
        let out = scanner.takeOutput()
        if finished && records.isEmpty && skipped.isEmpty && source.isEmpty { return nil }
        return RecordBatch(
            source: source, sourceOffset: offset, decoded: out.decoded, records: records, values: out.values,
            escapes: out.escapes, indices: out.indices, members: out.members, skipped: skipped)
    }

    /// Parses the line `buffer[start..<end]` (without its line ending; `next` is after it).
    private func readLine(
        _ start: Int, _ end: Int, _ next: Int, _ records: inout [RecordSpan], _ skipped: inout [SkippedRecord]
    ) throws {
        let base = bufferBase
        let line = self.line
        let outcome: Result<Void, RecordError>? = buffer.withUnsafeBufferPointer { p in
            var i = start
            if base + i == 0, end - i >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i += 3 }
            while i < end && isJSONSpace(p[i]) { i += 1 }
            if i == end { return nil }  // blank: not a record
            recordNumber += 1
            scanner.line = line
            scanner.lineStart = base + start
            scanner.record = recordNumber
            scanner.recordIndex = records.count
            let mark = scanner.mark()
            do {
                var j = try scanner.parseValue(p, base: base, from: i, end: end, path: 0, outerIndices: [], depth: 0)
                while j < end && isJSONSpace(p[j]) { j += 1 }
                if j < end { throw scanner.error("trailing characters after the value", at: j, base: base) }
                records.append(
                    RecordSpan(
                        number: recordNumber, source: (base + start)..<(base + next), line: line,
                        values: mark.values..<scanner.values.count))
                return .success(())
            } catch let e as RecordError {
                scanner.rollBack(to: mark)
                return .failure(e)
            } catch {
                return .failure(RecordError(line: line, record: recordNumber, offset: base + i, problem: "unreadable"))
            }
        }
        if case .failure(let e) = outcome {
            if config.onError == .fail { throw e }
            skipped.append(
                SkippedRecord(number: recordNumber, line: line, source: (base + start)..<(base + next), reason: e.problem))
        }
    }

    /// Drops the over-long line at the start of the buffer, reading up to its end; returns it as skipped.
    private func dropLine() throws -> SkippedRecord {
        let start = bufferBase
        while true {
            let newline = find(0x0A, from: 0)
            if newline >= 0 {
                buffer.removeSubrange(0...newline)
                bufferBase += newline + 1
                break
            }
            bufferBase += buffer.count
            buffer.removeAll(keepingCapacity: true)
            if try input.read(into: &buffer, count: chunk) == 0 { break }
        }
        recordNumber += 1
        let skipped = SkippedRecord(
            number: recordNumber, line: line, source: start..<bufferBase,
            reason: "record larger than \(byteCount(config.limits.maxRecordBytes))")
        line += 1
        return skipped
    }

    /// The index of the first `byte` in `buffer` at or after `from`, or -1.
    private func find(_ byte: UInt8, from: Int) -> Int {
        guard from < buffer.count else { return -1 }
        return buffer.withUnsafeBufferPointer { p in
            guard let hit = memchr(p.baseAddress! + from, Int32(byte), p.count - from) else { return -1 }
            return UnsafeRawPointer(p.baseAddress!).distance(to: UnsafeRawPointer(hit))
        }
    }
}
