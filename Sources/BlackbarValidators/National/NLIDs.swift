/// Dutch identifiers.
public enum DutchIDs {
    /// Burgerservicenummer: 9 digits (8-digit numbers are read with a leading zero), the
    /// "11-proef": Σ d·(9,8,7,6,5,4,3,2) - last digit ≡ 0 mod 11. All zeros is rejected.
    public static func bsn(_ bytes: [UInt8]) -> Bool {
        guard var d = NationalIDKit.digits(bytes, lengths: 8, 9) else { return false }
        if d.count == 8 { d.insert(0, at: 0) }
        guard d.contains(where: { $0 != 0 }) else { return false }
        let sum = NationalIDKit.weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2, -1])
        return sum % 11 == 0
    }
}
