/// Turkish identifiers.
public enum TurkishIDs {
    /// T.C. Kimlik No (NVİ): 11 digits, first not 0. d10 = (7·(d1+d3+d5+d7+d9) - (d2+d4+d6+d8))
    /// mod 10 and d11 = (d1 + ... + d10) mod 10.
    public static func tckn(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11), d[0] != 0 else { return false }
        let odd = d[0] + d[2] + d[4] + d[6] + d[8]
        let even = d[1] + d[3] + d[5] + d[7]
        guard ((7 * odd - even) % 10 + 10) % 10 == d[9] else { return false }
        return d[0..<10].reduce(0, +) % 10 == d[10]
    }
}
