/// French identifiers: NIR (social security number), SIREN, SIRET.
public enum FrenchIDs {
    /// NIR / numéro de sécurité sociale (INSEE): 15 characters, 13 for the number and a 2-digit
    /// key = 97 - (number mod 97). The department (characters 6-7) may be 2A or 2B for Corsica,
    /// read as 19 and 18 for the key (INSEE rule). The first character (sex / registration
    /// kind) must be 1, 2, 3, 4, 7 or 8. The month is not checked: INSEE uses fictitious months
    /// (20, 30-42, 50-99) for unknown birth months.
    public static func nir(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 15, let head = NationalIDKit.digits(bytes[0..<5]),
              let tail = NationalIDKit.digits(bytes[7..<15]) else { return false }
        guard [1, 2, 3, 4, 7, 8].contains(head[0]) else { return false }
        let department: [Int]
        if let dep = NationalIDKit.digits(bytes[5..<7]) {
            department = dep
        } else if bytes[5] == 0x32 && bytes[6] == 0x41 {  // 2A
            department = [1, 9]
        } else if bytes[5] == 0x32 && bytes[6] == 0x42 {  // 2B
            department = [1, 8]
        } else {
            return false
        }
        let n = NationalIDKit.number(head + department + tail[0..<6])
        return 97 - n % 97 == NationalIDKit.number(tail[6..<8])
    }

    /// SIREN company number: 9 digits, Luhn.
    public static func siren(_ bytes: [UInt8]) -> Bool {
        bytes.count == 9 && Luhn.isValid(bytes)
    }

    /// SIRET establishment number: 14 digits (SIREN + 5-digit NIC), Luhn over all 14 and the
    /// SIREN part valid on its own. La Poste establishments (SIREN 356000000), other than the
    /// head office 35600000000048, instead have a digit sum divisible by 5 (INSEE).
    public static func siret(_ bytes: [UInt8]) -> Bool {
        guard let d = NationalIDKit.digits(bytes, lengths: 14) else { return false }
        guard Luhn.isValid(Array(bytes[0..<9])) else { return false }
        if d[0..<9] == [3, 5, 6, 0, 0, 0, 0, 0, 0] && d[9..<14] != [0, 0, 0, 4, 8] {
            return d.reduce(0, +) % 5 == 0
        }
        return Luhn.isValid(bytes)
    }
}
