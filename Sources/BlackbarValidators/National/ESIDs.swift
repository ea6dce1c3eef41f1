/// Spanish identifiers: DNI, NIE, Social Security affiliation number.
public enum SpanishIDs {
    private static let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

    /// DNI (Ministerio del Interior): 8 digits and the letter "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23].
    public static func dni(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 9, let d = NationalIDKit.digits(bytes[0..<8]) else { return false }
        return letters[NationalIDKit.number(d) % 23] == bytes[8]
    }

    /// NIE (foreigner's number): X, Y or Z (read as 0, 1, 2), 7 digits and the DNI letter of the
    /// resulting 8-digit number.
    public static func nie(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 9, let d = NationalIDKit.digits(bytes[1..<8]) else { return false }
        let lead: Int
        switch bytes[0] {
        case 0x58: lead = 0
        case 0x59: lead = 1
        case 0x5A: lead = 2
        default: return false
        }
        return letters[(lead * 10_000_000 + NationalIDKit.number(d)) % 23] == bytes[8]
    }

    /// Número de afiliación a la Seguridad Social (TGSS): province (2 digits), serial (8 digits,
    /// or 7 in older 11-digit numbers) and 2 control digits. With a = province and b = serial,
    /// the control is (b < 10000000 ? a·10⁷ + b : a·10⁸ + b) mod 97, the TGSS rule (the plain
    /// "first ten digits mod 97" is wrong for serials with a leading zero).
    public static func nss(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11, 12) else { return false }
        let a = NationalIDKit.pair(d, 0)
        let b = NationalIDKit.number(d[2..<(d.count - 2)])
        let n = b < 10_000_000 ? a * 10_000_000 + b : a * 100_000_000 + b
        return n % 97 == NationalIDKit.number(d[(d.count - 2)...])
    }
}
