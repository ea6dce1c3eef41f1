import XCTest
import BlackbarValidators

/// Germany, Austria, Switzerland.
final class NationalDACHTests: XCTestCase {
    func testDETaxID() {
        // 86095742719 (de.wikipedia "Steuerliche Identifikationsnummer"), 36574261809 (python-stdnum
        // de.idnr doctest), 65929970489, 57549285017 and 25768131411 (Apache commons-validator
        // TidDECheckDigitTest; the last has one digit three times, not adjacent).
        let cited = ["86095742719", "36574261809", "65929970489", "57549285017", "25768131411"]
        let synthetic = ["19789634255", "53136732494"]
        assertValid("de-tax-id", cited + synthetic)
        assertInvalid("de-tax-id", [
            "36574261890",  // python-stdnum: wrong check digit
            "36554266806",  // python-stdnum: more digits repeated
            "57771234688",  // a digit three times in a row (check digit right)
            "57172737681",  // a digit four times (check digit right)
            "57172234688",  // two digits repeated (check digit right)
            "12345678903",  // no digit repeated (check digit right)
            "02476291358",  // test IDs start with 0
            "8609574271", "860957427190",
        ])
        for v in cited + synthetic { assertSubstitutionsFail("de-tax-id", v) }
    }

    func testDESVNR() {
        // 15070649C103 (de.wikipedia "Sozialversicherungsnummer"), 10010490A443 (kryptografie.de
        // worked example). Synthetic: 29 Feb 2000; day 33 = 1st + 32 (serials exhausted);
        // day 97 = 1st + 96 (VKVV § 2).
        let cited = ["15070649C103", "10010490A443"]
        let synthetic = ["12290200M516", "65330764K029", "24970799Z998"]
        assertValid("de-svnr", cited + synthetic)
        assertInvalid("de-svnr", [
            "15070649C104",  // check digit
            "12290201M517",  // 29 Feb 2001/1901 (check digit right)
            "12320101M510",  // day 32 is not a real day nor an offset day (check digit right)
            "12311301M510", "1507064C9103", "15070649C10", "15070649C1033",
        ])
        for v in cited + synthetic { assertSubstitutionsFail("de-svnr", v, positions: [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11]) }
    }

    func testDEIDCardAndPassport() {
        // Specimen documents of the Bundesministerium des Innern ("Erika Mustermann"):
        // ID card T22000129 + 3 and L01X00T47 + 1; passport C01X00T47 + 8.
        let idCards = ["T220001293", "L01X00T471", "LZ6311T475", "1220001297"]
        assertValid("de-id-card", idCards)
        assertInvalid("de-id-card", [
            "T220001294", "L01A00T470" /* vowel A (check digit right) */, "L01X00T47", "L01X00T4711", "B01X00T471",
        ])
        for v in idCards {
            let digitPositions = Array(v.utf8).indices.filter { Array(v.utf8)[$0] < 0x40 }
            assertSubstitutionsFail("de-id-card", v, positions: digitPositions)
        }
        let passports = ["C01X00T478", "F1234567J0", "K9Z8Y7X6W8"]
        assertValid("de-passport", passports)
        assertInvalid("de-passport", ["C01X00T479", "T220001293" /* ID card letter T */, "1220001297", "C01X00T47"])
        for v in passports {
            let digitPositions = Array(v.utf8).indices.filter { Array(v.utf8)[$0] < 0x40 }
            assertSubstitutionsFail("de-passport", v, positions: digitPositions)
        }
    }

    func testDEKVNR() {
        // A123456780 is the worked example of de.wikipedia "Krankenversichertennummer".
        let synthetic = ["Z615326858", "M194242217"]
        assertValid("de-kvnr", ["A123456780"] + synthetic)
        assertInvalid("de-kvnr", ["A123456781", "1123456780", "A12345678", "A1234567800", "AA23456780"])
        for v in ["A123456780"] + synthetic { assertSubstitutionsFail("de-kvnr", v, positions: Array(1...9)) }
    }

    func testDEVAT() {
        // python-stdnum de.vat doctest: DE136695976 valid, 136695978 invalid.
        assertValid("de-vat", ["DE136695976", "136695976", "DE864092760", "DE191158822"])
        assertInvalid("de-vat", ["136695978", "DE136695978", "AT136695976", "DE036695976", "DE13669597", "DE1366959761"])
        for v in ["DE136695976", "DE864092760", "DE191158822"] { assertSubstitutionsFail("de-vat", v, positions: Array(2...10)) }
    }

    func testATSVNR() {
        // python-stdnum at.vnr doctest: 1237 010180 valid, 2237 010180 invalid. Synthetic
        // 29 Feb 2000 and a fictitious month 13 (Hauptverband, 4690/AB XXIII. GP).
        let cited = ["1237010180"]
        let synthetic = ["6767010180", "4317290200", "4416150713"]
        assertValid("at-svnr", cited + synthetic)
        assertInvalid("at-svnr", [
            "2237010180",
            "2204290299",  // 29 Feb 1999/2099 (check digit right)
            "0237010180",  // serial starts with 0
            "123701018", "12370101800",
        ])
        // Month 16 and day 32 are impossible even with a right check digit.
        for bad in ["011699", "320180", "310280"] {
            let base = "123" + "0" + bad
            let d = Array(base.utf8).map { Int($0) - 48 }
            let sum = zip(d, [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]).map(*).reduce(0, +) % 11
            if sum < 10 { assertInvalid("at-svnr", ["123\(sum)\(bad)"]) }
        }
        for v in cited + synthetic { assertSubstitutionsFail("at-svnr", v) }
    }

    func testCHAHV() {
        // ZAS/AHV example 756.9217.0769.85 (also the python-stdnum ch.ssn doctest).
        let synthetic = ["7567028348109", "7564954692580"]
        assertValid("ch-ahv", ["7569217076985"] + synthetic)
        assertInvalid("ch-ahv", ["7569217076984", "1234567891019", "756921707698", "75692170769850"])
        for v in ["7569217076985"] + synthetic { assertSubstitutionsFail("ch-ahv", v) }
    }
}
