import XCTest

@testable import BlackbarValidators

/// Bitcoin (Base58Check, Bech32/Bech32m) and Ethereum (EIP-55) addresses.
final class CryptoAddressTests: XCTestCase {
    // The genesis block coinbase address, and the P2PKH / P2SH examples of the Bitcoin wiki
    // ("Technical background of version 1 Bitcoin addresses", BIP-13).
    let base58Valid = ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"]

    func testBase58Check() {
        for v in base58Valid {
            XCTAssertTrue(BitcoinAddress.isValid(ascii(v)), v)
            let alphabet = ascii("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
            assertAllRejected(singleSubstitutions(of: ascii(v)) { _ in alphabet }, by: BitcoinAddress.isValid, label: v)
        }
        XCTAssertFalse(BitcoinAddress.isValid(ascii("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0")))  // 0 not in alphabet
        XCTAssertFalse(BitcoinAddress.isValid(ascii("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn")))  // testnet version 0x6f
        XCTAssertEqual(Base58Check.decodeBase58(ascii("111")), [0, 0, 0])
        XCTAssertEqual(Base58Check.decodeBase58(ascii("2g")), [0x61])  // "a"
        XCTAssertNil(Base58Check.decodeBase58(ascii("0OIl")))
    }

    // BIP-173 and BIP-350 test vectors.
    func testBech32Strings() {
        let bech32 = ["A12UEL5L", "a12uel5l", "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
                      "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                      "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
                      "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"]
        let bech32m = ["A1LQFN3A", "a1lqfn3a", "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
                       "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
                       "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
                       "split1checkupstagehandshakeupstreamerranterredcaperredlc445v", "?1v759aa"]
        for v in bech32 { XCTAssertEqual(Bech32.decode(ascii(v))?.encoding, .bech32, v) }
        for v in bech32m { XCTAssertEqual(Bech32.decode(ascii(v))?.encoding, .bech32m, v) }
        let invalid: [[UInt8]] = [
            [0x20] + ascii("1xj0phk"), [0x7F] + ascii("1g6xzxy"), [0x80] + ascii("1vctc34"),
            ascii("an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4"),
            ascii("qyrz8wqd2c9m"), ascii("1qyrz8wqd2c9m"), ascii("y1b0jsk6g"), ascii("lt1igcx5c0"), ascii("in1muywd"),
            ascii("mm1crxm3i"), ascii("au1s5cgom"), ascii("M1VUXWEZ"), ascii("16plkw9"), ascii("1p2gdwpf"),
        ]
        for v in invalid { XCTAssertNil(Bech32.decode(v), String(decoding: v, as: UTF8.self)) }
    }

    let segwitValid = [
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
        "BC1SW50QGDZ25J",
        "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
        "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
        "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    ]

    func testSegwitAddresses() {
        for v in segwitValid { XCTAssertTrue(BitcoinAddress.isValid(ascii(v)), v) }
        let invalid = [
            "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
            "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",
            "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
            "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
            "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
            "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
            "bc1pw5dgrnzv",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
            "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
            "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",
            "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
            "bc1gmk9yu",
            // BIP-173 invalid segwit addresses.
            "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",
            "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
            "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",
        ]
        for v in invalid { XCTAssertFalse(BitcoinAddress.isValid(ascii(v)), v) }
        // Bech32 guarantees detection of any single substitution within the data charset.
        let charset = ascii("qpzry9x8gf2tvdw0s3jn54khce6mua7l")
        for v in segwitValid where v.first == "b" || v.first == "t" {
            let bytes = ascii(v)
            let subs = singleSubstitutions(of: bytes, positions: Array(3 ..< bytes.count)) { _ in charset }
            assertAllRejected(subs, by: BitcoinAddress.isValid, label: v)
        }
    }

    // EIP-55 specification test cases.
    func testEthereum() {
        let mixed = ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                     "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"]
        let upper = ["0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D"]
        let lower = ["0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26"]
        for v in mixed {
            XCTAssertEqual(EthereumAddress.check(ascii(v)), .valid, v)
            XCTAssertEqual(EthereumAddress.check(Array(ascii(v).dropFirst(2))), .valid, v)
            XCTAssertEqual(EthereumAddress.checksummed(ascii(v.lowercased()).dropFirst(2).map { $0 }), Array(ascii(v).dropFirst(2)))
            // Flipping the case of any single letter breaks the checksum.
            let bytes = ascii(v)
            for i in 2 ..< bytes.count where ASCII.isUpper(bytes[i]) || ASCII.isLower(bytes[i]) {
                var flipped = bytes
                flipped[i] ^= 0x20
                XCTAssertEqual(EthereumAddress.check(flipped), .invalid, "\(v) at \(i)")
            }
        }
        for v in upper + lower { XCTAssertEqual(EthereumAddress.check(ascii(v)), .notApplicable, v) }
        // The all-caps vectors are what EIP-55 produces for those addresses.
        for v in upper {
            XCTAssertEqual(EthereumAddress.checksummed(ascii(v.lowercased()).dropFirst(2).map { $0 }), Array(ascii(v).dropFirst(2)))
        }
        for v in ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",
                  "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "1x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ""] {
            XCTAssertEqual(EthereumAddress.check(ascii(v)), .invalid, v)
        }
    }
}
