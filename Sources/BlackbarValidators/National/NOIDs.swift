/// Norwegian identifiers.
public enum NorwegianIDs {
    /// Fødselsnummer / D-nummer / H-nummer (Skatteverket, folkeregisteret): 11 digits
    /// DDMMYY III K1 K2. K1 = 11 - Σ d·(3,7,6,1,8,9,4,5,2) mod 11 and K2 = 11 - Σ d·(5,4,3,2,7,6,5,4,3,2)
    /// mod 11 (11 → 0, 10 never issued). D-numbers add 40 to the day, H-numbers 40 to the month.
    /// The century comes from the individual number III: 000-499 → 1900s; 500-749 with yy ≥ 54
    /// → 1800s; 500-999 with yy ≤ 39 → 2000s; 900-999 with yy ≥ 40 → 1900s; other combinations
    /// have no century and are invalid. The date must be real.
    public static func fodselsnummer(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11) else { return false }
        guard NationalIDKit.mod11Complement(NationalIDKit.weightedSum(d, [3, 7, 6, 1, 8, 9, 4, 5, 2])) == d[9],
              NationalIDKit.mod11Complement(NationalIDKit.weightedSum(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) == d[10]
        else { return false }
        var day = NationalIDKit.pair(d, 0), month = NationalIDKit.pair(d, 2)
        let yy = NationalIDKit.pair(d, 4), individual = NationalIDKit.number(d[6..<9])
        if day > 40 { day -= 40 }
        if month > 40 { month -= 40 }
        let century: Int
        if individual < 500 {
            century = 1900
        } else if individual < 750 && yy >= 54 {
            century = 1800
        } else if yy < 40 {
            century = 2000
        } else if individual >= 900 {
            century = 1900
        } else {
            return false
        }
        return NationalIDKit.isDate(year: century + yy, month: month, day: day)
    }
}
