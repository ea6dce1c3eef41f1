/// Indian identifiers: Aadhaar, PAN, GSTIN, EPIC voter ID.
public enum IndianIDs {
    /// Aadhaar (UIDAI): 12 digits, first digit 2-9, Verhoeff check digit last.
    public static func aadhaar(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 12), d[0] >= 2 else { return false }
        return Verhoeff.isValid(bytes)
    }

    /// PAN holder-type letters (Income Tax Department): Association of persons, Body of
    /// individuals, Company, Firm, Government, HUF, Local authority, artificial Juridical person,
    /// Person, Trust, and K (Krish, older cards).
    private static let holderTypes = Array("ABCFGHLJPTK".utf8)

    /// PAN structure over 10 bytes starting at `start`: AAA, a holder-type letter, a letter,
    /// 4 digits (not 0000), a letter. The final letter is a check character whose algorithm
    /// is not published, so it is not verified.
    static func isPAN(_ b: [UInt8], at start: Int) -> Bool {
        guard b.count >= start + 10 else { return false }
        for i in [0, 1, 2, 4, 9] where !ASCII.isUpper(b[start + i]) { return false }
        guard holderTypes.contains(b[start + 3]), let d = NationalIDKit.digits(b[(start + 5)..<(start + 9)]) else { return false }
        return d != [0, 0, 0, 0]
    }

    /// Permanent Account Number: 10 characters AAAPL1234C with the 4th in the holder-type set.
    public static func pan(_ bytes: [UInt8]) -> Bool {
        bytes.count == 10 && isPAN(bytes, at: 0)
    }

    /// GSTIN (GST Council): 15 characters: state code 01-38, 97 (other territory) or 99 (centre
    /// jurisdiction); the holder's PAN; an entity character 1-9 or A-Z; `Z`; and a Luhn mod 36
    /// check character over 0-9A-Z.
    public static func gstin(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 15, let state = NationalIDKit.digits(bytes[0..<2]) else { return false }
        let code = NationalIDKit.pair(state, 0)
        guard (1...38).contains(code) || code == 97 || code == 99 else { return false }
        guard isPAN(bytes, at: 2), bytes[12] != 0x30, ASCII.alphanumeric(bytes[12]) != nil, bytes[13] == 0x5A
        else { return false }
        var sum = 0
        for i in 0..<14 {
            guard let v = ASCII.alphanumeric(bytes[i]) else { return false }
            let p = v * (i % 2 == 0 ? 1 : 2)
            sum += p / 36 + p % 36
        }
        return ASCII.alphanumeric(bytes[14]) == (36 - sum % 36) % 36
    }

    /// EPIC voter ID (Election Commission of India): 3 letters and 7 digits. There is no
    /// published check digit, so only the structure is checked.
    public static func voterID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 10, bytes[0..<3].allSatisfy(ASCII.isUpper) else { return false }
        return NationalIDKit.digits(bytes[3...]) != nil
    }
}
