import XCTest
import BlackbarValidators

/// Sweden, Denmark, Norway, Finland.
final class NationalNordicTests: XCTestCase {
    func testSEPersonnummer() {
        // Skatteverket / sv.wikipedia "Personnummer i Sverige" example 811218-9876; python-stdnum
        // se.personnummer doctest 880320-0016. Synthetic: 29 Feb 2000, a coordination number
        // (day 63 = 3rd), and a 12-digit form.
        let values = ["8112189876", "8803200016", "0002291235", "197010631237", "200402299879"]
        assertValid("se-personnummer", values)
        assertInvalid("se-personnummer", [
            "8803200018",
            "190002291235",  // 29 Feb 1900 in the 12-digit form (Luhn right)
            "8101329871",  // day 32 (Luhn right)
            "170010631237",  // century 17
            "881320001", "88032000160",
        ])
        for v in ["8112189876", "8803200016", "0002291235"] {
            assertSubstitutionsFail("se-personnummer", v)
            assertTranspositionsFail("se-personnummer", v, skip: luhnBlindSpot)
        }
        assertSubstitutionsFail("se-personnummer", "197010631237", positions: Array(2...11))
    }

    func testDKCPR() {
        // python-stdnum dk.cpr doctest: 211062-5629. Synthetic: 29 Feb 2000 (7th digit 4, yy 00),
        // 1958 (7th digit 4, yy 58), 2037 (7th digit 5, yy 37).
        assertValid("dk-cpr", ["2110625629", "2902004123", "0101584001", "3112375999", "2902004000"])
        assertInvalid("dk-cpr", [
            "5110625629",  // day 51
            "2902001234",  // 29 Feb 1900
            "2902585123",  // 29 Feb 1858
            "3102904123",  // 31 Feb
            "0113904123",  // month 13
            "0000904123",
            "211062562", "21106256290",
        ])
    }

    func testNOFodselsnummer() {
        // python-stdnum no.fodselsnummer doctest: 151086 95088. Synthetic: 1990, 29 Feb 2000
        // (individual number ≥ 500), a D-number (day + 40), an H-number (month + 40), 2015.
        let values = ["15108695088", "01019023318", "29020084764", "41019033455", "01459017158", "15061576344"]
        assertValid("no-fodselsnummer", values)
        assertInvalid("no-fodselsnummer", [
            "15108695077",
            "29020168348",  // 29 Feb 2001 (both check digits right)
            "1510869508", "151086950880",
        ])
        for v in values { assertSubstitutionsFail("no-fodselsnummer", v) }
    }

    func testFIHETU() {
        // DVV / fi.wikipedia "Henkilötunnus" example 131052-308T; python-stdnum fi.hetu doctests.
        let values = ["131052-308T", "131052308T", "290200A1239", "010199-456P", "150550Y222S", "311299+789N"]
        assertValid("fi-hetu", values)
        assertInvalid("fi-hetu", [
            "131052-308U",
            "310252-308Y",  // 31 Feb
            "290200-1239",  // 29 Feb 1900 (check character right)
            "131052G308T",  // unknown century sign
            "131052-001X", "131052-30T", "131052-3088T",
        ])
        for v in ["131052-308T", "290200A1239", "150550Y222S"] {
            assertSubstitutionsFail("fi-hetu", v, positions: [0, 1, 2, 3, 4, 5, 7, 8, 9, 10])
        }
    }
}
