import XCTest

@testable import BlackbarValidators

/// ICAO 9303 7-3-1 check digits and whole MRZs. Specimens: the fictional Utopia documents of
/// ICAO Doc 9303, 7th edition (Part 4 TD3 passport, Part 5 TD1 card, Part 6 TD2, Part 7 MRV-A visa).
final class ICAOTests: XCTestCase {
    static let td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    static let td1 = "I<UTOD231458907<<<<<<<<<<<<<<<" + "7408122F1204159UTO<<<<<<<<<<<6" + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    static let td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<" + "D231458907UTO7408122F1204159<<<<<<<6"
    static let mrvA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"
    /// Doc 9303 Part 5 long document number example (D23145890734, check 9, in the optional data).
    static let td1Long = "I<UTOD23145890<7349<<<<<<<<<<<" + "7408122F1204159UTO<<<<<<<<<<<6" + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"

    static let mrzAlphabet = Alphabet.alphanumeric + ascii("<")

    func testCheckDigitFields() {
        // Doc 9303 Part 3 section 4.9 worked examples: document number, dates.
        XCTAssertEqual(ICAO9303.checkDigit(for: ascii("L898902C3")), UInt8(ascii: "6"))
        XCTAssertEqual(ICAO9303.checkDigit(for: ascii("740812")), UInt8(ascii: "2"))
        XCTAssertEqual(ICAO9303.checkDigit(for: ascii("120415")), UInt8(ascii: "9"))
        XCTAssertEqual(ICAO9303.checkDigit(for: ascii("520727")), UInt8(ascii: "3"))
        XCTAssertEqual(ICAO9303.checkDigit(for: ascii("AB2134<<<")), UInt8(ascii: "5"))
        XCTAssertEqual(ICAO9303.checkDigit(for: []), UInt8(ascii: "0"))
        for v in ["L898902C36", "7408122", "1204159", "5207273", "AB2134<<<5"] {
            let bytes = ascii(v)
            XCTAssertTrue(ICAO9303.isValid(bytes), v)
            // Any substitution that changes the value modulo 10 is caught.
            let subs = singleSubstitutions(of: bytes) { i in
                Self.mrzAlphabet.filter { ICAO9303.value(of: $0)! % 10 != ICAO9303.value(of: bytes[i])! % 10 }
            }
            assertAllRejected(subs, by: ICAO9303.isValid, label: v)
        }
        XCTAssertFalse(ICAO9303.isValid(ascii("L898902C3<")))
        XCTAssertFalse(ICAO9303.isValid(ascii("l898902c36")))
        XCTAssertFalse(ICAO9303.isValid(ascii("6")))
    }

    func testSpecimensPass() {
        XCTAssertTrue(MachineReadableZone.isValidTD3(ascii(Self.td3)))
        XCTAssertTrue(MachineReadableZone.isValidTD1(ascii(Self.td1)))
        XCTAssertTrue(MachineReadableZone.isValidTD2(ascii(Self.td2)))
        XCTAssertTrue(MachineReadableZone.isValidTD3(ascii(Self.mrvA)))
        XCTAssertTrue(MachineReadableZone.isValidTD1(ascii(Self.td1Long)))
        // Wrong sizes for each other.
        XCTAssertFalse(MachineReadableZone.isValidTD1(ascii(Self.td3)))
        XCTAssertFalse(MachineReadableZone.isValidTD3(ascii(Self.td2)))
        XCTAssertFalse(MachineReadableZone.isValidTD2(ascii(Self.td1)))
        XCTAssertFalse(MachineReadableZone.isValidTD3(ascii(Self.td3.lowercased())))
    }

    /// A digit changed in any checked field (or in a check digit) must be caught by some check.
    func testEveryCheckedDigitMutationFails() {
        let cases: [(String, ([UInt8]) -> Bool, [Int])] = [
            (Self.td3, MachineReadableZone.isValidTD3, Array(44 ..< 54) + Array(57 ..< 64) + Array(65 ..< 88)),
            (Self.td1, MachineReadableZone.isValidTD1, Array(5 ..< 15) + Array(30 ..< 37) + Array(38 ..< 45) + [59]),
            (Self.td2, MachineReadableZone.isValidTD2, Array(36 ..< 46) + Array(49 ..< 56) + Array(57 ..< 64) + [71]),
            (Self.td1Long, MachineReadableZone.isValidTD1, Array(5 ..< 14) + Array(15 ..< 19)),
        ]
        for (mrz, check, positions) in cases {
            let bytes = ascii(mrz)
            let subs = singleSubstitutions(of: bytes, positions: positions) { i in
                Self.mrzAlphabet.filter { ICAO9303.value(of: $0)! % 10 != ICAO9303.value(of: bytes[i])! % 10 }
            }
            XCTAssertFalse(subs.isEmpty)
            assertAllRejected(subs, by: check, label: String(mrz.prefix(5)))
        }
    }

    func testBadCharactersAndFillerChecks() {
        var td3 = ascii(Self.td3)
        td3[3] = UInt8(ascii: " ")
        XCTAssertFalse(MachineReadableZone.isValidTD3(td3))
        // Empty personal number with a '<' check digit is allowed; then the composite changes.
        var empty = ascii(Self.td3)
        for i in 72 ..< 87 { empty[i] = UInt8(ascii: "<") }
        let composite = Array(empty[44 ..< 54]) + Array(empty[57 ..< 64]) + Array(empty[65 ..< 87])
        empty[87] = ICAO9303.checkDigit(for: composite)!
        XCTAssertTrue(MachineReadableZone.isValidTD3(empty))
        // '<' as a check digit of a non-empty field is not.
        var bad = ascii(Self.td3)
        bad[53] = UInt8(ascii: "<")
        XCTAssertFalse(MachineReadableZone.isValidTD3(bad))
    }
}
