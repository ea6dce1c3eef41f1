/// Swiss identifiers.
public enum SwissIDs {
    /// AHV/AVS number (Sozialversicherungsnummer, ZAS): 13 digits starting with the country
    /// code 756, EAN-13 check digit (weights 1,3 from the left, check = (10 - sum mod 10) mod 10).
    public static func ahv(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 13), d[0] == 7, d[1] == 5, d[2] == 6 else { return false }
        let sum = NationalIDKit.weightedSum(d[0..<12], [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3])
        return (10 - sum % 10) % 10 == d[12]
    }
}
