/// Small, self-contained arithmetic shared by the national identity validators.
///
/// Everything here is total: out-of-range input gives `nil` or `false`, never a trap.
enum NationalIDKit {
    // MARK: Bytes

    /// The value of an ASCII digit byte, or `nil`.
    @inline(__always)
    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
    }

    /// Whether `byte` is an upper-case ASCII letter.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `A` = 0 ... `Z` = 25, or `nil` for anything but an upper-case ASCII letter.
    @inline(__always)
    static func letterIndex(_ byte: UInt8) -> Int? {
        isLetter(byte) ? Int(byte &- 0x41) : nil
    }

    /// `0`-`9` = 0-9, `A`-`Z` = 10-35, or `nil`.
    @inline(__always)
    static func alnumValue(_ byte: UInt8) -> Int? {
        if let d = digit(byte) { return d }
        if let l = letterIndex(byte) { return l + 10 }
        return nil
    }

    /// The digit values of `bytes` when every byte is a digit and the count is one of `lengths`.
    static func digits(_ bytes: [UInt8], lengths: Int...) -> [Int]? {
        guard lengths.contains(bytes.count) else { return nil }
        return digits(bytes[...])
    }

    /// The digit values of a slice when every byte is a digit, else `nil`.
    static func digits(_ bytes: ArraySlice<UInt8>) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            guard let d = digit(b) else { return nil }
            out.append(d)
        }
        return out
    }

    /// The decimal number spelled by `digits` (callers keep it to at most 18 digits).
    static func number<C: Collection>(_ digits: C) -> Int where C.Element == Int {
        var n = 0
        for d in digits { n = n &* 10 &+ d }
        return n
    }

    /// The number spelled by two digits starting at `index`.
    @inline(__always)
    static func pair(_ d: [Int], _ index: Int) -> Int { d[index] * 10 + d[index + 1] }

    /// Sum of `digits[i] * weights[i]` over the shorter of the two.
    static func weightedSum<C: Collection>(_ digits: C, _ weights: [Int]) -> Int where C.Element == Int {
        var sum = 0
        for (d, w) in zip(digits, weights) { sum += d * w }
        return sum
    }

    /// Whether every element is the same (an all-same number such as `00000000000`).
    static func allSame(_ digits: [Int]) -> Bool {
        guard let first = digits.first else { return true }
        return digits.allSatisfy { $0 == first }
    }

    /// The sum of the decimal digits of a non-negative number (for "cross sum" schemes).
    @inline(__always)
    static func crossSum(_ n: Int) -> Int {
        var n = n, s = 0
        while n > 0 { s += n % 10; n /= 10 }
        return s
    }

    // MARK: Calendar

    /// Whether `year` is a Gregorian leap year.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` of `year`, or 0 for a month outside 1...12.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeap(year) ? 29 : 28
        default: return 0
        }
    }

    /// Whether year/month/day is a real Gregorian date.
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Whether a two-digit year with day and month is a real date in 1900+yy or 2000+yy.
    ///
    /// For numbers that do not say their century: 29 February is accepted when either century
    /// makes it a leap year (so `00` accepts it through 2000).
    static func isDateSomeCentury(yy: Int, month: Int, day: Int) -> Bool {
        isDate(year: 1900 + yy, month: month, day: day) || isDate(year: 2000 + yy, month: month, day: day)
    }

    // MARK: Check digit schemes

    /// Whether the digits pass the Luhn (mod 10, double every second from the right) check.
    static func luhnValid(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty else { return false }
        return luhnSum(digits[...], doubleRightmost: false) % 10 == 0
    }

    /// The Luhn check digit to append to `payload`.
    static func luhnCheckDigit(_ payload: ArraySlice<Int>) -> Int {
        (10 - luhnSum(payload, doubleRightmost: true) % 10) % 10
    }

    private static func luhnSum(_ digits: ArraySlice<Int>, doubleRightmost: Bool) -> Int {
        var sum = 0
        var double = doubleRightmost
        for d in digits.reversed() {
            if double {
                let p = d * 2
                sum += p > 9 ? p - 9 : p
            } else {
                sum += d
            }
            double.toggle()
        }
        return sum
    }

    private static let verhoeffD: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    private static let verhoeffP: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    private static let verhoeffInv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    /// Whether the digits (check digit last) pass the Verhoeff dihedral-group check.
    static func verhoeffValid(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty else { return false }
        var c = 0
        for (i, d) in digits.reversed().enumerated() { c = verhoeffD[c][verhoeffP[i % 8][d]] }
        return c == 0
    }

    /// The Verhoeff check digit to append to `payload`.
    static func verhoeffCheckDigit(_ payload: ArraySlice<Int>) -> Int {
        var c = 0
        for (i, d) in payload.reversed().enumerated() { c = verhoeffD[c][verhoeffP[(i + 1) % 8][d]] }
        return verhoeffInv[c]
    }

    /// The ISO 7064 MOD 11,10 (hybrid) check digit for `payload`.
    static func mod11_10CheckDigit(_ payload: ArraySlice<Int>) -> Int {
        var product = 10
        for d in payload {
            var sum = (d + product) % 10
            if sum == 0 { sum = 10 }
            product = (2 * sum) % 11
        }
        return (11 - product) % 10
    }

    /// `11 - (sum mod 11)` with 11 mapped to 0; `nil` when the result is 10 (no valid digit).
    static func mod11Complement(_ sum: Int) -> Int? {
        let c = (11 - sum % 11) % 11
        return c == 10 ? nil : c
    }
}
