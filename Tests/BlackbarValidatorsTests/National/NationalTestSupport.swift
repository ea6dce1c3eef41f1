import XCTest
import BlackbarValidators

/// Every validator name the national identity group registers.
let nationalValidatorNames = [
    "us-itin", "us-ein", "us-npi", "us-aba-routing", "us-mbi", "ca-sin",
    "gb-nino", "gb-nhs", "gb-utr", "ie-pps",
    "de-tax-id", "de-svnr", "de-id-card", "de-passport", "de-kvnr", "de-vat", "eu-vat", "at-svnr", "ch-ahv",
    "fr-nir", "fr-siren", "fr-siret", "be-national-number", "nl-bsn", "lu-national-id",
    "es-dni", "es-nie", "es-nss", "pt-nif", "it-codice-fiscale", "it-partita-iva",
    "pl-pesel", "pl-nip", "pl-regon", "cz-birth-number",
    "se-personnummer", "dk-cpr", "no-fodselsnummer", "fi-hetu",
    "br-cpf", "br-cnpj", "mx-curp", "mx-rfc", "ar-cuit", "cl-rut",
    "in-aadhaar", "in-pan", "in-gstin", "in-voter-id", "cn-resident-id", "jp-my-number", "kr-rrn", "sg-nric",
    "au-tfn", "au-medicare", "au-abn", "nz-ird", "za-id", "tr-tckn", "il-teudat-zehut",
]

/// Runs the named validator over the UTF-8 bytes of `value`.
func nationalOutcome(_ name: String, _ value: String, file: StaticString = #filePath, line: UInt = #line) -> ValidatorOutcome? {
    guard let validator = Validators.named(name) else {
        XCTFail("validator \(name) is not registered", file: file, line: line)
        return nil
    }
    return validator.check(Array(value.utf8))
}

/// Asserts every value is `.valid` for the named validator.
func assertValid(_ name: String, _ values: [String], file: StaticString = #filePath, line: UInt = #line) {
    for value in values {
        XCTAssertEqual(nationalOutcome(name, value, file: file, line: line), .valid, "\(name) should accept \(value)", file: file, line: line)
    }
}

/// Asserts every value is `.invalid` for the named validator.
func assertInvalid(_ name: String, _ values: [String], file: StaticString = #filePath, line: UInt = #line) {
    for value in values {
        XCTAssertEqual(nationalOutcome(name, value, file: file, line: line), .invalid, "\(name) should reject \(value)", file: file, line: line)
    }
}

/// Asserts that every single-character substitution at `positions` (default: all) is rejected.
/// Digits are replaced by every other digit and letters by every other letter.
func assertSubstitutionsFail(
    _ name: String, _ value: String, positions: [Int]? = nil, file: StaticString = #filePath, line: UInt = #line
) {
    let bytes = Array(value.utf8)
    XCTAssertEqual(nationalOutcome(name, value, file: file, line: line), .valid, "\(name) base \(value)", file: file, line: line)
    for i in positions ?? Array(bytes.indices) {
        let original = bytes[i]
        let alphabet: [UInt8]
        switch original {
        case 0x30...0x39: alphabet = Array(0x30...0x39)
        case 0x41...0x5A: alphabet = Array(0x41...0x5A)
        default: continue
        }
        for replacement in alphabet where replacement != original {
            var mutated = bytes
            mutated[i] = replacement
            let text = String(decoding: mutated, as: UTF8.self)
            XCTAssertEqual(nationalOutcome(name, text, file: file, line: line), .invalid,
                           "\(name) should reject substitution \(text) of \(value)", file: file, line: line)
        }
    }
}

/// Asserts that swapping any two adjacent, different characters within `range` (default: all)
/// is rejected, except for pairs `skip` returns true for (such as 0/9 under Luhn).
func assertTranspositionsFail(
    _ name: String, _ value: String, range: Range<Int>? = nil, skip: (UInt8, UInt8) -> Bool = { _, _ in false },
    file: StaticString = #filePath, line: UInt = #line
) {
    let bytes = Array(value.utf8)
    let r = range ?? 0..<bytes.count
    for i in r.lowerBound..<(r.upperBound - 1) where bytes[i] != bytes[i + 1] && !skip(bytes[i], bytes[i + 1]) {
        var mutated = bytes
        mutated.swapAt(i, i + 1)
        let text = String(decoding: mutated, as: UTF8.self)
        XCTAssertEqual(nationalOutcome(name, text, file: file, line: line), .invalid,
                       "\(name) should reject transposition \(text) of \(value)", file: file, line: line)
    }
}

/// Luhn cannot see a 0/9 swap.
func luhnBlindSpot(_ a: UInt8, _ b: UInt8) -> Bool { (a == 0x30 && b == 0x39) || (a == 0x39 && b == 0x30) }

/// A small deterministic generator (SplitMix64) for the garbage tests.
struct NationalTestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Cross-cutting checks over every national validator.
final class NationalCommonTests: XCTestCase {
    func testAllNamesRegisteredWithSummaries() {
        for name in nationalValidatorNames {
            guard let v = Validators.named(name) else { XCTFail("\(name) missing"); continue }
            XCTAssertEqual(v.name, name)
            XCTAssertFalse(v.summary.isEmpty, name)
            XCTAssertFalse(v.summary.contains("\n"), name)
        }
    }

    func testEmptyAndShortInputsAreInvalid() {
        for name in nationalValidatorNames {
            XCTAssertEqual(Validators.named(name)?.check([]), .invalid, name)
            XCTAssertEqual(Validators.named(name)?.check([0x31]), .invalid, name)
        }
    }

    /// Random bytes, random digit strings and random upper-case alphanumeric strings of every
    /// length up to 40 must never trap; almost all must be invalid.
    func testGarbageNeverCrashes() {
        var rng = NationalTestRandom(state: 0x5EED)
        let digits = Array("0123456789".utf8)
        let alnum = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for name in nationalValidatorNames {
            guard let v = Validators.named(name) else { XCTFail(name); continue }
            for length in 0...40 {
                for _ in 0..<40 {
                    let raw = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                    let num = (0..<length).map { _ in digits[rng.below(digits.count)] }
                    let an = (0..<length).map { _ in alnum[rng.below(alnum.count)] }
                    _ = v.check(raw)
                    _ = v.check(num)
                    _ = v.check(an)
                }
            }
            // Extremes: all 9s, all Z, all 0xFF, embedded NULs, and a long input.
            for length in [1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 100] {
                _ = v.check([UInt8](repeating: 0x39, count: length))
                _ = v.check([UInt8](repeating: 0x5A, count: length))
                _ = v.check([UInt8](repeating: 0xFF, count: length))
                _ = v.check([UInt8](repeating: 0x00, count: length))
            }
        }
    }

    /// Inputs with a lower-case letter, a separator or a non-ASCII byte where the normalized
    /// form has an upper-case letter or digit are invalid.
    func testUnnormalizedBytesAreInvalid() {
        assertInvalid("es-dni", ["12345678z", "1234-5678Z", "12345678Z "])
        assertInvalid("gb-nino", ["ab123456c", "AB 12 34 56 C"])
        assertInvalid("de-tax-id", ["86 095 742 719", "8609574271\u{0661}"])
        assertInvalid("it-codice-fiscale", ["rssmra80a01h501u"])
    }
}
