/// ISO/IEC 7064 MOD 97-10 with the IBAN letter convention (ISO 13616, ISO 11649).
///
/// Letters count as two digits (`A` = 10 ... `Z` = 35), so `"AB12"` is evaluated as `101112`.
/// A string is valid when that number is 1 modulo 97. Over digits it detects every single
/// substitution and every adjacent transposition; a letter replaced by another letter, or a
/// digit by another digit, is also always detected.
public enum ISO7064Mod97 {
    /// The expanded number modulo 97, or nil on a byte other than `0`-`9` / `A`-`Z` or empty input.
    public static func remainder(_ input: [UInt8]) -> Int? {
        remainder(input[...])
    }

    /// The same remainder over a slice.
    public static func remainder(_ input: ArraySlice<UInt8>) -> Int? {
        guard !input.isEmpty else { return nil }
        var r = 0
        for byte in input {
            guard let value = ASCII.alphanumeric(byte) else { return nil }
            r = value < 10 ? (r * 10 + value) % 97 : (r * 100 + value) % 97
        }
        return r
    }

    /// Whether `input` (payload then two check digits, at least three bytes) is 1 modulo 97.
    public static func isValid(_ input: [UInt8]) -> Bool {
        guard input.count >= 3,
              ASCII.digit(input[input.count - 1]) != nil,
              ASCII.digit(input[input.count - 2]) != nil else { return false }
        return remainder(input) == 1
    }

    /// The two ASCII check digits (`02`-`98`) to append to `payload`, or nil.
    public static func checkDigits(for payload: [UInt8]) -> [UInt8]? {
        guard let r = remainder(payload) else { return nil }
        let check = 98 - (r * 100) % 97
        return [ASCII.digitByte(check / 10), ASCII.digitByte(check % 10)]
    }
}
