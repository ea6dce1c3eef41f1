/// Austrian identifiers.
public enum AustrianIDs {
    /// Sozialversicherungsnummer: 10 digits, a 3-digit serial (first digit not 0), a check
    /// digit, and the birth date DDMMYY. The check is Σ d·(3,7,9,0,5,8,4,2,1,6) mod 11 and a
    /// remainder of 10 is never issued.
    ///
    /// The date is usually real (19yy or 20yy). When the birth date is unknown or a day's
    /// serials are exhausted a fictitious month 13, 14 or 15 is used (Hauptverband answer
    /// 4690/AB XXIII. GP to the Austrian parliament), so those months are accepted with a day
    /// of 1-31.
    public static func svnr(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10), d[0] != 0 else { return false }
        let day = NationalIDKit.pair(d, 4), month = NationalIDKit.pair(d, 6), yy = NationalIDKit.pair(d, 8)
        switch month {
        case 13...15: guard day >= 1 && day <= 31 else { return false }
        default: guard NationalIDKit.isDateSomeCentury(yy: yy, month: month, day: day) else { return false }
        }
        let sum = NationalIDKit.weightedSum(d, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6])
        return sum % 11 == d[3]
    }
}
