/// EU VAT identification numbers: the 2-letter VIES prefix, then the member state's number,
/// checked with that state's own algorithm.
///
/// Sources, cited per country in `EUVAT+AtoF.swift` and `EUVAT+HtoX.swift`: the European
/// Commission's "VIES - VAT number validation: algorithms" document (taxation_customs, the
/// `vies_algorithms` annex) and python-stdnum's documented modules (`stdnum.<cc>.vat` and
/// friends, https://arthurdejong.org/python-stdnum/doc/). The code here is written from those
/// descriptions. DE, IT, PL and PT reuse the national validators (`de-vat`, `it-partita-iva`,
/// `pl-nip`, `pt-nif`); Northern Ireland (XI) uses the GB algorithm.
public enum EUVAT {
    /// Whether `bytes` (upper-case, separators removed: `ATU13585627`, `FR40303265045`) is a VAT
    /// number whose national check passes. An unknown prefix or a wrong length is `false`.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let country = String(decoding: bytes[0..<2], as: UTF8.self)
        return isValid(country: country, number: Array(bytes[2...]))
    }

    /// Whether `number` (no prefix) passes the check of `country` (`EL` and `GR` both mean Greece).
    public static func isValid(country: String, number n: [UInt8]) -> Bool {
        switch country {
        case "AT": return austria(n)
        case "BE": return belgium(n)
        case "BG": return bulgaria(n)
        case "CY": return cyprus(n)
        case "CZ": return czechia(n)
        case "DE": return GermanIDs.vat(n)
        case "DK": return denmark(n)
        case "EE": return estonia(n)
        case "EL", "GR": return greece(n)
        case "ES": return spain(n)
        case "FI": return finland(n)
        case "FR": return france(n)
        case "HR": return croatia(n)
        case "HU": return hungary(n)
        case "IE": return ireland(n)
        case "IT": return ItalianIDs.partitaIVA(n)
        case "LT": return lithuania(n)
        case "LU": return luxembourg(n)
        case "LV": return latvia(n)
        case "MT": return malta(n)
        case "NL": return netherlands(n)
        case "PL": return PolishIDs.nip(n)
        case "PT": return PortugueseIDs.nif(n)
        case "RO": return romania(n)
        case "SE": return sweden(n)
        case "SI": return slovenia(n)
        case "SK": return slovakia(n)
        case "XI", "GB": return unitedKingdom(n)
        default: return false
        }
    }

    // MARK: Shared arithmetic

    /// Digit values when every byte is a digit and the count is one of `lengths`.
    static func digits(_ n: [UInt8], _ lengths: Int...) -> [Int]? {
        guard lengths.contains(n.count) else { return nil }
        return NationalIDKit.digits(n[...])
    }

    /// `sum(d[i] * w[i]) mod m`.
    static func mod<C: Collection>(_ d: C, _ w: [Int], _ m: Int) -> Int where C.Element == Int {
        NationalIDKit.weightedSum(d, w) % m
    }
}
