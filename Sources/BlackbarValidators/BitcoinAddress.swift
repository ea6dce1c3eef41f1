/// Bitcoin addresses: legacy Base58Check and native segwit.
public enum BitcoinAddress {
    /// Whether `address` (case kept) is a mainnet P2PKH/P2SH Base58Check address (version byte
    /// 0x00 or 0x05, 20-byte hash, double SHA-256 checksum) or a segwit address with HRP `bc` or
    /// `tb` (BIP-173 / BIP-350).
    public static func isValid(_ address: [UInt8]) -> Bool {
        guard address.count >= 14, address.count <= 90 else { return false }
        let prefix = address.prefix(3).map { ASCII.lower($0) }
        if prefix == Array("bc1".utf8) || prefix == Array("tb1".utf8) {
            return Bech32.isValidSegwitAddress(address)
        }
        guard address.count >= 25, address.count <= 35, let payload = Base58Check.decode(address),
              payload.count == 21 else { return false }
        return payload[0] == 0x00 || payload[0] == 0x05
    }
}
