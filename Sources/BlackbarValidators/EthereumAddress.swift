/// Ethereum addresses with the EIP-55 mixed-case checksum.
public enum EthereumAddress {
    /// `.valid` for 40 hex digits (optionally after `0x`) in mixed case that match EIP-55 (a letter
    /// is upper case exactly when the matching nibble of Keccak-256 of the lower-case hex is 8 or
    /// more); `.notApplicable` when all letters share one case (no checksum is encoded);
    /// `.invalid` for anything else, including a mixed-case address failing the checksum.
    public static func check(_ address: [UInt8]) -> ValidatorOutcome {
        var hex = address[...]
        if hex.count == 42, hex[0] == UInt8(ascii: "0"), hex[1] == UInt8(ascii: "x") || hex[1] == UInt8(ascii: "X") {
            hex = hex.dropFirst(2)
        }
        guard hex.count == 40 else { return .invalid }
        var lower: [UInt8] = []
        lower.reserveCapacity(40)
        var hasLower = false, hasUpper = false
        for byte in hex {
            if ASCII.digit(byte) != nil {
                lower.append(byte)
            } else if byte >= 0x61 && byte <= 0x66 {
                hasLower = true
                lower.append(byte)
            } else if byte >= 0x41 && byte <= 0x46 {
                hasUpper = true
                lower.append(byte + 32)
            } else {
                return .invalid
            }
        }
        guard hasLower && hasUpper else { return .notApplicable }
        return checksummed(lower) == Array(hex) ? .valid : .invalid
    }

    /// The EIP-55 spelling of 40 lower-case hex digits (no `0x`), or nil on other input.
    public static func checksummed(_ lowerHex: [UInt8]) -> [UInt8]? {
        guard lowerHex.count == 40,
              lowerHex.allSatisfy({ ASCII.digit($0) != nil || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        let hash = Keccak256.hash(lowerHex)
        var out = lowerHex
        for i in 0 ..< 40 where out[i] >= 0x61 {
            let nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F
            if nibble >= 8 { out[i] -= 32 }
        }
        return out
    }
}
