import XCTest

@testable import BlackbarRecords

/// RFC 4180 cases: what each input reads as, value by value.
final class CSVReaderTests: XCTestCase {
    func testRFC4180Cases() {
        let cases: [(String, String, [[String]])] = [
            ("plain", "a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
            ("quoted delimiter", "a,b\n\"x,y\",z\n", [["a", "b"], ["x,y", "z"]]),
            ("doubled quotes", "a\n\"say \"\"hi\"\"\"\n", [["a"], ["say \"hi\""]]),
            ("newline in quotes", "a,b\n\"1\n2\",3\n", [["a", "b"], ["1\n2", "3"]]),
            ("CRLF in quotes", "a\r\n\"1\r\n2\"\r\n", [["a"], ["1\r\n2"]]),
            ("CRLF records", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
            ("no final terminator", "a,b\n1,2", [["a", "b"], ["1", "2"]]),
            ("no final terminator, quoted", "a\n\"x\"", [["a"], ["x"]]),
            ("empty fields", "a,,b\n", [["a", "", "b"]]),
            ("trailing delimiter", "a,b,\n", [["a", "b", ""]]),
            ("trailing delimiter at end", "a,b,", [["a", "b", ""]]),
            ("quoted empty", "\"\",x\n", [["", "x"]]),
            ("only quoted empty", "\"\"\n", [[""]]),
            ("blank lines", "a\n\n\r\nb\n\n", [["a"], ["b"]]),
            ("BOM", "\u{FEFF}a,b\n", [["a", "b"]]),
            ("bare quote in unquoted", "ab\"c,d\n", [["ab\"c", "d"]]),
            ("bare CR is data", "a\rb,c\n", [["a\rb", "c"]]),
            ("final CR", "a,b\r", [["a", "b"]]),
            ("CR in quotes", "\"a\rb\"\n", [["a\rb"]]),
            ("UTF-8", "é,日本\n", [["é", "日本"]]),
            ("empty input", "", []),
            ("only blank lines", "\n\n", []),
        ]
        for (name, input, rows) in cases {
            let read = readCSV(input, noHeader)
            XCTAssertNil(read.error, name)
            XCTAssertEqual(read.rows, rows, name)
            XCTAssertEqual(read.unpatched, Array(input.utf8), "round trip: \(name)")
        }
    }

    func testOffsetsLinesAndColumns() {
        let input = "\u{FEFF}id,note\r\n1,\"two\nlines\"\r\n\n2,\"x\"\"y\"\n"
        let read = readCSV(input)
        let bytes = Array(input.utf8)
        XCTAssertEqual(read.rows, [["id", "note"], ["1", "two\nlines"], ["2", "x\"y"]])
        XCTAssertEqual(read.numbers, [0, 1, 2])
        let records = read.batches[0].records
        XCTAssertEqual(records.map(\.line), [1, 2, 5])
        XCTAssertEqual(records[0].source, 3..<12)  // after the BOM, with the CRLF
        let v = read.values
        // (line, column, kind) of each value
        XCTAssertEqual(v.map(\.line), [1, 1, 2, 2, 5, 5])
        XCTAssertEqual(v.map(\.column), [4, 7, 1, 4, 1, 4])
        XCTAssertEqual(v.map(\.kind), [.unquoted, .unquoted, .unquoted, .quoted, .unquoted, .quoted])
        XCTAssertEqual(v.map(\.field), [0, 1, 0, 1, 0, 1])
        for value in v {
            XCTAssertEqual(value.outer.isEmpty, value.source.isEmpty && value.kind == .unquoted)
            if value.kind == .quoted {
                XCTAssertEqual(bytes[value.outer.lowerBound], UInt8(ascii: "\""))
                XCTAssertEqual(value.outer, (value.source.lowerBound - 1)..<(value.source.upperBound + 1))
            }
        }
        // The doubled quote is one escape: one decoded byte from two source bytes.
        let batch = read.batches[0]
        XCTAssertEqual(batch.escapes.count, 1)
        let escape = batch.escapes[0]
        XCTAssertEqual(batch.decoded[escape.decoded], [UInt8(ascii: "\"")])
        XCTAssertEqual(Array(bytes[escape.source]), Array("\"\"".utf8))
        XCTAssertEqual(v[5].escapes, 0..<1)
        // Decoded `y` maps back to its source byte.
        let y = v[5].decoded.upperBound - 1
        XCTAssertEqual(Array(bytes[batch.sourceRange(ofValue: 5, decoded: y..<(y + 1))]), [UInt8(ascii: "y")])
        XCTAssertEqual(read.unpatched, bytes)
    }

    func testLineNumbersAfterQuotedNewlines() {
        let read = readCSV("a\n\"1\n2\n3\"\nb\n", noHeader)
        XCTAssertEqual(read.batches[0].records.map(\.line), [1, 2, 5])
    }

    func testHeaderNaming() {
        let read = readCSV("name,,email\nA,B,C,D\n")
        XCTAssertEqual(read.names, ["name", "#2", "email", "#4"])
        XCTAssertEqual(read.numbers, [0, 1])
        XCTAssertEqual(read.values.map(\.field), [0, 1, 2, 0, 1, 2, 3])
    }

    func testNoHeaderNaming() {
        let read = readCSV("a,b\nc,d,e\nf\n", noHeader)
        XCTAssertEqual(read.names, ["#1", "#2", "#3"])
        XCTAssertEqual(read.numbers, [1, 2, 3])
    }

    func testRaggedRecordsAreKept() {
        let read = readCSV("a,b,c\n1\n1,2,3,4\n")
        XCTAssertNil(read.error)
        XCTAssertEqual(read.rows, [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
    }

    func testOtherDelimiters() {
        for (d, text) in [(";", "a;\"b;c\"\n1;2\n"), ("\t", "a\t\"b\tc\"\n1\t2\n"), ("|", "a|\"b|c\"\n1|2\n")] {
            let read = readCSV(text, CSVDialect(delimiter: d.utf8.first!, header: true))
            XCTAssertEqual(read.rows, [["a", "b\(d)c"], ["1", "2"]], d)
        }
    }
}

/// The parser skips eight bytes at a time inside fields; fields of every length up to 40, holding the bytes
/// that stop it (the delimiter, quotes, CR, LF) and bytes outside ASCII at every place, read as written.
final class CSVEightBytesTests: XCTestCase {
    func testRandomFieldsReadAsWritten() {
        let pieces: [[UInt8]] = [[0x61], [0x5A], [0x37], [0x20], [0x2C], [0x22], [0x0A], [0x0D], [0x0D, 0x0A], [0x09],
                                 Array("é".utf8), Array("日".utf8), [0x3B]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: "\t")] {
            for _ in 0..<300 {
                var rows: [[String]] = []
                var text: [UInt8] = []
                for _ in 0..<(1 + next() % 4) {
                    var row: [String] = []
                    var quotedAny = false
                    for _ in 0..<(1 + next() % 4) {
                        var field: [UInt8] = []
                        for _ in 0..<(next() % 41) { field += pieces[next() % pieces.count] }
                        let special = field.contains { [delimiter, 0x22, 0x0A, 0x0D].contains($0) }
                        if special || next() % 3 == 0 {
                            quotedAny = true
                            text += [0x22] + field.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
                        } else {
                            text += field
                        }
                        row.append(String(decoding: field, as: UTF8.self))
                        text.append(delimiter)
                    }
                    text.removeLast()
                    // An empty unquoted lone field would be a blank line: quote it.
                    if row == [""] && !quotedAny { text += [0x22, 0x22] }
                    text.append(0x0A)
                    rows.append(row)
                }
                let read = readCSV(text, CSVDialect(delimiter: delimiter, header: false))
                XCTAssertNil(read.error, String(decoding: text, as: UTF8.self))
                XCTAssertEqual(read.rows, rows, String(decoding: text, as: UTF8.self))
                XCTAssertEqual(read.unpatched, text)
            }
        }
    }

    /// An invalid byte is found at any place of a long field, quoted or not.
    func testInvalidUTF8AtEveryPlaceOfALongField() {
        for quoted in [false, true] {
            for place in 0..<24 {
                var field = Array(repeating: UInt8(ascii: "a"), count: 24)
                field[place] = 0xFF
                let text = Array("x,".utf8) + (quoted ? [0x22] + field + [0x22] : field) + [0x0A]
                let read = readCSV(text, noHeader)
                XCTAssertEqual(read.error?.problem, "invalid UTF-8 in a value", "place \(place), quoted \(quoted)")
            }
        }
    }
}
