/// What a validator says about a candidate.
public enum ValidatorOutcome: String, Sendable, Equatable {
    /// The checksum or structure check passed.
    case valid
    /// The check failed: the candidate is not a finding.
    case invalid
    /// The check does not apply to this shape of value; the candidate keeps its base confidence.
    case notApplicable = "not-applicable"
}

/// A named check over the normalized bytes of a candidate.
///
/// Validators are pure: the same bytes always give the same outcome, and they never allocate
/// more than a small fixed amount. They receive the candidate after the rule's `normalize`
/// steps (for example separators removed and letters upper-cased).
public struct Validator: Sendable {
    /// The name a rule file uses (`validator: luhn`).
    public let name: String
    /// One line on what is checked, shown by `blackbar rules list` and `--explain`.
    public let summary: String
    /// The check itself.
    public let check: @Sendable ([UInt8]) -> ValidatorOutcome

    /// Creates a validator from a full outcome function.
    public init(_ name: String, _ summary: String, check: @escaping @Sendable ([UInt8]) -> ValidatorOutcome) {
        self.name = name
        self.summary = summary
        self.check = check
    }

    /// Creates a validator from a yes/no check (`true` is `.valid`, `false` is `.invalid`).
    public init(_ name: String, _ summary: String, predicate: @escaping @Sendable ([UInt8]) -> Bool) {
        self.init(name, summary) { predicate($0) ? .valid : .invalid }
    }
}

/// All validators by name: what a rule's `validator:` field may say.
public enum Validators {
    /// Every registered validator, keyed by name.
    public static let all: [String: Validator] = {
        var table: [String: Validator] = [:]
        for group in [checksumValidators, phoneValidators, identityValidators, networkValidators] {
            for validator in group {
                precondition(table[validator.name] == nil, "validator \(validator.name) registered twice")
                table[validator.name] = validator
            }
        }
        return table
    }()

    /// The validator with this name, if any.
    public static func named(_ name: String) -> Validator? { all[name] }
}
