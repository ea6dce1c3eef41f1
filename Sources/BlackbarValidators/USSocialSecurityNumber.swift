/// United States Social Security Number structure (SSA rules; SSNs carry no check digit).
///
/// Nine digits `AAAGGSSSS`: area `AAA` not 000, 666 or 900-999; group `GG` not 00; serial
/// `SSSS` not 0000. The two famously published numbers 078-05-1120 (the Woolworth wallet card)
/// and 219-09-9999 (a Social Security Administration advertisement) are rejected too.
public enum USSocialSecurityNumber {
    /// Whether `digits` (exactly nine ASCII digits, no separators) is a structurally possible SSN.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count == 9, ASCII.allDigits(digits) else { return false }
        let area = number(digits[0 ..< 3]), group = number(digits[3 ..< 5]), serial = number(digits[5 ..< 9])
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        if area == 78 && group == 5 && serial == 1120 { return false }
        if area == 219 && group == 9 && serial == 9999 { return false }
        return true
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }
}
