import BlackbarCore

/// One change to a segment's bytes: a range replaced by new bytes, or the field that holds it dropped.
///
/// The redactor makes edits; the source's writer applies them (escaping or quoting as its format needs)
/// and keeps every other byte.
public struct Edit: Sendable, Equatable {
    /// What happens to the range.
    public enum Action: Sendable, Equatable {
        /// The range's bytes become these bytes.
        case replace([UInt8])
        /// The field, cell or metadata block holding the range goes (a text writer writes nothing for it).
        case drop
    }

    /// The index of the segment in its batch (0 for a text block).
    public var segment: Int
    /// The bytes changed, in the segment's buffer.
    public var range: Range<Int>
    /// The change.
    public var action: Action
    /// The finding's entity (for counts and for writers that choose an escaping per entity).
    public var entity: String

    /// Creates an edit.
    public init(segment: Int = 0, range: Range<Int>, action: Action, entity: String) {
        self.segment = segment
        self.range = range
        self.action = action
        self.entity = entity
    }

    /// The bytes that stand for the range in a text output.
    public var replacement: [UInt8] {
        switch action {
        case .replace(let bytes): return bytes
        case .drop: return []
        }
    }
}

/// Applies edits to a stream of bytes, the text writer's part: the bytes between edits are written as they
/// are, each edit's range as its replacement.
public enum TextEdits {
    /// Writes `bytes[from..<to]` with every edit (sorted, non-overlapping, in `bytes`' offsets) applied.
    /// - Returns: where writing stopped: past `to` when the last edit ran over it.
    @discardableResult
    public static func apply(
        _ edits: [Edit], to bytes: UnsafeRawBufferPointer, from: Int, to: Int, write: (UnsafeRawBufferPointer) -> Void
    ) -> Int {
        var cursor = from
        for edit in edits where edit.range.lowerBound >= cursor {
            if edit.range.lowerBound > cursor {
                write(UnsafeRawBufferPointer(rebasing: bytes[cursor..<edit.range.lowerBound]))
            }
            edit.replacement.withUnsafeBytes(write)
            cursor = edit.range.upperBound
        }
        if cursor < to { write(UnsafeRawBufferPointer(rebasing: bytes[cursor..<to])) }
        return max(cursor, to)
    }

    /// All of `bytes` with the edits applied.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBytes { raw in
            _ = apply(edits, to: raw, from: 0, to: raw.count) { out.append(contentsOf: $0) }
        }
        return out
    }
}
