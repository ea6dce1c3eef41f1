/// Mobile Equipment Identifier (3GPP2 S.R0048 / X.S0008).
///
/// Hexadecimal form: 14 hex digits (`RR` regional code, manufacturer, serial), optionally followed
/// by a check digit computed with Luhn mod 16, or with decimal Luhn when all 14 are decimal digits
/// (then the MEID is an IMEI). Decimal form: 18 digits, the first 10 the decimal value of the
/// 32-bit manufacturer code, the last 8 the decimal value of the 24-bit serial; optionally a 19th
/// digit, the decimal Luhn check of the 18.
public enum MEID {
    /// `.valid` when a present check digit passes (15 hex or 19 decimal characters) or the decimal
    /// form's fields fit their bit widths (18 digits); `.notApplicable` for a bare 14-hex-digit MEID
    /// (nothing to check); `.invalid` otherwise. Lower-case hex digits are accepted.
    public static func check(_ input: [UInt8]) -> ValidatorOutcome {
        switch input.count {
        case 14:
            return input.allSatisfy { ASCII.hexDigit($0) != nil } ? .notApplicable : .invalid
        case 15:
            guard let expected = checkCharacter(for: Array(input.prefix(14))),
                  let last = ASCII.hexDigit(input[14]) else { return .invalid }
            return ASCII.hexDigit(expected) == last ? .valid : .invalid
        case 18, 19:
            guard ASCII.allDigits(input), decimalFieldsFit(input) else { return .invalid }
            return input.count == 18 || Luhn.isValid(input) ? .valid : .invalid
        default:
            return .invalid
        }
    }

    /// The check character for a 14-hex-digit MEID (upper case `0-9A-F`), or nil.
    public static func checkCharacter(for meid: [UInt8]) -> UInt8? {
        guard meid.count == 14 else { return nil }
        if ASCII.allDigits(meid) { return Luhn.checkDigit(for: meid) }
        var upper = meid
        for i in upper.indices {
            guard let v = ASCII.hexDigit(upper[i]) else { return nil }
            upper[i] = ASCII.alphanumericByte(v)
        }
        return LuhnModN.hexadecimal.checkCharacter(for: upper)
    }

    /// The 18-digit decimal form of a 14-hex-digit MEID, or nil.
    public static func decimalForm(of meid: [UInt8]) -> [UInt8]? {
        guard meid.count == 14 else { return nil }
        var manufacturer = 0, serial = 0
        for (i, byte) in meid.enumerated() {
            guard let v = ASCII.hexDigit(byte) else { return nil }
            if i < 8 { manufacturer = manufacturer * 16 + v } else { serial = serial * 16 + v }
        }
        return decimal(manufacturer, width: 10) + decimal(serial, width: 8)
    }

    private static func decimalFieldsFit(_ digits: [UInt8]) -> Bool {
        let manufacturer = digits[0 ..< 10].reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        let serial = digits[10 ..< 18].reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        return manufacturer <= 0xFFFF_FFFF && serial <= 0xFF_FFFF
    }

    private static func decimal(_ value: Int, width: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0x30, count: width)
        var v = value
        for i in stride(from: width - 1, through: 0, by: -1) { out[i] = ASCII.digitByte(v % 10); v /= 10 }
        return out
    }
}
