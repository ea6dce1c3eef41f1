/// South Korean identifiers.
public enum KoreanIDs {
    /// The last birth year accepted without a check digit (numbers from October 2020 on).
    public static let noCheckHorizonYear = 2039

    /// Resident registration number: 13 digits YYMMDD-GBBBBBC. G gives sex and century (9, 0:
    /// 1800s; 1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s) and the date must be real.
    ///
    /// Numbers assigned before October 2020 end in a check digit (11 - Σ d·(2..9,2..5) mod 11)
    /// mod 10. Since October 2020 the last six digits are random (Ministry of the Interior and
    /// Safety), so for birth dates from 1 October 2020 a valid date and structure suffice.
    /// (A person born earlier who received a new number after that date is reported invalid if
    /// the random digit happens to fail the old check.) A pure validator has no clock, so the
    /// check-free window is bounded by `noCheckHorizonYear`: later birth years are rejected
    /// rather than accepted on structure alone.
    public static func rrn(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 13) else { return false }
        let century: Int
        switch d[6] {
        case 9, 0: century = 1800
        case 1, 2, 5, 6: century = 1900
        default: century = 2000
        }
        let year = century + NationalIDKit.pair(d, 0), month = NationalIDKit.pair(d, 2), day = NationalIDKit.pair(d, 4)
        guard NationalIDKit.isDate(year: year, month: month, day: day) else { return false }
        if year * 10_000 + month * 100 + day >= 2020_10_01 { return year <= noCheckHorizonYear }
        let sum = NationalIDKit.weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])
        return (11 - sum % 11) % 10 == d[12]
    }
}
