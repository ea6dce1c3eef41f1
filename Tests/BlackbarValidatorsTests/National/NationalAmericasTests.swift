import XCTest
import BlackbarValidators

/// United States, Canada, Brazil, Mexico, Argentina, Chile.
///
/// Synthetic vectors were generated from the published algorithms (cross-checked with
/// python-stdnum where it covers the ID) and belong to no one.
final class NationalAmericasTests: XCTestCase {
    func testUSITIN() {
        // python-stdnum us.itin doctest: 912-90-3456.
        assertValid("us-itin", ["912903456", "900501234", "965651234", "970701234", "988881234", "992921234", "999991234"])
        assertInvalid("us-itin", [
            "123456789",  // does not start with 9
            "912933456",  // group 93
            "912663456", "912693456", "912893456", "912493456", "912003456",
            "91290345", "9129034567", "91290345A",
        ])
    }

    func testUSEIN() {
        // python-stdnum us.ein doctest: 91-1144442 valid, 07-1144442 wrong prefix.
        assertValid("us-ein", ["911144442", "011234567", "161234567", "311234567", "481234567", "681234567", "771234567", "951234567", "981234567"])
        assertInvalid("us-ein", ["071144442", "001234567", "081234567", "091234567", "171234567", "191234567", "281234567",
                                 "291234567", "491234567", "691234567", "701234567", "781234567", "791234567", "891234567",
                                 "961234567", "971234567", "91114444", "9111444421"])
    }

    func testUSNPI() {
        // CMS "Requirements for the NPI check digit" worked example: 1234567893.
        let cited = ["1234567893", "808401234567893"]
        let synthetic = ["2887193938", "1524097973", "1488321328"]
        assertValid("us-npi", cited + synthetic)
        assertInvalid("us-npi", ["1234567890", "808411234567893", "123456789", "12345678931"])
        for v in ["1234567893"] + synthetic {
            assertSubstitutionsFail("us-npi", v)
            assertTranspositionsFail("us-npi", v, skip: luhnBlindSpot)
        }
    }

    func testUSABARouting() {
        // Federal Reserve Bank of Boston (011000015) and the python-stdnum us.rtn doctest (111000025).
        let cited = ["011000015", "111000025"]
        let synthetic = ["050624342", "268471426", "634771983", "809773596"]
        assertValid("us-aba-routing", cited + synthetic)
        assertInvalid("us-aba-routing", ["112000025", "11100002", "131000021" /* prefix 13 */, "411000025" /* prefix 41 */])
        for v in cited + synthetic { assertSubstitutionsFail("us-aba-routing", v) }
    }

    func testUSMBI() {
        // CMS "Understanding the Medicare Beneficiary Identifier (MBI) format": 1EG4-TE5-MK73.
        assertValid("us-mbi", ["1EG4TE5MK73", "9AA0AA0AA00", "5X99Y09YY99"])
        assertInvalid("us-mbi", [
            "0EG4TE5MK73",  // position 1 must be 1-9
            "1SG4TE5MK73", "1LG4TE5MK73", "1OG4TE5MK73", "1IG4TE5MK73", "1BG4TE5MK73", "1ZG4TE5MK73",
            "11G4TE5MK73",  // position 2 must be a letter
            "1EGATE5MK73",  // position 4 must be a digit
            "1EG4TE5M173",  // position 9 must be a letter
            "1EG4TE5MK7A",  // position 11 must be a digit
            "1EG4TE5MK7", "1EG4TE5MK733", "1eg4te5mk73",
        ])
    }

    func testCASIN() {
        // python-stdnum ca.sin doctest: 123-456-782. Wikipedia's worked Luhn example 046 454 286
        // passes Luhn but starts with 0, which is never issued.
        let synthetic = ["158778332", "279667760", "505507319", "915037683"]
        assertValid("ca-sin", ["123456782"] + synthetic)
        assertInvalid("ca-sin", ["046454286", "823456785", "999999999", "12345678Z", "12345678", "1234567822"])
        for v in ["123456782"] + synthetic {
            assertSubstitutionsFail("ca-sin", v)
            assertTranspositionsFail("ca-sin", v, skip: luhnBlindSpot)
        }
    }

    func testBRCPF() {
        // python-stdnum br.cpf doctest: 390.533.447-05.
        assertValid("br-cpf", ["39053344705", "61019655038", "07947879915"])
        assertInvalid("br-cpf", ["23100299900", "39053344706", "39053344715", "00000000000", "11111111111", "99999999999", "3905334470"])
        for v in ["39053344705", "61019655038", "07947879915"] { assertSubstitutionsFail("br-cpf", v, positions: [9, 10]) }
    }

    func testBRCNPJ() {
        // python-stdnum br.cnpj doctests: 16.727.230/0001-97 and the alphanumeric 12.ABC.345/01DE-35.
        let cited = ["16727230000197", "12ABC34501DE35"]
        let synthetic = ["98881108000135", "95663011000168", "AB1CD2EF000170"]
        assertValid("br-cnpj", cited + synthetic)
        assertInvalid("br-cnpj", ["16727230000198", "00000000000000", "11111111111111", "12ABC34501DE3A", "1672723000019", "16727230000197A"])
        for v in cited + synthetic { assertSubstitutionsFail("br-cnpj", v, positions: [12, 13]) }
    }

    func testMXCURP() {
        // python-stdnum mx.curp doctest: BOXW310820HNERXN09.
        let synthetic = ["PEGJ800101HDFRRN03", "LOMA040229MJCPRNA8"]
        assertValid("mx-curp", ["BOXW310820HNERXN09"] + synthetic)
        assertInvalid("mx-curp", [
            "BOXW310820HNERXN08",  // check digit
            "LOMA000229MJCPRN00",  // 29 Feb 1900 (digit differentiator means 19xx)
            "PEGJ800101HXXRRN02",  // unknown state code
            "PEGJ801301HDFRRN03", "PEGJ800132HDFRRN03",  // month 13, day 32
            "PEGJ800101QDFRRN03",  // sex letter
            "LOCA040229MJCPRNA8",  // inconvenient word LOCA (check digit right)
            "BOXW310820HNERXN0", "BOXW310820HNERXN091",
        ])
        for v in ["BOXW310820HNERXN09"] + synthetic { assertSubstitutionsFail("mx-curp", v, positions: [17]) }
    }

    func testMXRFC() {
        // python-stdnum mx.rfc doctests: GODE561231GR8 (person), MAB9307148T4 (company),
        // COMG600703 (person, no homoclave); SAT generic RFCs XAXX010101000 and XEXX010101000.
        let cited = ["GODE561231GR8", "MAB9307148T4", "COMG600703", "XAXX010101000", "XEXX010101000"]
        let synthetic = ["PEGJ800101AB6", "ABC040229H23", "P&G9512121A4", "PEÑA800101AB8"]
        assertValid("mx-rfc", cited + synthetic)
        assertInvalid("mx-rfc", [
            "VACE460910SX6",  // python-stdnum: wrong check digit
            "PEGJ800101WB3",  // homoclave cannot start with W (check digit right)
            "GODE561231GR9", "GODE561331GR8", "GODE560230GR8" /* 30 Feb */, "GOD1561231GR8",
            "GODE561231GR", "GODE561231G", "GODE56123", "GODE561231GR8X",
        ])
        for v in ["GODE561231GR8", "PEGJ800101AB6"] { assertSubstitutionsFail("mx-rfc", v, positions: [4, 5, 6, 7, 8, 9, 12]) }
    }

    func testARCUIT() {
        // python-stdnum ar.cuit doctest: 20-05536168-2 valid, 20267565392 invalid.
        let synthetic = ["20002615259", "27687775347", "30873726896"]
        assertValid("ar-cuit", ["20055361682"] + synthetic)
        assertInvalid("ar-cuit", ["20267565392", "21055361682" /* prefix 21 */, "2005536168", "200553616820"])
        for v in ["20055361682"] + synthetic {
            assertSubstitutionsFail("ar-cuit", v)
            assertTranspositionsFail("ar-cuit", v, range: 0..<10)
        }
    }

    func testCLRUT() {
        // python-stdnum cl.rut doctests: 76086428-5 and 12531909-2.
        let synthetic = ["85919040", "350532560", "87626580K"]
        assertValid("cl-rut", ["760864285", "125319092"] + synthetic)
        assertInvalid("cl-rut", ["125319093", "76086A285", "87626580A", "876265800", "12345", "1234567890"])
        for v in ["760864285", "125319092"] + synthetic { assertSubstitutionsFail("cl-rut", v) }
    }
}
