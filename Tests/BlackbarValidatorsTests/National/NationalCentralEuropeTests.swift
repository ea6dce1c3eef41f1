import XCTest
import BlackbarValidators

/// Poland, Czechia (and Slovakia).
final class NationalCentralEuropeTests: XCTestCase {
    func testPLPESEL() {
        // 44051401359: the worked example of pl.wikipedia "PESEL" (also python-stdnum's doctest).
        // Synthetic: 2002 (+20), 29 Feb 2000, 31 Dec 1999, 1885 (+80).
        let values = ["44051401359", "02270812343", "00222900016", "99123112343", "85911501239"]
        assertValid("pl-pesel", values)
        assertInvalid("pl-pesel", [
            "44051401358",
            "02381307589",  // python-stdnum: invalid birth date
            "00022912343",  // 29 Feb 1900 (check digit right)
            "80023012341",  // 30 Feb 1980 (check digit right)
            "80130112345",  // month 13 (check digit right)
            "4405140135", "440514013590",
        ])
        for v in values { assertSubstitutionsFail("pl-pesel", v) }
    }

    func testPLNIP() {
        // python-stdnum pl.nip doctest: 8567346215.
        let values = ["8567346215", "0329420053", "7119315715"]
        assertValid("pl-nip", values)
        assertInvalid("pl-nip", ["8567346216", "856734621", "85673462150"])
        for v in values {
            assertSubstitutionsFail("pl-nip", v)
            assertTranspositionsFail("pl-nip", v, range: 0..<9)
        }
    }

    func testPLREGON() {
        // python-stdnum pl.regon doctests: 192598184, 123456785, 12345678512347.
        let values = ["192598184", "123456785", "12345678512347", "783945576", "78394557643553"]
        assertValid("pl-regon", values)
        assertInvalid("pl-regon", ["192598183", "12345678612342", "12345678512348", "1234567851234", "1925981840"])
        for v in ["192598184", "123456785", "783945576"] { assertSubstitutionsFail("pl-regon", v, positions: [8]) }
        for v in ["12345678512347", "78394557643553"] { assertSubstitutionsFail("pl-regon", v, positions: [8, 13]) }
    }

    func testCZBirthNumber() {
        // python-stdnum cz.rc doctests: 710319/2745 and the 9-digit 991231123 (born 1899).
        // Synthetic: a woman born 1985 (+50), a woman born 29 Feb 2004 (+70), 29 Feb 2000, a
        // 9-digit number from 1953, and 730513/1230 whose first nine give 10 mod 11 (check 0).
        let values = ["7103192745", "991231123", "8551151235", "0472291237", "0002291234", "530101123", "7305131230"]
        assertValid("cz-birth-number", values)
        assertInvalid("cz-birth-number", [
            "7103192746",
            "1103492745",  // python-stdnum: invalid date
            "590312123",  // 9-digit number for 1959
            "8521151232",  // +20 month before 2004 (check digit right)
            "0102291233",  // 29 Feb 2001 (check digit right)
            "7113192741",  // month 13
            "71031927", "71031927450",
        ])
        for v in ["7103192745", "8551151235", "0472291237", "7305131230"] {
            assertSubstitutionsFail("cz-birth-number", v, positions: [9])
        }
    }
}
