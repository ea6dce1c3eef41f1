/// Vehicle Identification Number check digit (ISO 3779 layout, 49 CFR 565.15 check digit).
///
/// 17 characters of `0-9` and `A-Z` without `I`, `O`, `Q`. Letters are transliterated
/// (A=1 B=2 C=3 D=4 E=5 F=6 G=7 H=8 J=1 K=2 L=3 M=4 N=5 P=7 R=9 S=2 T=3 U=4 V=5 W=6 X=7 Y=8 Z=9),
/// multiplied by the weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, summed, taken modulo 11; the
/// remainder is the check digit in position 9, with 10 written `X`. Mandatory in North America;
/// many vehicles built for other markets do not carry a valid check digit.
public enum VIN {
    private static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    //                                      A  B  C  D  E  F  G  H  I  J  K  L  M  N  O  P  Q  R  S  T  U  V  W  X  Y  Z
    private static let letterValues: [Int] = [1, 2, 3, 4, 5, 6, 7, 8, -1, 1, 2, 3, 4, 5, -1, 7, -1, 9, 2, 3, 4, 5, 6, 7, 8, 9]

    /// The transliterated value of a VIN character, or nil for a byte that cannot appear in a VIN.
    public static func value(of byte: UInt8) -> Int? {
        if let digit = ASCII.digit(byte) { return digit }
        guard ASCII.isUpper(byte) else { return nil }
        let v = letterValues[Int(byte &- 0x41)]
        return v < 0 ? nil : v
    }

    /// The ASCII check character (`0`-`9` or `X`) for a 17-character VIN (position 9 is ignored),
    /// or nil when the length or a character is wrong.
    public static func checkCharacter(for vin: [UInt8]) -> UInt8? {
        guard vin.count == 17 else { return nil }
        var sum = 0
        for (i, byte) in vin.enumerated() {
            guard let v = value(of: byte) else { return nil }
            sum += v * weights[i]
        }
        let r = sum % 11
        return r == 10 ? UInt8(ascii: "X") : ASCII.digitByte(r)
    }

    /// Whether `vin` is 17 valid VIN characters whose position-9 check digit is right.
    public static func isValid(_ vin: [UInt8]) -> Bool {
        guard let expected = checkCharacter(for: vin) else { return false }
        return vin[8] == expected
    }
}
