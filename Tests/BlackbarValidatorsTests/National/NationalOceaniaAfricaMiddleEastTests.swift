import XCTest
import BlackbarValidators

/// Australia, New Zealand, South Africa, Turkey, Israel.
final class NationalOceaniaAfricaMiddleEastTests: XCTestCase {
    func testAUTFN() {
        // ATO-published worked example 123 456 782; python-stdnum au.tfn doctest 876 543 210.
        let values = ["123456782", "876543210", "013287727", "497183374"]
        assertValid("au-tfn", values + ["81181112"])
        assertInvalid("au-tfn", ["999999999", "123456783", "000000000", "1234567", "1234567820"])
        for v in values {
            assertSubstitutionsFail("au-tfn", v)
            assertTranspositionsFail("au-tfn", v)
        }
    }

    func testAUMedicare() {
        // Services Australia developer test card 2123 45670 1; synthetic others.
        let values = ["2123456701", "2845644051", "28456440523", "6012168971", "60121689723"]
        assertValid("au-medicare", values)
        assertInvalid("au-medicare", ["2123456711", "1123456701", "7123456701", "212345670", "212345670123"])
        for v in values { assertSubstitutionsFail("au-medicare", v, positions: Array(0...8)) }
    }

    func testAUABN() {
        // ABR "Format of the ABN" example 51 824 753 556; python-stdnum au.abn doctest 83 914 571 673.
        let values = ["51824753556", "83914571673", "25917107744", "51314954519"]
        assertValid("au-abn", values)
        assertInvalid("au-abn", ["99999999999", "51824753557", "01824753556", "5182475355", "518247535560"])
        for v in values {
            assertSubstitutionsFail("au-abn", v)
            assertTranspositionsFail("au-abn", v)
        }
    }

    func testNZIRD() {
        // Inland Revenue IRD validation examples 49091850, 35901981, 49098576, 136410132
        // (secondary weights); python-stdnum nz.ird doctests.
        let values = ["49091850", "35901981", "49098576", "136410132", "12345674", "104567894", "116108648"]
        assertValid("nz-ird", values)
        assertInvalid("nz-ird", ["136410133", "9125568", "49091851", "9999999", "150000008", "1234567890"])
        for v in values { assertSubstitutionsFail("nz-ird", v, positions: [v.utf8.count - 1]) }
    }

    func testZAID() {
        // python-stdnum za.idnr doctest 7503305044089; synthetic 1980, 29 Feb 2000, 31 Dec 1999.
        let values = ["7503305044089", "8001015009087", "0002290123088", "9912311234188"]
        assertValid("za-id", values)
        assertInvalid("za-id", [
            "8503305044089",
            "8001015009384",  // citizenship digit 3 (Luhn right)
            "8002305009084",  // 30 Feb (Luhn right)
            "750330504408", "75033050440890",
        ])
        for v in values {
            assertSubstitutionsFail("za-id", v)
            assertTranspositionsFail("za-id", v, skip: luhnBlindSpot)
        }
    }

    func testTRTCKN() {
        // The commonly published sample 10000000146; python-stdnum tr.tckimlik doctest 17291716060.
        let values = ["10000000146", "17291716060", "78329470606", "91225650774"]
        assertValid("tr-tckn", values)
        assertInvalid("tr-tckn", ["17291716050", "1729171606", "07291716092", "172917160600"])
        for v in values { assertSubstitutionsFail("tr-tckn", v) }
    }

    func testILTeudatZehut() {
        // python-stdnum il.idnr doctest 3933742-3 (039337423); the classic example 123456782.
        let values = ["039337423", "39337423", "123456782", "226857282", "94162518"]
        assertValid("il-teudat-zehut", values)
        assertInvalid("il-teudat-zehut", ["039337422", "000000000", "490154203237518", "1234", "1234567890"])
        for v in ["039337423", "123456782", "226857282"] {
            assertSubstitutionsFail("il-teudat-zehut", v)
            assertTranspositionsFail("il-teudat-zehut", v, skip: luhnBlindSpot)
        }
    }
}
