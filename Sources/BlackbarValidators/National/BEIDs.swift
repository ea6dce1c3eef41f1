/// Belgian identifiers.
public enum BelgianIDs {
    /// National Register number (Rijksregisternummer, IBZ "IT000"): 11 digits YYMMDD SSS CC.
    ///
    /// CC = 97 - (first nine digits mod 97) for births before 2000; for births from 2000 the
    /// nine digits are prefixed with `2` (2000000000 + n). The century is the one whose key
    /// matches. Month 00 means the month (and day) is unknown or the day's counter ran out, and
    /// day 00 an unknown day; otherwise the date must be real in that century.
    public static func nationalNumber(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11) else { return false }
        let n = NationalIDKit.number(d[0..<9]), key = NationalIDKit.number(d[9..<11])
        let century: Int
        if 97 - n % 97 == key {
            century = 1900
        } else if 97 - (2_000_000_000 + n) % 97 == key {
            century = 2000
        } else {
            return false
        }
        let month = NationalIDKit.pair(d, 2), day = NationalIDKit.pair(d, 4)
        guard month <= 12 else { return false }
        if month == 0 || day == 0 { return true }
        return NationalIDKit.isDate(year: century + NationalIDKit.pair(d, 0), month: month, day: day)
    }
}
