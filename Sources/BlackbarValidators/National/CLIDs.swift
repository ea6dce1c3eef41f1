/// Chilean identifiers.
public enum ChileanIDs {
    /// RUT/RUN (Servicio de Registro Civil e Identificación): a body of 6-8 digits and a check
    /// character. Body digits from the right are weighted 2,3,4,5,6,7,2,3,...; check =
    /// 11 - (sum mod 11), with 11 → 0 and 10 → K. 7-9 characters.
    public static func rut(_ bytes: [UInt8]) -> Bool {
        guard (7...9).contains(bytes.count), let body = NationalIDKit.digits(bytes[0..<(bytes.count - 1)]) else { return false }
        var sum = 0
        for (i, d) in body.reversed().enumerated() { sum += d * (2 + i % 6) }
        let c = (11 - sum % 11) % 11
        let expected: UInt8 = c == 10 ? 0x4B : UInt8(0x30 + c)
        return bytes[bytes.count - 1] == expected
    }
}
