/// Swedish identifiers.
public enum SwedishIDs {
    /// Personnummer / samordningsnummer (Skatteverket SKV 704/707): 10 digits YYMMDDNNNC or 12
    /// digits YYYYMMDDNNNC (century 18, 19 or 20). C is the Luhn digit over the 10-digit form.
    /// Coordination numbers add 60 to the day. The date must be real; for the 10-digit form,
    /// whose century sign was removed by normalization, any century that makes it real counts.
    public static func personnummer(_ bytes: [UInt8]) -> Bool {
        guard let all = NationalIDKit.digits(bytes, lengths: 10, 12) else { return false }
        let d = Array(all.suffix(10))
        var day = NationalIDKit.pair(d, 4)
        if day > 60 { day -= 60 }
        let month = NationalIDKit.pair(d, 2), yy = NationalIDKit.pair(d, 0)
        if all.count == 12 {
            let cc = NationalIDKit.pair(all, 0)
            guard (18...20).contains(cc), NationalIDKit.isDate(year: cc * 100 + yy, month: month, day: day) else { return false }
        } else {
            guard NationalIDKit.isDateSomeCentury(yy: yy, month: month, day: day) else { return false }
        }
        return Luhn.isValid(Array(bytes.suffix(10)))
    }
}
