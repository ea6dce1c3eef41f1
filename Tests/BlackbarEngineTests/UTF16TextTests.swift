import BlackbarFormats
import XCTest

final class UTF16TextTests: XCTestCase {
    /// Texts covering every UTF-8 width: ASCII, accented Latin (2 bytes), CJK (3), emoji (4, surrogate pairs).
    static let texts: [(name: String, text: String)] = [
        ("empty", ""),
        ("ascii", "Contact jane.doe@example.com for details.\r\n"),
        ("accented Latin", "Ünïcode näme: müller@example.ch, Zoë Saldaña"),
        ("CJK", "東京都千代田区 電話 +81 3-1234-5678"),
        ("emoji", "😀 ok 👍🏽 🇩🇪"),
        ("mixed", "a é 日 😀 z"),
        ("long mixed", String(repeating: "ab é 日本 😀 ", count: 40)),
    ]

    /// A UTF-16 file: the byte-order mark, then the text.
    func file(_ text: String, bigEndian: Bool) -> [UInt8] {
        (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + UTF16Text.encode(Array(text.utf8), bigEndian: bigEndian)
    }

    /// Each scalar boundary of `text` as (UTF-8 offset, source offset after a 2-byte mark).
    func boundaries(_ text: String) -> [(utf8: Int, source: Int)] {
        var out = [(utf8: 0, source: 2)]
        for scalar in text.unicodeScalars {
            let last = out[out.count - 1]
            out.append((last.utf8 + scalar.utf8.count, last.source + 2 * scalar.utf16.count))
        }
        return out
    }

    func testSniffsByByteOrderMarkOnly() {
        let cases: [(head: [UInt8], expected: TextEncoding, why: String)] = [
            ([], .utf8, "empty"),
            ([0x68, 0x69], .utf8, "plain text"),
            ([0xEF, 0xBB, 0xBF, 0x68], .utf8BOM, "UTF-8 mark"),
            ([0xEF, 0xBB], .utf8, "cut UTF-8 mark"),
            ([0xFF, 0xFE, 0x68, 0x00], .utf16LE, "UTF-16LE mark"),
            ([0xFF, 0xFE], .utf16LE, "UTF-16LE mark alone"),
            ([0xFF, 0xFE, 0x00], .utf16LE, "too short for a UTF-32 mark"),
            ([0xFE, 0xFF, 0x00, 0x68], .utf16BE, "UTF-16BE mark"),
            ([0xFF, 0xFE, 0x00, 0x00], .utf8, "UTF-32LE mark: not UTF-16"),
            ([0x00, 0x00, 0xFE, 0xFF], .utf8, "UTF-32BE mark"),
            ([0x68, 0x00, 0x69, 0x00], .utf8, "UTF-16 without a mark is not guessed"),
        ]
        for c in cases {
            XCTAssertEqual(TextEncoding.sniff(c.head), c.expected, c.why)
            XCTAssertEqual(TextEncoding.sniff(c.head[...]), c.expected, "\(c.why) (slice)")
        }
        XCTAssertEqual(TextEncoding.utf16BE.byteOrderMarkLength, 2)
        XCTAssertEqual(TextEncoding.utf8BOM.byteOrderMarkLength, 3)
        XCTAssertEqual(TextEncoding.utf8.byteOrderMarkLength, 0)
    }

    func testDecodesToUTF8InBothByteOrders() {
        for (name, text) in Self.texts {
            for bigEndian in [false, true] {
                let decoded = UTF16Text(source: file(text, bigEndian: bigEndian), bigEndian: bigEndian)
                XCTAssertEqual(decoded.utf8, Array(text.utf8), "\(name) bigEndian=\(bigEndian)")
                XCTAssertEqual(decoded.textStart, 2, name)
            }
        }
    }

    func testEncodesInTheGivenByteOrder() {
        let text = Array("aé😀".utf8)
        XCTAssertEqual(UTF16Text.encode(text, bigEndian: false), [0x61, 0, 0xE9, 0, 0x3D, 0xD8, 0x00, 0xDE])
        XCTAssertEqual(UTF16Text.encode(text, bigEndian: true), [0, 0x61, 0, 0xE9, 0xD8, 0x3D, 0xDE, 0x00])
        // Invalid UTF-8 (a stray continuation byte, a cut sequence) becomes U+FFFD.
        XCTAssertEqual(
            UTF16Text.encode([0x61, 0x80, 0x62, 0xE6, 0x97], bigEndian: true), [0, 0x61, 0xFF, 0xFD, 0, 0x62, 0xFF, 0xFD])
    }

    func testMapsEveryCharacterBoundaryToTheSource() {
        for (name, text) in Self.texts {
            for bigEndian in [false, true] {
                let decoded = UTF16Text(source: file(text, bigEndian: bigEndian), bigEndian: bigEndian)
                let marks = boundaries(text)
                for b in marks {
                    XCTAssertEqual(decoded.sourceOffset(ofUTF8: b.utf8), b.source, "\(name) at UTF-8 \(b.utf8)")
                }
                // An offset inside a character maps to the character's start.
                for (b, next) in zip(marks, marks.dropFirst()) where next.utf8 - b.utf8 > 1 {
                    for inside in (b.utf8 + 1)..<next.utf8 {
                        XCTAssertEqual(decoded.sourceOffset(ofUTF8: inside), b.source, "\(name) inside at \(inside)")
                    }
                }
            }
        }
    }

    func testSourceRangeWidensToWholeCharacters() {
        let decoded = UTF16Text(source: file("a😀b", bigEndian: false), bigEndian: false)
        XCTAssertEqual(decoded.sourceRange(1..<5), 4..<8)
        XCTAssertEqual(decoded.sourceRange(2..<3), 4..<8, "a cut surrogate pair is taken whole")
        XCTAssertEqual(decoded.sourceRange(0..<6), 2..<10)
        XCTAssertEqual(decoded.sourceRange(5..<5), 8..<8)
    }

    func testRoundTripWithoutEditsIsByteIdentical() {
        for (name, text) in Self.texts {
            for bigEndian in [false, true] {
                let source = file(text, bigEndian: bigEndian)
                XCTAssertEqual(UTF16Text(source: source, bigEndian: bigEndian).applying([]), source, name)
            }
        }
    }

    func testAppliesEditsAtStartMiddleAndEnd() {
        let text = "jane.doe@example.com wrote 日本 😀 +44 20 7946 0958"
        let bytes = Array(text.utf8)
        func range(_ value: String) -> Range<Int> {
            let start = bytes.indices.first { bytes[$0...].starts(with: Array(value.utf8)) }!
            return start..<(start + value.utf8.count)
        }
        let cases: [(edits: [(utf8Range: Range<Int>, replacement: [UInt8])], expected: String)] = [
            ([(range("jane.doe@example.com"), Array("<EMAIL>".utf8))], "<EMAIL> wrote 日本 😀 +44 20 7946 0958"),
            ([(range("日本"), Array("東京".utf8))], "jane.doe@example.com wrote 東京 😀 +44 20 7946 0958"),
            ([(range("😀"), Array("🙂x".utf8))], "jane.doe@example.com wrote 日本 🙂x +44 20 7946 0958"),
            ([(range("+44 20 7946 0958"), Array("<PHONE>".utf8))], "jane.doe@example.com wrote 日本 😀 <PHONE>"),
            (
                [
                    (range("jane.doe@example.com"), Array("é".utf8)), (range("😀"), []),
                    (range("+44 20 7946 0958"), Array("☎".utf8)),
                ],
                "é wrote 日本  ☎"
            ),
        ]
        for bigEndian in [false, true] {
            let decoded = UTF16Text(source: file(text, bigEndian: bigEndian), bigEndian: bigEndian)
            for c in cases {
                XCTAssertEqual(decoded.applying(c.edits), file(c.expected, bigEndian: bigEndian), c.expected)
            }
        }
    }

    /// BOM, "ab", a lone low surrogate, "cd", a lone high surrogate, "e", then one odd byte.
    func malformed(bigEndian: Bool) -> [UInt8] {
        let units: [UInt16] = [0x61, 0x62, 0xDC00, 0x63, 0x64, 0xD800, 0x65]
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for u in units {
            let high = UInt8(u >> 8), low = UInt8(u & 0xFF)
            out += bigEndian ? [high, low] : [low, high]
        }
        return out + [0x41]
    }

    func testUnpairedSurrogatesAndAnOddByteDecodeToReplacementCharacters() {
        for bigEndian in [false, true] {
            let decoded = UTF16Text(source: malformed(bigEndian: bigEndian), bigEndian: bigEndian)
            XCTAssertEqual(decoded.utf8, Array("ab\u{FFFD}cd\u{FFFD}e\u{FFFD}".utf8))
            // Boundaries: a b FFFD c d FFFD e FFFD(odd byte) end.
            let utf8 = [0, 1, 2, 5, 6, 7, 10, 11, 14]
            let source = [2, 4, 6, 8, 10, 12, 14, 16, 17]
            for (u, s) in zip(utf8, source) { XCTAssertEqual(decoded.sourceOffset(ofUTF8: u), s, "UTF-8 \(u)") }
            XCTAssertEqual(decoded.sourceRange(11..<14), 16..<17, "the odd byte")
        }
    }

    func testEditsKeepMalformedBytesOutsideThemIdentical() {
        for bigEndian in [false, true] {
            let source = malformed(bigEndian: bigEndian)
            let decoded = UTF16Text(source: source, bigEndian: bigEndian)
            XCTAssertEqual(decoded.applying([]), source)
            let edited = decoded.applying([(utf8Range: 5..<7, replacement: Array("XY".utf8))])
            var expected = source
            expected.replaceSubrange(8..<12, with: bigEndian ? [0, 0x58, 0, 0x59] : [0x58, 0, 0x59, 0])
            XCTAssertEqual(edited, expected)
        }
    }

    func testReadsTextWithoutAByteOrderMarkFromTheStart() {
        let decoded = UTF16Text(source: UTF16Text.encode(Array("hé".utf8), bigEndian: false), bigEndian: false)
        XCTAssertEqual(decoded.textStart, 0)
        XCTAssertEqual(decoded.utf8, Array("hé".utf8))
        XCTAssertEqual(decoded.sourceOffset(ofUTF8: 1), 2)
        // A big-endian mark read as little-endian is text (U+FFFE), not a mark.
        XCTAssertEqual(UTF16Text(source: [0xFE, 0xFF, 0x61, 0x00], bigEndian: false).textStart, 0)
    }

    func testDecodesFiveMegabytesAndMapsItsEnd() {
        let line = "Name: Zoë Müller, 東京, tel +81 3-1234-5678 😀\n"
        let text = String(repeating: line, count: 5_000_000 / (line.utf16.count * 2) + 1)
        let source = file(text, bigEndian: false)
        XCTAssertGreaterThan(source.count, 5_000_000)
        let decoded = UTF16Text(source: source, bigEndian: false)
        XCTAssertEqual(decoded.utf8.count, text.utf8.count)
        XCTAssertEqual(decoded.sourceOffset(ofUTF8: decoded.utf8.count), source.count)
        // The start of the last line, and of its emoji.
        let lastLine = text.utf8.count - line.utf8.count
        XCTAssertEqual(decoded.sourceOffset(ofUTF8: lastLine), source.count - 2 * line.utf16.count)
        let emoji = text.utf8.count - "😀\n".utf8.count
        XCTAssertEqual(decoded.sourceOffset(ofUTF8: emoji), source.count - 2 * "😀\n".utf16.count)
        XCTAssertEqual(decoded.applying([]), source)
    }
}
