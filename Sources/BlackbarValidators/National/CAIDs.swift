/// Canadian identifiers.
public enum CanadianIDs {
    /// Social Insurance Number: 9 digits, Luhn, first digit not 0 (unassigned) or 8 (used for
    /// business numbers), per the Government of Canada SIN description.
    public static func sin(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9), d[0] != 0, d[0] != 8 else { return false }
        return Luhn.isValid(bytes)
    }
}
