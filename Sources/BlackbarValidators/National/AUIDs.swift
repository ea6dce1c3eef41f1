/// Australian identifiers: TFN, Medicare card number, ABN.
public enum AustralianIDs {
    /// Tax File Number (ATO): 9 digits with Σ d·(1,4,3,7,5,8,6,9,10) ≡ 0 mod 11, or an older
    /// 8-digit number with Σ d·(10,7,8,4,6,3,5,1) ≡ 0 mod 11 (the 8-digit weights as given by the
    /// Wikipedia "Tax file number" article; the ATO does not publish either).
    public static func tfn(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 8, 9), d.contains(where: { $0 != 0 }) else { return false }
        let weights = d.count == 9 ? [1, 4, 3, 7, 5, 8, 6, 9, 10] : [10, 7, 8, 4, 6, 3, 5, 1]
        return NationalIDKit.weightedSum(d, weights) % 11 == 0
    }

    /// Medicare card number (Services Australia): 10 digits (8-digit identifier, check digit,
    /// issue number) or 11 with the individual reference number. The first digit is 2-6; the
    /// check digit (9th) is Σ d·(1,3,7,9,1,3,7,9) over the first eight, mod 10.
    public static func medicare(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10, 11), (2...6).contains(d[0]) else { return false }
        return NationalIDKit.weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 == d[8]
    }

    /// Australian Business Number (ABR "Format of the ABN"): 11 digits; subtract 1 from the
    /// first digit, weight by 10,1,3,5,7,9,11,13,15,17,19, and the sum must be divisible by 89.
    public static func abn(_ bytes: [UInt8]) -> Bool {
        guard var d = NationalIDKit.digits(bytes, lengths: 11), d[0] >= 1 else { return false }
        d[0] -= 1
        return NationalIDKit.weightedSum(d, [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 == 0
    }
}
