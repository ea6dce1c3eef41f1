/// Israeli identifiers.
public enum IsraeliIDs {
    /// Teudat Zehut (Population and Immigration Authority): up to 9 digits, left-padded with
    /// zeros to 9; weights 1,2,1,2,... from the left, digit sums of the products added, total
    /// divisible by 10 (the Luhn rule on 9 digits). 5-9 digits accepted; all zeros rejected.
    public static func teudatZehut(_ bytes: [UInt8]) -> Bool {
        guard (5...9).contains(bytes.count), let raw = NationalIDKit.digits(bytes[...]) else { return false }
        let d = [Int](repeating: 0, count: 9 - raw.count) + raw
        guard d.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (i, x) in d.enumerated() { sum += NationalIDKit.crossSum(x * (i % 2 == 0 ? 1 : 2)) }
        return sum % 10 == 0
    }
}
