/// What parsing one record from the buffer gave.
enum CSVParseOutcome {
    /// The buffer ends inside the record and more input may follow: read more and parse it again.
    case needMore
    /// An empty line (or a lone CR) ending before `end`: not a record.
    case blank(end: Int)
    /// A record ending before `end` (its line ending included), its values appended; the line and line
    /// start (absolute) at `end`, and its field count.
    case record(end: Int, line: Int, lineStart: Int, fields: Int)
    /// A bad record: the error's buffer index and line, and what is wrong (never the bytes).
    case failure(at: Int, line: Int, problem: String)
}

/// Parses one record at a time out of a buffer (indices are buffer indices; `base` makes them absolute).
struct CSVRecordParser {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Absolute offset of `bytes[0]`.
    let base: Int
    /// Whether `bytes` holds the rest of the input.
    let eof: Bool
    let delimiter: UInt8
    let limits: RecordLimits
    /// Whether `"` opens a quoted field (off: quotes are data).
    var quoting = true

    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// Parses the record starting at `start` (on line `line`, which starts at absolute `lineStart`),
    /// appending its values, decoded bytes and escapes to `batch` (nothing stays appended unless the
    /// outcome is `.record`).
    func parse(at start: Int, line startLine: Int, lineStart startLineStart: Int, into batch: inout CSVBatchBuilder)
        -> CSVParseOutcome
    {
        let end = bytes.count
        let lf = Self.lf, cr = Self.cr, quote = Self.quote, delimiter = self.delimiter
        // A blank line is not a record.
        if bytes[start] == lf { return .blank(end: start + 1) }
        if bytes[start] == cr {
            if start + 1 < end {
                if bytes[start + 1] == lf { return .blank(end: start + 2) }
            } else {
                return eof ? .blank(end: start + 1) : .needMore
            }
        }
        // Scanning stops at `limit`: the buffer's end, or two bytes (a CRLF) past the longest record.
        let room = limits.maxRecordBytes < Int.max - start - 2 ? start + limits.maxRecordBytes + 2 : Int.max
        let capped = room <= end
        let limit = capped ? room : end
        let marks = (decoded: batch.decoded.count, values: batch.values.count, escapes: batch.escapes.count)
        let recordIndex = batch.records.count
        var line = startLine
        var lineStart = startLineStart
        var field = 0
        var i = start
        var value = RecordValue(
            decoded: 0..<0, source: 0..<0, outer: 0..<0, escapes: 0..<0, field: 0, kind: .unquoted, line: 0, column: 0,
            record: recordIndex)

        func fail(_ at: Int, _ problem: String) -> CSVParseOutcome {
            batch.rollBack(decoded: marks.decoded, values: marks.values, escapes: marks.escapes)
            return .failure(at: at, line: lineOf(at, from: start, line: startLine), problem: problem)
        }
        /// The scan reached `limit` inside the record.
        func ranOut() -> CSVParseOutcome {
            if capped { return fail(start + limits.maxRecordBytes, "record larger than \(bytesText(limits.maxRecordBytes))") }
            batch.rollBack(decoded: marks.decoded, values: marks.values, escapes: marks.escapes)
            return .needMore
        }

        while true {
            if field == limits.maxFields { return fail(i, "more than \(limits.maxFields) fields") }
            if i < limit && bytes[i] == delimiter {
                // An empty field with a delimiter after it (nearly half the cells of a wide export): the same value
                // the general path below makes, without its scan for the field's end or a copy of no bytes.
                let d = batch.decoded.count, e = batch.escapes.count, at = base + i
                value.decoded = Range(uncheckedBounds: (d, d))
                value.source = Range(uncheckedBounds: (at, at))
                value.outer = value.source
                value.escapes = Range(uncheckedBounds: (e, e))
                value.field = field
                value.kind = .unquoted
                value.line = line
                value.column = at - lineStart + 1
                batch.values.append(value)
                field += 1
                i += 1
                continue
            }
            let fieldStart = i
            let valueLine = line, valueLineStart = lineStart
            let contentStart: Int
            let contentEnd: Int
            var after: Int  // index after the field (and its closing quote)
            var high: UInt8 = 0
            let escapesStart = batch.escapes.count
            let decodedStart = batch.decoded.count
            if quoting && i < limit && bytes[i] == quote {
                // Quoted: up to the closing quote; `""` is one quote; LFs inside count as lines.
                var j = i + 1
                var segment = j
                while true {
                    // Eight bytes at a time while none is a quote or an LF (the byte steps below decide).
                    if j &+ 8 <= limit, let raw = UnsafeRawPointer(bytes.baseAddress) {
                        let skipped = SWAR.skip(raw, from: j, limit: limit, stops: quote, lf, lf)
                        j = skipped.at
                        if skipped.nonASCII { high |= 0x80 }
                    }
                    if j >= limit {
                        if !eof || capped { return ranOut() }
                        return fail(i, "unterminated quoted field")
                    }
                    let c = bytes[j]
                    if c == quote {
                        if j + 1 >= limit {
                            if !eof || capped { return ranOut() }
                            break
                        }
                        guard bytes[j + 1] == quote else { break }
                        batch.decoded.append(UnsafeBufferPointer(rebasing: bytes[segment..<(j + 1)]))
                        let d = batch.decoded.count
                        batch.escapes.append(Escape(decoded: (d - 1)..<d, source: (base + j)..<(base + j + 2)))
                        j += 2
                        segment = j
                        continue
                    }
                    if c == lf {
                        line += 1
                        lineStart = base + j + 1
                    }
                    high |= c
                    j += 1
                }
                batch.decoded.append(UnsafeBufferPointer(rebasing: bytes[segment..<j]))
                contentStart = i + 1
                contentEnd = j
                after = j + 1
            } else {
                // Unquoted: up to the delimiter or the line ending; a CR not before an LF is data.
                var j = i
                // Eight bytes at a time while none is the delimiter, an LF or a CR (the byte loop below decides
                // exactly); their union's high bit says whether any is outside ASCII.
                if j &+ 8 <= limit, let raw = UnsafeRawPointer(bytes.baseAddress) {
                    let skipped = SWAR.skip(raw, from: j, limit: limit, stops: delimiter, lf, cr)
                    j = skipped.at
                    if skipped.nonASCII { high |= 0x80 }
                }
                while j < limit {
                    let c = bytes[j]
                    if c == delimiter || c == lf { break }
                    if c == cr {
                        if j + 1 < limit {
                            if bytes[j + 1] == lf { break }
                        } else if !capped && eof {
                            break
                        }
                    }
                    high |= c
                    j += 1
                }
                if j == limit && (capped || !eof) { return ranOut() }
                batch.decoded.append(UnsafeBufferPointer(rebasing: bytes[i..<j]))
                contentStart = i
                contentEnd = j
                after = j
            }
            if contentEnd - contentStart > limits.maxFieldBytes {
                return fail(contentStart + limits.maxFieldBytes, "field larger than \(bytesText(limits.maxFieldBytes))")
            }
            if high >= 0x80, let bad = Self.firstInvalidUTF8(bytes, contentStart, contentEnd) {
                return fail(bad, "invalid UTF-8 in a value")
            }
            // Filled in place from a template: cheaper than the full initializer per value.
            value.decoded = Range(uncheckedBounds: (decodedStart, batch.decoded.count))
            value.source = Range(uncheckedBounds: (base + contentStart, base + contentEnd))
            value.outer = Range(uncheckedBounds: (base + fieldStart, base + after))
            value.escapes = Range(uncheckedBounds: (escapesStart, batch.escapes.count))
            value.field = field
            value.kind = fieldStart == contentStart ? .unquoted : .quoted
            value.line = valueLine
            value.column = base + contentStart - valueLineStart + 1
            batch.values.append(value)
            field += 1
            // What follows the field: a delimiter, a line ending, or the end of the input.
            if after == limit {
                if capped || !eof { return ranOut() }
                return .record(end: after, line: line, lineStart: lineStart, fields: field)
            }
            let c = bytes[after]
            if c == delimiter {
                i = after + 1
                continue
            }
            if c == lf {
                return .record(end: after + 1, line: line + 1, lineStart: base + after + 1, fields: field)
            }
            if c == cr {
                if after + 1 < limit {
                    if bytes[after + 1] == lf {
                        return .record(end: after + 2, line: line + 1, lineStart: base + after + 2, fields: field)
                    }
                } else {
                    if capped || !eof { return ranOut() }
                    return .record(end: after + 1, line: line, lineStart: lineStart, fields: field)
                }
            }
            return fail(after, "text after a closing quote")
        }
    }

    /// The line of buffer index `at`, counting LFs from the record's start.
    private func lineOf(_ at: Int, from start: Int, line: Int) -> Int {
        var n = line
        var k = start
        let stop = min(at, bytes.count)
        while k < stop {
            if bytes[k] == Self.lf { n += 1 }
            k += 1
        }
        return n
    }

    /// The index of the first byte in `bytes[from..<to]` that is not well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i < to {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let count: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return i
            }
            if i + count >= to { return i }
            let second = bytes[i + 1]
            if second < low || second > high { return i }
            var k = 2
            while k <= count {
                if bytes[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += count + 1
        }
        return nil
    }
}

/// `16 MiB`, `1000 bytes`: a limit as the messages give it.
func bytesText(_ n: Int) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
    if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
    return n == 1 ? "1 byte" : "\(n) bytes"
}
