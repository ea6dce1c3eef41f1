/// How a value is written in its source, which decides how a replacement must be encoded.
public enum ValueKind: UInt8, Sendable {
    /// A CSV field without quotes.
    case unquoted
    /// A CSV field in double quotes (`source` is inside them; `""` decodes to `"`).
    case quoted
    /// A JSON string (`source` is inside the quotes; escapes decode).
    case string
    /// A JSON number (scanned: phone numbers and IDs are stored as numbers).
    case number
    /// A JSON `true`, `false` or `null` (never scanned).
    case literal
    /// A JSON object key (context for its value; scanned as data only when it holds personal data itself).
    case key
}

/// One escape inside a value: bytes of the source that decode to other bytes (`\u00e9`, `\n`, a doubled
/// quote). Outside escapes, decoded bytes and source bytes are the same, one for one.
public struct Escape: Sendable, Equatable {
    /// The decoded bytes, in the batch's `decoded` buffer.
    public var decoded: Range<Int>
    /// The escape's bytes in the source (absolute offsets).
    public var source: Range<Int>

    /// Creates an escape.
    public init(decoded: Range<Int>, source: Range<Int>) {
        self.decoded = decoded
        self.source = source
    }
}

/// One value of a record: a CSV field or a JSON scalar (or key), decoded for the detector, with where it
/// sits in the source and which field it belongs to.
public struct RecordValue: Sendable {
    /// The decoded bytes, in the batch's `decoded` buffer.
    public var decoded: Range<Int>
    /// The content's bytes in the source (absolute offsets), without the quotes of a quoted field or string.
    public var source: Range<Int>
    /// The whole token in the source: with its quotes (equal to `source` for unquoted values).
    public var outer: Range<Int>
    /// The escapes inside the value, as a range of `RecordBatch.escapes` (empty when it has none).
    public var escapes: Range<Int>
    /// The field: a CSV column index (0-based) or a JSON key path id (`$.users[*].email`), both indexing the
    /// reader's `fieldNames`.
    public var field: Int
    /// How the value is written.
    public var kind: ValueKind
    /// 1-based line of `source.lowerBound` in the source.
    public var line: Int
    /// 1-based byte column of `source.lowerBound` on its line.
    public var column: Int
    /// Index of the value's record in `RecordBatch.records`.
    public var record: Int
    /// JSON: the array indices of the value's concrete path, in order, as a range of `RecordBatch.indices`
    /// (`$.users[3].tags[0]` holds 3 and 0). Empty for CSV.
    public var indices: Range<Int>
    /// JSON: the object member this value is the value (or key) of, as an index of `RecordBatch.members`;
    /// -1 when it is not a member's (an array element, a top-level value, a CSV field).
    public var member: Int

    /// Creates a value.
    public init(
        decoded: Range<Int>, source: Range<Int>, outer: Range<Int>, escapes: Range<Int>, field: Int, kind: ValueKind,
        line: Int, column: Int, record: Int, indices: Range<Int> = 0..<0, member: Int = -1
    ) {
        self.decoded = decoded
        self.source = source
        self.outer = outer
        self.escapes = escapes
        self.field = field
        self.kind = kind
        self.line = line
        self.column = column
        self.record = record
        self.indices = indices
        self.member = member
    }
}

/// A JSON object member (`"key": value`), for dropping it whole.
public struct MemberSpan: Sendable, Equatable {
    /// Ordinal of the object in the batch (members of one object share it).
    public var object: Int
    /// 0-based position of the member in its object.
    public var index: Int
    /// The member's field (its key path id).
    public var field: Int
    /// From the key's opening quote to the end of the value (nested containers included).
    public var range: Range<Int>
    /// The comma before the member (absolute offset), when it is not the object's first.
    public var commaBefore: Int?
    /// Where the next member's key starts, when there is one (what follows this member up to there is a
    /// comma and white space).
    public var nextStart: Int?

    /// Creates a member span.
    public init(object: Int, index: Int, field: Int, range: Range<Int>, commaBefore: Int?, nextStart: Int?) {
        self.object = object
        self.index = index
        self.field = field
        self.range = range
        self.commaBefore = commaBefore
        self.nextStart = nextStart
    }
}

/// One record: a CSV row (the header is record 0), a JSON Lines line, an element of a JSON document's
/// outermost array.
public struct RecordSpan: Sendable, Equatable {
    /// 1-based record number; 0 for a CSV header.
    public var number: Int
    /// The record's bytes in the source (absolute), with its line ending.
    public var source: Range<Int>
    /// 1-based line of its first byte.
    public var line: Int
    /// Its values, as a range of `RecordBatch.values`.
    public var values: Range<Int>

    /// Creates a record span.
    public init(number: Int, source: Range<Int>, line: Int, values: Range<Int>) {
        self.number = number
        self.source = source
        self.line = line
        self.values = values
    }
}

/// A record that could not be read and was left out (`--on-error skip`): named, never silent.
public struct SkippedRecord: Sendable, Equatable {
    /// 1-based record number.
    public var number: Int
    /// 1-based line where it starts.
    public var line: Int
    /// Its bytes in the source (absolute): the writer leaves them out.
    public var source: Range<Int>
    /// Why (`unterminated quoted field`), without the record's bytes.
    public var reason: String

    /// Creates a skipped record.
    public init(number: Int, line: Int, source: Range<Int>, reason: String) {
        self.number = number
        self.line = line
        self.source = source
        self.reason = reason
    }
}

/// Whole records read from a source, their values decoded for the detector. `source` holds every byte of
/// the batch's part of the input (records, and anything between them such as a byte-order mark), so a
/// writer that copies `source` with patches applied keeps every other byte.
public struct RecordBatch: Sendable {
    /// The input's bytes this batch covers; `source[0]` is at absolute offset `sourceOffset`.
    public var source: [UInt8]
    /// Absolute offset of `source[0]`.
    public var sourceOffset: Int
    /// Decoded values, back to back (the detector's segments point into it).
    public var decoded: [UInt8]
    /// The records, in order.
    public var records: [RecordSpan]
    /// Every value of every record, in source order.
    public var values: [RecordValue]
    /// Escapes of all values.
    public var escapes: [Escape]
    /// JSON array indices of all values' paths.
    public var indices: [Int]
    /// JSON object members.
    public var members: [MemberSpan]
    /// Records left out.
    public var skipped: [SkippedRecord]

    /// Creates a batch.
    public init(
        source: [UInt8], sourceOffset: Int, decoded: [UInt8], records: [RecordSpan], values: [RecordValue],
        escapes: [Escape] = [], indices: [Int] = [], members: [MemberSpan] = [], skipped: [SkippedRecord] = []
    ) {
        self.source = source
        self.sourceOffset = sourceOffset
        self.decoded = decoded
        self.records = records
        self.values = values
        self.escapes = escapes
        self.indices = indices
        self.members = members
        self.skipped = skipped
    }

    /// The source bytes (absolute range) that `decoded` (a range inside value `index`'s decoded bytes) came
    /// from. A bound inside an escape widens to the whole escape: a finding never cuts one in half.
    public func sourceRange(ofValue index: Int, decoded range: Range<Int>) -> Range<Int> {
        let value = values[index]
        return Self.sourceRange(decoded: range, value: value, escapes: escapes[value.escapes])
    }

    /// `sourceRange(ofValue:decoded:)` for a value and its escapes.
    public static func sourceRange(
        decoded range: Range<Int>, value: RecordValue, escapes: ArraySlice<Escape>
    ) -> Range<Int> {
        if escapes.isEmpty {
            let shift = value.source.lowerBound - value.decoded.lowerBound
            return (range.lowerBound + shift)..<(range.upperBound + shift)
        }
        func map(_ d: Int, isEnd: Bool) -> Int {
            // The source offset of decoded offset `d`: after the last escape that starts at or before it.
            var sourceAt = value.source.lowerBound
            var decodedAt = value.decoded.lowerBound
            for e in escapes {
                if e.decoded.lowerBound > d || (isEnd && e.decoded.lowerBound == d) { break }
                if d < e.decoded.upperBound || (!isEnd && d == e.decoded.lowerBound) {
                    return isEnd ? e.source.upperBound : e.source.lowerBound
                }
                sourceAt = e.source.upperBound
                decodedAt = e.decoded.upperBound
            }
            return sourceAt + (d - decodedAt)
        }
        return map(range.lowerBound, isEnd: false)..<map(range.upperBound, isEnd: true)
    }

    /// The value's concrete JSON path (`$.users[3].email`) from its field's generalized path
    /// (`$.users[*].email`), its indices filled in; a CSV column's name as it is.
    public func path(ofValue index: Int, fieldNames: [String]) -> String {
        let value = values[index]
        let general = fieldNames[value.field]
        guard !value.indices.isEmpty else { return general }
        // `[*]` in the general path becomes each index in turn (byte-wise: no Foundation here).
        var out: [UInt8] = []
        var next = value.indices.lowerBound
        let bytes = Array(general.utf8)
        var i = 0
        while i < bytes.count {
            if next < value.indices.upperBound, i + 2 < bytes.count, bytes[i] == 0x5B, bytes[i + 1] == 0x2A,
                bytes[i + 2] == 0x5D
            {
                out += Array("[\(indices[next])]".utf8)
                next += 1
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A change to the source: `range` (absolute) becomes `bytes`.
public struct SourcePatch: Sendable, Equatable {
    /// The bytes replaced (absolute offsets).
    public var range: Range<Int>
    /// What is written instead.
    public var bytes: [UInt8]

    /// Creates a patch.
    public init(range: Range<Int>, bytes: [UInt8]) {
        self.range = range
        self.bytes = bytes
    }

    /// The batch's source with `patches` applied (sorted by start, not overlapping; a patch starting inside
    /// an earlier one is ignored): the writer's part, every other byte as it was.
    public static func apply(_ patches: [SourcePatch], to batch: RecordBatch) -> [UInt8] {
        let bytes = batch.source
        let base = batch.sourceOffset
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for patch in patches {
            let start = patch.range.lowerBound - base
            guard start >= cursor else { continue }
            out.append(contentsOf: bytes[cursor..<start])
            out.append(contentsOf: patch.bytes)
            cursor = patch.range.upperBound - base
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}

/// A record that cannot be read, naming where it is; never its bytes (they may be personal data).
public struct RecordError: Error, CustomStringConvertible, Sendable, Equatable {
    /// 1-based line where the problem is.
    public var line: Int
    /// 1-based record number (nil when the problem is before the first record, or in a JSON document's
    /// structure).
    public var record: Int?
    /// Absolute byte offset of the problem.
    public var offset: Int
    /// What is wrong (`unterminated quoted field`, `invalid UTF-8 in a value`, `record larger than 16 MiB`).
    public var problem: String

    /// Creates an error.
    public init(line: Int, record: Int?, offset: Int, problem: String) {
        self.line = line
        self.record = record
        self.offset = offset
        self.problem = problem
    }

    public var description: String {
        "line \(line)" + (record.map { ", record \($0)" } ?? "") + " (byte \(offset)): " + problem
    }
}

/// How large a record may grow before it is an error rather than unbounded memory.
public struct RecordLimits: Sendable, Equatable {
    /// Bytes of one record (a CSV row, a JSON Lines line, an element of a JSON document's outer array).
    public var maxRecordBytes: Int
    /// Bytes of one field or value.
    public var maxFieldBytes: Int
    /// Fields of one CSV record.
    public var maxFields: Int
    /// Nesting of JSON objects and arrays.
    public var maxDepth: Int
    /// Bytes of a JSON document (read whole; JSON Lines streams).
    public var maxDocumentBytes: Int

    /// The documented defaults: 64 MiB records, 16 MiB fields, 65,536 fields, depth 512, 1 GiB documents.
    public init(
        maxRecordBytes: Int = 64 << 20, maxFieldBytes: Int = 16 << 20, maxFields: Int = 65_536, maxDepth: Int = 512,
        maxDocumentBytes: Int = 1 << 30
    ) {
        self.maxRecordBytes = maxRecordBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
    }
}

/// What a reader does with a record it cannot read.
public enum BadRecordPolicy: Sendable {
    /// Throw a `RecordError` (the run gives up the file and writes nothing for it).
    case fail
    /// Leave the record out, listed in `RecordBatch.skipped`, and go on at the next record.
    case skip
}

/// Reads a source as batches of whole records.
public protocol RecordReader: AnyObject {
    /// Field names by id: CSV column names (`#3` for a column without a header), JSON generalized key paths.
    /// Grows as reading goes on; ids never change.
    var fieldNames: [String] { get }
    /// The next batch of whole records, about `RecordReaderConfig.batchBytes` of source; nil after the last.
    /// Throws a `RecordError` for a bad record under `BadRecordPolicy.fail`.
    func next() throws -> RecordBatch?
}

/// Settings every record reader takes.
public struct RecordReaderConfig: Sendable {
    /// Size limits.
    public var limits: RecordLimits
    /// What to do with a bad record.
    public var onError: BadRecordPolicy
    /// Source bytes per batch (a batch ends at a record boundary after this many).
    public var batchBytes: Int

    /// Creates a config.
    public init(limits: RecordLimits = RecordLimits(), onError: BadRecordPolicy = .fail, batchBytes: Int = 1 << 20) {
        self.limits = limits
        self.onError = onError
        self.batchBytes = batchBytes
    }
}

/// Room for the next batch's array from the last one's count: a quarter more. Exactly as many made every batch
/// with a few more values than the last double its array, copying all of it (a batch of a JSON Lines file holds
/// about 100,000 values of 136 bytes: those copies were 5% of a scan's time).
@inline(__always) func roomLike(_ count: Int) -> Int { count + count / 4 + 16 }
