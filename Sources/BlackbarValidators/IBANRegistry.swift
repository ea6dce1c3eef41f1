/// The per-country IBAN formats of the SWIFT IBAN Registry (ISO 13616), release 102:
/// 89 country codes. Each entry is `CCnn:structure`: country code, total IBAN length, then the BBAN
/// as runs of `<count><kind>` with `n` digits, `a` upper-case letters, `c` digits or letters.
/// Territories that use another country's code (for example French overseas departments under
/// `FR`, Åland under `FI`, Jersey under `GB`) have no entry of their own.
enum IBANRegistry {
    /// One country's format.
    struct Format: Sendable {
        /// Total IBAN length, country code and check digits included.
        let length: Int
        /// BBAN runs: (count, kind) with kind `n`, `a` or `c`.
        let runs: [(count: Int, kind: UInt8)]
    }

    /// Formats keyed by the two country-code bytes (`first << 8 | second`).
    static let formats: [UInt16: Format] = {
        var table: [UInt16: Format] = [:]
        for entry in entries {
            let bytes = Array(entry.utf8)
            let key = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            var length = 0
            var index = 2
            while bytes[index] != UInt8(ascii: ":") { length = length * 10 + Int(bytes[index] - 0x30); index += 1 }
            var runs: [(count: Int, kind: UInt8)] = []
            var count = 0
            for byte in bytes[(index + 1)...] {
                if let digit = ASCII.digit(byte) { count = count * 10 + digit } else { runs.append((count, byte)); count = 0 }
            }
            table[key] = Format(length: length, runs: runs)
        }
        return table
    }()

    /// The registry rows.
    static let entries: [String] = [
        "AD24:4n4n12c", "AE23:3n16n", "AL28:8n16c", "AT20:5n11n", "AZ28:4a20c", "BA20:3n3n8n2n", "BE16:3n7n2n",
        "BG22:4a4n2n8c", "BH22:4a14c", "BI27:5n5n11n2n", "BR29:8n5n10n1a1c", "BY28:4c4n16c", "CH21:5n12c",
        "CR22:4n14n", "CY28:3n5n16c", "CZ24:4n6n10n", "DE22:8n10n", "DJ27:5n5n11n2n", "DK18:4n9n1n", "DO28:4c20n",
        "EE20:2n2n11n1n", "EG29:4n4n17n", "ES24:4n4n1n1n10n", "FI18:3n11n", "FK18:2a12n", "FO18:4n9n1n",
        "FR27:5n5n11c2n", "GB22:4a6n8n", "GE22:2a16n", "GI23:4a15c", "GL18:4n9n1n", "GR27:3n4n16c", "GT28:4c20c",
        "HN28:4a20n", "HR21:7n10n", "HU28:3n4n1n15n1n", "IE22:4a6n8n", "IL23:3n3n13n", "IQ23:4a3n12n",
        "IS26:4n2n6n10n", "IT27:1a5n5n12c", "JO30:4a4n18c", "KW30:4a22c", "KZ20:3n13c", "LB28:4n20c", "LC32:4a24c",
        "LI21:5n12c", "LT20:5n11n", "LU20:3n13c", "LV21:4a13c", "LY25:3n3n15n", "MC27:5n5n11c2n", "MD24:2c18c",
        "ME22:3n13n2n", "MK19:3n10c2n", "MN20:4n12n", "MR27:5n5n11n2n", "MT31:4a5n18c", "MU30:4a2n2n12n3n3a",
        "NI28:4a20n", "NL18:4a10n", "NO15:4n6n1n", "OM23:3n16c", "PK24:4a16c", "PL28:8n16n", "PS29:4a21c",
        "PT25:4n4n11n2n", "QA29:4a21c", "RO24:4a16c", "RS22:3n13n2n", "RU33:9n5n15c", "SA24:2n18c",
        "SC31:4a2n2n16n3a", "SD18:2n12n", "SE24:3n16n1n", "SI19:5n8n2n", "SK24:4n6n10n", "SM27:1a5n5n12c",
        "SO23:4n3n12n", "ST25:4n4n11n2n", "SV28:4a20n", "TL23:3n14n2n", "TN24:2n3n13n2n", "TR26:5n1n16c",
        "UA29:6n19c", "VA22:3n15n", "VG24:4a16n", "XK20:4n10n2n", "YE30:4a4n18c"
    ]
}
