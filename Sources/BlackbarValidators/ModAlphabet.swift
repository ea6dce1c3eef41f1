/// A decimal number followed by a check character taken from an alphabet by `number mod N`,
/// where N is the alphabet's length.
///
/// Spanish DNI uses N = 23 with `TRWAGMYFPDXBNJZSQVHLCKE`; the Finnish personal identity code
/// uses N = 31 with `0123456789ABCDEFHJKLMNPRSTUVWXY`. Both are provided as presets; any other
/// table can be given. The number is reduced digit by digit, so any length is fine.
public struct ModAlphabet: Sendable {
    /// The check characters; index `number mod alphabet.count` is the check.
    public let alphabet: [UInt8]

    /// Creates the check from an alphabet of 2 or more characters; nil otherwise.
    public init?(alphabet: [UInt8]) {
        guard alphabet.count >= 2 else { return nil }
        self.alphabet = alphabet
    }

    /// Mod 23 with the Spanish DNI/NIE letter table `TRWAGMYFPDXBNJZSQVHLCKE`.
    public static let mod23 = ModAlphabet(alphabet: Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8))!
    /// Mod 31 with the Finnish HETU table `0123456789ABCDEFHJKLMNPRSTUVWXY` (no G, I, O, Q, Z).
    public static let mod31 = ModAlphabet(alphabet: Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8))!

    /// The check character for the decimal `number` (ASCII digits, non-empty), or nil.
    public func checkCharacter(forNumber number: [UInt8]) -> UInt8? {
        guard let r = DecimalRemainder.remainder(number[...], modulus: alphabet.count) else { return nil }
        return alphabet[r]
    }

    /// Whether `input` is decimal digits followed by their check character (at least two bytes).
    public func isValid(_ input: [UInt8]) -> Bool {
        guard input.count >= 2,
              let r = DecimalRemainder.remainder(input.dropLast(), modulus: alphabet.count) else { return false }
        return alphabet[r] == input[input.count - 1]
    }
}
