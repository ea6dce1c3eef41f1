import XCTest

@testable import BlackbarValidators

/// ISO/IEC 7064 pure and hybrid systems. Vectors are the examples of ISO 7064 as reproduced in
/// python-stdnum's iso7064 doctests, plus ORCID/ISNI identifiers (MOD 11-2, ORCID documentation).
final class ISO7064Tests: XCTestCase {
    func testMod11_2() {
        let s = ISO7064Pure.mod11_2
        XCTAssertEqual(s.checkCharacter(for: ascii("0794")), UInt8(ascii: "0"))
        XCTAssertEqual(s.checkCharacter(for: ascii("079")), UInt8(ascii: "X"))
        // ORCID iD examples from ORCID's "Structure of the ORCID Identifier" support page.
        let valid = ["07940", "079X", "0000000218250097", "000000021694233X"]
        for v in valid {
            let bytes = ascii(v)
            XCTAssertTrue(s.isValid(bytes), v)
            let subs = singleSubstitutions(of: bytes) { i in i == bytes.count - 1 ? s.checkAlphabet : s.payloadAlphabet }
            assertAllRejected(subs, by: s.isValid, label: v)
            assertAllRejected(adjacentTranspositions(of: bytes), by: s.isValid, label: v)
        }
        XCTAssertFalse(s.isValid(ascii("0X90")))
        XCTAssertFalse(s.isValid(ascii("0000000218250098")))
    }

    func testMod37_2() {
        let s = ISO7064Pure.mod37_2
        XCTAssertEqual(s.checkCharacter(for: ascii("G123489654321")), UInt8(ascii: "Y"))
        let bytes = ascii("G123489654321Y")
        XCTAssertTrue(s.isValid(bytes))
        let subs = singleSubstitutions(of: bytes) { i in i == bytes.count - 1 ? s.checkAlphabet : s.payloadAlphabet }
        assertAllRejected(subs, by: s.isValid, label: "mod37-2")
        assertAllRejected(adjacentTranspositions(of: bytes), by: s.isValid, label: "mod37-2")
        // A '*' check character must round-trip.
        for seed in 0 ..< 2000 {
            let payload = ascii(String(seed, radix: 36).uppercased())
            guard s.checkCharacter(for: payload) == UInt8(ascii: "*") else { continue }
            XCTAssertTrue(s.isValid(payload + ascii("*")))
            return
        }
        XCTFail("no payload with check character *")
    }

    func testMod97_10() {
        XCTAssertEqual(ISO7064Mod97.checkDigits(for: ascii("794")), ascii("44"))
        XCTAssertEqual(ISO7064Mod97.checkDigits(for: ascii("99991234567890121414")), ascii("90"))
        XCTAssertEqual(ISO7064Mod97.checkDigits(for: ascii("4354111611551114")), ascii("31"))
        XCTAssertEqual(ISO7064Mod97.checkDigits(for: ascii("22181321402534321446701611")), ascii("35"))
        // Letter forms: ISO 11649 reference RF18 5390 0754 7034 and IBAN GB82 WEST 1234 5698 7654 32
        // (Wikipedia), both rearranged so the check digits come last.
        let valid = ["79444", "9999123456789012141490", "08686001256515001121751",
                     "539007547034RF18", "WEST12345698765432GB82"]
        for v in valid {
            let bytes = ascii(v)
            XCTAssertTrue(ISO7064Mod97.isValid(bytes), v)
            // Same-class substitutions (digit for digit, letter for letter) are always detected.
            let subs = singleSubstitutions(of: bytes) { i in ASCII.digit(bytes[i]) != nil ? Alphabet.digits : Alphabet.upper }
            assertAllRejected(subs, by: ISO7064Mod97.isValid, label: v)
            let swaps = adjacentTranspositions(of: bytes) { ASCII.digit($0) != nil && ASCII.digit($1) != nil }
            assertAllRejected(swaps, by: ISO7064Mod97.isValid, label: v)
        }
        XCTAssertFalse(ISO7064Mod97.isValid(ascii("79445")))
        XCTAssertFalse(ISO7064Mod97.isValid(ascii("539007547034RF1")))
        XCTAssertFalse(ISO7064Mod97.isValid(ascii("539007547034rf18")))
        XCTAssertFalse(ISO7064Mod97.isValid(ascii("44")))
    }

    func testMod11_10() {
        let s = ISO7064Hybrid.mod11_10
        XCTAssertEqual(s.checkCharacter(for: ascii("79462")), UInt8(ascii: "3"))
        XCTAssertEqual(s.checkCharacter(for: ascii("00200667308")), UInt8(ascii: "5"))
        // German VAT ID DE 136695976 (MOD 11-10 per BZSt); Croatian OIB 69435151530 (Wikipedia).
        for v in ["794623", "002006673085", "136695976", "69435151530"] {
            let bytes = ascii(v)
            XCTAssertTrue(s.isValid(bytes), v)
            assertAllRejected(singleSubstitutions(of: bytes) { _ in Alphabet.digits }, by: s.isValid, label: v)
        }
    }

    func testMod37_36() {
        let s = ISO7064Hybrid.mod37_36
        XCTAssertEqual(s.checkCharacter(for: ascii("A12425GABC1234002")), UInt8(ascii: "M"))
        let bytes = ascii("A12425GABC1234002M")
        XCTAssertTrue(s.isValid(bytes))
        assertAllRejected(singleSubstitutions(of: bytes) { _ in Alphabet.alphanumeric }, by: s.isValid, label: "mod37-36")
        XCTAssertFalse(s.isValid(ascii("A12425GABC1234002m")))
    }
}
