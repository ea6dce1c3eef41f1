/// Czech (and Slovak) identifiers.
public enum CzechIDs {
    /// Rodné číslo (Act 133/2000 Coll. § 13): YYMMDD + serial.
    ///
    /// 9 digits: issued before 1954, no check digit, year 1900-1953, or 1880-1899 for yy 80-99
    /// (the reading python-stdnum's cz.rc uses; yy 54-79 is invalid). 10 digits: year 1954-2053
    /// (yy ≥ 54 → 19yy, else 20yy) and the check digit is (first nine mod 11), with 10 written
    /// as 0. Months: +50 for women; +20 (men) and +70 (women) only from 2004. The date must be
    /// real.
    public static func birthNumber(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9, 10) else { return false }
        let yy = NationalIDKit.pair(d, 0)
        let year: Int
        if d.count == 9 {
            switch yy {
            case 0...53: year = 1900 + yy
            case 80...99: year = 1800 + yy
            default: return false
            }
        } else {
            year = yy >= 54 ? 1900 + yy : 2000 + yy
        }
        var month = NationalIDKit.pair(d, 2)
        if month > 50 { month -= 50 }
        if month > 20 {
            guard year >= 2004 else { return false }
            month -= 20
        }
        guard NationalIDKit.isDate(year: year, month: month, day: NationalIDKit.pair(d, 4)) else { return false }
        if d.count == 9 { return true }
        return NationalIDKit.number(d[0..<9]) % 11 % 10 == d[9]
    }
}
