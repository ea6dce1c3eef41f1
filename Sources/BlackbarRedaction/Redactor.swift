import BlackbarCore

/// Turns findings into edits: each finding's operator decides its replacement. Every other byte is kept
/// by the writer that applies the edits.
public struct Redactor: Sendable {
    /// The policy deciding each finding's operator.
    public let policy: RedactionPolicy
    /// Keys and run-scoped counters the operators may use.
    public let context: RunContext?

    /// Creates a redactor.
    public init(policy: RedactionPolicy, context: RunContext? = nil) {
        self.policy = policy
        self.context = context
    }

    /// The edits for `findings` (sorted by start, non-overlapping, offsets into `bytes`). A `keep` finding
    /// makes no edit.
    ///
    /// Records in = records out: a value that spans line breaks (a three-line passport MRZ) is replaced line
    /// by line, each line's piece by its own replacement, and the line breaks stay.
    public func edits(for findings: [Finding], in bytes: UnsafeRawBufferPointer) -> [Edit] {
        var edits: [Edit] = []
        edits.reserveCapacity(findings.count)
        for finding in findings {
            let op = policy.operator(for: finding.entity)
            if op == .keep { continue }
            var start = finding.range.start
            let end = finding.range.end
            // Each line's piece of the value, without its line break (LF or CRLF).
            var i = start
            while i < end {
                guard bytes[i] == 0x0A else {
                    i += 1
                    continue
                }
                let pieceEnd = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
                append(&edits, finding, op, start..<pieceEnd, bytes)
                start = i + 1
                i += 1
            }
            append(&edits, finding, op, start..<end, bytes)
        }
        return edits
    }

    private func append(
        _ edits: inout [Edit], _ finding: Finding, _ op: Operator, _ range: Range<Int>, _ bytes: UnsafeRawBufferPointer
    ) {
        guard !range.isEmpty else { return }
        let value = UnsafeRawBufferPointer(rebasing: bytes[range])
        edits.append(Edit(
            segment: finding.segment, range: range,
            action: .replace(op.replacement(for: value, entity: finding.entity, context: context)), entity: finding.entity))
    }

    /// Redacts a whole buffer in memory.
    public func redact(_ bytes: [UInt8], findings: [Finding]) -> [UInt8] {
        let edits = bytes.withUnsafeBytes { self.edits(for: findings, in: $0) }
        return TextEdits.apply(edits, to: bytes)
    }
}
