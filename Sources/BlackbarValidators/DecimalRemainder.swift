/// Generic "trailing digits are the remainder" checks over decimal numbers, e.g. mod 89 or mod 97
/// schemes where the last `checkLength` digits equal `leading mod m` (or `m - leading mod m`).
public enum DecimalRemainder {
    /// The value of `digits` modulo `modulus` (1...2^24), or nil on a non-digit, empty input or bad modulus.
    public static func remainder(_ digits: ArraySlice<UInt8>, modulus: Int) -> Int? {
        guard !digits.isEmpty, modulus >= 1, modulus <= 1 << 24 else { return nil }
        var r = 0
        for byte in digits {
            guard let value = ASCII.digit(byte) else { return nil }
            r = (r * 10 + value) % modulus
        }
        return r
    }

    /// The `checkLength` ASCII digits (zero-padded) for `payload`: `payload mod modulus`, or
    /// `modulus - payload mod modulus` when `complement` is set. Nil on bad input or when the value
    /// does not fit in `checkLength` digits.
    public static func checkDigits(for payload: [UInt8], modulus: Int, checkLength: Int, complement: Bool = false) -> [UInt8]? {
        guard checkLength >= 1, checkLength <= 8, let r = remainder(payload[...], modulus: modulus) else { return nil }
        var value = complement ? modulus - r : r
        var out = [UInt8](repeating: 0x30, count: checkLength)
        for i in stride(from: checkLength - 1, through: 0, by: -1) {
            out[i] = ASCII.digitByte(value % 10)
            value /= 10
        }
        return value == 0 ? out : nil
    }

    /// Whether the last `checkLength` digits of `input` are the check digits of the rest.
    public static func isValid(_ input: [UInt8], modulus: Int, checkLength: Int, complement: Bool = false) -> Bool {
        guard checkLength >= 1, input.count > checkLength,
              let expected = checkDigits(
                for: Array(input.dropLast(checkLength)), modulus: modulus, checkLength: checkLength, complement: complement)
        else { return false }
        return input.suffix(checkLength).elementsEqual(expected)
    }

    /// Mod 89 with two check digits equal to the remainder (the generic mod 89 scheme).
    public static func isValidMod89(_ input: [UInt8]) -> Bool {
        isValid(input, modulus: 89, checkLength: 2)
    }
}
