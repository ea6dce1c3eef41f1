/// Danish identifiers.
public enum DanishIDs {
    /// CPR number (CPR-kontoret, "Personnummeret i CPR"): DDMMYY-SSSS, 10 digits. The century
    /// comes from the 7th digit: 0-3 → 1900s; 4 and 9 → 2000s for yy 00-36, else 1900s; 5-8 →
    /// 2000s for yy 00-57, else 1800s. The modulus-11 check was dropped in 2007, so a real birth
    /// date is the only check: valid exactly when the date is real.
    public static func cpr(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10) else { return false }
        let yy = NationalIDKit.pair(d, 4)
        let century: Int
        switch d[6] {
        case 0...3: century = 1900
        case 4, 9: century = yy <= 36 ? 2000 : 1900
        default: century = yy <= 57 ? 2000 : 1800
        }
        return NationalIDKit.isDate(year: century + yy, month: NationalIDKit.pair(d, 2), day: NationalIDKit.pair(d, 0))
    }
}
