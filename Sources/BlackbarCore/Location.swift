/// Where a finding sits, in terms a person or a program downstream reads.
///
/// Text fills `line` and `column`; structured formats fill `record` and `field` (a column name or a
/// JSON key path); metadata fills `field` with the tag. Byte offsets live in `Finding.range`.
public struct Location: Sendable, Equatable, Codable {
    /// 1-based line in the input.
    public var line: Int?
    /// 1-based column, counted in bytes from the start of the line.
    public var column: Int?
    /// 1-based record (row, JSON Lines line) number.
    public var record: Int?
    /// Column name, key path or metadata tag.
    public var field: String?
    /// 1-based column index of a CSV field.
    public var fieldIndex: Int?
    /// Where the finding sits inside its field's decoded value (byte offsets, start and end).
    public var inValue: Range<Int>?

    /// Creates a location.
    public init(
        line: Int? = nil, column: Int? = nil, record: Int? = nil, field: String? = nil, fieldIndex: Int? = nil,
        inValue: Range<Int>? = nil
    ) {
        self.line = line
        self.column = column
        self.record = record
        self.field = field
        self.fieldIndex = fieldIndex
        self.inValue = inValue
    }
}

/// A finding with its input-wide byte range and its location.
public struct LocatedFinding: Sendable, Equatable {
    /// The finding; `range` is in bytes of the whole input.
    public var finding: Finding
    /// Line and column (or record and field).
    public var location: Location

    /// Creates a located finding.
    public init(finding: Finding, location: Location) {
        self.finding = finding
        self.location = location
    }
}
