@testable import BlackbarCore
import BlackbarValidators
import XCTest

/// The keyword table against a byte-by-byte search, and its eight-byte lower-casing against `ASCII.lower`.
final class KeywordTableTests: XCTestCase {
    func testLoweredEqualsLowerOnEveryByteInEveryPlace() {
        for b in 0...255 {
            for place in 0..<8 {
                // The byte at `place`, among neighbours that are capitals, a byte outside ASCII and a digit.
                var bytes: [UInt8] = [0x41, 0xC3, 0x5A, 0x30, 0x40, 0x5B, 0x7F, 0x80]
                bytes[place] = UInt8(b)
                let x = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
                let lowered = KeywordTable.lowered(x)
                for k in 0..<8 {
                    XCTAssertEqual(UInt8(truncatingIfNeeded: lowered >> UInt64(8 * k)), ASCII.lower(bytes[k]), "byte \(b) at \(place)")
                }
            }
        }
    }

    /// Hits are the word starts where a keyword's bytes follow, compared case-insensitively in ASCII, for
    /// keywords of 1 to 13 bytes (shorter and longer than the eight compared at once) and text ending at
    /// every distance from a keyword.
    func testHitsEqualAByteByByteSearch() {
        let words = ["id", "no", "tel", "phone", "passport", "passports", "nummer", "sozialversicherung", "e-card",
                     "número", "x", "ref", "reference", "customer_id"]
        let rules = words.enumerated().map { k, word in
            makeRule("k\(k)", entity: "TEST", pattern: "x", prefilter: .keywords([Array(word.utf8)], atStart: false))
        }
        let table = KeywordTable(rules)
        let pieces = ["ID", "No", " ", "-", "TEL", "Phone", "PASSPORTS", "passport", "Nummer", "nummern", "SOZIALVERSICHERUNG",
                      "e-Card", "NÚMERO", "número", "x", "X1", "ref", "Reference", "customer_ID", "\n", ",", "é", "9", "a"]
        var random = SeededRandom(seed: 11)
        var found = 0
        for turn in 0..<600 {
            // Short texts, and long ones (the 64-byte path) scanned from a random start.
            var text: [UInt8] = []
            let pieceCount = turn % 2 == 0 ? Int(random.next() % 40) : Int(random.next() % 300)
            for _ in 0..<pieceCount { text += Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8) }
            let from = turn % 2 == 0 || text.isEmpty ? 0 : Int(random.next() % UInt64(min(text.count, 70)))
            var hits: [[Int]] = []
            text.withUnsafeBufferPointer { p in
                table.scan(p.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: from, to: p.count, rules: rules.count, into: &hits)
            }
            for (k, word) in words.enumerated() {
                let w = Array(word.utf8)
                var expected: [Int] = []
                if Prefilter.isFindableKeyword(w) && text.count >= w.count + from {
                    for i in from...(text.count - w.count) where i == 0 || !ASCII.isAlnum(text[i - 1]) {
                        if (0..<w.count).allSatisfy({ ASCII.lower(text[i + $0]) == w[$0] }) { expected.append(i) }
                    }
                }
                XCTAssertEqual(hits[k], expected, "\(word) in \(String(decoding: text, as: UTF8.self))")
                found += expected.count
            }
        }
        XCTAssertGreaterThan(found, 5000, "the texts hold keywords")
    }
}
