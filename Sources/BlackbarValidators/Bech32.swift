/// Bech32 (BIP-173) and Bech32m (BIP-350) strings, and segregated-witness addresses built on them.
public enum Bech32 {
    /// Which checksum constant a string satisfies.
    public enum Encoding: Sendable, Equatable {
        /// BIP-173: polymod constant 1 (witness version 0).
        case bech32
        /// BIP-350: polymod constant 0x2bc830a3 (witness versions 1-16).
        case bech32m
    }

    private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, byte) in charset.enumerated() {
            table[Int(byte)] = Int8(i)
            if ASCII.isLower(byte) { table[Int(byte - 32)] = Int8(i) }
        }
        return table
    }()

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var chk: UInt32 = 1
        for v in values {
            let top = chk >> 25
            chk = (chk & 0x1ff_ffff) << 5 ^ UInt32(v)
            for i in 0 ..< 5 where (top >> UInt32(i)) & 1 == 1 { chk ^= generator[i] }
        }
        return chk
    }

    /// Decodes a Bech32 or Bech32m string: at most 90 characters of 33-126, not mixed case, a
    /// non-empty human-readable part before the last `1`, at least six data characters, and a
    /// checksum matching one of the two constants. Returns the lower-case HRP, the 5-bit data
    /// without the checksum, and the encoding; nil otherwise.
    public static func decode(_ text: [UInt8]) -> (hrp: [UInt8], data: [UInt8], encoding: Encoding)? {
        guard text.count >= 8, text.count <= 90 else { return nil }
        var hasLower = false, hasUpper = false
        for byte in text {
            guard byte >= 33, byte <= 126 else { return nil }
            if ASCII.isLower(byte) { hasLower = true }
            if ASCII.isUpper(byte) { hasUpper = true }
        }
        guard !(hasLower && hasUpper), let separator = text.lastIndex(of: UInt8(ascii: "1")),
              separator >= 1, separator + 7 <= text.count else { return nil }
        let hrp = text[..<separator].map { ASCII.lower($0) }
        var data: [UInt8] = []
        for byte in text[(separator + 1)...] {
            let v = values[Int(byte)]
            guard v >= 0 else { return nil }
            data.append(UInt8(v))
        }
        var expanded = hrp.map { $0 >> 5 }
        expanded.append(0)
        expanded += hrp.map { $0 & 31 }
        let residue = polymod(expanded + data)
        let encoding: Encoding
        switch residue {
        case 1: encoding = .bech32
        case 0x2bc8_30a3: encoding = .bech32m
        default: return nil
        }
        return (hrp, Array(data.dropLast(6)), encoding)
    }

    /// Whether `address` is a segwit address for one of `hrps` (lower case, default `bc` and `tb`):
    /// witness version 0-16, program of 2-40 bytes (20 or 32 for version 0), Bech32 for version 0
    /// and Bech32m for versions 1-16, and canonical padding.
    public static func isValidSegwitAddress(_ address: [UInt8], hrps: [[UInt8]] = [Array("bc".utf8), Array("tb".utf8)]) -> Bool {
        guard let decoded = decode(address), hrps.contains(decoded.hrp), let version = decoded.data.first,
              version <= 16 else { return false }
        guard let program = convert5to8(decoded.data.dropFirst()), program.count >= 2, program.count <= 40 else { return false }
        if version == 0 { return decoded.encoding == .bech32 && (program.count == 20 || program.count == 32) }
        return decoded.encoding == .bech32m
    }

    /// Regroups 5-bit values into bytes; nil if more than 4 padding bits remain or they are non-zero.
    private static func convert5to8(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        var accumulator: UInt32 = 0
        var bits = 0
        var out: [UInt8] = []
        for value in data {
            accumulator = (accumulator << 5 | UInt32(value)) & 0xFFF
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        guard bits < 5, accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return out
    }
}
