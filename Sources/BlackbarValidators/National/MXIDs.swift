/// Mexican identifiers: CURP and RFC.
public enum MexicanIDs {
    /// RENAPO state codes (plus NE, born abroad).
    private static let states: Set<String> = [
        "AS", "BC", "BS", "CC", "CH", "CL", "CM", "CS", "DF", "DG", "GR", "GT", "HG", "JC", "MC", "MN",
        "MS", "NE", "NL", "NT", "OC", "PL", "QR", "QT", "SL", "SP", "SR", "TC", "TL", "TS", "VZ", "YN", "ZS",
    ]

    /// Four-letter words RENAPO never issues as a CURP prefix (the list python-stdnum mx.curp uses).
    private static let inconvenientWords: Set<String> = Set("""
        BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO \
        FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI \
        KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA \
        MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO \
        TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY
        """.split(separator: " ").map(String.init))

    /// Value in the CURP/RFC check alphabet "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ" (Ñ, or & in
    /// the RFC, sits at 24 between N and O), or `nil`.
    private static func checkValue(_ scalar: Int) -> Int? {
        switch scalar {
        case 0x30...0x39: return scalar - 0x30
        case 0x41...0x4E: return scalar - 0x41 + 10  // A-N → 10-23
        case 0x26, 0xD1: return 24  // & and Ñ
        case 0x4F...0x5A: return scalar - 0x4F + 25  // O-Z → 25-36
        default: return nil
        }
    }

    /// CURP (RENAPO, "Instructivo normativo para la asignación de la CURP"): 18 characters:
    /// 4 name letters, birth date YYMMDD, sex (H, M, or X for non-binary records), a state code,
    /// 3 internal consonants, a differentiator (digit for births up to 1999, letter from 2000)
    /// and a check digit (10 - Σ value·(18..2) mod 10) mod 10 over the alphabet 0-9, A-N, Ñ, O-Z.
    /// The date must be real in the century the differentiator gives. RENAPO replaces the
    /// second letter of an inconvenient word (Anexo 2 of the instructivo) with X, so those
    /// words never start a CURP and are rejected.
    public static func curp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 18 else { return false }
        if inconvenientWords.contains(String(decoding: bytes[0..<4], as: UTF8.self)) { return false }
        for i in [0, 1, 2, 3, 10, 11, 12, 13, 14, 15] where !ASCII.isUpper(bytes[i]) { return false }
        guard let date = NationalIDKit.digits(bytes[4..<10]), let check = ASCII.digit(bytes[17]) else { return false }
        guard bytes[10] == 0x48 || bytes[10] == 0x4D || bytes[10] == 0x58 else { return false }
        guard states.contains(String(decoding: bytes[11..<13], as: UTF8.self)) else { return false }
        let century: Int
        if ASCII.isDigit(bytes[16]) {
            century = 1900
        } else if ASCII.isUpper(bytes[16]) {
            century = 2000
        } else {
            return false
        }
        guard NationalIDKit.isDate(year: century + NationalIDKit.pair(date, 0), month: NationalIDKit.pair(date, 2),
                                   day: NationalIDKit.pair(date, 4)) else { return false }
        var sum = 0
        for i in 0..<17 {
            guard let v = checkValue(Int(bytes[i])) else { return false }
            sum += v * (18 - i)
        }
        return (10 - sum % 10) % 10 == check
    }

    /// The RFC as characters: ASCII bytes as themselves and the UTF-8 pair C3 91 as Ñ (0xD1).
    private static func scalars(_ bytes: [UInt8]) -> [Int]? {
        var out: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(Int(b))
                i += 1
            } else if b == 0xC3, i + 1 < bytes.count, bytes[i + 1] == 0x91 {
                out.append(0xD1)
                i += 2
            } else {
                return nil
            }
            if out.count > 13 { return nil }
        }
        return out
    }

    /// RFC (SAT): persons 4 name characters + YYMMDD + 3-character homoclave (13), or without the
    /// homoclave (10); companies 3 name characters + YYMMDD + homoclave (12). Name characters are
    /// A-Z, & or Ñ; the date must be real (19yy or 20yy). When the homoclave is present its last
    /// character is checked: "0123456789A"[(11 - Σ value·(13..2)) mod 11] over the 12 preceding
    /// characters (companies padded with one leading space, value 37), alphabet
    /// 0-9, A-N, &, O-Z, space, Ñ. The homoclave must match [1-9A-V][1-9A-Z][0-9A] (SAT's
    /// homoclave tables, as python-stdnum mx.rfc checks it). Caveat (python-stdnum): some issued RFCs carry a wrong check
    /// digit; those are reported invalid. The SAT generic RFCs XAXX010101000 (público en general)
    /// and XEXX010101000 (foreign residents) are accepted as they are.
    public static func rfc(_ bytes: [UInt8]) -> Bool {
        if bytes == Array("XAXX010101000".utf8) || bytes == Array("XEXX010101000".utf8) { return true }
        guard let s = scalars(bytes), [10, 12, 13].contains(s.count) else { return false }
        let nameLength = s.count == 12 ? 3 : 4
        for c in s[0..<nameLength] {
            guard (0x41...0x5A).contains(c) || c == 0x26 || c == 0xD1 else { return false }
        }
        var date: [Int] = []
        for c in s[nameLength..<(nameLength + 6)] {
            guard (0x30...0x39).contains(c) else { return false }
            date.append(c - 0x30)
        }
        guard NationalIDKit.isDateSomeCentury(yy: NationalIDKit.pair(date, 0), month: NationalIDKit.pair(date, 2),
                                              day: NationalIDKit.pair(date, 4)) else { return false }
        if s.count == 10 { return true }
        let h = Array(s[(nameLength + 6)...])
        guard (0x31...0x39).contains(h[0]) || (0x41...0x56).contains(h[0]),
              (0x31...0x39).contains(h[1]) || (0x41...0x5A).contains(h[1]),
              (0x30...0x39).contains(h[2]) || h[2] == 0x41 else { return false }
        let padded = s.count == 12 ? [0x20] + s[0..<11] : Array(s[0..<12])
        var sum = 0
        for (i, c) in padded.enumerated() {
            let v: Int
            if c == 0x20 { v = 37 } else if c == 0xD1 { v = 38 } else if let x = checkValue(c) { v = x } else { return false }
            sum += v * (13 - i)
        }
        let r = ((11 - sum) % 11 + 11) % 11
        let expected = r < 10 ? 0x30 + r : 0x41
        return s[s.count - 1] == expected
    }
}
