import CBlackbarSIMD
import XCTest

@testable import BlackbarCore

/// The C byte-class functions (SSE2 on x86-64) answer as a byte loop does, at every length and offset,
/// including the partial sixteen-byte tail and padding.
final class ByteClassTests: XCTestCase {
    /// Bytes that make word edges, placeholders, masked lead bytes and non-ASCII characters likely.
    private static let alphabet =
        Array("aZ09 _-.,:;@/\\\n\t<>AZaz".utf8) + [0x00, 0x7F, 0x80, 0xC2, 0xA0, 0xE2, 0xE3, 0xEF, 0xFF, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B]

    private func randomBytes(_ count: Int, _ random: inout SeededRandom, asciiOnly: Bool) -> [UInt8] {
        let pool = asciiOnly ? Self.alphabet.filter { $0 < 0x80 } : Self.alphabet
        return (0..<count).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
    }

    func testWordMaskAgreesWithAByteLoop() {
        var random = SeededRandom(seed: 20261204)
        for round in 0..<20_000 {
            let count = round % 66  // 0 to 65: 65 is refused
            let bytes = randomBytes(count, &random, asciiOnly: round % 3 != 0)
            var words: UInt64 = 0, opens: UInt64 = 0
            var closes: Int32 = 0
            let ok = bytes.withUnsafeBufferPointer { bb_ascii_word_mask($0.baseAddress, count, &words, &opens, &closes) }
            if count > 64 || bytes.contains(where: { $0 >= 0x80 }) {
                XCTAssertEqual(ok, 0, "\(bytes)")
                continue
            }
            XCTAssertEqual(ok, 1, "\(bytes)")
            var expectedWords: UInt64 = 0, expectedOpens: UInt64 = 0
            for (i, b) in bytes.enumerated() {
                if ASCII.isDigit(b) || (b | 0x20) &- 0x61 < 26 { expectedWords |= 1 << UInt64(i) }
                if b == UInt8(ascii: "<") { expectedOpens |= 1 << UInt64(i) }
            }
            XCTAssertEqual(words, expectedWords, "\(bytes)")
            XCTAssertEqual(opens, expectedOpens, "\(bytes)")
            XCTAssertEqual(closes != 0, bytes.contains(UInt8(ascii: ">")), "\(bytes)")
        }
    }

    func testMaskLeadSearchAgreesWithAByteLoop() {
        var random = SeededRandom(seed: 42)
        let leads: Set<UInt8> = [0x5C, 0xC2, 0xE2, 0xE3, 0xEF]
        for round in 0..<20_000 {
            let count = round % 90
            // Mostly plain text, so the sixteen-byte skip is taken.
            var bytes = randomBytes(count, &random, asciiOnly: true).map { $0 == 0x5C ? UInt8(ascii: "x") : $0 }
            for _ in 0..<Int(random.next() % 3) where count > 0 {
                bytes[Int(random.next() % UInt64(count))] = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
            }
            let from = count == 0 ? 0 : Int(random.next() % UInt64(count + 1))
            let expected = (from..<count).first { leads.contains(bytes[$0]) } ?? count
            let found = bytes.withUnsafeBufferPointer { bb_find_mask_lead($0.baseAddress, from, count) }
            XCTAssertEqual(found, expected, "\(bytes) from \(from)")
        }
    }
    func testByteCountAgreesWithAByteLoop() {
        var random = SeededRandom(seed: 7)
        for round in 0..<20_000 {
            let count = round % 300
            // Line feeds at every density, from none to most bytes, at every length around the 64- and 16-byte
            // steps.
            let density = UInt64(round % 7)
            let bytes = (0..<count).map { _ in random.next() % 8 < density ? UInt8(0x0A) : UInt8(ascii: "a") &+ UInt8(random.next() % 26) }
            let expectedCount = bytes.filter { $0 == 0x0A }.count
            let expectedLast = bytes.lastIndex(of: 0x0A) ?? -1
            var last = -2
            let found = bytes.withUnsafeBufferPointer { bb_count_byte($0.baseAddress, count, 0x0A, &last) }
            XCTAssertEqual(found, expectedCount, "\(bytes)")
            XCTAssertEqual(last, expectedLast, "\(bytes)")
        }
    }
}
