/// Integrated Circuit Card Identifier (SIM serial, ITU-T E.118): 19 or 20 digits starting with
/// the telecom industry prefix `89`, the last digit a Luhn check over the rest.
public enum ICCID {
    /// Whether `digits` is 19-20 ASCII digits starting `89` and passing Luhn.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count == 19 || digits.count == 20, digits[0] == UInt8(ascii: "8"),
              digits[1] == UInt8(ascii: "9") else { return false }
        return Luhn.isValid(digits)
    }
}
