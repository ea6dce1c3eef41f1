import BlackbarValidators

/// A half-open range of byte offsets (`start..<end`) into the input, in UTF-8 code units.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// First byte of the range.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// Creates a range; `start <= end`.
    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "ByteRange start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    /// Number of bytes.
    public var count: Int { end - start }

    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: ByteRange) -> Bool { start < other.end && other.start < end }

    /// The same range moved by `delta` bytes.
    public func shifted(by delta: Int) -> ByteRange { ByteRange(start + delta, end + delta) }

    public static func < (a: ByteRange, b: ByteRange) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "\(start)..<\(end)" }
}

/// Why a finding was made: what `--explain` prints.
public struct Explanation: Sendable, Equatable {
    /// The rule's pattern source.
    public var pattern: String
    /// The validator's name, or nil when the rule has none.
    public var validator: String?
    /// What the validator said.
    public var outcome: ValidatorOutcome
    /// The context word (or field name word) that raised the confidence, if any.
    public var contextWord: String?
    /// The negative context word that lowered it, if any.
    public var negativeWord: String?
    /// The rule's base confidence.
    public var base: Double
}

/// An explanation behind a reference (see `Finding.explanation`).
private final class ExplanationBox: Sendable {
    let value: Explanation
    init(_ value: Explanation) { self.value = value }
}

/// One piece of personal data found in the input. Holds no raw value: only where it is.
public struct Finding: Sendable, Equatable {
    /// The rule that made it (`iban`, `email`).
    public var ruleID: String
    /// What kind of data it is (`IBAN_CODE`, `EMAIL_ADDRESS`).
    public var entity: String
    /// Where the value sits, in bytes of the scanned segment or input.
    public var range: ByteRange
    /// 0...1: how sure the detector is.
    public var confidence: Double
    /// Whether a checksum or structure validator confirmed the value.
    public var validated: Bool
    /// The rule's precedence among overlapping findings (higher wins before confidence is compared).
    public var priority: Int
    /// Why it was made; filled when the detector runs with `explain`. Kept behind a reference: findings are
    /// copied at every stage, and five strings inline made each copy a 190-byte move with six reference counts.
    public var explanation: Explanation? {
        get { explanationBox?.value }
        set { explanationBox = newValue.map(ExplanationBox.init) }
    }
    private var explanationBox: ExplanationBox?
    /// Why the value, though it has its entity's shape and checks, is low risk (a reserved example domain,
    /// a documentation address, a test card number: `LookAlike`); nil for ordinary findings. Its severity is
    /// low.
    public var lowRisk: String?
    /// The index of its segment in the batch scanned (`Detector.scan(_:scratch:)`); 0 for a single subject.
    public var segment: Int = 0

    /// Creates a finding.
    public init(
        ruleID: String, entity: String, range: ByteRange, confidence: Double, validated: Bool, priority: Int = 0,
        explanation: Explanation? = nil
    ) {
        self.ruleID = ruleID
        self.entity = entity
        self.range = range
        self.confidence = confidence
        self.validated = validated
        self.priority = priority
        self.explanation = explanation
    }

    /// Equal when every field is, the explanation compared by value.
    public static func == (a: Finding, b: Finding) -> Bool {
        a.ruleID == b.ruleID && a.entity == b.entity && a.range == b.range && a.confidence == b.confidence
            && a.validated == b.validated && a.priority == b.priority && a.explanation == b.explanation
            && a.lowRisk == b.lowRisk && a.segment == b.segment
    }
}
