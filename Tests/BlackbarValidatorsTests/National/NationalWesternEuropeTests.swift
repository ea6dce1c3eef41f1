import XCTest
import BlackbarValidators

/// France, Belgium, the Netherlands, Luxembourg.
final class NationalWesternEuropeTests: XCTestCase {
    func testFRNIR() {
        // python-stdnum fr.nir doctests: 2 95 10 99 126 111 93, and the Corsican 253072B07300470 and
        // 253072A07300443 (2A read as 19, 2B as 18).
        let cited = ["295109912611193", "253072B07300470", "253072A07300443"]
        let synthetic = ["166087508158252", "106092A47887478", "237122B03112536", "271049936717587"]
        assertValid("fr-nir", cited + synthetic)
        assertInvalid("fr-nir", [
            "295109912611199", "253072C07300443", "253072B07300443", "6546546546546703",
            "595109912611193" /* sex digit 5 */, "29510991261119", "2951099126111930",
        ])
        for v in cited + synthetic { assertSubstitutionsFail("fr-nir", v) }
        for v in ["295109912611193", "166087508158252", "271049936717587"] {
            assertTranspositionsFail("fr-nir", v, range: 0..<13)
        }
    }

    func testFRSIRENAndSIRET() {
        // python-stdnum doctests: SIREN 404833048, SIRET 73282932000074; La Poste head office
        // 35600000000048 (Luhn) per INSEE.
        assertValid("fr-siren", ["404833048", "732829320", "501073290", "217391887"])
        assertInvalid("fr-siren", ["404833047", "40483304", "4048330480"])
        for v in ["404833048", "501073290", "217391887"] {
            assertSubstitutionsFail("fr-siren", v)
            assertTranspositionsFail("fr-siren", v, skip: luhnBlindSpot)
        }
        let siret = ["73282932000074", "50107329005674", "21739188771511"]
        assertValid("fr-siret", siret + ["35600000000048", "35600000041178" /* La Poste: digit sum 25 */])
        assertInvalid("fr-siret", [
            "73282932000079",
            "35600000063392",  // La Poste: Luhn-valid but digit sum not a multiple of 5
            "40483304700005",  // SIREN part fails Luhn
            "7328293200007", "732829320000740",
        ])
        for v in siret { assertSubstitutionsFail("fr-siret", v) }
    }

    func testBENationalNumber() {
        // python-stdnum be.nn doctests: 85.07.30-033.28 (1985) and 17.07.30-033.84 (2017, '2' prefix).
        let cited = ["85073003328", "17073003384"]
        let synthetic = ["90010112395", "04022945662" /* 29 Feb 2004 */, "72000010153" /* month unknown */]
        assertValid("be-national-number", cited + synthetic)
        assertInvalid("be-national-number", [
            "12345678901", "85073003329", "85073003327",
            "01022912312",  // 29 Feb 1901 (key right for the 1900s)
            "8507300332", "850730033280",
        ])
        // Month 13 and 31 April with keys right for the 1900s.
        for body in ["851301033", "850431033"] {
            let n = Int(body)!
            let key = 97 - n % 97
            assertInvalid("be-national-number", [body + (key < 10 ? "0\(key)" : "\(key)")])
        }
        // Every substitution in the key digits fails.
        for v in cited + synthetic { assertSubstitutionsFail("be-national-number", v, positions: [10]) }
    }

    func testNLBSN() {
        // python-stdnum nl.bsn doctest: 1112.22.333 valid, 1112.52.333 invalid.
        let synthetic = ["268671801", "013587882", "841943436"]
        assertValid("nl-bsn", ["111222333", "13587882"] + synthetic)
        assertInvalid("nl-bsn", ["111252333", "1112223334", "000000000", "1112223", "11122233"])
        for v in ["111222333"] + synthetic {
            assertSubstitutionsFail("nl-bsn", v)
            assertTranspositionsFail("nl-bsn", v)
        }
    }

    func testLUNationalID() {
        // Synthetic (CTIE scheme: YYYYMMDD + serial + Luhn digit + Verhoeff digit).
        let synthetic = ["1983031512395", "2000022945656", "1967112498766", "2012060765434", "1945080832104"]
        assertValid("lu-national-id", synthetic)
        assertInvalid("lu-national-id", [
            "1900022912344",  // 29 Feb 1900 (both check digits right)
            "1983031512394", "1983031512385", "198303151239", "19830315123950",
        ])
        for v in synthetic {
            assertSubstitutionsFail("lu-national-id", v)
            assertTranspositionsFail("lu-national-id", v)
        }
    }
}
