/// ISO/IEC 7064 hybrid systems (M+1, M): MOD 11-10 (digits) and MOD 37-36 (digits and letters).
///
/// The check character comes from the same alphabet as the payload (M characters). Detects
/// every single substitution and most adjacent transpositions.
public struct ISO7064Hybrid: Sendable {
    /// The characters (M of them); each value is its index.
    public let alphabet: [UInt8]

    /// MOD 11-10 over `0`-`9` (German VAT ID, Croatian OIB).
    public static let mod11_10 = ISO7064Hybrid(alphabet: Array("0123456789".utf8))
    /// MOD 37-36 over `0`-`9A`-`Z`.
    public static let mod37_36 = ISO7064Hybrid(alphabet: Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))

    /// Whether `input` (payload then one check character, at least two bytes) passes.
    public func isValid(_ input: [UInt8]) -> Bool {
        let m = alphabet.count
        guard input.count >= 2, let p = state(input.dropLast()),
              let check = alphabet.firstIndex(of: input[input.count - 1]) else { return false }
        return (p + check) % m == 1
    }

    /// The check character to append to `payload` (at least one character), or nil.
    public func checkCharacter(for payload: [UInt8]) -> UInt8? {
        let m = alphabet.count
        guard !payload.isEmpty, let p = state(payload[...]) else { return nil }
        return alphabet[(m + 1 - p) % m]
    }

    /// The running product P after the payload: start at M; for each character
    /// `S = (P + a) mod M` (0 becomes M), `P = 2S mod (M+1)`.
    private func state(_ payload: ArraySlice<UInt8>) -> Int? {
        let m = alphabet.count
        var p = m
        for byte in payload {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            var s = (p + value) % m
            if s == 0 { s = m }
            p = (2 * s) % (m + 1)
        }
        return p
    }
}
