/// North American Numbering Plan (NANPA): `NPA-NXX-XXXX`, optionally preceded by the trunk `1`.
///
/// - NPA (area code) `[2-9][0-8][0-9]`, not an N11 service code, not 37X or 96X (held in
///   reserve for plan expansion); the middle digit 9 is excluded by `[0-8]` (N9X is reserved too).
/// - NXX (central office code) `[2-9]XX`, not N11. 555 is allowed: 555-0100 to 555-0199 are the
///   numbers reserved for fiction, and other 555 lines exist.
///
/// A 10-digit run that starts with 1 (as every Unix time in seconds from 2001-09-09 to 2033
/// does) can never pass: neither as an NPA nor, being 10 digits, as `1` + 10.
enum PhonePlanNANP {
    /// Whether `digits` are a NANP number: 10 digits, or 11 starting with the trunk `1`.
    static func accepts(_ digits: [UInt8]) -> Bool {
        let start: Int
        switch digits.count {
        case 10: start = 0
        case 11 where digits[0] == 1: start = 1
        default: return false
        }
        let a = Int(digits[start]), b = Int(digits[start + 1]), c = Int(digits[start + 2])
        guard (2...9).contains(a), b <= 8 else { return false }
        if b == 1 && c == 1 { return false }  // N11 service codes
        if a == 3 && b == 7 { return false }  // 37X reserved
        if a == 9 && b == 6 { return false }  // 96X reserved
        let d = Int(digits[start + 3]), e = Int(digits[start + 4]), f = Int(digits[start + 5])
        guard (2...9).contains(d) else { return false }
        if e == 1 && f == 1 { return false }  // N11 is not an exchange code
        return true
    }
}
