/// New Zealand identifiers.
public enum NewZealandIDs {
    /// IRD number (Inland Revenue "Resident withholding tax / IRD number validation" spec):
    /// 8 or 9 digits, between 10,000,000 and 150,000,000. The 8 base digits (left-padded to 8)
    /// are weighted 3,2,7,6,5,4,3,2; r = sum mod 11; check = 0 if r = 0, else 11 - r. If that
    /// gives 10 the secondary weights 7,4,3,2,5,2,7,6 are used the same way, and a second 10 is
    /// invalid.
    public static func ird(_ bytes: [UInt8]) -> Bool {
        guard var d = NationalIDKit.digits(bytes, lengths: 8, 9) else { return false }
        if d.count == 8 { d.insert(0, at: 0) }
        let n = NationalIDKit.number(d)
        guard n > 10_000_000 && n < 150_000_000 else { return false }
        let base = d[0..<8]
        var c = (11 - NationalIDKit.weightedSum(base, [3, 2, 7, 6, 5, 4, 3, 2]) % 11) % 11
        if c == 10 {
            c = (11 - NationalIDKit.weightedSum(base, [7, 4, 3, 2, 5, 2, 7, 6]) % 11) % 11
            if c == 10 { return false }
        }
        return c == d[8]
    }
}
