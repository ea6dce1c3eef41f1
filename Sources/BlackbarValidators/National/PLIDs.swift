/// Polish identifiers: PESEL, NIP, REGON.
public enum PolishIDs {
    /// PESEL (Ustawa o ewidencji ludności): 11 digits YYMMDD ZZZZ K. The month carries the
    /// century: +80 for 1800-1899, +0 for 1900s, +20 for 2000s, +40 for 2100s, +60 for 2200s;
    /// the date must be real. K = (10 - Σ d·(1,3,7,9,1,3,7,9,1,3) mod 10) mod 10.
    public static func pesel(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11) else { return false }
        let mm = NationalIDKit.pair(d, 2)
        let century: Int
        switch mm {
        case 81...92: century = 1800
        case 1...12: century = 1900
        case 21...32: century = 2000
        case 41...52: century = 2100
        case 61...72: century = 2200
        default: return false
        }
        let year = century + NationalIDKit.pair(d, 0)
        guard NationalIDKit.isDate(year: year, month: mm % 20, day: NationalIDKit.pair(d, 4)) else { return false }
        let sum = NationalIDKit.weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])
        return (10 - sum % 10) % 10 == d[10]
    }

    /// NIP tax number: 10 digits, Σ d·(6,5,7,2,3,4,5,6,7) mod 11 equals the last digit
    /// (a remainder of 10 is never issued).
    public static func nip(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10) else { return false }
        return NationalIDKit.weightedSum(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == d[9]
    }

    /// REGON business number (GUS): 9 digits with weights 8,9,2,3,4,5,6,7, or 14 digits (a
    /// valid 9-digit REGON + local unit) with weights 2,4,8,5,0,9,7,3,6,1,2,4,8; the check is
    /// the sum mod 11, 10 becoming 0.
    public static func regon(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9, 14) else { return false }
        let short = NationalIDKit.weightedSum(d, [8, 9, 2, 3, 4, 5, 6, 7]) % 11 % 10
        guard short == d[8] else { return false }
        if d.count == 9 { return true }
        let long = NationalIDKit.weightedSum(d, [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]) % 11 % 10
        return long == d[13]
    }
}
