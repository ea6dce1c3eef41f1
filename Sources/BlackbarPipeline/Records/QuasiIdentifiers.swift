import BlackbarCore

/// Field names that mark quasi-identifiers: values that identify no one alone but single people out together
/// (87% of Americans are unique on ZIP code, birth date and sex; Sweeney, 2000). Matched as whole words of
/// the field's own name (its last key), in the languages the rules cover.
enum QuasiIdentifiers {
    /// Kind → words.
    static let kinds: [(kind: String, words: [String])] = [
        ("postcode", ["zip", "zipcode", "zip code", "postcode", "post code", "postal code", "postalcode", "plz",
                      "postleitzahl", "cap", "code postal", "codigo postal", "código postal", "cp", "postnummer",
                      "postcode nl", "kod pocztowy", "psc", "psč"]),
        ("birth date", ["dob", "birthdate", "birth date", "date of birth", "birthday", "geburtsdatum",
                        "date de naissance", "fecha de nacimiento", "data di nascita", "geboortedatum"]),
        ("birth year", ["birth year", "birthyear", "year of birth", "yob", "geburtsjahr", "annee de naissance",
                        "año de nacimiento", "anno di nascita", "geboortejaar"]),
        ("age", ["age", "alter", "âge", "edad", "età", "eta", "leeftijd", "idade", "wiek", "ålder", "alder"]),
        ("gender", ["gender", "sex", "geschlecht", "sexe", "genre", "sexo", "género", "genero", "sesso", "genere",
                    "geslacht", "płeć", "kön", "køn", "kjønn"]),
        ("city", ["city", "town", "ort", "stadt", "wohnort", "ville", "commune", "ciudad", "localidad", "città", "citta",
                  "comune", "plaats", "woonplaats", "gemeente", "cidade", "miasto", "municipality"]),
        ("nationality", ["nationality", "citizenship", "staatsangehörigkeit", "nationalité", "nacionalidad",
                         "nazionalità", "nationaliteit"]),
        ("occupation", ["occupation", "job title", "profession", "beruf", "métier", "profesión", "professione", "beroep"]),
        ("marital status", ["marital status", "familienstand", "état civil", "estado civil", "stato civile"]),
    ]

    private static let matchers: [(String, ContextWords)] = kinds.map { ($0.kind, ContextWords($0.words)) }

    /// The quasi-identifier kind a field's own name says, if any.
    static func kind(ofField leaf: String) -> String? {
        matchers.first { $0.1.matchField(leaf) != nil }?.0
    }

    /// The kind an entity makes of the field holding it (a column of dates of birth, of postcodes).
    static func kind(ofEntity entity: String) -> String? {
        switch entity {
        case "DATE_OF_BIRTH": return "birth date"
        case "GB_POSTCODE": return "postcode"
        default: return nil
        }
    }
}
