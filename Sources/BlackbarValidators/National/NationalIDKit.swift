/// Small, self-contained arithmetic shared by the national identity validators.
///
/// Everything here is total: out-of-range input gives `nil` or `false`, never a trap.
enum NationalIDKit {
    // MARK: Digits

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
            guard let d = ASCII.digit(b) else { return nil }
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
    // Luhn, Verhoeff and ISO 7064 MOD 11,10 are `Luhn`, `Verhoeff` and `ISO7064Hybrid.mod11_10`.

    /// `11 - (sum mod 11)` with 11 mapped to 0; `nil` when the result is 10 (no valid digit).
    static func mod11Complement(_ sum: Int) -> Int? {
        let c = (11 - sum % 11) % 11
        return c == 10 ? nil : c
    }
}
