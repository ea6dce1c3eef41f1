import XCTest

@testable import BlackbarValidators

/// WeightedSum, ModAlphabet (mod 23 / mod 31) and DecimalRemainder (mod 89).
final class WeightedSumTests: XCTestCase {
    // ISBN-10 0-306-40615-2 (Wikipedia "ISBN" worked example) and 0-8044-2957-X (Wikipedia
    // "ISBN", check digit X). ISBN-10 weights 10..2 are distinct modulo 11.
    func testISBN10DetectsSubstitutionsAndTranspositions() {
        let isbn = WeightedSum.isbn10
        XCTAssertEqual(isbn.checkCharacter(for: ascii("030640615")), UInt8(ascii: "2"))
        XCTAssertEqual(isbn.checkCharacter(for: ascii("080442957")), UInt8(ascii: "X"))
        for v in ["0306406152", "080442957X"] {
            let bytes = ascii(v)
            XCTAssertTrue(isbn.isValid(bytes), v)
            let subs = singleSubstitutions(of: bytes) { i in i == 9 ? Alphabet.digits + ascii("X") : Alphabet.digits }
            assertAllRejected(subs, by: isbn.isValid, label: v)
            assertAllRejected(adjacentTranspositions(of: bytes), by: isbn.isValid, label: v)
        }
        XCTAssertFalse(isbn.isValid(ascii("030640615X")))
    }

    // EAN-13 4006381333931 and UPC-A 036000291452 (Wikipedia "International Article Number",
    // "Universal Product Code"); GTIN weights 3,1 from the right.
    func testGTIN() {
        let gtin = WeightedSum.gtin
        for v in ["4006381333931", "036000291452", "96385074"] {
            let bytes = ascii(v)
            XCTAssertTrue(gtin.isValid(bytes), v)
            assertAllRejected(singleSubstitutions(of: bytes) { _ in Alphabet.digits }, by: gtin.isValid, label: v)
        }
        XCTAssertFalse(gtin.isValid(ascii("4006381333932")))
    }

    func testVariants() {
        // ISSN 0378-5955 (Wikipedia "ISSN"): weights 8..2, 11 - r, 10 -> X.
        let issn = WeightedSum(weights: [8, 7, 6, 5, 4, 3, 2], modulus: 11, rule: .complement, ten: .letterX)
        XCTAssertTrue(issn.isValid(ascii("03785955")))
        // Remainder rule: 1*1 + 2*2 + 3*3 = 14, 14 mod 11 = 3.
        let remainder = WeightedSum(weights: [1, 2, 3], modulus: 11, rule: .remainder)
        XCTAssertEqual(remainder.checkCharacter(for: ascii("123")), UInt8(ascii: "3"))
        // r == 10 with `.invalid`: no check character exists. 1*1 + 9*1 = 10.
        let strict = WeightedSum(weights: [1], modulus: 11, rule: .remainder, ten: .invalid)
        XCTAssertNil(strict.checkCharacter(for: ascii("19")))
        XCTAssertFalse(strict.isValid(ascii("19X")))
        XCTAssertFalse(strict.isValid(ascii("190")))
        let zero = WeightedSum(weights: [1], modulus: 11, rule: .remainder, ten: .zero)
        XCTAssertTrue(zero.isValid(ascii("190")))
        // Complement with r == 0 gives 11, mapped to 0 by default. 1*2 + 9*1 = 11.
        let complement = WeightedSum(weights: [2, 1], modulus: 11, rule: .complement)
        XCTAssertEqual(complement.checkCharacter(for: ascii("19")), UInt8(ascii: "0"))
        // Alphanumeric values: A=10 -> 10*1 = 10 mod 11 = 10, 11 - 10 = 1.
        let alnum = WeightedSum(weights: [1], modulus: 11, rule: .complement, values: .alphanumeric)
        XCTAssertEqual(alnum.checkCharacter(for: ascii("A")), UInt8(ascii: "1"))
        // Right alignment: the first weight is next to the check digit.
        let right = WeightedSum(weights: [3, 1], modulus: 10, rule: .complement, ten: .zero, alignment: .right)
        XCTAssertEqual(right.remainder(of: ascii("12")[...]), (1 * 1 + 2 * 3) % 10)
        // Degenerate parameters never trap.
        let silly = WeightedSum(weights: [], modulus: 0, rule: .remainder)
        XCTAssertEqual(silly.modulus, 10)
        XCTAssertFalse(silly.isValid([]))
        XCTAssertFalse(issn.isValid(ascii("0378595?")))
    }

    // Spanish DNI 12345678Z (Ministerio del Interior algorithm; 12345678 mod 23 = 14 -> Z);
    // Finnish HETU 131052-308T (Wikipedia "Personal identity code (Finland)": 131052308 mod 31 -> T).
    func testModAlphabet() {
        XCTAssertTrue(ModAlphabet.mod23.isValid(ascii("12345678Z")))
        XCTAssertEqual(ModAlphabet.mod23.checkCharacter(forNumber: ascii("12345678")), UInt8(ascii: "Z"))
        XCTAssertTrue(ModAlphabet.mod23.isValid(ascii("01234567L")))  // NIE X1234567L with X -> 0
        XCTAssertFalse(ModAlphabet.mod23.isValid(ascii("12345678A")))
        XCTAssertTrue(ModAlphabet.mod31.isValid(ascii("131052308T")))
        XCTAssertFalse(ModAlphabet.mod31.isValid(ascii("131052309T")))
        XCTAssertFalse(ModAlphabet.mod23.isValid(ascii("1234567AZ")))
        XCTAssertFalse(ModAlphabet.mod23.isValid(ascii("Z")))
        XCTAssertNil(ModAlphabet(alphabet: ascii("A")))
        // Every single-digit substitution in the number changes the remainder (10^k is a unit mod 23 and 31).
        let dni = ascii("12345678Z")
        assertAllRejected(singleSubstitutions(of: dni, positions: Array(0 ..< 8)) { _ in Alphabet.digits },
                          by: ModAlphabet.mod23.isValid, label: "DNI")
    }

    func testDecimalRemainderMod89() {
        // Synthetic: 1234567 mod 89 = 1234567 - 89 * 13871 = 48.
        XCTAssertEqual(DecimalRemainder.remainder(ascii("1234567")[...], modulus: 89), 48)
        XCTAssertTrue(DecimalRemainder.isValidMod89(ascii("123456748")))
        XCTAssertFalse(DecimalRemainder.isValidMod89(ascii("123456749")))
        XCTAssertEqual(DecimalRemainder.checkDigits(for: ascii("89"), modulus: 89, checkLength: 2), ascii("00"))
        XCTAssertEqual(DecimalRemainder.checkDigits(for: ascii("1"), modulus: 97, checkLength: 2, complement: true), ascii("96"))
        XCTAssertNil(DecimalRemainder.checkDigits(for: ascii("999"), modulus: 1000, checkLength: 2))
        XCTAssertNil(DecimalRemainder.remainder(ascii("12a")[...], modulus: 89))
        XCTAssertNil(DecimalRemainder.remainder(ascii("12")[...], modulus: 0))
        XCTAssertFalse(DecimalRemainder.isValidMod89(ascii("48")))
    }
}
