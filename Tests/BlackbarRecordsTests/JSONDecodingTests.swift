import XCTest

@testable import BlackbarRecords

/// Strings decode with their escapes mapped to exact source bytes; numbers and paths come out as written.
final class JSONDecodingTests: XCTestCase {
    func testEscapesDecodeWithExactSourceRanges() throws {
        // (JSON string content, decoded bytes, escapes as (decoded range, source range) relative to the
        // content's first byte and the value's first decoded byte)
        let cases: [(String, [UInt8], [(Range<Int>, Range<Int>)])] = [
            (#"plain"#, Array("plain".utf8), []),
            (#"a\"b"#, Array("a\"b".utf8), [(1..<2, 1..<3)]),
            (#"\\"#, [0x5C], [(0..<1, 0..<2)]),
            (#"\/"#, [0x2F], [(0..<1, 0..<2)]),
            (#"\b\f"#, [0x08, 0x0C], [(0..<1, 0..<2), (1..<2, 2..<4)]),
            (#"x\ny"#, [0x78, 0x0A, 0x79], [(1..<2, 1..<3)]),
            (#"\r\t"#, [0x0D, 0x09], [(0..<1, 0..<2), (1..<2, 2..<4)]),
            (#"\u0041"#, [0x41], [(0..<1, 0..<6)]),
            (#"\u00e9!"#, [0xC3, 0xA9, 0x21], [(0..<2, 0..<6)]),
            (#"\u20AC"#, [0xE2, 0x82, 0xAC], [(0..<3, 0..<6)]),
            (#"\u0000"#, [0x00], [(0..<1, 0..<6)]),
            (#"a\ud83d\ude00b"#, [0x61, 0xF0, 0x9F, 0x98, 0x80, 0x62], [(1..<5, 1..<13)]),
            (#"\ud83dx"#, [0xEF, 0xBF, 0xBD, 0x78], [(0..<3, 0..<6)]),
            (#"\ude00"#, [0xEF, 0xBF, 0xBD], [(0..<3, 0..<6)]),
            (#"\ud83d\u0041"#, [0xEF, 0xBF, 0xBD, 0x41], [(0..<3, 0..<6), (3..<4, 6..<12)]),
            ("é€😀", Array("é€😀".utf8), []),
            ("", [], []),
        ]
        for (content, decoded, escapes) in cases {
            let text = #"{"k": ""# + content + "\"}\n"
            let read = try readJSON(text)
            let batch = read.batches[0]
            let value = batch.values[1]
            XCTAssertEqual(value.kind, .string)
            XCTAssertEqual(Array(batch.decoded[value.decoded]), decoded, content)
            XCTAssertEqual(value.source, 7..<(7 + content.utf8.count), content)
            XCTAssertEqual(value.outer, 6..<(8 + content.utf8.count), content)
            let got = batch.escapes[value.escapes].map {
                (($0.decoded.lowerBound - value.decoded.lowerBound)..<($0.decoded.upperBound - value.decoded.lowerBound),
                 ($0.source.lowerBound - 7)..<($0.source.upperBound - 7))
            }
            XCTAssertEqual(got.map(\.0), escapes.map(\.0), content)
            XCTAssertEqual(got.map(\.1), escapes.map(\.1), content)
            XCTAssertEqual(value.column, 8)
        }
    }

    func testNumbersAndLiteralsKeepTheirBytes() throws {
        let numbers = ["0", "-0", "1e-7", "12.50", "-1.5E+10", "1E5", "123456789012345678901234567890", "0.0", "-0.0e-0"]
        let text = "[" + numbers.joined(separator: ", ") + ", true, false, null]"
        let read = try readJSON(text)
        XCTAssertEqual(read.values.map(\.decoded), numbers + ["true", "false", "null"])
        XCTAssertEqual(read.values.map(\.source), numbers + ["true", "false", "null"])
        XCTAssertEqual(read.values.map(\.kind), Array(repeating: .number, count: numbers.count) + [.literal, .literal, .literal])
        XCTAssertEqual(read.output(), Array(text.utf8))
    }

    func testPathsAreGeneralizedAndFilledIn() throws {
        let text = #"{"users": [{}, {}, {}, {"contact": {"email": "a@b.c"}}], "odd key": {"it's\\": 1, "": 2, "_x9": [[3, [4]]]}}"#
        let read = try readJSON(text)
        let byPath = Dictionary(read.values.filter { $0.kind != .key }.map { ($0.path, $0.decoded) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byPath["$.users[3].contact.email"], "a@b.c")
        XCTAssertEqual(byPath[#"$['odd key']['it\'s\\']"#], "1")
        XCTAssertEqual(byPath["$['odd key']['']"], "2")
        XCTAssertEqual(byPath["$['odd key']._x9[0][0]"], "3")
        XCTAssertEqual(byPath["$['odd key']._x9[0][1][0]"], "4")
        XCTAssertTrue(read.fieldNames.contains("$.users[*].contact.email"))
        XCTAssertTrue(read.fieldNames.contains("$['odd key']._x9[*][*][*]"))
        // Keys carry the same field (and path) as their value.
        let keys = read.values.filter { $0.kind == .key }
        XCTAssertEqual(keys.first { $0.decoded == "email" }?.path, "$.users[3].contact.email")
        // Each distinct general path is interned once.
        XCTAssertEqual(Set(read.fieldNames).count, read.fieldNames.count)
    }

    func testJSONLinesRootsAndDocumentElements() throws {
        let lines = try readJSON("\"a\"\n{\"b\": [1]}\n7\n")
        XCTAssertEqual(lines.values.map(\.path), ["$", "$.b", "$.b[0]", "$"])
        XCTAssertEqual(lines.values.map(\.record), [1, 2, 2, 3])
        let doc = try readJSON("[\"a\", {\"b\": [1]}, 7]", document: true)
        XCTAssertEqual(doc.values.map(\.path), ["$[0]", "$[1].b", "$[1].b[0]", "$[2]"])
        XCTAssertEqual(doc.values.map(\.record), [1, 2, 2, 3])
        let scalar = try readJSON("  {\"x\": \"y\"} ", document: true)
        XCTAssertEqual(scalar.values.map(\.path), ["$.x", "$.x"])
        XCTAssertEqual(scalar.records.map(\.number), [1])
    }

    func testLinesColumnsAndMembers() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": {\"c\": \"x\"}\n}"
        let read = try readJSON(text, document: true)
        let batch = read.batches[0]
        XCTAssertEqual(batch.values.map(\.line), [2, 2, 3, 3, 3])
        XCTAssertEqual(batch.values.map(\.column), [4, 8, 4, 10, 15])
        XCTAssertEqual(batch.members.count, 3)
        let a = batch.members[0], b = batch.members[1], c = batch.members[2]
        XCTAssertEqual([a.object, b.object, c.object], [0, 0, 1])
        XCTAssertEqual([a.index, b.index, c.index], [0, 1, 0])
        XCTAssertEqual(a.range, 4..<10)
        XCTAssertEqual(a.commaBefore, nil)
        XCTAssertEqual(a.nextStart, 14)
        XCTAssertEqual(b.range, 14..<29)
        XCTAssertEqual(b.commaBefore, 10)
        XCTAssertEqual(b.nextStart, nil)
        XCTAssertEqual(c.range, 20..<28)
        XCTAssertEqual(batch.values.map(\.member), [0, 0, 1, 2, 2])
    }

    /// Random strings of plain bytes, escapes, quotes and non-ASCII characters, several to a word of eight
    /// bytes, decode as written (the fast path stops at the first special byte of a word, wherever it lies).
    func testRandomStringsDecodeAsWritten() throws {
        // (as written in JSON, decoded)
        let pieces: [(String, String)] = [
            ("a", "a"), ("Z", "Z"), ("7", "7"), (" ", " "), ("é", "é"), ("日", "日"), ("😀", "😀"), ("\\n", "\n"),
            ("\\\"", "\""), ("\\\\", "\\"), ("\\u00e9", "é"), ("\\ud83d\\ude00", "😀"), ("\\t", "\t"), ("/", "/"),
        ]
        var random = SplitMix(seed: 17)
        for _ in 0..<300 {
            var strings: [(String, String)] = []
            for _ in 0..<(1 + random.below(5)) {
                var written = "", decoded = ""
                for _ in 0..<random.below(30) {
                    let (w, d) = pieces[random.below(pieces.count)]
                    written += w
                    decoded += d
                }
                strings.append((written, decoded))
            }
            let text = "[" + strings.map { "\"" + $0.0 + "\"" }.joined(separator: ",") + "]"
            XCTAssertEqual(try readJSON(text).values.map(\.decoded), strings.map(\.1), text)
        }
    }

    /// Special bytes at every position of strings longer than the 8-byte fast path.
    func testSpecialBytesAtEveryPosition() throws {
        for count in 0..<20 {
            for at in 0...count {
                let head = String(repeating: "a", count: at), tail = String(repeating: "b", count: count - at)
                let read = try readJSON("[\"" + head + "\\n" + tail + "\", \"" + head + "é" + tail + "\"]")
                XCTAssertEqual(read.values.map(\.decoded), [head + "\n" + tail, head + "é" + tail])
                XCTAssertEqual(read.batches[0].escapes.map(\.source), [(2 + at)..<(4 + at)])
                XCTAssertEqual(
                    jsonError([0x22] + Array((head + "\u{1}" + tail).utf8) + [0x22]),
                    RecordError(line: 1, record: 1, offset: 1 + at, problem: "control character in a string"))
                XCTAssertEqual(
                    jsonError([0x22] + Array(head.utf8) + [0xFF] + Array(tail.utf8) + [0x22])?.offset, 1 + at)
                XCTAssertEqual(jsonError("\"" + head + tail)?.problem, "unterminated string")
            }
        }
    }
}

/// A small seeded generator (SplitMix64) for the random tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func below(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
