/// Portuguese identifiers.
public enum PortugueseIDs {
    /// Número de Identificação Fiscal (Autoridade Tributária): 9 digits, first not 0; weights
    /// 9..2 on the first eight, check = 11 - (sum mod 11), with 10 and 11 becoming 0.
    public static func nif(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9), d[0] != 0 else { return false }
        let sum = NationalIDKit.weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2])
        return (11 - sum % 11) % 11 % 10 == d[8]
    }
}
