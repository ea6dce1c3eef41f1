/// Member states AT to FR. "VIES" is the European Commission's VIES algorithms document;
/// "stdnum" is python-stdnum's module of that name (its documented algorithm).
extension EUVAT {
    /// AT UID (VIES; stdnum at.uid): `U` + 8 digits. Luhn-style sum S of digits 1-7 (digits in
    /// even positions doubled and cross-summed); check = (96 - S) mod 10, i.e. (6 - S) mod 10.
    static func austria(_ n: [UInt8]) -> Bool {
        guard n.count == 9, n[0] == UInt8(ascii: "U"), let d = digits(Array(n[1...]), 8) else { return false }
        var s = 0
        for i in 0..<7 { s += i % 2 == 0 ? d[i] : NationalIDKit.crossSum(2 * d[i]) }
        return (16 - s % 10) % 10 == d[7]
    }

    /// BE (VIES; stdnum be.vat): 10 digits starting 0 or 1; the last two are 97 - (first eight mod 97).
    static func belgium(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 10), d[0] <= 1 else { return false }
        let head = NationalIDKit.number(d[0..<8])
        return head > 0 && 97 - head % 97 == NationalIDKit.number(d[8...])
    }

    /// BG (VIES; stdnum bg.vat, bg.egn, bg.pnf). 9 digits (legal entity): weights 1..8 mod 11, on
    /// 10 weights 3..10 mod 11, then 10 becomes 0. 10 digits: a valid EGN (birth date with the
    /// +20/+40 month offsets, weights 2,4,8,5,10,9,7,3,6 mod 11 mod 10), a PNF (weights
    /// 21,19,17,13,11,9,7,3,1 mod 10) or "other" (weights 4,3,2,7,6,5,4,3,2, 11 - sum mod 11).
    static func bulgaria(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 9, 10) else { return false }
        if d.count == 9 {
            var c = mod(d[0..<8], [1, 2, 3, 4, 5, 6, 7, 8], 11)
            if c == 10 { c = mod(d[0..<8], [3, 4, 5, 6, 7, 8, 9, 10], 11) }
            return c % 10 == d[8]
        }
        let last = d[9]
        var year = 1900 + NationalIDKit.pair(d, 0), month = NationalIDKit.pair(d, 2)
        if month > 40 { year += 100; month -= 40 } else if month > 20 { year -= 100; month -= 20 }
        if NationalIDKit.isDate(year: year, month: month, day: NationalIDKit.pair(d, 4)),
           mod(d, [2, 4, 8, 5, 10, 9, 7, 3, 6], 11) % 10 == last { return true }
        if mod(d, [21, 19, 17, 13, 11, 9, 7, 3, 1], 10) == last { return true }
        return (11 - mod(d, [4, 3, 2, 7, 6, 5, 4, 3, 2], 11)) % 11 == last
    }

    /// CY (VIES; stdnum cy.vat): 8 digits + letter, not starting `12`. Digits in odd positions
    /// (1st, 3rd ...) map 0-9 to 1,0,5,7,9,13,15,17,19,21; the others count as themselves; the
    /// letter is A + (sum mod 26).
    static func cyprus(_ n: [UInt8]) -> Bool {
        guard n.count == 9, let d = digits(Array(n[0..<8]), 8), !(d[0] == 1 && d[1] == 2) else { return false }
        let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
        var s = 0
        for i in 0..<8 { s += i % 2 == 0 ? odd[d[i]] : d[i] }
        return n[8] == UInt8(ascii: "A") + UInt8(s % 26)
    }

    /// CZ DIČ (VIES; stdnum cz.dic). 8 digits (legal entity, not starting 9): c = 11 - (weights
    /// 8..2 mod 11), 0 → 1, 10 → 0. 9 digits starting 6 (individuals without a birth number):
    /// s = weights 8..2 over digits 2-8 mod 11, check (8 - (10 - s) mod 11) mod 10. Other 9 or 10
    /// digits: the rodné číslo rules (`cz-birth-number`).
    static func czechia(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8, 9, 10) else { return false }
        if d.count == 8 {
            guard d[0] != 9 else { return false }
            let c = (11 - mod(d[0..<7], [8, 7, 6, 5, 4, 3, 2], 11)) % 11
            return (c == 0 ? 1 : c % 10) == d[7]
        }
        if d.count == 9 && d[0] == 6 {
            let s = mod(d[1..<8], [8, 7, 6, 5, 4, 3, 2], 11)
            return ((s - 2) % 10 + 10) % 10 == d[8]
        }
        return CzechIDs.birthNumber(n)
    }

    /// DK CVR (VIES; stdnum dk.cvr): 8 digits, first not 0, weights 2,7,6,5,4,3,2,1, sum ≡ 0 mod 11.
    static func denmark(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8), d[0] != 0 else { return false }
        return mod(d, [2, 7, 6, 5, 4, 3, 2, 1], 11) == 0
    }

    /// EE KMKR (VIES; stdnum ee.kmkr): 9 digits, weights 3,7,1 repeated, sum ≡ 0 mod 10.
    static func estonia(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 9) else { return false }
        return mod(d, [3, 7, 1, 3, 7, 1, 3, 7, 1], 10) == 0
    }

    /// EL/GR ΑΦΜ (VIES; stdnum gr.vat): 9 digits; digits 1-8 weighted 256..2 (powers of 2), sum
    /// mod 11 mod 10 is the last digit.
    static func greece(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 9) else { return false }
        return mod(d[0..<8], [256, 128, 64, 32, 16, 8, 4, 2], 11) % 10 == d[8]
    }

    /// ES NIF (VIES; stdnum es.nif, es.dni, es.nie, es.cif). 8 digits + DNI letter; X/Y/Z + 7
    /// digits + NIE letter; K/L/M + 7 digits + the DNI letter of those 7 digits; a CIF (entity
    /// letter ABCDEFGHJNPQRSUVW, 7 digits, then the Luhn digit of the 7 digits or the letter
    /// JABCDEFGHI at that index; both forms are accepted, as stdnum does).
    static func spain(_ n: [UInt8]) -> Bool {
        guard n.count == 9, let mid = NationalIDKit.digits(n[1..<8]) else { return false }
        let first = n[0]
        if ASCII.isDigit(first) { return SpanishIDs.dni(n) }
        if Array("XYZ".utf8).contains(first) { return SpanishIDs.nie(n) }
        if Array("KLM".utf8).contains(first) {
            return Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)[NationalIDKit.number(mid) % 23] == n[8]
        }
        guard Array("ABCDEFGHJNPQRSUVW".utf8).contains(first),
              let c = Luhn.checkDigit(for: Array(n[1..<8])) else { return false }
        return n[8] == c || n[8] == Array("JABCDEFGHI".utf8)[Int(c - 0x30)]
    }

    /// FI ALV (VIES; stdnum fi.alv): 8 digits, weights 7,9,10,5,8,4,2,1, sum ≡ 0 mod 11.
    static func finland(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8) else { return false }
        return mod(d, [7, 9, 10, 5, 8, 4, 2, 1], 11) == 0
    }

    /// FR TVA (VIES; stdnum fr.tva): 2-character key + 9-digit SIREN (Luhn, not checked for
    /// Monaco's `000` numbers). Numeric key = (12 + 3 × (SIREN mod 97)) mod 97. A key with a
    /// letter (alphabet 0-9 A-Z without I and O, c1 c2): v = c1×24 + c2 - 10 when c1 is a digit,
    /// else c1×34 + c2 - 100; valid when (SIREN + 1 + v ÷ 11) mod 11 = v mod 11.
    static func france(_ n: [UInt8]) -> Bool {
        guard n.count == 11, let siren = NationalIDKit.digits(n[2...]) else { return false }
        if !(siren[0] == 0 && siren[1] == 0 && siren[2] == 0) {
            guard Luhn.isValid(Array(n[2...])) else { return false }
        }
        let s = NationalIDKit.number(siren)
        if let k1 = ASCII.digit(n[0]), let k2 = ASCII.digit(n[1]) {
            return k1 * 10 + k2 == (12 + 3 * (s % 97)) % 97
        }
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
        guard let c1 = alphabet.firstIndex(of: n[0]), let c2 = alphabet.firstIndex(of: n[1]) else { return false }
        let v = c1 < 10 ? c1 * 24 + c2 - 10 : c1 * 34 + c2 - 100
        guard v >= 0 else { return false }
        return (s + 1 + v / 11) % 11 == v % 11
    }
}
