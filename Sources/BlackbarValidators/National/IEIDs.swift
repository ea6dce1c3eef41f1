/// Irish identifiers.
public enum IrishIDs {
    /// Personal Public Service Number: 7 digits, a check letter, and an optional second letter.
    ///
    /// Check letter = "WABCDEFGHIJKLMNOPQRSTUV"[(Σ digit·(8..2) + 9·v) mod 23], where v is the
    /// position of a second letter A, B or H in that alphabet (A=1, B=2, H=8: the 2013 format)
    /// and 0 for the older suffixes W, T, X or none. The accepted suffix set (A, B, H, W, T, X)
    /// follows python-stdnum's ie.pps, which cites Revenue's PPSN description.
    public static func pps(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 8 || bytes.count == 9,
              let d = NationalIDKit.digits(bytes[0..<7]) else { return false }
        var second = 0
        if bytes.count == 9 {
            switch bytes[8] {
            case 0x41: second = 1  // A
            case 0x42: second = 2  // B
            case 0x48: second = 8  // H
            case 0x57, 0x54, 0x58: second = 0  // W, T, X
            default: return false
            }
        }
        let sum = NationalIDKit.weightedSum(d, [8, 7, 6, 5, 4, 3, 2]) + 9 * second
        let alphabet = Array("WABCDEFGHIJKLMNOPQRSTUV".utf8)
        return alphabet[sum % 23] == bytes[7]
    }
}
