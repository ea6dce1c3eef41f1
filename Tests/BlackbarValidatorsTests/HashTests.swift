import XCTest

@testable import BlackbarValidators

/// The two in-target hashes.
final class HashTests: XCTestCase {
    // FIPS 180-2 Appendix B vectors.
    func testSHA256() {
        XCTAssertEqual(hexString(SHA256.hash(ascii("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hexString(SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            hexString(SHA256.hash(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            hexString(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // Keccak-256 as used by Ethereum (pre-FIPS padding).
    func testKeccak256() {
        XCTAssertEqual(hexString(Keccak256.hash([])), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        XCTAssertEqual(hexString(Keccak256.hash(ascii("abc"))), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        XCTAssertEqual(
            hexString(Keccak256.hash(ascii("The quick brown fox jumps over the lazy dog"))),
            "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
    }
}
