import XCTest

@testable import BlackbarValidators

/// IBAN: registry formats and MOD 97-10.
final class IBANTests: XCTestCase {
    /// The example IBAN of every country in the SWIFT IBAN Registry (release 102), electronic format.
    static let registryExamples = [
        "AD1200012030200359100100", "AE070331234567890123456", "AL47212110090000000235698741",
        "AT611904300234573201", "AZ21NABZ00000000137010001944", "BA391290079401028494", "BE68539007547034",
        "BG80BNBG96611020345678", "BH67BMAG00001299123456", "BI4210000100010000332045181",
        "BR1800360305000010009795493C1", "BY13NBRB3600900000002Z00AB00", "CH9300762011623852957",
        "CR05015202001026284066", "CY17002001280000001200527600", "CZ6508000000192000145399",
        "DE89370400440532013000", "DJ2100010000000154000100186", "DK5000400440116243",
        "DO28BAGR00000001212453611324", "EE382200221020145685", "EG380019000500000000263180002",
        "ES9121000418450200051332", "FI2112345600000785", "FK88SC123456789012", "FO6264600001631634",
        "FR1420041010050500013M02606", "GB29NWBK60161331926819", "GE29NB0000000101904917", "GI75NWBK000000007099453",
        "GL8964710001000206", "GR1601101250000000012300695", "GT82TRAJ01020000001210029690",
        "HN88CABF00000000000250005469", "HR1210010051863000160", "HU42117730161111101800000000",
        "IE29AIBK93115212345678", "IL620108000000099999999", "IQ98NBIQ850123456789012", "IS140159260076545510730339",
        "IT60X0542811101000000123456", "JO94CBJO0010000000000131000302", "KW81CBKU0000000000001234560101",
        "KZ86125KZT5004100100", "LB62099900000001001901229114", "LC55HEMM000100010012001200023015",
        "LI21088100002324013AA", "LT121000011101001000", "LU280019400644750000", "LV80BANK0000435195001",
        "LY83002048000020100120361", "MC5811222000010123456789030", "MD24AG000225100013104168",
        "ME25505000012345678951", "MK07250120000058984", "MN121234123456789123", "MR1300020001010000123456753",
        "MT84MALT011000012345MTLCAST001S", "MU17BOMM0101101030300200000MUR", "NI45BAPR00000013000003558124",
        "NL91ABNA0417164300", "NO9386011117947", "OM810180000001299123456", "PK36SCBL0000001123456702",
        "PL61109010140000071219812874", "PS92PALS000000000400123456702", "PT50000201231234567890154",
        "QA58DOHB00001234567890ABCDEFG", "RO49AAAA1B31007593840000", "RS35260005601001611379",
        "RU0304452522540817810538091310419", "SA0380000000608010167519", "SC18SSCB11010000000000001497USD",
        "SD2129010501234001", "SE4550000000058398257466", "SI56263300012039086", "SK3112000000198742637541",
        "SM86U0322509800000000270100", "SO211000001001000100141", "ST68000100010051845310112",
        "SV62CENR00000000000000700025", "TL380080012345678910157", "TN5910006035183598478831",
        "TR330006100519786457841326", "UA213223130000026007233566001", "VA59001123000012345678",
        "VG96VPVG0000012345678901", "XK051212012345678906", "YE15CBYE0001018861234567891234"
    ]

    func testEveryRegistryExampleIsValid() {
        XCTAssertEqual(Self.registryExamples.count, 89)
        XCTAssertEqual(Set(Self.registryExamples.map { String($0.prefix(2)) }), Set(IBAN.countryCodes))
        for example in Self.registryExamples {
            XCTAssertTrue(IBAN.isValid(ascii(example)), example)
            XCTAssertEqual(IBAN.length(forCountry: ascii(String(example.prefix(2)))), example.count, example)
            let country = ascii(String(example.prefix(2))), bban = Array(ascii(example).dropFirst(4))
            XCTAssertEqual(IBAN.checkDigits(country: country, bban: bban), Array(ascii(example)[2 ..< 4]), example)
        }
    }

    func testSameClassSubstitutionsFail() {
        for example in Self.registryExamples {
            let bytes = ascii(example)
            let subs = singleSubstitutions(of: bytes) { i in ASCII.digit(bytes[i]) != nil ? Alphabet.digits : Alphabet.upper }
            assertAllRejected(subs, by: IBAN.isValid, label: example)
            let swaps = adjacentTranspositions(of: bytes) { ASCII.digit($0) != nil && ASCII.digit($1) != nil }
            assertAllRejected(swaps, by: IBAN.isValid, label: example)
        }
    }

    func testRejections() {
        let rejected = [
            "DE89370400440532013001",  // checksum
            "DE8937040044053201300",  // length
            "DE893704004405320130000",  // length
            "XX89370400440532013000",  // unknown country
            "US64SVBKUS6S3300958879",  // no IBAN in the US
            "DE89A70400440532013000",  // DE BBAN is all digits
            "de89370400440532013000",  // lower case
            "GB29 NWBK 6016 1331 9268 19",  // spaces
            "GB29NWBK6016133192681!",
            "", "DE", "DE89",
        ]
        for v in rejected { XCTAssertFalse(IBAN.isValid(ascii(v)), v) }
        XCTAssertNil(IBAN.length(forCountry: ascii("US")))
        XCTAssertNil(IBAN.length(forCountry: ascii("D")))
    }

    /// Check digits 00, 01 and 99 are never issued (ISO 13616) even when they satisfy mod 97.
    func testReservedCheckDigits() {
        // GB..: the mod-97 aliases of 98 and 97 are 01 and 00; of 02 is 99.
        func withCheck(_ iban: String, _ check: String) -> [UInt8] { ascii(String(iban.prefix(2)) + check + String(iban.dropFirst(4))) }
        for example in Self.registryExamples {
            let check = Int(example.dropFirst(2).prefix(2))!
            let alias: String? = check == 98 ? "01" : check == 97 ? "00" : check == 2 ? "99" : nil
            if let alias { XCTAssertFalse(IBAN.isValid(withCheck(example, alias)), example) }
        }
        // Build one: find a BBAN whose check digits are 98, then try 01.
        for n in 0 ..< 500 {
            let digits = String(n)
            let bban = ascii("NWBK601613" + String(repeating: "0", count: 8 - digits.count) + digits)
            guard IBAN.checkDigits(country: ascii("GB"), bban: bban) == ascii("98") else { continue }
            XCTAssertTrue(IBAN.isValid(ascii("GB98") + bban))
            XCTAssertFalse(IBAN.isValid(ascii("GB01") + bban))
            return
        }
        XCTFail("no BBAN with check digits 98 found")
    }
}
