/// Bytes that many segments share without copying (a block of a file, a CSV record, a metadata field).
public final class SharedBytes: Sendable {
    /// The bytes.
    public let bytes: [UInt8]

    /// Wraps `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// Where a segment's first byte sits in its source: what its findings' locations are computed from.
///
/// Text fills `offset`, `line` and `column`; records add `record` and `path` (a column name or a JSON path
/// such as `$.users[3].email`); metadata fills `path` with the tag (`EXIF:Artist`).
public struct SegmentOrigin: Sendable, Equatable {
    /// Byte offset in the source.
    public var offset: Int
    /// 1-based line of that byte in the source, when the source has lines.
    public var line: Int?
    /// 1-based byte column of that byte on its line.
    public var column: Int?
    /// 1-based record (row, JSON Lines line).
    public var record: Int?
    /// Column name, key path or metadata tag.
    public var path: String?

    /// Creates an origin.
    public init(offset: Int, line: Int? = nil, column: Int? = nil, record: Int? = nil, path: String? = nil) {
        self.offset = offset
        self.line = line
        self.column = column
        self.record = record
        self.path = path
    }
}

/// A piece of input handed to the detector: bytes (a shared buffer and a range), where they sit, and the
/// field they belong to. The detector never learns the format; a format never sees a regex.
public struct Segment: Sendable {
    /// The buffer holding the bytes.
    public let buffer: SharedBytes
    /// The segment's bytes in `buffer`.
    public let range: Range<Int>
    /// Where `range.lowerBound` sits in the source.
    public let origin: SegmentOrigin
    /// The field (column, key, tag) whose name is context for every value in the segment; nil for text.
    public let field: FieldContext?

    /// Creates a segment.
    public init(buffer: SharedBytes, range: Range<Int>, origin: SegmentOrigin, field: FieldContext? = nil) {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.bytes.count, "segment outside its buffer")
        self.buffer = buffer
        self.range = range
        self.origin = origin
        self.field = field
    }

    /// A segment over all of `bytes`, at `offset` 0.
    public init(_ bytes: [UInt8], field: FieldContext? = nil) {
        self.init(buffer: SharedBytes(bytes), range: 0..<bytes.count, origin: SegmentOrigin(offset: 0), field: field)
    }
}

/// Many segments of one buffer, each naming its field by number: a batch of a table's cells, as
/// `Detector.scan(_:scratch:)` reads it. The same as an array of `Segment`s over that buffer, without a
/// `Segment` per cell: each of those retained and released its buffer and its field (about 8 million
/// instructions per MB of a dense table).
public struct SegmentBatch: Sendable {
    /// The buffer holding every segment's bytes.
    public let buffer: SharedBytes
    /// Per segment: its bytes in `buffer`.
    public private(set) var ranges: [Range<Int>] = []
    /// Per segment: its field's number in `fields`, or -1 when it has none.
    public private(set) var fieldNumbers: [Int32] = []
    /// The fields the segments name.
    public private(set) var fields: [FieldContext] = []
    /// Bytes of input the segments were read from (a record batch's source), or 0 when not known. The
    /// detector reads it as a sign of how much input there is: a batch of a whole reader's batch size is
    /// scanned with the shape gate from its first byte, as a whole text block is.
    public var sourceBytes = 0

    /// An empty batch over `buffer`.
    public init(buffer: SharedBytes) { self.buffer = buffer }

    /// A batch over `buffer` with its segments and fields given whole, checked as `append` checks each (a
    /// table's batch has tens of thousands of cells: appended one by one, each paid two arrays' uniqueness and
    /// capacity checks).
    public init(buffer: SharedBytes, ranges: [Range<Int>], fieldNumbers: [Int32], fields: [FieldContext]) {
        precondition(ranges.count == fieldNumbers.count, "a field number per segment")
        let size = buffer.bytes.count, known = Int32(fields.count)
        ranges.withUnsafeBufferPointer { ranges in
            for range in ranges {
                precondition(range.lowerBound >= 0 && range.upperBound <= size, "segment outside its buffer")
            }
        }
        fieldNumbers.withUnsafeBufferPointer { numbers in
            for field in numbers { precondition(field < known, "unknown field number") }
        }
        self.buffer = buffer
        self.ranges = ranges
        self.fieldNumbers = fieldNumbers
        self.fields = fields
    }

    /// Number of segments.
    public var count: Int { ranges.count }
    /// Whether there are no segments.
    public var isEmpty: Bool { ranges.isEmpty }

    /// Makes room for `n` segments.
    public mutating func reserveCapacity(_ n: Int) {
        ranges.reserveCapacity(n)
        fieldNumbers.reserveCapacity(n)
    }

    /// Adds a field for segments to name; returns its number.
    public mutating func addField(_ field: FieldContext) -> Int32 {
        fields.append(field)
        return Int32(fields.count - 1)
    }

    /// Adds a segment over `range` of the buffer, of field number `field` (-1: none).
    public mutating func append(_ range: Range<Int>, field: Int32) {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.bytes.count, "segment outside its buffer")
        precondition(field < Int32(fields.count), "unknown field number")
        ranges.append(range)
        fieldNumbers.append(field)
    }
}

/// A field name (a CSV column, a JSON key path, a metadata tag) and what it says to each rule of one
/// detector, resolved once per field rather than once per rule per value. Made by `Detector.field(_:)`.
public final class FieldContext: Sendable {
    /// The name as given.
    public let name: String
    /// Per rule index: the rule's context word that the name holds (it also opens the whole field to the rule),
    /// or for a field rule the field word its own name holds.
    let contextWords: [String?]
    /// Per rule index: the rule's negative context word that the name holds.
    let negativeWords: [String?]
    /// Per rule index: whether the name holds a context word (negative word) of the rule: what the detector
    /// tests per candidate, without taking a reference to the word.
    let hasContextWord: [Bool]
    let hasNegativeWord: [Bool]
    /// Per rule index: whether a field rule reads this field's values.
    let fieldRule: [Bool]
    /// Whether some rule's context word is in the name.
    let opensAny: Bool
    /// The rule indices whose context word is in the name (the rules the field opens), ascending.
    let opens: [Int]
    /// Whether some field rule reads this field.
    let anyFieldRule: Bool

    init(name: String, contextWords: [String?], negativeWords: [String?], fieldRule: [Bool]) {
        self.name = name
        self.contextWords = contextWords
        self.negativeWords = negativeWords
        self.fieldRule = fieldRule
        hasContextWord = contextWords.map { $0 != nil }
        hasNegativeWord = negativeWords.map { $0 != nil }
        opensAny = contextWords.contains { $0 != nil }
        opens = contextWords.indices.filter { contextWords[$0] != nil }
        anyFieldRule = fieldRule.contains(true)
    }
}
