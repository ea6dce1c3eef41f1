import XCTest

@testable import BlackbarValidators

/// Luhn, Luhn mod N, Verhoeff and Damm.
final class LuhnFamilyTests: XCTestCase {
    // Wikipedia "Luhn algorithm" worked example (7992739871 -> 3); IMEI and card numbers from
    // Wikipedia "IMEI" and issuers' public test lists.
    let luhnValid = ["79927398713", "490154203237518", "4111111111111111", "378282246310005", "6011111111111117", "00", "18"]

    func testLuhnVectors() {
        for v in luhnValid { XCTAssertTrue(Luhn.isValid(ascii(v)), v) }
        XCTAssertEqual(Luhn.checkDigit(for: ascii("7992739871")), UInt8(ascii: "3"))
        XCTAssertEqual(Luhn.checkDigit(for: ascii("49015420323751")), UInt8(ascii: "8"))
        for v in ["79927398710", "79927398711", "1234567812345678", "", "0", "7992739871a", "79927 398713"] {
            XCTAssertFalse(Luhn.isValid(ascii(v)), v)
        }
        XCTAssertNil(Luhn.checkDigit(for: []))
        XCTAssertNil(Luhn.checkDigit(for: ascii("12x")))
    }

    func testLuhnDetectsEverySubstitution() {
        for v in luhnValid {
            assertAllRejected(singleSubstitutions(of: ascii(v)) { _ in Alphabet.digits }, by: Luhn.isValid, label: v)
        }
    }

    func testLuhnMissesExactlyThe09Transposition() {
        // Exhaustive over every adjacent pair inside a 6-digit number: only 09 <-> 90 slips through.
        for a in 0 ... 9 {
            for b in 0 ... 9 where a != b {
                let payload = ascii("31\(a)\(b)4")
                let valid = payload + [Luhn.checkDigit(for: payload)!]
                var swapped = valid
                swapped.swapAt(2, 3)
                let undetected = Luhn.isValid(swapped)
                XCTAssertEqual(undetected, (a == 0 && b == 9) || (a == 9 && b == 0), "\(a)\(b)")
            }
        }
        for v in luhnValid {
            for m in adjacentTranspositions(of: ascii(v)) {
                let pair = Set([v.utf8[v.utf8.index(v.utf8.startIndex, offsetBy: m.position)],
                                v.utf8[v.utf8.index(v.utf8.startIndex, offsetBy: m.position + 1)]])
                XCTAssertEqual(Luhn.isValid(m.mutated), pair == Set(ascii("09")), "\(v) at \(m.position)")
            }
        }
    }

    func testLuhnModNMatchesLuhnForDigitsAndHexVector() {
        let decimal = LuhnModN(alphabet: Alphabet.digits)!
        var rng = SplitMix64(state: 7)
        for _ in 0 ..< 500 {
            let payload = (0 ..< Int.random(in: 1 ... 20, using: &rng)).map { _ in Alphabet.digits.randomElement(using: &rng)! }
            XCTAssertEqual(decimal.checkCharacter(for: payload), Luhn.checkDigit(for: payload))
            let full = payload + [decimal.checkCharacter(for: payload)!]
            XCTAssertEqual(decimal.isValid(full), Luhn.isValid(full))
        }
        // MEID AF 01 23 45 0A BC DE, check digit C (python-stdnum meid doctest, after 3GPP2 S.R0048).
        XCTAssertEqual(LuhnModN.hexadecimal.checkCharacter(for: ascii("AF0123450ABCDE")), UInt8(ascii: "C"))
        XCTAssertTrue(LuhnModN.hexadecimal.isValid(ascii("AF0123450ABCDEC")))
        XCTAssertFalse(LuhnModN.hexadecimal.isValid(ascii("AF0123450ABCDED")))
        XCTAssertFalse(LuhnModN.hexadecimal.isValid(ascii("af0123450abcdec")))  // alphabet is upper case
        XCTAssertNil(LuhnModN(alphabet: ascii("AA")))
        XCTAssertNil(LuhnModN(alphabet: ascii("A")))
    }

    func testLuhnModNDetectsEverySubstitution() {
        for alphabet in [LuhnModN.hexadecimal, LuhnModN.alphanumeric] {
            let payload = ascii("AF0123450ABCDE")
            let valid = payload + [alphabet.checkCharacter(for: payload)!]
            XCTAssertTrue(alphabet.isValid(valid))
            assertAllRejected(singleSubstitutions(of: valid) { _ in alphabet.alphabet }, by: alphabet.isValid, label: "mod \(alphabet.alphabet.count)")
        }
    }

    // Wikipedia "Verhoeff algorithm": 236 -> 3; Rosetta Code "Verhoeff algorithm": 12345 -> 1, 123456789012 -> 0.
    let verhoeffValid = ["2363", "123451", "1234567890120"]

    func testVerhoeff() {
        XCTAssertEqual(Verhoeff.checkDigit(for: ascii("236")), UInt8(ascii: "3"))
        XCTAssertEqual(Verhoeff.checkDigit(for: ascii("12345")), UInt8(ascii: "1"))
        for v in verhoeffValid {
            let bytes = ascii(v)
            XCTAssertTrue(Verhoeff.isValid(bytes), v)
            assertAllRejected(singleSubstitutions(of: bytes) { _ in Alphabet.digits }, by: Verhoeff.isValid, label: v)
            assertAllRejected(adjacentTranspositions(of: bytes), by: Verhoeff.isValid, label: v)
        }
        XCTAssertFalse(Verhoeff.isValid(ascii("2364")))
        XCTAssertFalse(Verhoeff.isValid([]))
        XCTAssertFalse(Verhoeff.isValid(ascii("23a3")))
    }

    // Wikipedia "Damm algorithm": 572 -> 4.
    func testDamm() {
        XCTAssertEqual(Damm.checkDigit(for: ascii("572")), UInt8(ascii: "4"))
        var rng = SplitMix64(state: 11)
        var vectors = ["5724"]
        for _ in 0 ..< 20 {
            let payload = (0 ..< 9).map { _ in Alphabet.digits.randomElement(using: &rng)! }
            vectors.append(String(decoding: payload + [Damm.checkDigit(for: payload)!], as: UTF8.self))
        }
        for v in vectors {
            let bytes = ascii(v)
            XCTAssertTrue(Damm.isValid(bytes), v)
            assertAllRejected(singleSubstitutions(of: bytes) { _ in Alphabet.digits }, by: Damm.isValid, label: v)
            assertAllRejected(adjacentTranspositions(of: bytes), by: Damm.isValid, label: v)
        }
        XCTAssertFalse(Damm.isValid(ascii("5723")))
        XCTAssertFalse(Damm.isValid(ascii("4")))
    }
}
