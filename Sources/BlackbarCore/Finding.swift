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
public struct Explanation: Sendable, Hashable {
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

/// An explanation behind a reference (see `Finding.explanation`), interned: equal explanations share one box.
/// Their number is bounded by the rule packs (a rule's pattern, validator and words, three outcomes).
private final class ExplanationBox: Sendable {
    let value: Explanation
    init(_ value: Explanation) { self.value = value }
    static let table = InternTable<Explanation, ExplanationBox> { explanation, _ in ExplanationBox(explanation) }
}

/// One piece of personal data found in the input. Holds no raw value: only where it is.
public struct Finding: Sendable, Equatable {
    // Every reference is `unowned(unsafe)` to an interned object, never freed (`InternedName`): a finding is
    // a plain value, copied without reference counting.
    private unowned(unsafe) var ruleName: InternedName
    private unowned(unsafe) var entityName: InternedName
    private unowned(unsafe) var lowRiskName: InternedName?
    private unowned(unsafe) var explanationBox: ExplanationBox?

    /// The rule that made it (`iban`, `email`).
    public var ruleID: String {
        get { ruleName.string }
        set { ruleName = .of(newValue) }
    }
    /// What kind of data it is (`IBAN_CODE`, `EMAIL_ADDRESS`).
    public var entity: String {
        get { entityName.string }
        set { entityName = .of(newValue) }
    }
    /// Where the value sits, in bytes of the scanned segment or input.
    public var range: ByteRange
    /// 0...1: how sure the detector is.
    public var confidence: Double
    /// Whether a checksum or structure validator confirmed the value.
    public var validated: Bool
    /// The rule's precedence among overlapping findings (higher wins before confidence is compared).
    public var priority: Int
    /// Why it was made; filled when the detector runs with `explain`.
    public var explanation: Explanation? {
        get { explanationBox?.value }
        set { explanationBox = newValue.map { ExplanationBox.table.intern($0) } }
    }
    /// Why the value, though it has its entity's shape and checks, is low risk (a reserved example domain,
    /// a documentation address, a test card number: `LookAlike`); nil for ordinary findings. Its severity is
    /// low.
    public var lowRisk: String? {
        get { lowRiskName?.string }
        set { lowRiskName = newValue.map { .of($0) } }
    }
    /// `lowRisk` as an interned name (the detector sets it from `LookAlike.Note`, interned once).
    public internal(set) var internedLowRisk: InternedName? {
        get { lowRiskName }
        set { lowRiskName = newValue }
    }
    /// The index of its segment in the batch scanned (`Detector.scan(_:scratch:)`); 0 for a single subject.
    public var segment: Int = 0

    /// Creates a finding.
    public init(
        ruleID: String, entity: String, range: ByteRange, confidence: Double, validated: Bool, priority: Int = 0,
        explanation: Explanation? = nil
    ) {
        self.init(
            rule: .of(ruleID), entity: .of(entity), range: range, confidence: confidence, validated: validated,
            priority: priority)
        self.explanation = explanation
    }

    /// Creates a finding from names already interned (the detector's, per rule).
    init(rule: InternedName, entity: InternedName, range: ByteRange, confidence: Double, validated: Bool, priority: Int) {
        ruleName = rule
        entityName = entity
        self.range = range
        self.confidence = confidence
        self.validated = validated
        self.priority = priority
    }

    /// The rule id as an interned name: equal ids are the same object (compare with `===`).
    public var internedRuleID: InternedName { ruleName }
    /// The entity as an interned name.
    public var internedEntity: InternedName { entityName }

    /// Equal when every field is.
    public static func == (a: Finding, b: Finding) -> Bool {
        a.ruleName === b.ruleName && a.entityName === b.entityName && a.range == b.range
            && a.confidence == b.confidence && a.validated == b.validated && a.priority == b.priority
            && a.explanationBox === b.explanationBox && a.lowRiskName === b.lowRiskName && a.segment == b.segment
    }
}
