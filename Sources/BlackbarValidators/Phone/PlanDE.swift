/// Germany, Bundesnetzagentur numbering plan (as written nationally, with the trunk `0`).
///
/// - Geographic: `0` + area code (2 to 5 digits, starting 2-9) + subscriber number; the digits
///   after the 0 number 6 to 11. `031` (network test numbers) is not geographic.
/// - Mobile: `015x` (not 0153/0154), `0160`/`0162`/`0163`, `017x`, 11 or 12 digits in all.
/// - Non-geographic: `032` national numbers (0 + 10 or 11), `0180` service (0 + 10 or 11),
///   `0700` personal (0 + 11), `0800` freephone (0 + 10 to 12), `0900` premium (0 + 10, the
///   fifth digit 1, 3, 5 or 9).
/// - Rejected: a leading `00` (international prefix), the other `01` ranges (`010` carrier
///   selection, `011`, `012`, `0137` mass calling, `0164`/`0168`/`0169` paging, `018x` user
///   groups, `019`), and anything without the trunk 0.
enum PhonePlanDE {
    /// Whether `digits` (as written in Germany, with the leading 0) fit the plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        guard digits.first == 0 else { return false }
        let n = digits.count - 1  // national significant number length
        let d = { (i: Int) in PhoneDigits.at(digits, i) }
        switch d(1) {
        case 1:
            switch d(2) {
            case 5: return d(3) >= 0 && d(3) != 3 && d(3) != 4 && (n == 10 || n == 11)
            case 6: return [0, 2, 3].contains(d(3)) && (n == 10 || n == 11)
            case 7: return d(3) >= 0 && (n == 10 || n == 11)
            case 8: return d(3) == 0 && (n == 10 || n == 11)
            default: return false
            }
        case 2...9:
            let p2 = PhoneDigits.number(digits, from: 1, length: 2)
            let p3 = PhoneDigits.number(digits, from: 1, length: 3)
            if p2 == 31 { return false }
            if p2 == 32 { return n == 10 || n == 11 }
            if p3 == 700 { return n == 11 }
            if p3 == 800 { return (10...12).contains(n) }
            if p3 == 900 { return n == 10 && [1, 3, 5, 9].contains(d(4)) }
            return (6...11).contains(n)
        default:
            return false
        }
    }
}
