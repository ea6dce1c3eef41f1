/// National identity, tax and social-security number validators, one entry per ID kind.
///
/// Names are `<country>-<id>` in kebab case. Each check is a pure function over the normalized
/// candidate (digits only for numeric IDs; upper-case letters and digits without separators for
/// alphanumeric ones) in `National/<CC>IDs.swift`.
let identityValidators: [Validator] = [
    // United States
    Validator("us-itin", "US ITIN: 9 digits, leading 9, group 50-65, 70-88, 90-92 or 94-99", predicate: UnitedStatesIDs.itin),
    Validator("us-ein", "US EIN: 9 digits with a valid IRS campus prefix", predicate: UnitedStatesIDs.ein),
    Validator("us-npi", "US NPI: 10 digits, Luhn with the 80840 prefix", predicate: UnitedStatesIDs.npi),
    Validator("us-aba-routing", "US ABA routing number: 9 digits, Fed prefix, 3-7-1 weights mod 10", predicate: UnitedStatesIDs.abaRouting),
    Validator("us-mbi", "US Medicare Beneficiary Identifier: 11 characters in the CMS position pattern", predicate: UnitedStatesIDs.mbi),
    // Canada
    Validator("ca-sin", "Canadian SIN: 9 digits, Luhn, not starting with 0 or 8", predicate: CanadianIDs.sin),
    // United Kingdom and Ireland
    Validator("gb-nino", "UK National Insurance number: valid prefix letters, 6 digits, suffix A-D", predicate: BritishIDs.nino),
    Validator("gb-nhs", "NHS number: 10 digits, mod 11 with weights 10..2", predicate: BritishIDs.nhs),
    Validator("gb-utr", "UK UTR: 10 digits, HMRC weighted mod 11 check digit first", predicate: BritishIDs.utr),
    Validator("ie-pps", "Irish PPS number: 7 digits + mod 23 check letter (+ optional letter)", predicate: IrishIDs.pps),
    // Germany, Austria, Switzerland
    Validator("de-tax-id", "German Steuer-IdNr: 11 digits, digit-repetition rule, ISO 7064 MOD 11,10", predicate: GermanIDs.taxID),
    Validator("de-svnr", "German pension insurance number: area, birth date, letter, serial, check digit", predicate: GermanIDs.svnr),
    Validator("de-id-card", "German ID card number: 9 vowel-free characters + 7-3-1 check digit", predicate: GermanIDs.idCard),
    Validator("de-passport", "German passport number: C/F/G/H/J/K + 8 characters + 7-3-1 check digit", predicate: GermanIDs.passport),
    Validator("de-kvnr", "German health insurance number: letter + 9 digits, weights 1,2 with digit sums", predicate: GermanIDs.kvnr),
    Validator("eu-vat", "EU VAT number: VIES country prefix + that member state's check digit algorithm", predicate: EUVAT.isValid),
    Validator("de-vat", "German USt-IdNr: DE + 9 digits, ISO 7064 MOD 11,10", predicate: GermanIDs.vat),
    Validator("at-svnr", "Austrian social insurance number: 10 digits, mod 11 check, birth date", predicate: AustrianIDs.svnr),
    Validator("ch-ahv", "Swiss AHV number: 756 + 10 digits, EAN-13 check digit", predicate: SwissIDs.ahv),
    // France, Benelux
    Validator("fr-nir", "French NIR: 13 characters (2A/2B allowed) + key 97 - (n mod 97)", predicate: FrenchIDs.nir),
    Validator("fr-siren", "French SIREN: 9 digits, Luhn", predicate: FrenchIDs.siren),
    Validator("fr-siret", "French SIRET: 14 digits, Luhn (La Poste: digit sum mod 5)", predicate: FrenchIDs.siret),
    Validator("be-national-number", "Belgian national number: 11 digits, birth date, 97 - mod 97 key", predicate: BelgianIDs.nationalNumber),
    Validator("nl-bsn", "Dutch BSN: 9 digits, 11-proef", predicate: DutchIDs.bsn),
    Validator("lu-national-id", "Luxembourg national ID: 13 digits, birth date, Luhn and Verhoeff digits", predicate: LuxembourgIDs.nationalID),
    // Iberia and Italy
    Validator("es-dni", "Spanish DNI: 8 digits + mod 23 letter", predicate: SpanishIDs.dni),
    Validator("es-nie", "Spanish NIE: X/Y/Z + 7 digits + mod 23 letter", predicate: SpanishIDs.nie),
    Validator("es-nss", "Spanish social security number: province + serial + mod 97 control", predicate: SpanishIDs.nss),
    Validator("pt-nif", "Portuguese NIF: 9 digits, weights 9..2 mod 11", predicate: PortugueseIDs.nif),
    Validator("it-codice-fiscale", "Italian codice fiscale: 16 characters, birth date, odd/even check letter", predicate: ItalianIDs.codiceFiscale),
    Validator("it-partita-iva", "Italian partita IVA: 11 digits, office code, Luhn", predicate: ItalianIDs.partitaIVA),
    // Central Europe
    Validator("pl-pesel", "Polish PESEL: 11 digits, birth date with century month offset, 1-3-7-9 check", predicate: PolishIDs.pesel),
    Validator("pl-nip", "Polish NIP: 10 digits, weighted mod 11", predicate: PolishIDs.nip),
    Validator("pl-regon", "Polish REGON: 9 or 14 digits, weighted mod 11", predicate: PolishIDs.regon),
    Validator("cz-birth-number", "Czech/Slovak birth number: birth date, 10-digit numbers mod 11", predicate: CzechIDs.birthNumber),
    // Nordics
    Validator("se-personnummer", "Swedish personnummer: 10 or 12 digits, birth date, Luhn", predicate: SwedishIDs.personnummer),
    Validator("dk-cpr", "Danish CPR number: 10 digits with a real birth date", predicate: DanishIDs.cpr),
    Validator("no-fodselsnummer", "Norwegian fødselsnummer: 11 digits, birth date, two mod 11 digits", predicate: NorwegianIDs.fodselsnummer),
    Validator("fi-hetu", "Finnish HETU: birth date, century sign, serial, mod 31 check character", predicate: FinnishIDs.hetu),
    // Latin America
    Validator("br-cpf", "Brazilian CPF: 11 digits, two mod 11 check digits", predicate: BrazilianIDs.cpf),
    Validator("br-cnpj", "Brazilian CNPJ: 14 characters, two weighted mod 11 check digits", predicate: BrazilianIDs.cnpj),
    Validator("mx-curp", "Mexican CURP: 18 characters, birth date, state, mod 10 check digit", predicate: MexicanIDs.curp),
    Validator("mx-rfc", "Mexican RFC: name letters, date, homoclave with mod 11 check", predicate: MexicanIDs.rfc),
    Validator("ar-cuit", "Argentine CUIT/CUIL: 11 digits, type prefix, weighted mod 11", predicate: ArgentineIDs.cuit),
    Validator("cl-rut", "Chilean RUT: digits + mod 11 check digit or K", predicate: ChileanIDs.rut),
    // Asia
    Validator("in-aadhaar", "Indian Aadhaar: 12 digits, first 2-9, Verhoeff", predicate: IndianIDs.aadhaar),
    Validator("in-pan", "Indian PAN: AAAPL1234C structure with a holder-type letter", predicate: IndianIDs.pan),
    Validator("in-gstin", "Indian GSTIN: state code + PAN + entity + Z + Luhn mod 36 character", predicate: IndianIDs.gstin),
    Validator("in-voter-id", "Indian EPIC voter ID: 3 letters + 7 digits (structure only)", predicate: IndianIDs.voterID),
    Validator("cn-resident-id", "Chinese resident ID: 18 characters, region, birth date, ISO 7064 MOD 11-2", predicate: ChineseIDs.residentID),
    Validator("jp-my-number", "Japanese My Number: 12 digits, weighted mod 11 check digit", predicate: JapaneseIDs.myNumber),
    Validator("kr-rrn", "Korean RRN: 13 digits, birth date, mod 11 check before October 2020", predicate: KoreanIDs.rrn),
    Validator("sg-nric", "Singapore NRIC/FIN: S/T/F/G/M + 7 digits + check letter", predicate: SingaporeIDs.nric),
    // Oceania, Africa, Middle East
    Validator("au-tfn", "Australian TFN: 8 or 9 digits, weighted mod 11", predicate: AustralianIDs.tfn),
    Validator("au-medicare", "Australian Medicare number: 10-11 digits, first 2-6, weighted mod 10", predicate: AustralianIDs.medicare),
    Validator("au-abn", "Australian ABN: 11 digits, weighted mod 89", predicate: AustralianIDs.abn),
    Validator("nz-ird", "New Zealand IRD number: 8-9 digits, two-weight-set mod 11", predicate: NewZealandIDs.ird),
    Validator("za-id", "South African ID: 13 digits, birth date, citizenship, Luhn", predicate: SouthAfricanIDs.idNumber),
    Validator("tr-tckn", "Turkish T.C. Kimlik No: 11 digits, two check digit formulas", predicate: TurkishIDs.tckn),
    Validator("il-teudat-zehut", "Israeli Teudat Zehut: up to 9 digits, 1-2 weights with digit sums mod 10", predicate: IsraeliIDs.teudatZehut),
]
