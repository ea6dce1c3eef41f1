import XCTest

@testable import BlackbarRecords

/// The delimiter is guessed from the first lines, counting outside quotes.
final class CSVDialectTests: XCTestCase {
    func testSniffing() {
        let cases: [(String, String?, String)] = [
            ("a,b,c\n1,2,3\n", nil, ","),
            ("a;b;c\n1;2;3\n", nil, ";"),
            ("a\tb\tc\n1\t2\t3\n", nil, "\t"),
            ("a|b|c\n1|2|3\n", nil, "|"),
            ("a;b\n\"x,y,z\";2\n\"1,2\";3\n", nil, ";"),  // commas inside quotes do not count
            ("name;note\nAnn;\"a, b, c\"\nBob;\"d,e\"\n", nil, ";"),
            ("a,b;c\n1,2;3\n4,5\n", nil, ","),  // `,` on every line, `;` on some
            ("a\tb\n1\t2\n", "people.tsv", "\t"),
            ("a,b\n1,2\n", "people.tsv", ","),  // no tab at all: the content wins
            ("single\ncolumn\n", "data.tab", "\t"),
            ("single\ncolumn\n", nil, ","),
            ("a,b,c\n1,2,3\n4,5", nil, ","),  // a cut-off last line
            ("", nil, ","),
        ]
        for (text, hint, expected) in cases {
            let dialect = CSVDialect.sniff(Array(text.utf8), extensionHint: hint)
            XCTAssertEqual(dialect.delimiter, expected.utf8.first!, "\(text.debugDescription) \(hint ?? "")")
            XCTAssertTrue(dialect.header)
        }
        XCTAssertEqual(CSVDialect.sniff(Array("x|y\n".utf8)[...], extensionHint: nil).delimiter, UInt8(ascii: "|"))
    }
}
