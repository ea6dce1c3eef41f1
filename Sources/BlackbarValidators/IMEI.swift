/// International Mobile Equipment Identity (3GPP TS 23.003).
public enum IMEI {
    /// The outcome for a 15-digit IMEI (Luhn over all 15 digits, 3GPP TS 23.003), a 16-digit IMEISV
    /// (`.notApplicable`: the software version replaces the check digit), anything else `.invalid`.
    public static func check(_ digits: [UInt8]) -> ValidatorOutcome {
        guard ASCII.allDigits(digits) else { return .invalid }
        switch digits.count {
        case 15: return Luhn.isValid(digits) ? .valid : .invalid
        case 16: return .notApplicable
        default: return .invalid
        }
    }
}
