/// United States identifiers: ITIN, EIN, NPI, ABA routing number, Medicare Beneficiary Identifier.
///
/// Input is the normalized candidate: digits only for the numeric IDs, upper-case
/// alphanumerics for the MBI.
public enum UnitedStatesIDs {
    /// IRS Individual Taxpayer Identification Number: 9 digits, first digit 9, digits 4-5
    /// (the group) in 50-65, 70-88, 90-92 or 94-99. There is no check digit.
    public static func itin(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9), d[0] == 9 else { return false }
        let group = NationalIDKit.pair(d, 3)
        switch group {
        case 50...65, 70...88, 90...92, 94...99: return true
        default: return false
        }
    }

    /// EIN prefixes the IRS lists as assigned to its campuses ("How EINs are Assigned and
    /// Valid EIN Prefixes", irs.gov): 01-06, 10-16, 20-27, 30-48, 50-68, 71-77, 80-88, 90-95, 98, 99.
    private static let einPrefixes: Set<Int> = {
        var s = Set<Int>()
        for r in [1...6, 10...16, 20...27, 30...48, 50...68, 71...77, 80...88, 90...95, 98...99] {
            s.formUnion(r)
        }
        return s
    }()

    /// Employer Identification Number: 9 digits whose first two are a valid IRS campus prefix.
    /// There is no check digit.
    public static func ein(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9) else { return false }
        return einPrefixes.contains(NationalIDKit.pair(d, 0))
    }

    /// National Provider Identifier (CMS): 10 digits, Luhn over the number prefixed with the
    /// card issuer prefix 80840. The 15-digit form that already carries the 80840 prefix is
    /// accepted too.
    public static func npi(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 10, 15) else { return false }
        if d.count == 15 {
            guard d[0..<5] == [8, 0, 8, 4, 0] else { return false }
            return Luhn.isValid(bytes)
        }
        return Luhn.isValid(Array("80840".utf8) + bytes)
    }

    /// ABA routing transit number: 9 digits, first two in 00-12, 21-32, 61-72 or 80 (Federal
    /// Reserve routing symbol ranges), and 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10.
    public static func abaRouting(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 9) else { return false }
        switch NationalIDKit.pair(d, 0) {
        case 0...12, 21...32, 61...72, 80: break
        default: return false
        }
        let sum = NationalIDKit.weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1])
        return sum % 10 == 0
    }

    /// Letters an MBI may use: A-Z without S, L, O, I, B, Z.
    private static func isMBILetter(_ b: UInt8) -> Bool {
        ASCII.isUpper(b) && b != 0x53 && b != 0x4C && b != 0x4F && b != 0x49 && b != 0x42 && b != 0x5A
    }

    /// Medicare Beneficiary Identifier (CMS "Understanding the MBI format"): 11 characters,
    /// position 1 a digit 1-9; 2, 5, 8, 9 letters; 3 and 6 a letter or digit; 4, 7, 10, 11
    /// digits. Letters exclude S, L, O, I, B and Z. There is no check digit.
    public static func mbi(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 11 else { return false }
        for (i, b) in bytes.enumerated() {
            switch i {
            case 0: guard b >= 0x31 && b <= 0x39 else { return false }
            case 1, 4, 7, 8: guard isMBILetter(b) else { return false }
            case 2, 5: guard ASCII.isDigit(b) || isMBILetter(b) else { return false }
            default: guard ASCII.isDigit(b) else { return false }
            }
        }
        return true
    }
}
