/// The checksum and structure validators. Each receives the candidate after normalization
/// (separators and spaces removed; letters upper-cased for IBAN, VIN and MRZ; Bitcoin and
/// Ethereum addresses keep their case) and returns `.invalid` for any unexpected byte.
let checksumValidators: [Validator] = [
    Validator("luhn", "Luhn mod 10 check digit (ISO/IEC 7812) over ASCII digits", predicate: Luhn.isValid),
    Validator("verhoeff", "Verhoeff dihedral-group check digit over ASCII digits", predicate: Verhoeff.isValid),
    Validator("damm", "Damm quasigroup check digit over ASCII digits", predicate: Damm.isValid),
    Validator(
        "iso7064-mod97-10", "ISO 7064 MOD 97-10: digits/letters (A=10..Z=35) ending in two check digits, value mod 97 == 1",
        predicate: ISO7064Mod97.isValid),
    Validator("iso7064-mod11-10", "ISO 7064 MOD 11-10 hybrid check digit over ASCII digits", predicate: ISO7064Hybrid.mod11_10.isValid),
    Validator("iso7064-mod11-2", "ISO 7064 MOD 11-2 check character (0-9 or X) over ASCII digits", predicate: ISO7064Pure.mod11_2.isValid),
    Validator("iso7064-mod37-2", "ISO 7064 MOD 37-2 check character (0-9, A-Z or *) over 0-9A-Z", predicate: ISO7064Pure.mod37_2.isValid),
    Validator("iso7064-mod37-36", "ISO 7064 MOD 37-36 hybrid check character over 0-9A-Z", predicate: ISO7064Hybrid.mod37_36.isValid),
    Validator("icao-check-digit", "ICAO 9303 7-3-1 check: the last digit checks the MRZ characters before it", predicate: ICAO9303.isValid),
    Validator("mrz-td1", "ICAO 9303 TD1 MRZ (3 x 30, lines joined): all check digits and the composite", predicate: MachineReadableZone.isValidTD1),
    Validator("mrz-td2", "ICAO 9303 TD2 MRZ (2 x 36, lines joined): all check digits and the composite", predicate: MachineReadableZone.isValidTD2),
    Validator("mrz-td3", "ICAO 9303 TD3 passport MRZ (2 x 44, lines joined): all check digits and the composite", predicate: MachineReadableZone.isValidTD3),
    Validator("vin", "Vehicle Identification Number: 17 characters, no I/O/Q, position-9 mod 11 check digit", predicate: VIN.isValid),
    Validator("credit-card", "Payment card number: known issuer prefix and length, Luhn, not one repeated digit", predicate: PaymentCard.isValid),
    Validator("iban", "IBAN: SWIFT registry country, length and BBAN format, ISO 7064 MOD 97-10", predicate: IBAN.isValid),
    Validator("us-ssn", "US SSN structure: area not 000/666/900-999, group not 00, serial not 0000, no known samples", predicate: USSocialSecurityNumber.isValid),
    Validator("imei", "IMEI: 15 digits with Luhn; a 16-digit IMEISV is not applicable", check: IMEI.check),
    Validator("meid", "MEID: 15 hex with Luhn mod 16 (decimal Luhn if all digits), 18/19-digit decimal form; bare 14 hex not applicable", check: MEID.check),
    Validator("iccid", "SIM ICCID: 19-20 digits starting 89 with Luhn", predicate: ICCID.isValid),
    Validator("bitcoin-address", "Bitcoin address: Base58Check version 0x00/0x05, or bech32/bech32m segwit (bc, tb)", predicate: BitcoinAddress.isValid),
    Validator("ethereum-address", "Ethereum address: mixed case must match EIP-55; single-case has no checksum (not applicable)", check: EthereumAddress.check),
]
