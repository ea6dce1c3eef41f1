/// Reads one JSON document (RFC 8259; a leading UTF-8 byte-order mark is allowed and kept).
///
/// The document is read whole (more than `RecordLimits.maxDocumentBytes` is refused) and validated
/// completely before the first batch is handed out, so a bad document yields nothing. When its root is an
/// array, each element is a record (numbered from 1, path `$[*]`) and a batch holds whole elements up to
/// about `batchBytes`: its `source` runs from the previous batch's end to its last element's end, and the
/// last batch also holds the closing `]` and the white space after it. Any other root is record 1, alone
/// in a single batch. Concatenating every batch's `source` gives back the document byte for byte.
///
/// `BadRecordPolicy.skip` cannot apply: a broken element leaves the rest of the document unreadable, so
/// every error throws, whatever the policy.
public final class JSONDocumentReader: RecordReader {
    private let input: ByteSource
    private let config: RecordReaderConfig
    private var scanner: JSONScanner
    private var document: [UInt8] = []
    private var loaded = false
    private var state = State()

    /// Where reading the document is.
    private struct State {
        /// Position in the document.
        var pos = 0
        var line = 1
        var lineStart = 0
        /// Where the root value starts (after a byte-order mark and white space), its line and line start.
        var root = 0
        var rootLine = 1
        var rootLineStart = 0
        /// Whether the root was reached (the first batch starts at byte 0, before it).
        var opened = false
        /// Whether the root is an array whose elements are records.
        var isArray = false
        /// Elements read so far.
        var elements = 0
        var finished = false
    }

    /// The generalized key paths seen so far, by field id (`$`, `$[*].name`).
    public var fieldNames: [String] { scanner.paths.names }

    /// Reads the JSON document in `source`.
    public init(source: ByteSource, config: RecordReaderConfig = RecordReaderConfig()) {
        input = source
        self.config = config
        scanner = JSONScanner(limits: config.limits)
    }

    /// The next batch of whole elements (or the whole document); nil after the last.
    public func next() throws -> RecordBatch? {
        if let failure { throw failure }
        do {
            return try read()
        } catch let e as RecordError {
            failure = e  // the document is unreadable: every later call throws the same error
            throw e
        }
    }

    private var failure: RecordError?

    private func read() throws -> RecordBatch? {
        if !loaded {
            loaded = true
            let limit = config.limits.maxDocumentBytes
            guard let bytes = try input.readAll(limit: limit) else {
                throw RecordError(line: 1, record: nil, offset: limit, problem: "document larger than \(byteCount(limit))")
            }
            document = bytes
            // Validate the whole document first: a bad element at the end must not leave earlier batches out.
            state = try start()
            let first = state
            while !state.finished { _ = try batch() }
            state = first
        }
        if state.finished { return nil }
        return try batch()
    }

    /// Skips the byte-order mark and white space up to the root; notes whether it is an array.
    private func start() throws -> State {
        var s = State()
        if document.count >= 3 && document[0] == 0xEF && document[1] == 0xBB && document[2] == 0xBF { s.root = 3 }
        scanner.line = 1
        scanner.lineStart = 0
        document.withUnsafeBufferPointer { p in scanner.skipSpace(p, &s.root, p.count, base: 0) }
        s.rootLine = scanner.line
        s.rootLineStart = scanner.lineStart
        guard s.root < document.count else {
            throw RecordError(line: s.rootLine, record: nil, offset: s.root, problem: "empty document")
        }
        s.isArray = document[s.root] == 0x5B
        return s
    }

    private func batch() throws -> RecordBatch {
        let batchStart = state.pos
        var records: [RecordSpan] = []
        try document.withUnsafeBufferPointer { p in
            let end = p.count
            scanner.line = state.line
            scanner.lineStart = state.lineStart
            if !state.opened {
                state.opened = true
                state.pos = state.root + (state.isArray ? 1 : 0)
                scanner.line = state.rootLine
                scanner.lineStart = state.rootLineStart
            }
            if !state.isArray {
                scanner.record = 1
                scanner.recordIndex = 0
                let at = state.root
                let line = scanner.line
                let after = try scanner.parseValue(p, base: 0, from: at, end: end, path: 0, outerIndices: [], depth: 0)
                records.append(RecordSpan(number: 1, source: at..<after, line: line, values: 0..<scanner.values.count))
                state.pos = after
                try finish(p)
                return
            }
            while true {
                // Before an element: `[` or `,` was read. After one: expect `,` or `]`.
                scanner.record = nil
                scanner.skipSpace(p, &state.pos, end, base: 0)
                guard state.pos < end else { throw scanner.error("unexpected end of input", at: state.pos, base: 0) }
                if state.elements > 0 || p[state.pos] == 0x5D {
                    let c = p[state.pos]
                    if c == 0x5D {
                        state.pos += 1
                        try finish(p)
                        return
                    }
                    guard c == 0x2C, state.elements > 0 else {
                        throw scanner.error("unexpected character", at: state.pos, base: 0)
                    }
                    state.pos += 1
                    scanner.skipSpace(p, &state.pos, end, base: 0)
                }
                let number = state.elements + 1
                scanner.record = number
                scanner.recordIndex = records.count
                let at = state.pos
                let line = scanner.line
                let first = scanner.values.count
                let after = try scanner.parseValue(
                    p, base: 0, from: at, end: end, path: scanner.paths.element(of: 0), outerIndices: [number - 1],
                    depth: 1)
                if after - at > config.limits.maxRecordBytes {
                    throw scanner.error(
                        "record larger than \(byteCount(config.limits.maxRecordBytes))", at: at, base: 0)
                }
                records.append(RecordSpan(number: number, source: at..<after, line: line, values: first..<scanner.values.count))
                state.elements = number
                state.pos = after
                state.line = scanner.line
                state.lineStart = scanner.lineStart
                if after - batchStart >= config.batchBytes {
                    // The batch ends with this element, unless only `]` and white space follow it.
                    var look = after
                    while look < end && isJSONSpace(p[look]) { look += 1 }
                    if look < end && p[look] == 0x5D {
                        continue
                    }
                    return
                }
            }
        }
        let out = scanner.takeOutput()
        return RecordBatch(
            source: Array(document[batchStart..<state.pos]), sourceOffset: batchStart, decoded: out.decoded,
            records: records, values: out.values, escapes: out.escapes, indices: out.indices, members: out.members)
    }

    /// After the root value: only white space may follow; the batch takes it all.
    private func finish(_ p: UnsafeBufferPointer<UInt8>) throws {
        scanner.record = state.isArray ? nil : 1
        scanner.skipSpace(p, &state.pos, p.count, base: 0)
        if state.pos < p.count {
            throw scanner.error("trailing characters after the value", at: state.pos, base: 0)
        }
        state.finished = true
    }
}
