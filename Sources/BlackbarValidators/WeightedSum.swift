/// A configurable weighted-sum check digit: the family behind ISBN-10, EAN/GTIN, many national IDs
/// and bank account numbers.
///
/// The payload characters are multiplied by `weights` and summed; `r = sum mod modulus`.
/// The check value is then derived from `r` by ``Rule``:
///
/// | rule          | check value v            | typical use                           |
/// |---------------|--------------------------|---------------------------------------|
/// | `.remainder`  | `v = r`                  | mod 11 "remainder is the check" IDs   |
/// | `.complement` | `v = modulus - r`        | ISBN-10, EAN-13 (`11 - r`, `10 - r`)  |
///
/// A value `v` of 0-9 is written as that digit. Values 10 and 11 (only reachable with a modulus
/// above 10) are mapped by ``Special``: `ten` says what `v == 10` becomes (`X`, `0`, or the payload
/// is not valid), `eleven` what `v == 11` becomes (usually `0`). With `.complement` and modulus 10,
/// `r == 0` gives `v == 10`, so set `ten: .zero` for the classic `(10 - r) mod 10`.
///
/// Weights longer than the payload are truncated; shorter ones repeat. ``Alignment`` says whether
/// the first weight goes to the leftmost payload character (fixed-length IDs) or to the payload
/// character next to the check digit (variable-length numbers such as EAN/GTIN).
public struct WeightedSum: Sendable, Equatable {
    /// How the remainder becomes the check value.
    public enum Rule: Sendable, Equatable {
        /// The check value is the remainder itself.
        case remainder
        /// The check value is `modulus - remainder`.
        case complement
    }

    /// What a check value of 10 or 11 is written as.
    public enum Special: Sendable, Equatable {
        /// No check character exists: payloads giving this value are never valid.
        case invalid
        /// Written as `0`.
        case zero
        /// Written as `X` (ISBN-10, ISSN, ISO 7064 MOD 11-2 style).
        case letterX
    }

    /// Which end of the payload the first weight applies to.
    public enum Alignment: Sendable, Equatable {
        /// `weights[0]` multiplies the leftmost payload character.
        case left
        /// `weights[0]` multiplies the payload character just before the check digit.
        case right
    }

    /// How payload characters become numbers.
    public enum Values: Sendable, Equatable {
        /// Only `0`-`9`.
        case digits
        /// `0`-`9` then `A`-`Z` as 10-35.
        case alphanumeric
    }

    /// The weights (non-empty).
    public let weights: [Int]
    /// The modulus (2 or more).
    public let modulus: Int
    /// Remainder to check value.
    public let rule: Rule
    /// Meaning of check value 10.
    public let ten: Special
    /// Meaning of check value 11.
    public let eleven: Special
    /// Weight alignment.
    public let alignment: Alignment
    /// Character values.
    public let values: Values

    /// Creates a scheme. Empty weights, or a modulus outside 2...2^24, are replaced by `[1]` and 10
    /// so the scheme never traps; such a scheme is useless but harmless.
    public init(
        weights: [Int], modulus: Int, rule: Rule, ten: Special = .invalid, eleven: Special = .zero,
        alignment: Alignment = .left, values: Values = .digits
    ) {
        self.weights = weights.isEmpty ? [1] : weights
        self.modulus = modulus < 2 || modulus > 1 << 24 ? 10 : modulus
        self.rule = rule
        self.ten = ten
        self.eleven = eleven
        self.alignment = alignment
        self.values = values
    }

    /// ISBN-10: weights 10...2, mod 11, `11 - r`, 10 written `X`, 11 written `0`.
    public static let isbn10 = WeightedSum(
        weights: [10, 9, 8, 7, 6, 5, 4, 3, 2], modulus: 11, rule: .complement, ten: .letterX, eleven: .zero)
    /// EAN/GTIN (8, 12, 13, 14 digits): weights 3,1 from the right, `(10 - r) mod 10`.
    public static let gtin = WeightedSum(weights: [3, 1], modulus: 10, rule: .complement, ten: .zero, alignment: .right)

    /// The weighted sum of `payload` modulo `modulus`, or nil on a character outside ``values``.
    public func remainder(of payload: ArraySlice<UInt8>) -> Int? {
        var sum = 0
        let count = payload.count
        for (offset, byte) in payload.enumerated() {
            let value: Int?
            switch values {
            case .digits: value = ASCII.digit(byte)
            case .alphanumeric: value = ASCII.alphanumeric(byte)
            }
            guard let value else { return nil }
            let index = alignment == .left ? offset : count - 1 - offset
            let weight = weights[index % weights.count] % modulus
            sum = (sum + value * weight) % modulus
        }
        return (sum + modulus) % modulus
    }

    /// The check value (0...modulus) for a payload, before mapping to a character; nil on bad input.
    public func checkValue(for payload: [UInt8]) -> Int? {
        checkValue(payload[...])
    }

    /// The ASCII check character for `payload` (non-empty), or nil when bad input or when the
    /// value has no character (``Special/invalid``, or a value above 11, or 10-35 without a mapping).
    public func checkCharacter(for payload: [UInt8]) -> UInt8? {
        checkCharacter(payload[...])
    }

    /// Whether `input` (payload then one check character) passes. Needs at least two bytes.
    public func isValid(_ input: [UInt8]) -> Bool {
        guard input.count >= 2, let expected = checkCharacter(input.dropLast()) else { return false }
        return expected == input[input.count - 1]
    }

    private func checkValue(_ payload: ArraySlice<UInt8>) -> Int? {
        guard let r = remainder(of: payload) else { return nil }
        return rule == .remainder ? r : modulus - r
    }

    private func checkCharacter(_ payload: ArraySlice<UInt8>) -> UInt8? {
        guard !payload.isEmpty, let v = checkValue(payload) else { return nil }
        switch v {
        case 0...9: return ASCII.digitByte(v)
        case 10: return character(for: ten)
        case 11: return character(for: eleven)
        default: return nil
        }
    }

    private func character(for special: Special) -> UInt8? {
        switch special {
        case .invalid: return nil
        case .zero: return UInt8(ascii: "0")
        case .letterX: return UInt8(ascii: "X")
        }
    }
}
