/// Brazilian identifiers: CPF and CNPJ.
public enum BrazilianIDs {
    /// The Receita Federal mod 11 digit: r = sum mod 11, digit = r < 2 ? 0 : 11 - r.
    private static func mod11Digit(_ sum: Int) -> Int {
        let r = sum % 11
        return r < 2 ? 0 : 11 - r
    }

    /// CPF (Receita Federal): 11 digits, two check digits (weights 10..2, then 11..2). Numbers
    /// made of one repeated digit pass the arithmetic but are not issued, and are rejected.
    public static func cpf(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11), !NationalIDKit.allSame(d) else { return false }
        guard mod11Digit(NationalIDKit.weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2])) == d[9] else { return false }
        return mod11Digit(NationalIDKit.weightedSum(d, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2])) == d[10]
    }

    /// CNPJ (Receita Federal): 14 characters, two check digits with weights
    /// 5,4,3,2,9,8,7,6,5,4,3,2 and 6,5,4,3,2,9,8,7,6,5,4,3,2. The first 12 may also be upper-case
    /// letters (the alphanumeric CNPJ of IN RFB 2.229/2024), valued as ASCII code - 48; the two
    /// check digits are always digits. All-same values are rejected.
    public static func cnpj(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 14 else { return false }
        var v: [Int] = []
        for (i, b) in bytes.enumerated() {
            if ASCII.isDigit(b) || (i < 12 && ASCII.isUpper(b)) {
                v.append(Int(b) - 48)
            } else {
                return false
            }
        }
        guard !NationalIDKit.allSame(Array(v[0..<12])) else { return false }
        guard mod11Digit(NationalIDKit.weightedSum(v, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])) == v[12] else { return false }
        return mod11Digit(NationalIDKit.weightedSum(v, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])) == v[13]
    }
}
