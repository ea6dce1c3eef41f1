/// Chinese identifiers.
public enum ChineseIDs {
    /// Resident identity card number (GB 11643-1999): 18 characters: 6-digit region code (first
    /// digit 1-8), birth date YYYYMMDD (a real date, year 1800 or later), 3-digit sequence, and
    /// an ISO 7064 MOD 11-2 check character (0-9 or X for 10).
    public static func residentID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 18, let d = NationalIDKit.digits(bytes[0..<17]) else { return false }
        guard (1...8).contains(d[0]) else { return false }
        let year = NationalIDKit.number(d[6..<10])
        guard year >= 1800,
              NationalIDKit.isDate(year: year, month: NationalIDKit.pair(d, 10), day: NationalIDKit.pair(d, 12))
        else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let c = (12 - NationalIDKit.weightedSum(d, weights) % 11) % 11
        let expected: UInt8 = c == 10 ? 0x58 : UInt8(0x30 + c)
        return bytes[17] == expected
    }
}
