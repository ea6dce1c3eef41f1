import BlackbarCore
import BlackbarValidators

/// What replaces a finding in the output.
public enum Operator: Sendable, Equatable, CustomStringConvertible {
    /// Each letter, digit or other non-separator character becomes `character`; spaces and ASCII
    /// punctuation stay, so the value keeps its shape and length (`**** **** **** 1111` style without the tail).
    case mask(character: UInt8 = UInt8(ascii: "*"))
    /// A typed placeholder: `<EMAIL_ADDRESS>`.
    case placeholder
    /// The value is removed.
    case remove
    /// The value is kept (reported, not changed).
    case keep

    /// Parses `mask`, `placeholder`, `remove`, `keep`.
    public init?(name: String) {
        switch name {
        case "mask": self = .mask()
        case "placeholder": self = .placeholder
        case "remove": self = .remove
        case "keep": self = .keep
        default: return nil
        }
    }

    /// Names accepted by `init(name:)`.
    public static let names = ["mask", "placeholder", "remove", "keep"]

    /// The name as written on the command line and in the risk log.
    public var description: String {
        switch self {
        case .mask: return "mask"
        case .placeholder: return "placeholder"
        case .remove: return "remove"
        case .keep: return "keep"
        }
    }

    /// The bytes that replace `value`, a finding of `entity`. `context` holds the run's keys and counters
    /// (for the keyed operators to come; the ones here need none).
    public func replacement(for value: UnsafeRawBufferPointer, entity: String, context: RunContext? = nil) -> [UInt8] {
        switch self {
        case .keep: return Array(value)
        case .remove: return []
        case .placeholder: return Array("<\(entity)>".utf8)
        case .mask(let character):
            var out: [UInt8] = []
            out.reserveCapacity(value.count)
            var i = 0
            while i < value.count {
                let b = value[i]
                if b < 0x80 {
                    out.append(ASCII.isAlnum(b) ? character : b)
                    i += 1
                } else {
                    // One mask character per UTF-8 scalar: skip the continuation bytes.
                    out.append(character)
                    i += 1
                    while i < value.count && value[i] & 0xC0 == 0x80 { i += 1 }
                }
            }
            return out
        }
    }
}

/// Which operator applies to which entity.
public struct RedactionPolicy: Sendable, Equatable {
    /// Operator for entities without their own.
    public var defaultOperator: Operator
    /// Per-entity operators (`IBAN_CODE=placeholder`).
    public var perEntity: [String: Operator]

    /// Creates a policy.
    public init(defaultOperator: Operator = .placeholder, perEntity: [String: Operator] = [:]) {
        self.defaultOperator = defaultOperator
        self.perEntity = perEntity
    }

    /// The operator for an entity.
    public func `operator`(for entity: String) -> Operator { perEntity[entity] ?? defaultOperator }

    /// Parses `--operator` values: `mask` (default for all) or `ENTITY=op`. Returns nil and the bad value on error.
    public static func parse(_ specs: [String]) -> Result<RedactionPolicy, PolicyError> {
        var policy = RedactionPolicy()
        for spec in specs {
            if let eq = spec.firstIndex(of: "=") {
                let entity = String(spec[..<eq]), name = String(spec[spec.index(after: eq)...])
                guard !entity.isEmpty, let op = Operator(name: name) else { return .failure(PolicyError(value: spec)) }
                policy.perEntity[entity] = op
            } else {
                guard let op = Operator(name: spec) else { return .failure(PolicyError(value: spec)) }
                policy.defaultOperator = op
            }
        }
        return .success(policy)
    }
}

/// An `--operator` value that is not `NAME` or `ENTITY=NAME` with a known operator.
public struct PolicyError: Error, CustomStringConvertible {
    /// The value given.
    public let value: String
    public var description: String {
        "invalid operator '\(value)': use one of \(Operator.names.joined(separator: ", ")), or ENTITY=operator"
    }
}
