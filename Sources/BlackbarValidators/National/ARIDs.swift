/// Argentine identifiers.
public enum ArgentineIDs {
    /// CUIT/CUIL (AFIP): 11 digits, type prefix 20, 23, 24, 27 (persons) or 30, 33, 34
    /// (companies), check = 11 - Σ d·(5,4,3,2,7,6,5,4,3,2) mod 11, 11 → 0. A result of 10 is never
    /// issued: AFIP moves the number to prefix 23/33 instead, so it is invalid.
    public static func cuit(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11) else { return false }
        guard [20, 23, 24, 27, 30, 33, 34].contains(NationalIDKit.pair(d, 0)) else { return false }
        return NationalIDKit.mod11Complement(NationalIDKit.weightedSum(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) == d[10]
    }
}
