/// A phone candidate reduced to its digits, with a note of whether it began with `+`.
///
/// Rules normally hand phone validators their candidate with separators already removed, but
/// the reader tolerates the usual ones anyway (space, tab, `-`, `.`, `/`, `(`, `)`), so a
/// validator gives the same answer on `+44 (0)20 7946 0958` and `+4402079460958`. Any other
/// byte, a `+` that is not the first non-separator, or more than ``maxDigits`` digits makes
/// the candidate unreadable (`nil`): the reader stops there and never allocates more than one
/// buffer of ``maxDigits`` bytes.
struct PhoneDigits: Sendable, Equatable {
    /// Digit values `0...9` (not ASCII), in order.
    let digits: [UInt8]
    /// Whether the candidate began with `+` (international form).
    let plus: Bool

    /// The most digits a candidate may hold: E.164 allows 15 after the country code's `+`;
    /// the rest leaves room for a `00` international prefix, a `(0)` and a national trunk `0`.
    static let maxDigits = 20

    /// Reads `bytes`; `nil` if they are not a phone-shaped run of digits and separators.
    init?(_ bytes: [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(PhoneDigits.maxDigits)
        var sawPlus = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                guard out.count < PhoneDigits.maxDigits else { return nil }
                out.append(byte &- 0x30)
            case 0x2B:  // "+"
                guard !sawPlus, out.isEmpty else { return nil }
                sawPlus = true
            case 0x20, 0x09, 0x2D, 0x2E, 0x2F, 0x28, 0x29:  // space, tab, - . / ( )
                continue
            default:
                return nil
            }
        }
        guard !out.isEmpty else { return nil }
        digits = out
        plus = sawPlus
    }

    /// The digit at `index` of `digits`, or `-1` past either end, so plan checks can look ahead
    /// without ever trapping on short input.
    @inline(__always)
    static func at(_ digits: [UInt8], _ index: Int) -> Int {
        index >= 0 && index < digits.count ? Int(digits[index]) : -1
    }

    /// The number spelled by `length` digits of `digits` from `start`, or `-1` if they run past the end.
    static func number(_ digits: [UInt8], from start: Int, length: Int) -> Int {
        guard start >= 0, length > 0, start + length <= digits.count else { return -1 }
        var value = 0
        for index in start ..< start + length { value = value * 10 + Int(digits[index]) }
        return value
    }
}
