import XCTest
import BlackbarValidators

/// `eu-vat`: one known-valid number per member state from a public source, the python-stdnum
/// doctests of each module (https://github.com/arthurdejong/python-stdnum, `stdnum/<cc>/*.py`,
/// e.g. at/uid.py `AT U13585627`), plus synthetic numbers whose check digits were computed.
final class EUVATTests: XCTestCase {
    /// python-stdnum doctest examples, one or more per country (module named in the comment).
    let cited = [
        "ATU13585627",  // at.uid
        "BE0428759497",  // be.vat ("BE 428759497", padded to 10 digits)
        "BG175074752",  // bg.vat, legal entity
        "CY10259033P",  // cy.vat
        "CZ25123891", "CZ7103192745", "CZ640903926",  // cz.dic: legal, RČ, special
        "DK13585628",  // dk.cvr
        "EE100594102",  // ee.kmkr
        "EL094259216",  // gr.vat
        "ESB64717838", "ES54362315K", "ESX5253868R",  // es.nif: CIF, DNI, NIE
        "FI20774740",  // fi.alv
        "FR23334175221", "FRK7399859412", "FR4Z123456782",  // fr.tva: numeric and both letter keys
        "HR33392005961",  // hr.oib
        "HU12892312",  // hu.anum
        "IE6433435F", "IE6433435OA", "IE8D79739I",  // ie.vat: pre-2013, 2013, old style
        "LT119511515", "LT100001919017", "LT100004801610",  // lt.pvm, incl. the second pass
        "LU15027442",  // lu.tva
        "LV40003521600", "LV16117519997", "LV32867300679",  // lv.pvn: legal, person, new person
        "MT11679112",  // mt.vat
        "NL004495445B01", "NL002455799B11",  // nl.btw: 11-proef and the 2020 mod 97 form
        "RO18547290",  // ro.cf
        "SE123456789701",  // se.vat
        "SI50223054",  // si.ddv
        "SK2022749619",  // sk.dph
        "XI980780684",  // gb.vat ("GB 980 7806 84")
    ]

    /// Synthetic numbers (check digits computed; the rule's examples), covering BG 10-digit
    /// EGN, CY, GB 9755, ES K/L/M-less DNI, RO short CUI.
    let synthetic = [
        "ATU12345675", "ESB12345674", "FR36345678908", "FRK9123456782", "NL123456782B01", "NL123456789B13",
        "BE0123456749", "IE1234567FA", "SE556123456701", "DK12345674", "SK2021234501", "CZ12345679",
        "ESX1234567L", "ES12345678Z", "EL123456783", "GR123456783", "FI12345671", "HU12345676", "RO1234565",
        "MT12345634", "EE123456780", "LV41234567891", "LT123456715", "SI12345679", "HR12345678903",
        "BG123456786", "BG7512312343", "CY32345678M", "LU12345613", "XI123456782", "XI123456727", "XI123456727123",
    ]

    func testCitedAndSyntheticNumbersPass() {
        assertValid("eu-vat", cited + synthetic)
    }

    /// One changed digit per country (each confirmed invalid by python-stdnum too).
    func testChangedDigitFails() {
        assertInvalid("eu-vat", [
            "ATU22345675", "ESB22345674", "FR36345678918", "FRK0123456782", "NL223456782B01", "BE1123456749",
            "IE2234567FA", "SE656123456701", "DK22345674", "SK3021234501", "CZ22345679", "ESX2234567L",
            "EL223456783", "FI22345671", "HU22345676", "RO2234565", "MT22345634", "EE223456780", "LV50003521600",
            "LT223456715", "SI22345679", "HR22345678903", "BG223456786", "BG8512312343", "CY42345678M",
            "LU22345613", "XI223456727",
        ])
    }

    func testShapeRules() {
        assertInvalid("eu-vat", [
            "CY12345678A",  // CY numbers never start 12
            "NL123456782B00",  // B00 is not issued
            "LT123456725",  // 8th digit of a 9-digit LT number must be 1
            "SE556123456702",  // must end 01
            "DK02345674", "MT02345634", "SI02345679", "RO0123456",  // no leading 0
            "US123456789", "AT12345675", "",
        ])
    }

    /// DE, IT, PL and PT are delegated to their national validators.
    func testDelegatedCountries() {
        assertValid("eu-vat", ["DE136695976", "IT00743110157", "PL8567346215", "PT501964843"])
        assertInvalid("eu-vat", ["DE136695977", "IT00743110158", "PL8567346216", "PT501964844"])
    }

    /// Most one-digit changes of a valid number must fail (CY's letter and mod-10 schemes let
    /// a few through; SK, NL, BG and GB accept two or three check schemes).
    func testMostSubstitutionsFail() {
        for value in cited + synthetic {
            let bytes = Array(value.utf8)
            var total = 0, passed = 0
            for i in 2..<bytes.count where ASCII.isDigit(bytes[i]) {
                for d in UInt8(ascii: "0")...UInt8(ascii: "9") where d != bytes[i] {
                    var m = bytes
                    m[i] = d
                    total += 1
                    if EUVAT.isValid(m) { passed += 1 }
                }
            }
            XCTAssertLessThan(Double(passed), 0.35 * Double(total), value)
        }
    }
}
