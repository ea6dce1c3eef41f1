import XCTest

@testable import BlackbarValidators

/// The `checksumValidators` table and robustness of every registered validator.
final class ChecksumRegistryTests: XCTestCase {
    static let names = [
        "luhn", "verhoeff", "damm", "iso7064-mod97-10", "iso7064-mod11-10", "iso7064-mod11-2", "iso7064-mod37-2",
        "iso7064-mod37-36", "icao-check-digit", "mrz-td1", "mrz-td2", "mrz-td3", "vin", "credit-card", "iban", "us-ssn",
        "imei", "meid", "iccid", "bitcoin-address", "ethereum-address",
    ]

    func testEveryNameIsRegisteredOnceWithASummary() {
        XCTAssertEqual(checksumValidators.map(\.name).sorted(), Self.names.sorted())
        for name in Self.names {
            guard let validator = Validators.named(name) else { return XCTFail("missing \(name)") }
            XCTAssertFalse(validator.summary.isEmpty, name)
            XCTAssertFalse(validator.summary.contains("\n"), name)
        }
    }

    /// One known-good candidate per validator, as a rule would hand it over after normalization.
    func testRegisteredValidatorsAcceptNormalizedSamples() {
        let samples: [String: String] = [
            "luhn": "79927398713", "verhoeff": "2363", "damm": "5724", "iso7064-mod97-10": "9999123456789012141490",
            "iso7064-mod11-10": "794623", "iso7064-mod11-2": "079X", "iso7064-mod37-2": "G123489654321Y",
            "iso7064-mod37-36": "A12425GABC1234002M", "icao-check-digit": "L898902C36",
            "mrz-td1": ICAOTests.td1, "mrz-td2": ICAOTests.td2, "mrz-td3": ICAOTests.td3,
            "vin": "1M8GDM9AXKP042788", "credit-card": "4111111111111111", "iban": "GB29NWBK60161331926819",
            "us-ssn": "123456789", "imei": "490154203237518", "meid": "AF0123450ABCDEC", "iccid": "89014103211118510720",
            "bitcoin-address": "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "ethereum-address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        ]
        for name in Self.names {
            XCTAssertEqual(Validators.named(name)?.check(ascii(samples[name]!)), .valid, name)
            XCTAssertEqual(Validators.named(name)?.check([]), .invalid, name)
        }
    }

    /// Thousands of random byte strings through every registered validator: none may trap, and
    /// the same bytes always give the same answer.
    func testRandomInputsNeverCrash() {
        var rng = SplitMix64(state: 0xB1AC_CBA2)
        let pools: [[UInt8]] = [
            Array(0 ... 255), Alphabet.digits, Alphabet.alphanumeric + ascii("<"),
            ascii("0123456789abcdefABCDEFx"), ascii("qpzry9x8gf2tvdw0s3jn54khce6mua7l1bcBC"),
        ]
        let validators = Array(Validators.all.values)
        for round in 0 ..< 4000 {
            let pool = pools[round % pools.count]
            let length = round % 10 == 0 ? Int.random(in: 0 ... 400, using: &rng) : Int.random(in: 0 ... 100, using: &rng)
            let bytes = (0 ..< length).map { _ in pool.randomElement(using: &rng)! }
            for validator in validators {
                XCTAssertEqual(validator.check(bytes), validator.check(bytes), validator.name)
            }
        }
        // Exact shapes the validators branch on, filled with junk.
        for length in [9, 14, 15, 16, 17, 18, 19, 20, 22, 40, 42, 44, 72, 88, 90] {
            for pool in pools {
                let bytes = (0 ..< length).map { _ in pool.randomElement(using: &rng)! }
                for validator in validators { _ = validator.check(bytes) }
            }
        }
    }
}
