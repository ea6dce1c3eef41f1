/// France, ARCEP plan national de numérotation: `0` + 9 digits, the second digit 1-9
/// (01-05 geographic, 06/07 mobile, 08 special, 09 non-geographic); `00` is the international prefix.
enum PhonePlanFR {
    /// Whether `digits` (as written in France, with the leading 0) fit the plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        digits.count == 10 && digits[0] == 0 && digits[1] != 0
    }
}

/// Spain: closed plan of 9 digits, no trunk prefix; the first digit 6 or 7 (mobile, personal),
/// 8 or 9 (geographic and special).
enum PhonePlanES {
    /// Whether `digits` fit the Spanish plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        digits.count == 9 && digits[0] >= 6
    }
}

/// Italy: closed plan, no trunk prefix (the 0 of fixed numbers is dialled from abroad too).
/// Fixed lines `0` + 5 to 10 digits (the second digit 1-9); mobiles `3` + 9 or 10 digits (the
/// second digit 1-9).
enum PhonePlanIT {
    /// Whether `digits` fit the Italian plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        let n = digits.count
        switch PhoneDigits.at(digits, 0) {
        case 0: return (6...11).contains(n) && digits[1] != 0
        case 3: return (10...11).contains(n) && digits[1] != 0
        default: return false
        }
    }
}

/// The Netherlands: `0` + 9 digits, the second digit 1-9 (`00` is the international prefix).
enum PhonePlanNL {
    /// Whether `digits` (as written in the Netherlands, with the leading 0) fit the plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        digits.count == 10 && digits[0] == 0 && digits[1] != 0
    }
}

/// Poland, UKE plan: closed plan of 9 digits, no trunk prefix, with an assigned 2-digit prefix.
///
/// Geographic: 12-18, 22-25, 29, 32-34, 41-44, 46, 48, 52, 54-56, 58, 59, 61-63, 65, 67, 68, 71,
/// 74-77, 81-87, 89, 91, 94, 95. Mobile: 45, 50, 51, 53, 57, 60, 66, 69, 72, 73, 78, 79, 88.
/// Other: 26 and 47 (state networks), 39 (VoIP), 64 (intelligent network), 70 (premium rate),
/// 80 (freephone, shared cost). Unassigned: 0x, 10, 11, 19, 20, 21, 27, 28, 30, 31, 35-38, 40,
/// 49, 90, 92, 93, 96-99.
enum PhonePlanPL {
    /// Whether `digits` fit the Polish plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        guard digits.count == 9 else { return false }
        return assignedPrefix(PhoneDigits.number(digits, from: 0, length: 2))
    }

    /// Whether a 2-digit prefix is assigned in the Polish plan.
    static func assignedPrefix(_ prefix: Int) -> Bool {
        switch prefix {
        case 12...18, 22...26, 29, 32...34, 39, 41...48, 50...89, 91, 94, 95: return true
        default: return false
        }
    }
}
