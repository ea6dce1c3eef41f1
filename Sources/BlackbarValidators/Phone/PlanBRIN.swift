/// Brazil, Anatel plan: an optional trunk `0`, a 2-digit DDD area code, then 8 digits for a
/// fixed line (first digit 2-5) or 9 digits for a mobile (first digit 9).
///
/// DDD codes in use: 11-19, 21, 22, 24, 27, 28, 31-35, 37, 38, 41-49, 51, 53-55, 61-69, 71, 73-75,
/// 77, 79, 81-89, 91-99. (Carrier-selection dialling, `0 XX DDD ...`, is not accepted.)
enum PhonePlanBR {
    /// Whether `digits` fit the Brazilian plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        let start = digits.first == 0 ? 1 : 0
        let n = digits.count - start
        guard validDDD(PhoneDigits.number(digits, from: start, length: 2)) else { return false }
        let first = PhoneDigits.at(digits, start + 2)
        switch n {
        case 10: return (2...5).contains(first)
        case 11: return first == 9
        default: return false
        }
    }

    /// Whether `ddd` is a Brazilian area code in use.
    static func validDDD(_ ddd: Int) -> Bool {
        switch ddd {
        case 11...19, 21, 22, 24, 27, 28, 31...35, 37, 38, 41...49, 51, 53...55,
             61...69, 71, 73...75, 77, 79, 81...89, 91...99:
            return true
        default:
            return false
        }
    }
}

/// India, National Numbering Plan (DoT/TRAI).
///
/// - Mobile: 10 digits starting 6-9, optionally written with a leading `0` (11 digits) or the
///   country code `91` (12 digits).
/// - Landline: `0` + STD code + subscriber number, 11 digits in all; STD codes start 1-8.
enum PhonePlanIN {
    /// Whether `digits` fit the Indian plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        switch digits.count {
        case 10: return digits[0] >= 6
        case 11: return digits[0] == 0 && digits[1] != 0
        case 12: return digits[0] == 9 && digits[1] == 1 && digits[2] >= 6
        default: return false
        }
    }
}
