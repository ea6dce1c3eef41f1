import XCTest

@testable import BlackbarRecords

/// Malformed input is an error naming line, record, offset and the problem; never a crash.
final class JSONErrorTests: XCTestCase {
    /// A bad JSON Lines line, after a good first line: (line bytes, offset in the line, problem).
    let badLines: [([UInt8], Int, String)] = [
        (Array(#""abc"#.utf8), 0, "unterminated string"),
        (Array(#""a\"#.utf8), 2, "unterminated string"),
        (Array(#""a\qb""#.utf8), 2, "invalid escape"),
        (Array(#""\u12G4""#.utf8), 1, "invalid escape"),
        (Array(#""\u12"#.utf8), 1, "invalid escape"),
        (Array("[1, @]".utf8), 4, "unexpected character"),
        (Array("01".utf8), 0, "invalid number"),
        (Array("-".utf8), 0, "invalid number"),
        (Array("[-a]".utf8), 1, "invalid number"),
        (Array("1.".utf8), 0, "invalid number"),
        (Array("1.5.2".utf8), 0, "invalid number"),
        (Array("1e".utf8), 0, "invalid number"),
        (Array("1e+".utf8), 0, "invalid number"),
        (Array("+1".utf8), 0, "unexpected character"),
        ([0x22, 0x61, 0x01, 0x62, 0x22], 2, "control character in a string"),
        ([0x22, 0x61, 0x09, 0x22], 2, "control character in a string"),
        ([0x22, 0x61, 0xFF, 0x22], 2, "invalid UTF-8 in a string"),
        ([0x22, 0xC0, 0x80, 0x22], 1, "invalid UTF-8 in a string"),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, "invalid UTF-8 in a string"),
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, "invalid UTF-8 in a string"),
        ([0x22, 0xE2, 0x82, 0x22], 1, "invalid UTF-8 in a string"),
        (Array(#"{"a" 1}"#.utf8), 5, "unexpected character"),
        (Array(#"{"a": 1,}"#.utf8), 8, "unexpected character"),
        (Array(#"{1: 2}"#.utf8), 1, "unexpected character"),
        (Array("[1 2]".utf8), 3, "unexpected character"),
        (Array("[1,]".utf8), 3, "unexpected character"),
        (Array("1 2".utf8), 2, "trailing characters after the value"),
        (Array("{} x".utf8), 3, "trailing characters after the value"),
        (Array(#"{"a": "#.utf8), 6, "unexpected end of input"),
        (Array("[".utf8), 1, "unexpected end of input"),
        (Array("tru".utf8), 0, "unexpected character"),
        (Array("nul1".utf8), 0, "unexpected character"),
        (Array("]".utf8), 0, "unexpected character"),
    ]

    func testMalformedLines() {
        for (bytes, at, problem) in badLines {
            let input = Array("{}\n".utf8) + bytes + [0x0A]
            let e = jsonError(input)
            let name = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(e, RecordError(line: 2, record: 2, offset: 3 + at, problem: problem), name)
            // The same value as a document element (record 2 of the root array), when it cannot run on.
            let runsOn: Set<String> = ["unterminated string", "unexpected end of input", "trailing characters after the value"]
            if runsOn.contains(problem) { continue }
            let doc = Array("[{},\n".utf8) + bytes + Array("\n]".utf8)
            let d = jsonError(doc, document: true)
            XCTAssertEqual(d, RecordError(line: 2, record: 2, offset: 5 + at, problem: problem), name)
        }
    }

    func testMalformedDocuments() {
        let cases: [(String, Int, Int?, Int, String)] = [
            ("", 1, nil, 0, "empty document"),
            (" \n\t ", 2, nil, 4, "empty document"),
            ("\u{FEFF}", 1, nil, 3, "empty document"),
            ("[1, 2", 1, nil, 5, "unexpected end of input"),
            ("[1, {\"a\": x}]", 1, 2, 10, "unexpected character"),
            ("{} {}", 1, 1, 3, "trailing characters after the value"),
            ("[1] x", 1, nil, 4, "trailing characters after the value"),
            ("\n\n[1,\n\"a\nb\"]", 4, 2, 8, "control character in a string"),
            ("{\"a\": [1, 2}", 1, 1, 11, "unexpected character"),
            ("[1,\n2,,3]", 2, 3, 6, "unexpected character"),
            ("[1 2]", 1, nil, 3, "unexpected character"),
        ]
        for (text, line, record, offset, problem) in cases {
            XCTAssertEqual(
                jsonError(text, document: true), RecordError(line: line, record: record, offset: offset, problem: problem),
                text)
        }
    }

    func testSkipLeavesBadLinesOutAndCountsThem() throws {
        let text = "{\"a\":1}\n{bad\n\n\"ok\"\r\n[1,2"
        XCTAssertThrowsError(try readJSON(text))
        for batchBytes in [1, 1 << 20] {
            let read = try readJSON(text, batchBytes: batchBytes, policy: .skip)
            XCTAssertEqual(read.records.map(\.number), [1, 3])
            XCTAssertEqual(read.records.map(\.line), [1, 4])
            XCTAssertEqual(read.skipped.map(\.number), [2, 4])
            XCTAssertEqual(read.skipped.map(\.line), [2, 5])
            XCTAssertEqual(read.skipped.map(\.source), [8..<13, 20..<24])
            XCTAssertEqual(read.skipped.map(\.reason), ["unexpected character", "unexpected end of input"])
            XCTAssertEqual(read.values.map(\.decoded), ["a", "1", "ok"])
            XCTAssertEqual(read.values.map(\.record), [1, 1, 3])
            XCTAssertEqual(read.output(), Array(text.utf8))
        }
    }

    func testSkipDropsALineTooLongToHold() throws {
        let long = "\"" + String(repeating: "x", count: 100) + "\""
        let text = "1\n" + long + "\n2\n"
        let limits = RecordLimits(maxRecordBytes: 20)
        XCTAssertEqual(
            jsonError(text, limits: limits), RecordError(line: 2, record: 2, offset: 22, problem: "record larger than 20 bytes"))
        for chunk in [1, 7, 1 << 20] {
            let read = try readJSON(text, policy: .skip, limits: limits, chunk: chunk)
            XCTAssertEqual(read.records.map(\.number), [1, 3], "\(chunk)")
            XCTAssertEqual(read.skipped, [SkippedRecord(number: 2, line: 2, source: 2..<105, reason: "record larger than 20 bytes")])
            XCTAssertEqual(read.values.map(\.decoded), ["1", "2"])
            XCTAssertEqual(read.values.map(\.source), ["1", "2"])
            // Batches hold every byte except, when it was dropped unread, the long line.
            let out = read.output()
            XCTAssertTrue(out == Array(text.utf8) || out == Array("1\n2\n".utf8), "\(chunk)")
        }
    }

    func testLimits() throws {
        let three = RecordLimits(maxDepth: 3)
        XCTAssertNoThrow(try readJSON("[[[1]]]", limits: three))
        XCTAssertEqual(jsonError("[[{\"a\":[1]}]]", limits: three), RecordError(line: 1, record: 1, offset: 7, problem: "nesting deeper than 3"))
        XCTAssertNoThrow(try readJSON("[[[1]]]", document: true, limits: three))
        XCTAssertEqual(jsonError("[[[[1]]]]", document: true, limits: three)?.problem, "nesting deeper than 3")
        XCTAssertNoThrow(try readJSON(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)))
        XCTAssertEqual(
            jsonError(String(repeating: "[", count: 100_000)),
            RecordError(line: 1, record: 1, offset: 512, problem: "nesting deeper than 512"))
        XCTAssertEqual(
            jsonError(String(repeating: "{\"a\":", count: 100_000), document: true)?.problem, "nesting deeper than 512")

        let four = RecordLimits(maxFieldBytes: 4)
        XCTAssertNoThrow(try readJSON("[\"abcd\", 1234]", limits: four))
        XCTAssertEqual(jsonError("[\"abcde\"]", limits: four), RecordError(line: 1, record: 1, offset: 1, problem: "value larger than 4 bytes"))
        XCTAssertEqual(jsonError("[12345]", limits: four)?.problem, "value larger than 4 bytes")
        XCTAssertEqual(jsonError("{\"abcde\": 1}", limits: four)?.problem, "value larger than 4 bytes")
        let big = "\"" + String(repeating: "a", count: (16 << 20) + 1) + "\""
        XCTAssertEqual(jsonError(big)?.problem, "value larger than 16 MiB")

        let ten = RecordLimits(maxRecordBytes: 10)
        XCTAssertNoThrow(try readJSON("[1,2,3,4]\r\n", limits: ten))
        XCTAssertEqual(jsonError("1\n[1,2,3,4,5]", limits: ten), RecordError(line: 2, record: 2, offset: 12, problem: "record larger than 10 bytes"))
        XCTAssertEqual(
            jsonError("[1, [1,2,3,4,5]]", document: true, limits: ten),
            RecordError(line: 1, record: 2, offset: 4, problem: "record larger than 10 bytes"))

        let five = RecordLimits(maxDocumentBytes: 5)
        XCTAssertNoThrow(try readJSON("[1,2]", document: true, limits: five))
        XCTAssertEqual(jsonError("[1,2,3]", document: true, limits: five)?.problem, "document larger than 5 bytes")
        XCTAssertEqual(byteCount(64 << 20), "64 MiB")
        XCTAssertEqual(byteCount(1 << 30), "1 GiB")
    }

    func testErrorsNeverNameValueBytes() {
        let e = jsonError("{\"ssn\": \"123-45-6789\\q\"}")
        XCTAssertEqual(e?.problem, "invalid escape")
        XCTAssertFalse(e?.description.contains("123") ?? true)
    }

    func testAnErrorIsFinal() {
        for document in [false, true] {
            let source = ByteSource(bytes: Array("[1]\n[2,]\n[3]\n".utf8), name: "t")
            let config = RecordReaderConfig(batchBytes: 1)
            let reader: RecordReader =
                document ? JSONDocumentReader(source: source, config: config) : JSONLinesReader(source: source, config: config)
            var errors: [RecordError] = []
            for _ in 0..<4 {
                do { _ = try reader.next() } catch let e as RecordError { errors.append(e) } catch {}
            }
            XCTAssertEqual(errors.count, document ? 4 : 3)
            XCTAssertTrue(errors.allSatisfy { $0 == errors[0] })
        }
    }
}
