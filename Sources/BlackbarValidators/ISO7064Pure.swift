/// ISO/IEC 7064 pure systems with one check character: MOD 11-2 and MOD 37-2.
///
/// A string is valid when `sum(value(c_i) * r^i) mod M == 1`, with `i` counted from the right
/// (the check character has `i = 0`). Both detect every single substitution and every adjacent
/// transposition.
public struct ISO7064Pure: Sendable {
    /// The modulus M.
    public let modulus: Int
    /// The radix r.
    public let radix: Int
    /// Characters allowed before the check character; their values are their indexes.
    public let payloadAlphabet: [UInt8]
    /// Characters allowed as the check character; its value is its index (`modulus` entries).
    public let checkAlphabet: [UInt8]

    /// MOD 11-2: digits, check `0`-`9` or `X` (ISNI, ORCID, Chinese resident ID).
    public static let mod11_2 = ISO7064Pure(
        modulus: 11, radix: 2, payloadAlphabet: Array("0123456789".utf8), checkAlphabet: Array("0123456789X".utf8))
    /// MOD 37-2: digits and upper-case letters, check `0`-`9`, `A`-`Z` or `*`.
    public static let mod37_2 = ISO7064Pure(
        modulus: 37, radix: 2,
        payloadAlphabet: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8),
        checkAlphabet: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*".utf8))

    /// Whether `input` (payload then one check character, at least two bytes) passes.
    public func isValid(_ input: [UInt8]) -> Bool {
        guard input.count >= 2, let p = state(input.dropLast()),
              let check = checkAlphabet.firstIndex(of: input[input.count - 1]) else { return false }
        return (p + check) % modulus == 1
    }

    /// The check character to append to `payload` (at least one payload character), or nil.
    public func checkCharacter(for payload: [UInt8]) -> UInt8? {
        guard !payload.isEmpty, let p = state(payload[...]) else { return nil }
        return checkAlphabet[(modulus + 1 - p) % modulus]
    }

    /// `(sum of payload values * r^(i+1)) mod M`, computed left to right.
    private func state(_ payload: ArraySlice<UInt8>) -> Int? {
        var p = 0
        for byte in payload {
            guard let value = payloadAlphabet.firstIndex(of: byte) else { return nil }
            p = ((p + value) * radix) % modulus
        }
        return p
    }
}
