/// United Kingdom, Ofcom National Telephone Numbering Plan: `0` + 9 or 10 digits.
///
/// - `01` geographic: `011X` and `01X1` are 3-digit area codes with 7-digit local numbers
///   (10 digits after the 0); other `01` codes have 4 or 5 digits and 9 or 10 digits after the 0
///   (e.g. `016977 xxxx`). `010` is unused. Local numbers never start with 0 or 1.
/// - `02` geographic: `020`, `023`, `024`, `028`, `029`, always 10 digits after the 0, local
///   number starting 2-9 (`021`, `022`, `025`-`027` are unused).
/// - `03`: `030`, `033`, `034`, `037` (UK-wide, geographic rates), 10 digits.
/// - `05`: `055`, `056` (corporate, VoIP), 10 digits; `0500` freephone, 9 digits.
/// - `07`: `070` personal numbering, `071`-`075`, `077`-`079` mobile, `07624` (Isle of Man
///   mobile), 10 digits. The rest of `076` (radiopaging) is rejected.
/// - `08`: `0800` (9 or 10 digits), `0808`, `084`, `087` (10 digits).
/// - `09`: `090`, `091`, `098` premium rate, 10 digits.
/// - `04`, `06` are unused; `00` is the international prefix.
enum PhonePlanGB {
    /// Whether `digits` (as written in the UK, with the leading 0) fit the Ofcom plan.
    static func accepts(_ digits: [UInt8]) -> Bool {
        guard digits.first == 0 else { return false }
        let n = digits.count - 1  // digits after the trunk 0
        guard n == 9 || n == 10 else { return false }
        let d = { (i: Int) in PhoneDigits.at(digits, i) }
        switch d(1) {
        case 1:
            guard d(2) >= 1 else { return false }  // 010 unused
            if d(2) == 1 || d(3) == 1 {
                // 011X / 01X1: 3-digit code + 7-digit local number.
                return n == 10 && d(4) >= 2
            }
            // 4-digit code + 5 or 6 digits, or 5-digit code + 4 or 5 digits: digit 5 is the
            // first local digit, or the last digit of a 5-digit code (never 0 or 1 either).
            return d(5) >= 2
        case 2:
            return n == 10 && [0, 3, 4, 8, 9].contains(d(2)) && d(3) >= 2
        case 3:
            return n == 10 && [0, 3, 4, 7].contains(d(2))
        case 5:
            if d(2) == 5 || d(2) == 6 { return n == 10 }
            return d(2) == 0 && d(3) == 0 && n == 9
        case 7:
            guard n == 10 else { return false }
            if d(2) == 6 { return d(3) == 2 && d(4) == 4 }  // 07624 only
            return d(2) >= 0
        case 8:
            switch d(2) {
            case 0:
                if d(3) == 0 { return true }  // 0800: 9 or 10 digits
                return d(3) == 8 && n == 10   // 0808
            case 4, 7: return n == 10
            default: return false
            }
        case 9:
            return n == 10 && [0, 1, 8].contains(d(2))
        default:
            return false  // 00, 04, 06
        }
    }
}
