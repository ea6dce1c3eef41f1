import XCTest
import BlackbarValidators

/// United Kingdom and Ireland.
final class NationalBritishIrishTests: XCTestCase {
    func testGBNINO() {
        // HMRC's own format example "QQ 12 34 56 C" uses a prefix that is never issued.
        assertValid("gb-nino", ["AB123456C", "JG103759A", "CE000000D", "ZX987654B", "TA123456A", "NA123456A"])
        assertInvalid("gb-nino", [
            "QQ123456C",  // first letter Q
            "DA123456A", "FA123456A", "IA123456A", "UA123456A", "VA123456A",
            "AD123456A", "AF123456A", "AI123456A", "AO123456A", "AQ123456A", "AU123456A", "AV123456A",
            "BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A",
            "AB123456E", "AB123456", "AB1234567C", "A1123456C", "AB12345XC",
        ])
    }

    func testGBNHS() {
        // NHS Data Dictionary "NHS number" example 943 476 5919; python-stdnum gb.nhs doctest 943-476-5870.
        let cited = ["9434765919", "9434765870"]
        let synthetic = ["3843083681", "9922747731", "4953713907"]
        assertValid("gb-nhs", cited + synthetic)
        // 595718151 gives a check value of 10, which is never issued: no last digit can pass.
        assertInvalid("gb-nhs", (0...9).map { "595718151\($0)" } + ["9434765871", "943476591", "94347659190"])
        for v in cited + synthetic {
            assertSubstitutionsFail("gb-nhs", v)
            assertTranspositionsFail("gb-nhs", v, range: 0..<9)
        }
    }

    func testGBUTR() {
        // python-stdnum gb.utr doctest: 1955839661 valid, 2955839661 invalid.
        let synthetic = ["8732506198", "9532685897", "6718823445"]
        assertValid("gb-utr", ["1955839661"] + synthetic)
        assertInvalid("gb-utr", ["2955839661", "195583966", "19558396611", "K1955839661"])
        // The check table maps two remainders to each of 1 and 2, so only the check digit itself
        // is guaranteed to catch every substitution.
        for v in ["1955839661"] + synthetic { assertSubstitutionsFail("gb-utr", v, positions: [0]) }
    }

    func testIEPPS() {
        // python-stdnum ie.pps doctests: 6433435F, 6433435FT, 6433435FW (pre-2013),
        // 6433435OA, 6433435IH (2013 format); 6433435E has a wrong check letter.
        let cited = ["6433435F", "6433435FT", "6433435FW", "6433435OA", "6433435IH"]
        let synthetic = ["5611484C", "3600765PA", "1136993LB", "1789766AW", "3099462CH", "1234567T", "1234567TW", "1234567FA"]
        assertValid("ie-pps", cited + synthetic)
        assertInvalid("ie-pps", ["6433435E", "6433435FA", "6433435OB", "6433435FZ", "643343F", "64334351F", "6433435"])
        for v in cited + synthetic { assertSubstitutionsFail("ie-pps", v, positions: Array(0...7)) }
    }
}
