import XCTest

/// `blackbar rules validate NAME`: one validator over each stdin line (used by
/// `scripts/validators-vs-stdnum.py`).
final class ValidateCLITests: CLITestCase {
    func testOneOutcomePerLine() throws {
        let input = "ATU13585627\nATU13585628\r\nXX1\n\nDE136695976\n"
        let r = try run(["rules", "validate", "eu-vat"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "1\n0\n0\n0\n1\n")
        let imei = try run(["rules", "validate", "imei"], stdin: Data("490154203237518\n4901542032375186\n".utf8))
        XCTAssertEqual(imei.stdout, "1\n-\n")
    }

    func testUnknownValidatorFails() throws {
        let r = try run(["rules", "validate", "no-such-check"], stdin: Data("1\n".utf8))
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no validator named no-such-check"), r.stderr)
    }
}
