import BlackbarRedaction

/// What happens to a field's values when a record file is redacted.
public enum FieldAction: Sendable, Equatable {
    /// Findings are redacted, with this operator when the field has one of its own (else the entity's).
    case redact(Operator?)
    /// Findings are reported, the values written as they are (`--keep-column id`).
    case keep
    /// The field goes from the output: a CSV column (header included), a JSON member (`--drop-column ssn`).
    case drop
}

/// Per-field policy: `--column notes=mask`, `--drop-column ssn`, `--keep-column id`, and the same with JSON
/// paths (`--key '$.users[*].email=placeholder'`).
///
/// A field is named by its column name (compared case-insensitively), by `#N` (its 1-based index), or by a
/// JSON path: `$.users[*].email` (a general path, `[3]` is read as `[*]`), or `$..email` (the key `email`
/// at any depth). The first matching entry wins, drops and keeps before operators.
public struct FieldPolicy: Sendable, Equatable {
    /// Fields and their operator.
    public var operators: [(pattern: String, op: Operator)] = []
    /// Fields dropped from the output.
    public var drops: [String] = []
    /// Fields written unchanged.
    public var keeps: [String] = []

    /// Creates an empty policy.
    public init() {}

    public static func == (a: FieldPolicy, b: FieldPolicy) -> Bool {
        a.drops == b.drops && a.keeps == b.keeps && a.operators.map(\.pattern) == b.operators.map(\.pattern)
            && a.operators.map(\.op) == b.operators.map(\.op)
    }

    /// Whether the policy names no field.
    public var isEmpty: Bool { operators.isEmpty && drops.isEmpty && keeps.isEmpty }

    /// Parses `FIELD=OPERATOR`; nil when the operator is unknown or a part is empty.
    public mutating func addOperator(_ spec: String) -> Bool {
        guard let eq = spec.lastIndex(of: "="), let op = Operator(name: String(spec[spec.index(after: eq)...])) else {
            return false
        }
        let field = String(spec[..<eq])
        guard !field.isEmpty else { return false }
        operators.append((field, op))
        return true
    }

    /// The action for a field, by its name (a column name, or a JSON general path) and, for a column, its
    /// 0-based index.
    public func action(name: String, index: Int?) -> FieldAction {
        if drops.contains(where: { Self.matches($0, name: name, index: index) }) { return .drop }
        if keeps.contains(where: { Self.matches($0, name: name, index: index) }) { return .keep }
        if let entry = operators.first(where: { Self.matches($0.pattern, name: name, index: index) }) {
            return entry.op == .keep ? .keep : .redact(entry.op)
        }
        return .redact(nil)
    }

    /// Whether a pattern names the field.
    static func matches(_ pattern: String, name: String, index: Int?) -> Bool {
        if pattern.hasPrefix("#"), let n = Int(pattern.dropFirst()), let index { return n == index + 1 }
        if pattern.hasPrefix("$..") {
            // The last key of the path, at any depth.
            let key = pattern.dropFirst(3)
            return name.hasSuffix("." + key) || name.hasSuffix("['" + key + "']") || name.hasSuffix(".\(key)[*]")
        }
        if pattern.hasPrefix("$") { return generalized(pattern) == name }
        return pattern.lowercased() == name.lowercased()
    }

    /// `$.users[3].email` as `$.users[*].email`.
    static func generalized(_ path: String) -> String {
        var out = ""
        var digits = ""
        var inBracket = false
        for c in path {
            if inBracket {
                if c.isNumber {
                    digits.append(c)
                    continue
                }
                if c == "]" && !digits.isEmpty {
                    out += "*]"
                    digits = ""
                    inBracket = false
                    continue
                }
                out += digits
                digits = ""
                inBracket = false
            }
            out.append(c)
            if c == "[" { inBracket = true }
        }
        return out + digits
    }

    /// Patterns that named no field of the input, for a warning (a typo must not silently leave a column).
    public func unmatched(names: [String]) -> [String] {
        (drops + keeps + operators.map(\.pattern)).filter { pattern in
            !names.enumerated().contains { Self.matches(pattern, name: $0.element, index: $0.offset) }
        }
    }
}
