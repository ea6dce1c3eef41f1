import XCTest

@testable import BlackbarRecords

/// Malformed input: the error names the line, record, offset and problem, never the field's bytes; under
/// `.skip` the record is listed, left out, and reading goes on.
final class CSVErrorTests: XCTestCase {
    /// (name, input, limits, line, record, offset, problem, rows read under .skip, skipped source)
    typealias Case = (
        name: String, input: String, limits: RecordLimits, line: Int, record: Int, offset: Int, problem: String,
        rows: [[String]], skipped: Range<Int>
    )

    static let small = RecordLimits(maxRecordBytes: 20, maxFieldBytes: 8, maxFields: 3)

    static let cases: [Case] = [
        (
            "unterminated quote", "h\nok\n\"secret\nmore\n", RecordLimits(), 3, 2, 5, "unterminated quoted field",
            [["h"], ["ok"], ["more"]], 5..<13
        ),
        (
            "text after closing quote", "h,i\n\"secret\"x,1\nok,2\n", RecordLimits(), 2, 1, 12,
            "text after a closing quote", [["h", "i"], ["ok", "2"]], 4..<16
        ),
        (
            "text after quote on a later line", "h\n\"sec\nret\"x\nok\n", RecordLimits(), 3, 1, 11,
            "text after a closing quote", [["h"], ["ok"]], 2..<13
        ),
        (
            "field too large", "h\nsecretsecret\nok\n", small, 2, 1, 10, "field larger than 8 bytes",
            [["h"], ["ok"]], 2..<15
        ),
        (
            "record too large", "h\nsecret12,secret12,secret1\nok\n", small, 2, 1, 22, "record larger than 20 bytes",
            [["h"], ["ok"]], 2..<28
        ),
        (
            "too many fields", "h\na,b,c,d\nok\n", small, 2, 1, 8, "more than 3 fields", [["h"], ["ok"]], 2..<10
        ),
        (
            "invalid UTF-8", "h\nab\u{FFFF}\nok\n", RecordLimits(), 2, 1, 4, "invalid UTF-8 in a value",
            [["h"], ["ok"]], 2..<6
        ),
        (
            "unterminated quote in the header", "\"secret\nx\n", RecordLimits(), 1, 0, 0, "unterminated quoted field",
            [["x"]], 0..<8
        ),
    ]

    /// `\u{FFFF}` stands in for a byte that is never valid UTF-8.
    static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar == "\u{FFFF}" { out.append(0xFF) } else { out += Array(String(scalar).utf8) }
        }
        return out
    }

    func testErrorsNameWhereAndWhatButNotTheBytes() {
        for c in Self.cases {
            let read = readCSV(Self.bytes(c.input), limits: c.limits)
            guard let error = read.error else { return XCTFail("no error: \(c.name)") }
            XCTAssertEqual(error.line, c.line, c.name)
            XCTAssertEqual(error.record, c.record, c.name)
            XCTAssertEqual(error.offset, c.offset, c.name)
            XCTAssertEqual(error.problem, c.problem, c.name)
            XCTAssertFalse(error.description.contains("secret"), c.name)
            XCTAssertFalse(error.description.contains("sec"), c.name)
            XCTAssertEqual(
                error.description, "line \(c.line), record \(c.record) (byte \(c.offset)): \(c.problem)", c.name)
        }
    }

    func testSkipLeavesTheRecordOutAndGoesOn() {
        for c in Self.cases {
            let input = Self.bytes(c.input)
            let read = readCSV(input, policy: .skip, limits: c.limits)
            XCTAssertNil(read.error, c.name)
            XCTAssertEqual(read.rows, c.rows, c.name)
            XCTAssertEqual(read.skipped.map(\.source), [c.skipped], c.name)
            XCTAssertEqual(read.skipped.map(\.number), [c.record], c.name)
            XCTAssertEqual(read.skipped.map(\.reason), [c.problem], c.name)
            XCTAssertEqual(read.unpatched, input, c.name)
            var without = input
            without.removeSubrange(c.skipped)
            XCTAssertEqual(read.withoutSkipped, without, c.name)
        }
    }

    func testSkippedRecordKeepsItsNumber() {
        let read = readCSV("h\n1\n\"a\"b\n3\n\"c\"d\n5\n", policy: .skip)
        XCTAssertEqual(read.numbers, [0, 1, 3, 5])
        XCTAssertEqual(read.skipped.map(\.number), [2, 4])
        XCTAssertEqual(read.skipped.map(\.line), [3, 5])
        XCTAssertEqual(read.rows, [["h"], ["1"], ["3"], ["5"]])
    }

    func testLimitsAtTheirBoundAreFine() {
        let limits = RecordLimits(maxRecordBytes: 11, maxFieldBytes: 3, maxFields: 3)
        let read = readCSV("abc,def,ghi\r\nab,\"d\"\"\"\n", noHeader, limits: limits)
        XCTAssertNil(read.error)
        XCTAssertEqual(read.rows, [["abc", "def", "ghi"], ["ab", "d\""]])
    }

    func testGarbageNeverCrashesOrLoops() {
        var seed: UInt64 = 42
        let alphabet = Array("a,;\"\r\n\t|".utf8) + [0xFF, 0xC3, 0xA9]
        for _ in 0..<300 {
            var input: [UInt8] = []
            for _ in 0..<40 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                input.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let read = readCSV(input, policy: .skip, batchBytes: 3, limits: Self.small)
            XCTAssertNil(read.error)
            XCTAssertEqual(read.unpatched, input)
        }
    }
}
