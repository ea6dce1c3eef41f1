/// Member states HR to SK, and XI (Northern Ireland). "VIES" is the European Commission's VIES
/// algorithms document; "stdnum" is python-stdnum's module of that name (its documented algorithm).
extension EUVAT {
    /// HR OIB (VIES; stdnum hr.oib): 11 digits, ISO 7064 MOD 11,10.
    static func croatia(_ n: [UInt8]) -> Bool {
        digits(n, 11) != nil && ISO7064Hybrid.mod11_10.isValid(n)
    }

    /// HU ANUM (VIES; stdnum hu.anum): 8 digits, weights 9,7,3,1 repeated, sum ≡ 0 mod 10.
    static func hungary(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8) else { return false }
        return mod(d, [9, 7, 3, 1, 9, 7, 3, 1], 10) == 0
    }

    /// IE (VIES; stdnum ie.vat). New form: 7 digits, check letter, optional second letter
    /// (A-I, valued 1-9 and weighted 9). Old form `1X23456X`: read as `0` + digits 3-7 + digit 1.
    /// Check letter = "WABCDEFGHIJKLMNOPQRSTUV"[(weights 8..2 over the 7 digits + 9 × second) mod 23].
    static func ireland(_ n: [UInt8]) -> Bool {
        let letters = Array("WABCDEFGHIJKLMNOPQRSTUV".utf8)
        guard n.count == 8 || n.count == 9, let head = NationalIDKit.digits(n[0..<1]),
              let tail = NationalIDKit.digits(n[2..<7]) else { return false }
        var seven: [Int], extra = 0
        if let d = ASCII.digit(n[1]) {
            seven = head + [d] + tail
            if n.count == 9 {
                guard let e = letters.firstIndex(of: n[8]) else { return false }
                extra = e
            }
        } else {
            guard n.count == 8, ASCII.isUpper(n[1]) || n[1] == UInt8(ascii: "+") || n[1] == UInt8(ascii: "*") else { return false }
            seven = [0] + tail + head
        }
        return letters[(NationalIDKit.weightedSum(seven, [8, 7, 6, 5, 4, 3, 2]) + 9 * extra) % 23] == n[7]
    }

    /// LT PVM (VIES; stdnum lt.pvm): 9 digits (8th is 1) or 12 digits (11th is 1). Weights 1..9
    /// repeated mod 11; on 10, weights 3..9,1,2 repeated mod 11; 10 becomes 0.
    static func lithuania(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 9, 12), d[d.count - 2] == 1 else { return false }
        let body = d.dropLast()
        var c = mod(body, (0..<11).map { 1 + $0 % 9 }, 11)
        if c == 10 { c = mod(body, (0..<11).map { 1 + ($0 + 2) % 9 }, 11) }
        return c % 10 == d[d.count - 1]
    }

    /// LU TVA (VIES; stdnum lu.tva): 8 digits; the first six mod 89 are the last two.
    static func luxembourg(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8) else { return false }
        return NationalIDKit.number(d[0..<6]) % 89 == NationalIDKit.number(d[6...])
    }

    /// LV PVN (VIES; stdnum lv.pvn): 11 digits. First digit above 3 (legal entity): weights
    /// 9,1,4,8,3,10,2,5,7,6,1, sum ≡ 3 mod 11. Otherwise a personal code: DDMMYY + century digit
    /// (0: 1800s, 1: 1900s, 2: 2000s) forming a real date, or `32` (codes without a date since
    /// 2017); check = (1 + weights 10,5,8,4,2,1,6,3,7,9) mod 11 mod 10.
    static func latvia(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 11) else { return false }
        if d[0] > 3 { return mod(d, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1], 11) == 3 }
        if !(d[0] == 3 && d[1] == 2) {
            let year = 1800 + 100 * d[6] + NationalIDKit.pair(d, 4)
            guard NationalIDKit.isDate(year: year, month: NationalIDKit.pair(d, 2), day: NationalIDKit.pair(d, 0)) else { return false }
        }
        return (1 + NationalIDKit.weightedSum(d, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11 % 10 == d[10]
    }

    /// MT (VIES; stdnum mt.vat): 8 digits, first not 0, weights 3,4,6,7,8,9,10,1, sum ≡ 0 mod 37.
    static func malta(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8), d[0] != 0 else { return false }
        return mod(d, [3, 4, 6, 7, 8, 9, 10, 1], 37) == 0
    }

    /// NL BTW (VIES; stdnum nl.btw): 9 digits (not all 0) + `B` + 2 digits (not `00`). Either the
    /// 9 digits pass the 11-proef (weights 9..2 and -1), or, for the sole-proprietor numbers issued
    /// since 2020, `NL` + the 12 characters pass ISO 7064 MOD 97-10.
    static func netherlands(_ n: [UInt8]) -> Bool {
        guard n.count == 12, n[9] == UInt8(ascii: "B"), let d = NationalIDKit.digits(n[0..<9]),
              let b = NationalIDKit.digits(n[10...]), NationalIDKit.number(d) > 0, b != [0, 0] else { return false }
        if NationalIDKit.weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2, -1]) % 11 == 0 { return true }
        return ISO7064Mod97.isValid(Array("NL".utf8) + n)
    }

    /// RO CUI/CIF (VIES; stdnum ro.cui): 2-10 digits, first not 0; the payload left-padded with
    /// zeros to 9 digits, weights 7,5,3,2,1,7,5,3,2; check = (10 × sum) mod 11 mod 10.
    static func romania(_ n: [UInt8]) -> Bool {
        guard (2...10).contains(n.count), let d = NationalIDKit.digits(n[...]), d[0] != 0 else { return false }
        let payload = [Int](repeating: 0, count: 10 - d.count) + d.dropLast()
        return 10 * NationalIDKit.weightedSum(payload, [7, 5, 3, 2, 1, 7, 5, 3, 2]) % 11 % 10 == d[d.count - 1]
    }

    /// SE (VIES; stdnum se.vat, se.orgnr): 12 digits ending `01`; the first ten pass Luhn.
    static func sweden(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 12), d[10] == 0, d[11] == 1 else { return false }
        return Luhn.isValid(Array(n[0..<10]))
    }

    /// SI DDV (VIES; stdnum si.ddv): 8 digits, first not 0; check = 11 - (weights 8..2 mod 11),
    /// 10 becomes 0 and 11 is never issued.
    static func slovenia(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 8), d[0] != 0 else { return false }
        let c = 11 - mod(d[0..<7], [8, 7, 6, 5, 4, 3, 2], 11)
        return c != 11 && c % 10 == d[7]
    }

    /// SK IČ DPH (VIES; stdnum sk.dph): 10 digits, first not 0, third 2, 3, 4, 7, 8 or 9, the
    /// number divisible by 11; stdnum also accepts a valid birth number (rodné číslo), as here.
    static func slovakia(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 10) else { return false }
        if CzechIDs.birthNumber(n) { return true }
        return d[0] != 0 && [2, 3, 4, 7, 8, 9].contains(d[2]) && NationalIDKit.number(d) % 11 == 0
    }

    /// XI/GB (HMRC, VIES; stdnum gb.vat): 9 digits, or 12 for a branch (the last three unchecked).
    /// Weights 8,7,6,5,4,3,2,10,1 over the nine: sum ≡ 0 mod 97 (original scheme) or, for numbers
    /// from 100 0000 00 up, sum + 55 ≡ 0 mod 97 (the "9755" scheme).
    static func unitedKingdom(_ n: [UInt8]) -> Bool {
        guard let d = digits(n, 9, 12) else { return false }
        let s = mod(d[0..<9], [8, 7, 6, 5, 4, 3, 2, 10, 1], 97)
        return s == 0 || (s == 42 && NationalIDKit.number(d[0..<3]) >= 100)
    }
}
