/// South African identifiers.
public enum SouthAfricanIDs {
    /// Identity number (Department of Home Affairs): 13 digits YYMMDD SSSS C A Z: a real birth
    /// date (19yy or 20yy), citizenship C = 0 (citizen), 1 (permanent resident) or 2 (refugee),
    /// and a Luhn check digit Z over all 13.
    public static func idNumber(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 13), d[10] <= 2 else { return false }
        guard NationalIDKit.isDateSomeCentury(yy: NationalIDKit.pair(d, 0), month: NationalIDKit.pair(d, 2),
                                              day: NationalIDKit.pair(d, 4)) else { return false }
        return Luhn.isValid(bytes)
    }
}
