import XCTest
import BlackbarValidators

/// India, China, Japan, South Korea, Singapore.
final class NationalAsiaTests: XCTestCase {
    func testINAadhaar() {
        // python-stdnum in_.aadhaar doctest: 234123412346.
        // The last three exercise every row of the Verhoeff permutation table (cross-checked with
        // python-stdnum's verhoeff module).
        let values = ["234123412346", "203557822110", "250522011680", "598259791903", "948337887623", "528601290407"]
        assertValid("in-aadhaar", values)
        assertInvalid("in-aadhaar", ["234123412347", "123412341234" /* starts with 1 */, "643343121", "2341234123466"])
        for v in values {
            assertSubstitutionsFail("in-aadhaar", v)
            assertTranspositionsFail("in-aadhaar", v)
        }
    }

    func testINPAN() {
        // python-stdnum in_.pan doctests: ACUPA7085R valid; ABMPA32111, ABMXA3211G, ACUPA0000R invalid.
        assertValid("in-pan", ["ACUPA7085R", "AAPFU0939F", "ABCCK1234L", "ZZZTZ9999Z"])
        assertInvalid("in-pan", ["ACUPA7085RR", "ABMPA32111", "ABMXA3211G", "ACUPA0000R", "ACUPA708R", "1CUPA7085R", "ACUPA70854"])
    }

    func testINGSTIN() {
        // python-stdnum in_.gstin doctests: 27AAPFU0939F1ZV valid; 27AAPFU0939F1ZO wrong check,
        // 27AAPFU0939F1AA wrong 14th character.
        let values = ["27AAPFU0939F1ZV", "29ABCPK1234L1ZO", "07AAACB5678Q2ZZ"]
        assertValid("in-gstin", values)
        assertInvalid("in-gstin", [
            "27AAPFU0939F1ZO", "27AAPFU0939F1AA", "27AAPFU0939F1Z", "369296450896540",
            "40ABCPK1234L1Z4",  // state code 40 (check character right)
            "27AAPFU0939F0ZV", "27AAXFU0939F1ZV",
        ])
        for v in values { assertSubstitutionsFail("in-gstin", v) }
    }

    func testINVoterID() {
        // python-stdnum in_.epic doctest: WKH1186253.
        assertValid("in-voter-id", ["WKH1186253", "ABC0000000"])
        assertInvalid("in-voter-id", ["WKH118625", "1231186253", "WK11186253", "WKH118625A", "WKH11862533"])
    }

    func testCNResidentID() {
        // GB 11643-1999 / Wikipedia "Resident Identity Card" example 11010519491231002X;
        // python-stdnum cn.ric doctest 360426199101010071.
        let values = ["11010519491231002X", "360426199101010071", "110105200002291235", "440305198512314561", "31010119900101614X"]
        assertValid("cn-resident-id", values)
        assertInvalid("cn-resident-id", [
            "110105194912310021",
            "110105190002291239",  // 29 Feb 1900 (check character right)
            "910105194912310020", "11010519491231002", "11010519491231002XX", "11010519491331002X",
        ])
        for v in values {
            assertSubstitutionsFail("cn-resident-id", v)
            assertTranspositionsFail("cn-resident-id", v, range: 0..<17)
        }
    }

    func testJPMyNumber() {
        // Digital Agency / Wikipedia "個人番号" example 123456789018; python-stdnum jp.in_ doctest 6214 9832 0257.
        let values = ["123456789018", "621498320257", "309658727401", "846288556799"]
        assertValid("jp-my-number", values)
        assertInvalid("jp-my-number", ["621498320258", "62149832025X", "62149832025", "6214983202570"])
        for v in values { assertSubstitutionsFail("jp-my-number", v, positions: [11]) }
    }

    func testKRRRN() {
        // python-stdnum kr.rrn doctest: 971013-9019902. Synthetic: 1980 and 29 Feb 2004 with check
        // digits; 15 March 2021 without one (no check since October 2020).
        let values = ["9710139019902", "8001011123451", "0402294123456", "2103153123456", "2103153123457"]
        assertValid("kr-rrn", values)
        assertInvalid("kr-rrn", [
            "9710139019903",
            "0102293123451",  // 29 Feb 2001 (check digit right)
            "2102303123456",  // 30 Feb 2021
            "8013011123451", "971013901990", "97101390199021",
            "8001014124451",  // 2080: beyond the check-free horizon
        ])
        for v in ["9710139019902", "8001011123451", "0402294123456"] { assertSubstitutionsFail("kr-rrn", v, positions: [12]) }
    }

    func testSGNRIC() {
        // S1234567D is the worked example of the NRIC check (Wikipedia "National Registration
        // Identity Card"); the others are synthetic for each prefix, including the 2022 M series.
        let values = ["S1234567D", "S5271169Z", "T2398339C", "F2435882T", "G6618714X", "M0661206N"]
        assertValid("sg-nric", values)
        assertInvalid("sg-nric", [
            "S1234567A", "T1234567D", "F1234567D", "A1234567D", "S123456D", "S12345678D",
        ])
        for v in values { assertSubstitutionsFail("sg-nric", v, positions: Array(1...8)) }
    }
}
