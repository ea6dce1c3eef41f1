/// German identifiers: tax ID, pension insurance number, ID card and passport numbers, health
/// insurance number, VAT number.
public enum GermanIDs {
    /// Steuerliche Identifikationsnummer (§ 139b AO; ELSTER "Prüfung der Steuer- und
    /// Steueridentifikationsnummer"): 11 digits, first digit not 0, ISO 7064 MOD 11,10 check
    /// digit last. In the first ten digits exactly one digit occurs twice or three times and
    /// every other digit at most once; since 2016 a digit may occur three times, but not in
    /// three directly consecutive positions.
    public static func taxID(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 11), d[0] != 0 else { return false }
        var counts = [Int](repeating: 0, count: 10)
        for x in d[0..<10] { counts[x] += 1 }
        let repeated = counts.indices.filter { counts[$0] > 1 }
        guard repeated.count == 1 else { return false }
        let digit = repeated[0]
        switch counts[digit] {
        case 2: break
        case 3:
            for i in 0..<8 where d[i] == digit && d[i + 1] == digit && d[i + 2] == digit { return false }
        default: return false
        }
        return ISO7064Hybrid.mod11_10.isValid(bytes)
    }

    /// Rentenversicherungsnummer (VKVV § 2; Deutsche Rentenversicherung): 12 characters,
    /// area number (2 digits), birth date DDMMYY, the initial of the birth surname, a 2-digit
    /// serial and a check digit.
    ///
    /// The check expands the letter to its 2-digit alphabet position (A=01), multiplies the 12
    /// digits by 2,1,2,5,7,1,2,1,2,1,2,1, adds the digit sums of the products, mod 10.
    /// The date must be real in 19yy or 20yy. When the serials of a day run out the day is
    /// raised by 32 or 64, and the 1st of a month may be raised by 96 (VKVV § 2 (3)), so days
    /// 33-63, 65-95 and 97 are read back to the real day.
    public static func svnr(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 12, let head = NationalIDKit.digits(bytes[0..<8]),
              let letter = ASCII.letterIndex(bytes[8]),
              let tail = NationalIDKit.digits(bytes[9..<12]) else { return false }
        var day = NationalIDKit.pair(head, 2)
        switch day {
        case 1...31: break
        case 33...63: day -= 32
        case 65...95: day -= 64
        case 97: day = 1
        default: return false
        }
        guard NationalIDKit.isDateSomeCentury(yy: NationalIDKit.pair(head, 6), month: NationalIDKit.pair(head, 4), day: day)
        else { return false }
        let letterValue = letter + 1
        let expanded = head + [letterValue / 10, letterValue % 10, tail[0], tail[1]]
        let weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
        var sum = 0
        for (x, w) in zip(expanded, weights) { sum += NationalIDKit.crossSum(x * w) }
        return sum % 10 == tail[2]
    }

    /// Characters a German ID card or passport serial may use: digits and the consonants
    /// C F G H J K L M N P R T V W X Y Z (no vowels, no B, D, Q, S).
    private static func isDocumentChar(_ b: UInt8) -> Bool {
        ASCII.isDigit(b) || Array("CFGHJKLMNPRTVWXYZ".utf8).contains(b)
    }

    /// ICAO 9303 7-3-1 check over document characters (A=10 ... Z=35), or `nil`.
    private static func icaoCheck(_ bytes: ArraySlice<UInt8>) -> Int? {
        var sum = 0
        let weights = [7, 3, 1]
        for (i, b) in bytes.enumerated() {
            guard let v = ASCII.alphanumeric(b) else { return nil }
            sum += v * weights[i % 3]
        }
        return sum % 10
    }

    /// Personalausweis document number: 9 serial characters from the vowel-free alphabet
    /// followed by the ICAO 9303 7-3-1 check digit (10 characters, as printed in the MRZ).
    public static func idCard(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10, bytes[0..<9].allSatisfy(isDocumentChar),
              let check = ASCII.digit(bytes[9]) else { return false }
        return icaoCheck(bytes[0..<9]) == check
    }

    /// Reisepass number: like the ID card (9 vowel-free characters + 7-3-1 check digit), with
    /// the first character one of C, F, G, H, J, K as issued since 2007.
    public static func passport(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10, Array("CFGHJK".utf8).contains(bytes[0]) else { return false }
        return idCard(bytes)
    }

    /// Krankenversichertennummer (unchangeable part, GKV-Spitzenverband): a letter and 9
    /// digits, the last a check digit. The letter becomes its 2-digit position (A=01), the
    /// resulting 10 digits are weighted 1,2,1,2,..., digit sums of the products are added,
    /// and the check is the sum mod 10.
    public static func kvnr(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10, let letter = ASCII.letterIndex(bytes[0]),
              let d = NationalIDKit.digits(bytes[1...]) else { return false }
        let v = letter + 1
        let expanded = [v / 10, v % 10] + d[0..<8]
        var sum = 0
        for (i, x) in expanded.enumerated() { sum += NationalIDKit.crossSum(x * (i % 2 == 0 ? 1 : 2)) }
        return sum % 10 == d[8]
    }

    /// Umsatzsteuer-Identifikationsnummer: optional `DE` prefix and 9 digits, first digit not 0,
    /// ISO 7064 MOD 11,10 check digit last (BZSt).
    public static func vat(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if bytes.count == 11 {
            guard bytes[0] == 0x44, bytes[1] == 0x45 else { return false }
            body = bytes[2...]
        }
        guard body.count == 9, let d = NationalIDKit.digits(body), d[0] != 0 else { return false }
        return ISO7064Hybrid.mod11_10.isValid(Array(body))
    }
}
