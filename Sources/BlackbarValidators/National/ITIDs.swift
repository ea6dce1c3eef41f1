/// Italian identifiers: codice fiscale (persons) and partita IVA.
public enum ItalianIDs {
    /// Values of odd-position (1st, 3rd, ...) characters, indexed by digit or by letter A-Z
    /// (DM 23/12/1976, Allegato).
    private static let oddValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                                    12, 14, 16, 10, 22, 25, 24, 23]
    /// Month letters A=Jan ... T=Dec.
    private static let months = Array("ABCDEHLMPRST".utf8)
    /// Omocodia letters standing for 0-9.
    private static let omocodia = Array("LMNPQRSTUV".utf8)

    /// A date/place digit: a digit or its omocodia letter.
    private static func omocodiaDigit(_ b: UInt8) -> Int? {
        if let d = ASCII.digit(b) { return d }
        return omocodia.firstIndex(of: b)
    }

    /// Codice fiscale of a person: 16 characters: 6 name letters, year (2), month letter,
    /// day (2; +40 for women), place code (letter + 3), check letter. The digits of year, day
    /// and place may be replaced by omocodia letters L M N P Q R S T U V. The birth date must
    /// be real in 19yy or 20yy. The check letter is (Σ odd-table values of characters 1,3,...,15
    /// + Σ even values of 2,4,...,14) mod 26 as a letter.
    public static func codiceFiscale(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return false }
        for i in [0, 1, 2, 3, 4, 5, 11, 15] where !ASCII.isUpper(bytes[i]) { return false }
        guard let y1 = omocodiaDigit(bytes[6]), let y2 = omocodiaDigit(bytes[7]),
              let m = months.firstIndex(of: bytes[8]),
              let d1 = omocodiaDigit(bytes[9]), let d2 = omocodiaDigit(bytes[10]),
              omocodiaDigit(bytes[12]) != nil, omocodiaDigit(bytes[13]) != nil, omocodiaDigit(bytes[14]) != nil
        else { return false }
        var day = d1 * 10 + d2
        if day > 40 { day -= 40 }
        guard NationalIDKit.isDateSomeCentury(yy: y1 * 10 + y2, month: m + 1, day: day) else { return false }
        var sum = 0
        for i in 0..<15 {
            let b = bytes[i]
            let index = ASCII.digit(b) ?? (Int(b) - 0x41)
            sum += i % 2 == 0 ? oddValues[index] : index
        }
        return Int(bytes[15]) - 0x41 == sum % 26
    }

    /// Partita IVA (Agenzia delle Entrate): 11 digits, the first seven not all zero, office
    /// code (digits 8-10) 001-100, 120, 121, 888 or 999, Luhn check digit.
    public static func partitaIVA(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11), d[0..<7].contains(where: { $0 != 0 }) else { return false }
        let office = NationalIDKit.number(d[7..<10])
        guard (1...100).contains(office) || [120, 121, 888, 999].contains(office) else { return false }
        return Luhn.isValid(bytes)
    }
}
