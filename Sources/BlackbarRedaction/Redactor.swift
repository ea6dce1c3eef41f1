import BlackbarCore

/// Applies findings to bytes: each finding's span is replaced by its operator's output, every other byte is kept.
public struct Redactor: Sendable {
    /// The policy deciding each finding's operator.
    public let policy: RedactionPolicy

    /// Creates a redactor.
    public init(policy: RedactionPolicy) { self.policy = policy }

    /// Writes `bytes[range]` with every finding inside it replaced, in order.
    ///
    /// - Parameters:
    ///   - findings: sorted by start, non-overlapping, offsets into `bytes`.
    ///   - from: first byte to write (a finding that ended past the previous region moves it forward).
    ///   - write: receives the output in pieces.
    /// - Returns: the offset where writing stopped (past `range.upperBound` when the last finding crossed it).
    @discardableResult
    public func redact(
        _ bytes: UnsafeRawBufferPointer, from: Int, to: Int, findings: [Finding],
        write: (UnsafeRawBufferPointer) -> Void
    ) -> Int {
        var cursor = from
        for finding in findings where finding.range.start >= cursor {
            if finding.range.start > cursor {
                write(UnsafeRawBufferPointer(rebasing: bytes[cursor..<finding.range.start]))
            }
            let value = UnsafeRawBufferPointer(rebasing: bytes[finding.range.start..<finding.range.end])
            let replacement = policy.operator(for: finding.entity).replacement(for: value, entity: finding.entity)
            replacement.withUnsafeBytes(write)
            cursor = finding.range.end
        }
        if cursor < to { write(UnsafeRawBufferPointer(rebasing: bytes[cursor..<to])) }
        return max(cursor, to)
    }

    /// Redacts a whole buffer in memory.
    public func redact(_ bytes: [UInt8], findings: [Finding]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBytes { raw in
            _ = redact(raw, from: 0, to: raw.count, findings: findings) { out.append(contentsOf: $0) }
        }
        return out
    }
}
