/// Finnish identifiers.
public enum FinnishIDs {
    private static let checkChars = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8)

    /// Henkilötunnus (Digital and Population Data Services Agency): DDMMYY, century sign,
    /// individual number 002-999 (900-999 are temporary numbers) and a check character
    /// "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYNNN mod 31].
    ///
    /// 11 characters with the sign: `+` 1800s; `-`, Y, X, W, V, U 1900s; A-F 2000s. Because
    /// normalization removes `-` and `+` as separators, the 10-character form (no sign) is
    /// accepted too, and its date must then be real in the 1800s or 1900s.
    public static func hetu(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10 || bytes.count == 11,
              let date = NationalIDKit.digits(bytes[0..<6]) else { return false }
        let rest = bytes.count == 11 ? 7 : 6
        guard let individual = NationalIDKit.digits(bytes[rest..<(rest + 3)]) else { return false }
        let day = NationalIDKit.pair(date, 0), month = NationalIDKit.pair(date, 2), yy = NationalIDKit.pair(date, 4)
        if bytes.count == 11 {
            let century: Int
            switch bytes[6] {
            case 0x2B: century = 1800
            case 0x2D, 0x59, 0x58, 0x57, 0x56, 0x55: century = 1900
            case 0x41...0x46: century = 2000
            default: return false
            }
            guard NationalIDKit.isDate(year: century + yy, month: month, day: day) else { return false }
        } else {
            guard NationalIDKit.isDate(year: 1800 + yy, month: month, day: day)
                || NationalIDKit.isDate(year: 1900 + yy, month: month, day: day) else { return false }
        }
        let serial = NationalIDKit.number(individual)
        guard serial >= 2 else { return false }
        let n = NationalIDKit.number(date) * 1000 + serial
        return checkChars[n % 31] == bytes[bytes.count - 1]
    }
}
