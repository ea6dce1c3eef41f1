/// The ICAO Doc 9303 (Part 3, section 4.9) check digit: weights 7, 3, 1 repeating, modulo 10.
///
/// Character values: `0`-`9` are 0-9, `A`-`Z` are 10-35, the filler `<` is 0. Because the weights
/// are coprime to 10, any substitution that changes a character's value modulo 10 is detected;
/// substitutions keeping it (for example `0` <-> `<` <-> `A`) are not.
public enum ICAO9303 {
    /// The value of an MRZ character, or nil for a byte outside `0-9A-Z<`.
    @inline(__always)
    public static func value(of byte: UInt8) -> Int? {
        byte == UInt8(ascii: "<") ? 0 : ASCII.alphanumeric(byte)
    }

    /// The 7-3-1 check value (0-9) of `field`, or nil on a character outside `0-9A-Z<`.
    public static func checkValue(_ field: ArraySlice<UInt8>) -> Int? {
        var sum = 0
        var weightIndex = 0
        for byte in field {
            guard let v = value(of: byte) else { return nil }
            sum = (sum + v * (weightIndex == 0 ? 7 : weightIndex == 1 ? 3 : 1)) % 10
            weightIndex = weightIndex == 2 ? 0 : weightIndex + 1
        }
        return sum
    }

    /// The ASCII check digit for `field` (may be empty: its check is `0`), or nil on a bad character.
    public static func checkDigit(for field: [UInt8]) -> UInt8? {
        checkValue(field[...]).map(ASCII.digitByte)
    }

    /// Whether the last byte of `input` is the 7-3-1 check digit of the bytes before it.
    /// Needs at least two bytes; the check itself must be a digit.
    public static func isValid(_ input: [UInt8]) -> Bool {
        guard input.count >= 2, let check = ASCII.digit(input[input.count - 1]) else { return false }
        return checkValue(input.dropLast()) == check
    }

    /// Whether `check` is the check digit of `field`. A `<` check is accepted only when the whole
    /// field is filler (ICAO allows `<` or `0` for an empty optional field).
    static func fieldMatches(_ field: ArraySlice<UInt8>, check: UInt8) -> Bool {
        if check == UInt8(ascii: "<") { return field.allSatisfy { $0 == UInt8(ascii: "<") } }
        guard let digit = ASCII.digit(check) else { return false }
        return checkValue(field) == digit
    }
}
