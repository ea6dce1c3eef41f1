/// Singapore identifiers.
public enum SingaporeIDs {
    /// NRIC / FIN (ICA): a prefix S, T (citizens and PRs), F, G, M (foreigners), 7 digits and a
    /// check letter. s = Σ d·(2,7,6,5,4,3,2) + 4 for T and G, + 3 for M; the letter is
    /// "JZIHGFEDCBA"[s mod 11] for S/T, "XWUTRQPNMLK"[s mod 11] for F/G and
    /// "XWUTRQPNJLK"[s mod 11] for M (the M-series table K L J N P Q R T U W X read from 11 - r).
    public static func nric(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 9, let d = NationalIDKit.digits(bytes[1..<8]) else { return false }
        var sum = NationalIDKit.weightedSum(d, [2, 7, 6, 5, 4, 3, 2])
        let table: String
        switch bytes[0] {
        case 0x53: table = "JZIHGFEDCBA"
        case 0x54: table = "JZIHGFEDCBA"; sum += 4
        case 0x46: table = "XWUTRQPNMLK"
        case 0x47: table = "XWUTRQPNMLK"; sum += 4
        case 0x4D: table = "XWUTRQPNJLK"; sum += 3
        default: return false
        }
        return Array(table.utf8)[sum % 11] == bytes[8]
    }
}
