/// Base58Check (Bitcoin): Base58 text whose decoded bytes end with the first four bytes of
/// SHA-256(SHA-256(payload)).
public enum Base58Check {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(i) }
        return table
    }()

    /// Decodes Base58 text (leading `1`s become leading zero bytes). Nil on a character outside the
    /// alphabet or input longer than `maxLength` characters (a guard against quadratic work).
    public static func decodeBase58(_ text: [UInt8], maxLength: Int = 128) -> [UInt8]? {
        guard text.count <= maxLength else { return nil }
        var zeros = 0
        while zeros < text.count && text[zeros] == UInt8(ascii: "1") { zeros += 1 }
        var number: [UInt8] = []  // big-endian bytes of the value so far
        for byte in text[zeros...] {
            let v = values[Int(byte)]
            guard v >= 0 else { return nil }
            var carry = Int(v)
            for i in stride(from: number.count - 1, through: 0, by: -1) {
                carry += Int(number[i]) * 58
                number[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 { number.insert(UInt8(carry & 0xFF), at: 0); carry >>= 8 }
        }
        return [UInt8](repeating: 0, count: zeros) + number
    }

    /// The payload (version byte included, checksum removed) of valid Base58Check text, or nil.
    public static func decode(_ text: [UInt8]) -> [UInt8]? {
        guard let raw = decodeBase58(text), raw.count > 4 else { return nil }
        let payload = Array(raw.dropLast(4))
        let checksum = SHA256.hash(SHA256.hash(payload)).prefix(4)
        return raw.suffix(4).elementsEqual(checksum) ? payload : nil
    }
}
