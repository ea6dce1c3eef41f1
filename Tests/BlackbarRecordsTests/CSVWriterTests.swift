import XCTest

@testable import BlackbarRecords

/// Patches encode edits so that the output reads back to the edited values, every other byte kept.
final class CSVWriterTests: XCTestCase {
    /// Applies `edit` (decoded value → edits) to every value of column `column` and returns the output.
    func rewrite(
        _ input: String, _ dialect: CSVDialect = noHeader, column: Int,
        _ edit: (String) -> [(Range<Int>, String)]
    ) -> String {
        let read = readCSV(input, dialect)
        XCTAssertNil(read.error)
        var out: [UInt8] = []
        for b in read.batches {
            var patches: [SourcePatch] = []
            for (k, v) in b.values.enumerated() where v.field == column {
                let text = String(decoding: b.decoded[v.decoded], as: UTF8.self)
                let edits = edit(text).map { (range: Range<Int>, bytes: String) in
                    (range: (v.decoded.lowerBound + range.lowerBound)..<(v.decoded.lowerBound + range.upperBound),
                     bytes: Array(bytes.utf8))
                }
                patches += CSVEncoding.patches(forValue: k, in: b, edits: edits, dialect: dialect)
            }
            out += SourcePatch.apply(patches, to: b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testEncodingCases() {
        let cases: [(String, String, Int, (String) -> [(Range<Int>, String)], String, [[String]])] = [
            ("plain replacement", "a,bob,c\n", 1, { _ in [(0..<3, "X")] }, "a,X,c\n", [["a", "X", "c"]]),
            ("comma in unquoted gets quoted", "a,bob,c\n", 1, { _ in [(0..<3, "x,y")] }, "a,\"x,y\",c\n",
             [["a", "x,y", "c"]]),
            ("quote in unquoted gets quoted and doubled", "a,bob\n", 1, { _ in [(1..<2, "\"")] },
             "a,\"b\"\"b\"\n", [["a", "b\"b"]]),
            ("newline in unquoted gets quoted", "bob,1\n", 0, { _ in [(0..<3, "x\ny")] }, "\"x\ny\",1\n",
             [["x\ny", "1"]]),
            ("quote in quoted is doubled", "\"bob\",1\n", 0, { _ in [(0..<1, "\"")] }, "\"\"\"ob\",1\n",
             [["\"ob", "1"]]),
            ("edit after an escape", "\"a\"\"bob\"\n", 0, { _ in [(2..<5, "X,Y")] }, "\"a\"\"X,Y\"\n",
             [["a\"X,Y"]]),
            ("two edits in a quoted value", "\"ann, bob\"\n", 0, { _ in [(0..<3, "A"), (5..<8, "B")] },
             "\"A, B\"\n", [["A, B"]]),
            ("two edits, one needing quotes", "ann bob,1\n", 0, { _ in [(0..<3, "A"), (4..<7, "B;C,D")] },
             "\"A B;C,D\",1\n", [["A B;C,D", "1"]]),
            ("emptied lone value stays a record", "bob\nx\n", 0, { $0 == "bob" ? [(0..<3, "")] : [] },
             "\"\"\nx\n", [[""], ["x"]]),
            ("emptied value among others", "bob,1\n", 0, { _ in [(0..<3, "")] }, ",1\n", [["", "1"]]),
        ]
        for (name, input, column, edit, output, rows) in cases {
            let written = rewrite(input, column: column, edit)
            XCTAssertEqual(written, output, name)
            XCTAssertEqual(readCSV(written, noHeader).rows, rows, name)
        }
    }

    func testTabDelimiterQuotesOnTab() {
        let tsv = CSVDialect(delimiter: 0x09, header: false)
        XCTAssertEqual(rewrite("a\tb\n", tsv, column: 0) { _ in [(0..<1, "x\ty")] }, "\"x\ty\"\tb\n")
        XCTAssertEqual(rewrite("a\tb\n", tsv, column: 0) { _ in [(0..<1, "x,y")] }, "x,y\tb\n")
    }

    func drop(_ input: String, _ columns: Set<Int>, _ dialect: CSVDialect = CSVDialect()) -> String {
        let read = readCSV(input, dialect)
        XCTAssertNil(read.error)
        return String(
            decoding: read.batches.flatMap {
                SourcePatch.apply(CSVEncoding.dropColumns(columns, in: $0, dialect: dialect), to: $0)
            }, as: UTF8.self)
    }

    func testDropColumns() {
        let input = "id,name,email\r\n1,\"Ann, A\",a@x.org\r\n2,Bob\n3,,\"c@x\"\n"
        let cases: [(Set<Int>, String)] = [
            ([0], "name,email\r\n\"Ann, A\",a@x.org\r\nBob\n,\"c@x\"\n"),
            ([1], "id,email\r\n1,a@x.org\r\n2\n3,\"c@x\"\n"),
            ([2], "id,name\r\n1,\"Ann, A\"\r\n2,Bob\n3,\n"),
            ([0, 2], "name\r\n\"Ann, A\"\r\nBob\n\"\"\n"),
            ([0, 1], "email\r\na@x.org\r\n\n\"c@x\"\n"),
            ([0, 1, 2], "\r\n\r\n\n\n"),
            ([], input),
        ]
        for (columns, output) in cases {
            let written = drop(input, columns)
            XCTAssertEqual(written, output, "\(columns.sorted())")
            // Kept values read back in order.
            let kept = readCSV(input).rows.map { row in
                row.enumerated().filter { !columns.contains($0.offset) }.map(\.element)
            }.filter { !$0.isEmpty }
            XCTAssertEqual(readCSV(written).rows, kept, "\(columns.sorted())")
        }
    }

    func testDropMergesWithValuePatches() {
        let input = "id,name,email\n1,bob,b@x.org\n"
        let read = readCSV(input)
        let b = read.batches[0]
        var patches = CSVEncoding.dropColumns([0], in: b, dialect: CSVDialect())
        for (k, v) in b.values.enumerated() where v.field == 2 && b.records[v.record].number > 0 {
            patches += CSVEncoding.patches(
                forValue: k, in: b, edits: [(v.decoded, Array("<e, mail>".utf8))], dialect: CSVDialect())
        }
        patches.sort { $0.range.lowerBound < $1.range.lowerBound }
        let out = String(decoding: SourcePatch.apply(patches, to: b), as: UTF8.self)
        XCTAssertEqual(out, "name,email\nbob,\"<e, mail>\"\n")
    }
}
