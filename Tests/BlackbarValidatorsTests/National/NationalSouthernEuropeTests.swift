import XCTest
import BlackbarValidators

/// Spain, Portugal, Italy.
final class NationalSouthernEuropeTests: XCTestCase {
    func testESDNIAndNIE() {
        // Ministerio del Interior example 12345678Z; python-stdnum es.dni doctest 54362315-K;
        // python-stdnum es.nie doctest X-2482300W.
        let dni = ["12345678Z", "54362315K", "69436253N", "90916711B"]
        assertValid("es-dni", dni)
        assertInvalid("es-dni", ["54362315Z", "54362315", "5436231K", "543623150K", "X2482300W"])
        for v in dni {
            assertSubstitutionsFail("es-dni", v)
            assertTranspositionsFail("es-dni", v, range: 0..<8)
        }
        let nie = ["X2482300W", "X1234567L", "X5193375K", "Y1850745H", "Z3774627X"]
        assertValid("es-nie", nie)
        assertInvalid("es-nie", ["X2482300A", "X2482300", "W2482300W", "12345678Z"])
        for v in nie { assertSubstitutionsFail("es-nie", v) }
    }

    func testESNSS() {
        // The TGSS example 28/1234567/42 (old 11-digit form, 281234567 mod 97 = 42), and synthetic
        // 12-digit numbers, one with a serial below 10,000,000.
        let values = ["28123456742", "281234567840", "080123456774", "469988776619"]
        assertValid("es-nss", values)
        assertInvalid("es-nss", [
            "281234567841", "28123456743",
            "080123456717",  // the naive "first ten digits mod 97" control for 0801234567
            "2812345678", "2812345678401",
        ])
        for v in values { assertSubstitutionsFail("es-nss", v, positions: Array(v.utf8).indices.filter { $0 != 2 }) }
    }

    func testPTNIF() {
        // python-stdnum pt.nif doctest: 501 964 843.
        let values = ["501964843", "110412770", "290457270", "506330052", "927915790"]
        assertValid("pt-nif", values)
        assertInvalid("pt-nif", ["501964842", "001964843", "50196484", "5019648430"])
        for v in values { assertSubstitutionsFail("pt-nif", v, positions: [8]) }
    }

    func testITCodiceFiscale() {
        // python-stdnum it.codicefiscale doctests: RCCMNL83S18D969H (man) and CNTCHR83T41D969D
        // (woman, day + 40). Synthetic: 29 Feb 2000 and an omocodia variant (digits as letters).
        let cited = ["RCCMNL83S18D969H", "CNTCHR83T41D969D"]
        let synthetic = ["RSSMRA80A01H501U", "BNCLRA92M52F205H", "VRDGPP00B29L219Q", "RSSMRA8RA01H5L1W"]
        assertValid("it-codice-fiscale", cited + synthetic)
        assertInvalid("it-codice-fiscale", [
            "RCCMNL83S18D969",  // too short
            "RCCMNL83S18D969I",  // check letter
            "VRDGPP01B30L219Y",  // 30 February (check letter right)
            "VRDGPP01B29L219R",  // 29 February 2001/1901 (check letter right)
            "RCCMNL83F18D969H", "RCCMNL83S72D969H", "RCCMNL8XS18D969H", "1CCMNL83S18D969H",
        ])
        for v in cited + synthetic { assertSubstitutionsFail("it-codice-fiscale", v) }
    }

    func testITPartitaIVA() {
        // python-stdnum it.iva doctest: 00743110157.
        let values = ["00743110157", "36121130334", "03297800827"]
        assertValid("it-partita-iva", values)
        assertInvalid("it-partita-iva", [
            "00743110158", "00000000000",
            "30013775553",  // office code 555 (Luhn right)
            "0074311015", "007431101570",
        ])
        for v in values {
            assertSubstitutionsFail("it-partita-iva", v)
            assertTranspositionsFail("it-partita-iva", v, skip: luhnBlindSpot)
        }
    }
}
