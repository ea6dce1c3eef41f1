import XCTest

@testable import BlackbarValidators

/// US SSN, IMEI, MEID and ICCID.
final class DeviceAndPersonIdentifierTests: XCTestCase {
    // SSA: "Social Security Number Randomization" and the SSA's own list of invalid ranges.
    func testSSN() {
        for v in ["123456789", "001010001", "665999999", "899999999", "078051121"] {
            XCTAssertTrue(USSocialSecurityNumber.isValid(ascii(v)), v)
        }
        for v in ["000123456", "666123456", "900123456", "999999999", "123006789", "123450000",
                  "078051120", "219099999", "12345678", "1234567890", "123-45-6789", "12345678a", ""] {
            XCTAssertFalse(USSocialSecurityNumber.isValid(ascii(v)), v)
        }
    }

    // IMEI 49-015420-323751-8 (Wikipedia "International Mobile Equipment Identity").
    func testIMEI() {
        XCTAssertEqual(IMEI.check(ascii("490154203237518")), .valid)
        XCTAssertEqual(IMEI.check(ascii("490154203237519")), .invalid)
        XCTAssertEqual(IMEI.check(ascii("4901542032375101")), .notApplicable)  // IMEISV
        XCTAssertEqual(IMEI.check(ascii("49015420323751")), .invalid)
        XCTAssertEqual(IMEI.check(ascii("49015420323751X")), .invalid)
        XCTAssertEqual(IMEI.check([]), .invalid)
        assertAllRejected(singleSubstitutions(of: ascii("490154203237518")) { _ in Alphabet.digits },
                          by: { IMEI.check($0) == .valid }, label: "IMEI")
    }

    // MEID AF 01 23 45 0A BC DE C and its decimal form 29360 87365 0070 3710 (check 0)
    // (python-stdnum meid doctests, after 3GPP2 X.S0008).
    func testMEID() {
        XCTAssertEqual(MEID.check(ascii("AF0123450ABCDEC")), .valid)
        XCTAssertEqual(MEID.check(ascii("af0123450abcdec")), .valid)
        XCTAssertEqual(MEID.check(ascii("AF0123450ABCDED")), .invalid)
        XCTAssertEqual(MEID.check(ascii("AF0123450ABCDE")), .notApplicable)
        XCTAssertEqual(MEID.check(ascii("AG0123450ABCDE")), .invalid)
        XCTAssertEqual(MEID.check(ascii("293608736500703710")), .valid)
        XCTAssertEqual(MEID.check(ascii("2936087365007037100")), .valid)
        XCTAssertEqual(MEID.check(ascii("2936087365007037101")), .invalid)
        XCTAssertEqual(MEID.check(ascii("429496729600000000")), .invalid)  // manufacturer > 2^32 - 1
        XCTAssertEqual(MEID.check(ascii("429496729516777216")), .invalid)  // serial > 2^24 - 1
        XCTAssertEqual(MEID.check(ascii("429496729516777215")), .valid)
        XCTAssertEqual(MEID.decimalForm(of: ascii("AF0123450ABCDE")), ascii("293608736500703710"))
        // An all-decimal 14-digit MEID is an IMEI: decimal Luhn.
        XCTAssertEqual(MEID.check(ascii("490154203237518")), .valid)
        XCTAssertEqual(MEID.check(ascii("49015420323751E")), .invalid)
        assertAllRejected(singleSubstitutions(of: ascii("AF0123450ABCDEC")) { _ in ascii("0123456789ABCDEF") },
                          by: { MEID.check($0) == .valid }, label: "MEID")
    }

    // ICCID 89 01 410 32111185107 2 0 style example (Wikipedia "SIM card": 89014103211118510720).
    func testICCID() {
        XCTAssertTrue(ICCID.isValid(ascii("89014103211118510720")))
        let nineteen = ascii("891004234814455936")
        XCTAssertTrue(ICCID.isValid(nineteen + [Luhn.checkDigit(for: nineteen)!]))
        XCTAssertFalse(ICCID.isValid(ascii("89014103211118510721")))
        XCTAssertFalse(ICCID.isValid(ascii("79014103211118510720")))
        XCTAssertFalse(ICCID.isValid(ascii("8901410321111851073")))
        XCTAssertFalse(ICCID.isValid(ascii("890141032111185107")))
        XCTAssertFalse(ICCID.isValid(ascii("890141032111185107200")))
        assertAllRejected(singleSubstitutions(of: ascii("89014103211118510720")) { _ in Alphabet.digits },
                          by: ICCID.isValid, label: "ICCID")
    }
}
