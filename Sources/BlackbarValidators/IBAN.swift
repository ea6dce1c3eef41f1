/// International Bank Account Numbers (ISO 13616): country format, length, and MOD 97-10.
///
/// Input is the electronic form: upper case, no spaces. A valid IBAN has a country code present in
/// the SWIFT IBAN Registry, exactly that country's length, a BBAN matching the registered
/// structure (digits, letters or either, run by run), check digits `02`-`98`, and
/// `BBAN + country + check digits` (letters as 10-35) equal to 1 modulo 97.
public enum IBAN {
    /// Whether `iban` passes every check above.
    public static func isValid(_ iban: [UInt8]) -> Bool {
        guard iban.count >= 5, iban.count <= 34, let format = format(for: iban), iban.count == format.length,
              bbanMatches(iban, format) else { return false }
        guard let c1 = ASCII.digit(iban[2]), let c2 = ASCII.digit(iban[3]) else { return false }
        let check = c1 * 10 + c2
        guard check >= 2, check <= 98 else { return false }
        return rearrangedRemainder(iban) == 1
    }

    /// The registered total length for a two-letter country code, or nil when the country has no IBAN.
    public static func length(forCountry code: [UInt8]) -> Int? {
        guard code.count == 2 else { return nil }
        return format(for: code)?.length
    }

    /// Every country code in the registry, sorted.
    public static var countryCodes: [String] {
        IBANRegistry.entries.map { String($0.prefix(2)) }.sorted()
    }

    /// The two ASCII check digits for `country` (2 upper-case letters) and `bban`, or nil on bad
    /// characters. Does not check the country's format.
    public static func checkDigits(country: [UInt8], bban: [UInt8]) -> [UInt8]? {
        guard country.count == 2, ASCII.isUpper(country[0]), ASCII.isUpper(country[1]), !bban.isEmpty,
              let r = rearrangedRemainder(country + [0x30, 0x30] + bban) else { return nil }
        let check = 98 - r
        return [ASCII.digitByte(check / 10), ASCII.digitByte(check % 10)]
    }

    /// `BBAN + first four characters` modulo 97, streaming (no rearranged copy).
    private static func rearrangedRemainder(_ iban: [UInt8]) -> Int? {
        guard let head = ISO7064Mod97.remainder(iban[4...]) else { return nil }
        var r = head
        for byte in iban[0 ..< 4] {
            guard let value = ASCII.alphanumeric(byte) else { return nil }
            r = value < 10 ? (r * 10 + value) % 97 : (r * 100 + value) % 97
        }
        return r
    }

    private static func format(for bytes: [UInt8]) -> IBANRegistry.Format? {
        guard ASCII.isUpper(bytes[0]), ASCII.isUpper(bytes[1]) else { return nil }
        return IBANRegistry.formats[UInt16(bytes[0]) << 8 | UInt16(bytes[1])]
    }

    private static func bbanMatches(_ iban: [UInt8], _ format: IBANRegistry.Format) -> Bool {
        var index = 4
        for run in format.runs {
            for _ in 0 ..< run.count {
                guard index < iban.count else { return false }
                let byte = iban[index]
                let ok: Bool
                switch run.kind {
                case UInt8(ascii: "n"): ok = ASCII.digit(byte) != nil
                case UInt8(ascii: "a"): ok = ASCII.isUpper(byte)
                default: ok = ASCII.alphanumeric(byte) != nil
                }
                guard ok else { return false }
                index += 1
            }
        }
        return index == iban.count
    }
}
