/// Luxembourg identifiers.
public enum LuxembourgIDs {
    /// Matricule / numéro d'identification national (CNS, CTIE): 13 digits, birth date
    /// YYYYMMDD (a real date, year 1850 or later), a 3-digit serial, then a Luhn check digit
    /// over the first 11 digits and a Verhoeff check digit over the same 11 digits.
    public static func nationalID(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 13) else { return false }
        let year = NationalIDKit.number(d[0..<4])
        guard year >= 1850,
              NationalIDKit.isDate(year: year, month: NationalIDKit.pair(d, 4), day: NationalIDKit.pair(d, 6))
        else { return false }
        let payload = Array(bytes[0..<11])
        return Luhn.checkDigit(for: payload) == bytes[11] && Verhoeff.checkDigit(for: payload) == bytes[12]
    }
}
