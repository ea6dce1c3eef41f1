/// United Kingdom identifiers: National Insurance number, NHS number, Unique Taxpayer Reference.
public enum BritishIDs {
    /// National Insurance number (HMRC NIM39110): two prefix letters, six digits, suffix A-D.
    /// The first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; the
    /// prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued. Upper-case, 9 characters.
    public static func nino(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 9 else { return false }
        let a = bytes[0], b = bytes[1]
        guard ASCII.isUpper(a), ASCII.isUpper(b) else { return false }
        if Array("DFIQUV".utf8).contains(a) || Array("DFIOQUV".utf8).contains(b) { return false }
        let prefix = String(decoding: bytes[0..<2], as: UTF8.self)
        if ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(prefix) { return false }
        guard NationalIDKit.digits(bytes[2..<8]) != nil else { return false }
        return bytes[8] >= 0x41 && bytes[8] <= 0x44
    }

    /// NHS number (NHS Data Dictionary): 10 digits, weights 10..2 on the first nine,
    /// check = 11 - (sum mod 11), 11 becomes 0, and a result of 10 is never issued.
    public static func nhs(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10) else { return false }
        let sum = NationalIDKit.weightedSum(d, [10, 9, 8, 7, 6, 5, 4, 3, 2])
        return NationalIDKit.mod11Complement(sum) == d[9]
    }

    /// Unique Taxpayer Reference (HMRC): 10 digits with the check digit first. Weights
    /// 6,7,8,9,10,5,4,3,2 on digits 2-10; the check is "21987654321"[sum mod 11].
    public static func utr(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10) else { return false }
        let sum = NationalIDKit.weightedSum(d[1...], [6, 7, 8, 9, 10, 5, 4, 3, 2])
        let table = [2, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1]
        return table[sum % 11] == d[0]
    }
}
