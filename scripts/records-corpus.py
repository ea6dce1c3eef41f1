#!/usr/bin/env python3
"""Generate a labelled corpus of customer-like tables for the structured-record scanner.

    python3 scripts/records-corpus.py --rows 1000 --seed 1 --out bench-out/corpus
    python3 scripts/records-corpus.py --rows 2000 --seed 1 --realistic --out bench-out/rc2   # synthesised values

--realistic draws fresh valid values from scripts/synth.py (check digits, numbering plans) instead of the rule
examples and writes a harder export-like table: English/camelCase/generic headers, a mixed column, JSON
numbers, $.contacts[*].phone, padded values, more look-alikes (see scripts/README-records.md).

Writes (deterministic for a given --rows/--seed and rules/ tree; Python 3 standard library only):

  customers.csv             comma-separated, RFC 4180 quoting (notes with commas, quotes, line breaks)
  customers-semicolon.csv   the same rows, `;`-separated, decimal commas in amount/price
  customers.tsv             the same rows, tab-separated, no quoting (tabs/line breaks in notes become spaces)
  customers.jsonl           the same rows as nested objects ({"id":..,"contact":{"email":..},"orders":[..]}),
                            with JSON escapes inside strings (\\n, \\u00e9, \\/) in some records
  labels.jsonl              one line per (file, record, field, entity) a cell truly holds:
                            {"file", "record", "field", "entity", "accept", "rule", "column"}
                            record: 1-based data row (CSV header excluded) / 1-based line (JSONL);
                            field: the CSV column name / the concrete JSON path ($.orders[0].sku);
                            accept: other entity names that also count as right for the cell (IMEI ~ DEVICE_ID);
                            column: the column key shared across files (the CSV name);
                            rule: the rule whose example gave the value, or "column" for values that only
                            the column name makes personal (PERSON, LOCATION, DATE_OF_BIRTH, GPS, DEVICE_ID)
  columns.json              per file: each field (JSONL: path with [*] for array indices) with its kind
                            (direct, quasi, lookalike, freetext, key) and true column entity (or null)
  stats.json                rows, cells, non-empty cells, labels per entity

Values that rules detect come from the rules' own `match` examples (the «…» spans), so they pass the
validators (IBAN mod 97, Luhn, BSN 11-test, ...). Notes cells embed whole example sentences. Look-alike
columns (order_id, sku, invoice_no, amount, price, quantity, version, created_at, uuid, hash, product_code)
are generated so that they are not valid IDs: 16-digit order numbers and EAN-13 codes that pass Luhn are
discarded. The `version` column deliberately holds some four-part versions whose parts are all <= 255
(`2.4.10.1`): IPv4-shaped look-alikes that only the column name tells apart; findings there are false positives.
"""
import argparse
import hashlib
import json
import pathlib
import random
import re
import sys
import uuid

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from rulepool import load_rules  # noqa: E402
import synth  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent

FIRST = ["Anna", "Lukas", "Sophie", "Jonas", "Marie", "Luca", "Giulia", "Matteo", "Lucía", "Hugo", "Camille",
         "Léa", "Noah", "Emma", "Daan", "Sanne", "Pieter", "Chloé", "Mateo", "Sofía", "Jörg", "Björn", "Zoë",
         "Oliver", "Amelia", "Jack", "Isla", "Ethan", "Olivia", "Liam", "Ava", "Francesca", "Alessandro",
         "Javier", "Carmen", "Élodie", "Thibault", "Henrik", "Fatima", "Mehmet", "Aylin", "Priya", "Wei"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Bianchi", "Ferrari", "García",
        "Martínez", "López", "Dubois", "Lefèvre", "Moreau", "de Vries", "Jansen", "van den Berg", "Bakker",
        "Smith", "Jones", "Taylor", "Brown", "O'Neill", "Murphy", "Kowalski", "Nowak", "Yılmaz", "Novák",
        "Andersson", "Nielsen", "Fontaine", "Esposito", "Romano", "Fernández", "Peeters", "Mustermann"]
STREETS = {
    "en": ["{n} High Street", "{n} Station Road", "Flat {n}, Church Lane", "{n} Maple Avenue", "{n} Elm Street, Apt {m}"],
    "de": ["Hauptstraße {n}", "Bahnhofstr. {n}", "Lindenweg {n}a", "Am Markt {n}", "Schillerstraße {n}, {m}. OG"],
    "fr": ["{n} rue de la Paix", "{n}, avenue Victor Hugo", "{n} boulevard Saint-Michel", "{n} place du Marché"],
    "it": ["Via Roma {n}", "Corso Vittorio Emanuele {n}", "Piazza Garibaldi {n}", "Via dei Mille {n}"],
    "es": ["Calle Mayor {n}", "Avenida de la Constitución {n}, {m}º", "Plaza España {n}", "Calle del Sol {n}"],
    "nl": ["Kerkstraat {n}", "Dorpsstraat {n}-{m}", "Stationsweg {n}", "Prinsengracht {n}"],
}
CITIES = ["Berlin", "München", "Hamburg", "Köln", "Paris", "Lyon", "Marseille", "Roma", "Milano", "Torino",
          "Madrid", "Barcelona", "Sevilla", "Amsterdam", "Rotterdam", "Utrecht", "London", "Leeds", "Wien",
          "Zürich", "Bruxelles", "Lisboa", "Dublin", "Kraków", "Praha"]
GENDERS = ["F", "M", "X", "female", "male", "weiblich", "männlich", "donna", "uomo", "mujer", "hombre", "divers"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
DOMAINS = ["example.com", "example.org", "example.net", "example.de", "example.fr", "mail.example.co.uk"]
PROSE = [
    "Customer asked to change the delivery slot to the afternoon.",
    "Parcel returned by the courier, address label was damaged.",
    "Kunde wünscht Rückruf wegen der letzten Rechnung.",
    "Lieferung kam beschädigt an, Ersatz wurde verschickt.",
    "Le client souhaite être livré après 18 heures.",
    "Commande annulée à la demande du client, remboursement effectué.",
    "Il cliente chiede la fattura elettronica per la sua azienda.",
    "Consegna rimandata a causa dello sciopero dei trasporti.",
    "El cliente prefiere recibir las notificaciones por correo.",
    "Pedido entregado en la portería del edificio.",
    "Klant wil graag een nieuwe factuur met het juiste adres.",
    "Pakket is bij de buren afgeleverd.",
    "Prefers contact by e-mail; no calls before 10 am.",
    "Loyalty discount applied, see the spring campaign.",
    "Complained about the packaging; forwarded to the warehouse team.",
    "VIP customer since the 2019 launch, handle with care.",
    "Asked whether the blue model will be restocked in May.",
    "Payment reminder sent twice, then paid in full.",
    "Newsletter opt-out requested via the web form.",
    "Delivery note said 3 boxes, only 2 arrived.",
    "Return window extended by 14 days as a goodwill gesture.",
    "Café order for the office, delivered to reception.",
    "Size exchange: M to L, shipping label e-mailed.",
    "Bitte keine Werbung mehr zusenden.",
    "Rechnung 2 von 3 wurde bereits beglichen.",
    "Préfère être contacté le matin, jamais le week-end.",
    "Ha richiesto un preventivo per 12 pezzi.",
    "Necesita la factura antes del cierre del trimestre.",
    "Order split into two shipments because of stock levels.",
    "Warranty claim accepted; the replacement ships next week.",
    "Mentioned a typo in the street name on the last invoice.",
    "\"Urgent\" flag removed after the call, all good now.",
    "Discount code SPRING applied at checkout (10 % off).",
    "Asked for the user manual in French and Italian.",
]


def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def ean13(rng):
    while True:
        body = rng.choice(["40", "50", "80", "87", "76"]) + "".join(rng.choice("0123456789") for _ in range(10))
        s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        code = body + str((10 - s % 10) % 10)
        if not luhn_ok(code):
            return code


def order_number(rng):
    """16 digits failing Luhn, or ORD-2024-000123. Not used: letter prefixes (SO123456 reads as a Swiss
    plate or a US driving licence) and bare 8-11 digit numbers (lengths of many national IDs)."""
    if rng.random() < 0.5:
        while True:
            n = rng.choice("789") + "".join(rng.choice("0123456789") for _ in range(15))
            if not luhn_ok(n):
                return n
    return f"ORD-{rng.randint(2019, 2025)}-{rng.randint(0, 999999):06d}"


def ascii_fold(s):
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ë": "e", "í": "i",
                           "á": "a", "ó": "o", "ú": "u", "ñ": "n", "ç": "c", "ı": "i", "Ä": "Ae", "Ö": "Oe",
                           "Ü": "Ue", "É": "E", "Ø": "O", "ø": "o", "å": "a"})
    return "".join(c for c in s.translate(table).lower() if c.isalnum() or c in ".-")


def fmt_date(rng, y, m, d):
    style = rng.randrange(7)
    if style == 0:
        return f"{y:04d}-{m:02d}-{d:02d}"
    if style == 1:
        return f"{d:02d}.{m:02d}.{y:04d}"
    if style == 2:
        return f"{m:02d}/{d:02d}/{y:04d}"
    if style == 3:
        return f"{d:02d}/{m:02d}/{y:04d}"
    if style == 4:
        return f"{d} {MONTHS_EN[m - 1]} {y}"
    if style == 5:
        return f"{y:04d}/{m:02d}/{d:02d}"
    return f"{d:02d}-{m:02d}-{y:04d}"


BIRTH_WORDS = re.compile(r"urodzeni|born|geboren|geb\.|n[ée]e? le|naissance|nacimiento|nascita|nat[oa] |"
                         r"geboorte|\bdob\b|d\.o\.b|birth|f[öø]d|syntym|narozen|生年月日|出生", re.I)


class Pools:
    """Marked values and whole sentences from the rule examples."""

    def __init__(self, rules):
        self.by_rule = {r["id"]: r for r in rules}
        self.sentences = []  # (text, [(entity, rule)])
        for r in rules:
            for ex in r["examples"]:
                t = ex["text"]
                if any(c in t for c in "\n\r\t{\\") or not ex["spans"] or len(ex["spans"]) > 2:
                    continue
                # a sentence that also states a birth date (PESEL, CPR ... examples) holds a second,
                # unmarked DATE_OF_BIRTH: leave it out rather than label it half
                if r["entity"] != "DATE_OF_BIRTH" and BIRTH_WORDS.search(t):
                    continue
                self.sentences.append((t, r["entity"], r["id"]))

    def values(self, *rule_ids, exclude=()):
        out = []
        for rid in rule_ids:
            r = self.by_rule[rid]
            for ex in r["examples"]:
                for v in ex["values"]:
                    if v not in exclude and (v, r["entity"], rid) not in out:
                        out.append((v, r["entity"], rid))
        if not out:
            raise SystemExit(f"no example values for {rule_ids}")
        return out


def build_columns(pools):
    """(csv name, json path, kind, column entity, accept, generator(rng, row) -> (value, [(entity, rule)]) or value)"""
    P = pools

    def pool(*ids, exclude=()):
        vals = P.values(*ids, exclude=exclude)

        def gen(rng, row):
            v, e, rid = rng.choice(vals)
            return v, [(e, rid)]
        return gen

    def person(part):
        def gen(rng, row):
            if part == "first":
                return row["_first"], [("PERSON", "column")]
            if part == "last":
                return row["_last"], [("PERSON", "column")]
            return f"{row['_first']} {row['_last']}", [("PERSON", "column")]
        return gen

    def email(rng, row):
        if rng.random() < 0.2:
            v, e, rid = rng.choice(P.values("email"))
            return v, [(e, rid)]
        sep = rng.choice([".", "_", ""])
        return (f"{ascii_fold(row['_first'])}{sep}{ascii_fold(row['_last'])}{rng.choice(['', str(rng.randint(1, 99))])}"
                f"@{rng.choice(DOMAINS)}"), [("EMAIL_ADDRESS", "email")]

    def street(lang):
        def gen(rng, row):
            return rng.choice(STREETS[lang]).format(n=rng.randint(1, 199), m=rng.randint(1, 9)), [("LOCATION", "column")]
        return gen

    def dob(style):
        def gen(rng, row):
            y, m, d = row["_birth"]
            v = f"{d:02d}.{m:02d}.{y:04d}" if style == "de" else fmt_date(rng, y, m, d)
            return v, [("DATE_OF_BIRTH", "column")]
        return gen

    def coord(which):
        def gen(rng, row):
            lat, lon = row["_geo"]
            return (lat if which == "lat" else lon), [("GPS_COORDINATE", "column")]
        return gen

    def device_id(rng, row):
        if rng.random() < 0.5:
            return "".join(rng.choice("0123456789abcdef") for _ in range(16)), [("DEVICE_ID", "column")]
        return str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(), [("DEVICE_ID", "column")]

    ip_pool = P.values("ipv4", "ipv6")

    def ip(rng, row):
        if rng.random() < 0.3:
            v, e, rid = rng.choice(ip_pool)
            return v, [(e, rid)]
        if rng.random() < 0.5:
            v = f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}"
        else:
            v = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        return v, [("IP_ADDRESS", "ipv4")]

    def mac(rng, row):
        sep = rng.choice([":", "-"])
        octets = [rng.randrange(256) for _ in range(6)]
        octets[0] &= 0xFE
        v = sep.join(f"{o:02x}" for o in octets)
        return (v.upper() if rng.random() < 0.4 else v), [("MAC_ADDRESS", "mac-address")]

    def zip_code(rng, row):
        if rng.random() < 0.08:
            v, e, rid = rng.choice(P.values("gb-postcode"))
            return v, [(e, rid)]
        return str(rng.randint(10000, 99999)) if rng.random() < 0.8 else f"{rng.randint(1000, 9999)}", []

    def notes(rng, row):
        parts, labels = [], []
        k = rng.random()
        n_pii = 0 if k < 0.75 else (1 if k < 0.93 else 2)
        for _ in range(n_pii):
            text, ent, rid = rng.choice(P.sentences)
            parts.append(text)
            labels.append((ent, rid))
        for _ in range(rng.randint(1, 2) if n_pii else rng.randint(1, 3)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(PROSE))
        sep = "\n" if rng.random() < 0.1 else " "
        return sep.join(parts), labels

    def version(rng, row):
        r = rng.random()
        if r < 0.2:
            return f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}.{rng.randint(0, 255)}", []
        if r < 0.3:
            return f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(1000, 9999)}", []
        if r < 0.4:
            return f"{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}-beta.{rng.randint(1, 9)}", []
        return f"{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}", []

    def created_at(rng, row):
        y, mo, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        style = rng.randrange(3)
        if style == 0:
            return f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z", []
        if style == 1:
            return f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}", []
        return f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{rng.randint(0, 999):03d}+01:00", []

    L = "lookalike"
    cols = [
        ("id", "$.id", "key", None, [], lambda rng, row: (row["_id"], [])),
        ("customer", "$.customer.name", "direct", "PERSON", [], person("full")),
        ("vorname", "$.customer.vorname", "direct", "PERSON", [], person("first")),
        ("nachname", "$.customer.nachname", "direct", "PERSON", [], person("last")),
        ("email", "$.contact.email", "direct", "EMAIL_ADDRESS", [], email),
        ("phone", "$.contact.phone", "direct", "PHONE_NUMBER", [],
         pool("phone-international", "phone-us", "phone-gb")),
        ("telefon", "$.contact.telefon", "direct", "PHONE_NUMBER", [], pool("phone-de")),
        ("téléphone", "$.contact.téléphone", "direct", "PHONE_NUMBER", [], pool("phone-fr")),
        ("telefono", "$.contact.telefono", "direct", "PHONE_NUMBER", [], pool("phone-it", "phone-es")),
        ("telefoon", "$.contact.telefoon", "direct", "PHONE_NUMBER", [], pool("phone-nl")),
        ("iban", "$.payment.iban", "direct", "IBAN_CODE", [], pool("iban")),
        ("card_number", "$.payment.card_number", "direct", "CREDIT_CARD", [], pool("credit-card")),
        ("ssn", "$.ids.ssn", "direct", "US_SSN", [], pool("us-ssn", "us-ssn-unformatted")),
        ("bsn", "$.ids.bsn", "direct", "NL_BSN", [], pool("nl-bsn")),
        ("steuer_id", "$.ids.steuer_id", "direct", "DE_TAX_ID", [], pool("de-tax-id")),
        ("codice_fiscale", "$.ids.codice_fiscale", "direct", "IT_FISCAL_CODE", [], pool("it-codice-fiscale")),
        ("dni", "$.ids.dni", "direct", "ES_NIF", [], pool("es-dni")),
        ("nino", "$.ids.nino", "direct", "UK_NINO", [], pool("gb-nino")),
        ("kennzeichen", "$.vehicle.kennzeichen", "direct", "LICENSE_PLATE", [],
         pool("plate-de", "plate-de-context", "plate-at")),
        ("targa", "$.vehicle.targa", "direct", "LICENSE_PLATE", [], pool("plate-it")),
        ("plate", "$.vehicle.plate", "direct", "LICENSE_PLATE", [], pool("plate-gb", "plate-us", "plate-fr")),
        ("geburtsdatum", "$.customer.geburtsdatum", "direct", "DATE_OF_BIRTH", [], dob("de")),
        ("dob", "$.customer.dob", "direct", "DATE_OF_BIRTH", [], dob("mixed")),
        ("address", "$.address.street", "direct", "LOCATION", [], street("en")),
        ("strasse", "$.address.strasse", "direct", "LOCATION", [], street("de")),
        ("adresse", "$.address.adresse", "direct", "LOCATION", [], street("fr")),
        ("indirizzo", "$.address.indirizzo", "direct", "LOCATION", [], street("it")),
        ("direccion", "$.address.direccion", "direct", "LOCATION", [], street("es")),
        ("zip", "$.address.zip", "quasi", None, [], zip_code),
        ("city", "$.address.city", "quasi", None, [], lambda rng, row: (rng.choice(CITIES), [])),
        ("gender", "$.customer.gender", "quasi", None, [], lambda rng, row: (rng.choice(GENDERS), [])),
        ("birth_year", "$.customer.birth_year", "quasi", None, [], lambda rng, row: (row["_birth"][0], [])),
        ("lat", "$.geo.lat", "direct", "GPS_COORDINATE", [], coord("lat")),
        ("lon", "$.geo.lon", "direct", "GPS_COORDINATE", [], coord("lon")),
        ("device_id", "$.device.device_id", "direct", "DEVICE_ID", [], device_id),
        ("imei", "$.device.imei", "direct", "IMEI", ["DEVICE_ID"], pool("imei", "imei-unformatted")),
        ("ip_address", "$.device.ip", "direct", "IP_ADDRESS", [], ip),
        ("mac", "$.device.mac", "direct", "MAC_ADDRESS", [], mac),
        ("notes", "$.notes", "freetext", None, [], notes),
        ("order_id", "$.orders[0].order_id", L, None, [], lambda rng, row: (order_number(rng), [])),
        ("sku", "$.orders[0].sku", L, None, [],
         lambda rng, row: (f"SKU{rng.randint(10000, 99999)}-{rng.choice(['BLK', 'NAVY', 'RED', 'WHT'])}-"
                           f"{rng.choice(['S', 'M', 'L', 'XL'])}", [])),
        ("product_code", "$.orders[0].product_code", L, None, [], lambda rng, row: (ean13(rng), [])),
        ("quantity", "$.orders[0].quantity", L, None, [], lambda rng, row: (rng.randint(1, 48), [])),
        ("price", "$.orders[0].price", L, None, [],
         lambda rng, row: (round(rng.randint(99, 49999) / 100, 2), [])),
        ("amount", "$.orders[0].amount", L, None, [],
         lambda rng, row: (round(rng.randint(100, 2500000) / 100, 2), [])),
        ("invoice_no", "$.invoice_no", L, None, [],
         lambda rng, row: (f"{rng.choice(['INV', 'RE', 'FA', 'FT'])}-{rng.randint(2019, 2025)}-"
                           f"{rng.randint(1, 99999):05d}", [])),
        ("version", "$.meta.version", L, None, [], version),
        ("created_at", "$.meta.created_at", L, None, [], created_at),
        ("uuid", "$.meta.uuid", L, None, [],
         lambda rng, row: (str(uuid.UUID(int=rng.getrandbits(128), version=4)), [])),
        ("hash", "$.meta.hash", L, None, [],
         lambda rng, row: (hashlib.sha1(rng.getrandbits(64).to_bytes(8, "big")).hexdigest(), [])),
    ]
    return cols



def build_columns_realistic(pools):
    """--realistic: freshly synthesised values (scripts/synth.py) under headers as real exports write them:
    English headers in the CSV files (`Phone Number`, `E-mail Address`, `Date of Birth`), camelCase keys in
    JSONL (`phoneNumber`, `dateOfBirth`), national headers, generic headers that hide IDs (`ref`, `value`,
    `number`, `col7`, `id2`, `Kundennummer`), a column mixing two entities, JSON numbers, an array
    `$.contacts[*].phone`, values with surrounding spaces, and more look-alikes."""
    P = pools
    S = synth

    def lab(v, e, rid):
        return v, [(e, rid)]

    def padded(gen, p=0.06):
        """Surrounding spaces in some string values (sloppy exports); the label stays."""
        def g(rng, row):
            v, labels = gen(rng, row)
            if isinstance(v, str) and not isinstance(v, Num) and v and rng.random() < p:
                v = rng.choice([" ", "  ", ""]) + v + rng.choice([" ", "", "  "])
                if not v.startswith(" ") and not v.endswith(" "):
                    v = " " + v
            return v, labels
        return g

    def one(fn, rid):
        return padded(lambda rng, row: lab(*fn(rng), rid))

    def person(part):
        def gen(rng, row):
            if part == "first":
                return row["_first"], [("PERSON", "column")]
            if part == "last":
                return row["_last"], [("PERSON", "column")]
            return S.full_name(rng, row["_first"], row["_last"]), [("PERSON", "column")]
        return padded(gen)

    def email(rng, row):
        return lab(*S.email(rng, row["_first"], row["_last"]), "synth-email")

    def phone_main(rng, row):
        """International numbers; one in ten kept as digits only (a JSON number, or a spreadsheet that ate
        the +)."""
        if rng.random() < 0.1:
            return Num(S.phone_e164_digits(rng)), [("PHONE_NUMBER", "synth-phone-digits")]
        return S.phone_international(rng), [("PHONE_NUMBER", "synth-phone-intl")]

    def phone_nat(cc):
        return padded(lambda rng, row: (S.phone_national(rng, cc), [("PHONE_NUMBER", f"synth-phone-{cc.lower()}")]))

    def phone_any(rng, row):
        cc = rng.choice(list(S.PLANS))
        if rng.random() < 0.5:
            return S.phone_international(rng, cc), [("PHONE_NUMBER", "synth-phone-intl")]
        return S.phone_national(rng, cc), [("PHONE_NUMBER", f"synth-phone-{cc.lower()}")]

    def kundennummer(rng, row):   # a German CRM export: the customer's phone under "Kundennummer"
        if rng.random() < 0.5:
            return S.phone_international(rng, "DE"), [("PHONE_NUMBER", "synth-phone-intl")]
        return S.phone_national(rng, "DE"), [("PHONE_NUMBER", "synth-phone-de")]

    def contact(rng, row):   # mixed column: phone (60 %) or e-mail
        if rng.random() < 0.6:
            return phone_any(rng, row)
        return email(rng, row)

    def imei(rng, row):
        v, e = S.imei(rng)
        if v.isdigit() and v[0] != "0" and rng.random() < 0.5:   # a JSON number cannot keep a leading 0
            return Num(v), [(e, "synth-imei")]
        return v, [(e, "synth-imei")]

    def cf(rng, row):
        return lab(*S.codice_fiscale(rng, row["_first"], row["_last"], row["_birth"]), "synth-cf")

    def dob(styles=None):
        def gen(rng, row):
            y, m, d = row["_birth"]
            return S.date_text(rng, y, m, d, rng.choice(styles) if styles else None), [("DATE_OF_BIRTH", "column")]
        return padded(gen)

    def street(lang=None):
        def gen(rng, row):
            lg = lang or rng.choice(["de", "fr", "it", "es", "nl", "en"])
            v, e = S.street(rng, lg)
            return v, [(e, "column")]
        return padded(gen)

    def coord(which):
        def gen(rng, row):
            lat, lon = row["_geo"]
            return (lat if which == "lat" else lon), [("GPS_COORDINATE", "column")]
        return gen

    def device_id(rng, row):
        r = rng.random()
        if r < 0.4:
            return "".join(rng.choice("0123456789abcdef") for _ in range(16)), [("DEVICE_ID", "column")]
        if r < 0.8:
            return str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(), [("DEVICE_ID", "column")]
        serial = [rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(12)]
        serial[rng.randrange(1, 12)] = rng.choice("0123456789")   # hardware serials carry digits
        return "".join(serial), [("DEVICE_ID", "column")]

    def zip_code(rng, row):
        lg = row["_lang"]
        if lg in ("de", "fr", "it", "es"):
            return f"{rng.randint(1000, 99999):05d}", []
        if lg == "nl":
            return f"{rng.randint(1000, 9999)} {rng.choice('BCDGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEHJKLMNPRSTVXZ')}", []
        return str(rng.randint(1000, 9999)), []

    # example sentences that hold a second, unmarked IBAN (the swift-bic examples name one) would be
    # unlabelled IBAN_CODE cells: leave them out
    iban_like = re.compile(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){3,7}")
    clean_sentences = [(t, e, r) for t, e, r in P.sentences if e == "IBAN_CODE" or not iban_like.search(t)]

    def notes(rng, row):
        parts, labels = [], []
        k = rng.random()
        if k < 0.12:
            v = S.phone_international(rng)
            parts.append(rng.choice(["Please call back on {v}.", "Neue Nummer: {v}", "Rappeler au {v} svp.",
                                     "Mobile changed to {v} last week."]).format(v=v))
            labels.append(("PHONE_NUMBER", "synth-phone-intl"))
        elif k < 0.2:
            v, _ = S.email(rng, row["_first"], row["_last"])
            parts.append(rng.choice(["Send invoices to {v} from now on.", "Bitte Rechnung an {v} schicken.",
                                     "Alternative e-mail: {v}"]).format(v=v))
            labels.append(("EMAIL_ADDRESS", "synth-email"))
        elif k < 0.25:
            v, _ = S.iban(rng)
            parts.append(rng.choice(["Refund to IBAN {v} approved.", "Neue Bankverbindung: IBAN {v}"]).format(v=v))
            labels.append(("IBAN_CODE", "synth-iban"))
        elif k < 0.33:
            text, ent, rid = rng.choice(clean_sentences)
            parts.append(text)
            labels.append((ent, rid))
        for _ in range(rng.randint(1, 2) if labels else rng.randint(1, 3)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(PROSE))
        return (" " if rng.random() < 0.9 else "\n").join(parts), labels

    # ---- look-alikes
    def invoice_no(rng, row):   # bare 9-digit invoice numbers (SSN, BSN, SIREN length)
        return str(rng.randint(100000000, 999999999)), []

    def tracking(rng, row):
        r = rng.random()
        if r < 0.25:
            return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(6)) + \
                "".join(rng.choice("0123456789") for _ in range(10)), []
        if r < 0.45:
            return "JJD" + "".join(rng.choice("0123456789") for _ in range(18)), []
        if r < 0.6:
            return "00" + "".join(rng.choice("0123456789") for _ in range(18)), []
        if r < 0.75:
            d = "9400" + "".join(rng.choice("0123456789") for _ in range(18))
            return " ".join(d[i:i + 4] for i in range(0, 22, 4)), []
        if r < 0.88:
            return f"{rng.choice(['RR', 'CP', 'LX', 'RB'])}{rng.randint(100000000, 999999999)}{rng.choice(['DE', 'GB', 'NL', 'FR'])}", []
        return str(rng.randint(10 ** 11, 10 ** 12 - 1)), []   # FedEx 12 digits

    def discount(rng, row):
        r = rng.random()
        if r < 0.4:
            return f"{rng.randint(1, 60)}%", []
        if r < 0.7:
            return f"{rng.randint(1, 60)}.{rng.randint(0, 9)} %", []
        return f"0.{rng.randint(1, 60):02d}", []

    def depot(rng, row):   # a city-level location (2 decimals) in a column not named for coordinates
        lat, lon = rng.uniform(36, 59), rng.uniform(-9, 24)
        return (f"{lat:.2f}, {lon:.2f}" if rng.random() < 0.6 else f"{lat:.2f}"), []

    def balance(rng, row):
        v = rng.randint(-50000, 2000000) / 100
        r = rng.random()
        if r < 0.4:
            return f"{v:.2f}", []
        if r < 0.7:
            return f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".") + " €", []
        return f"${v:,.2f}", []

    def customer_since(rng, row):   # a date that is not a date of birth
        return S.date_text(rng, rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28),
                           rng.choice(["iso", "dmy.", "mdy/", "dmy/"])), []

    def version(rng, row):
        r = rng.random()
        if r < 0.15:
            return f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}.{rng.randint(0, 255)}", []
        if r < 0.3:
            return f"v{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}", []
        if r < 0.4:
            return f"{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}-rc.{rng.randint(1, 9)}", []
        return f"{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}", []

    def created_at(rng, row):
        y, mo, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        style = rng.randrange(4)
        if style == 0:
            return f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z", []
        if style == 1:
            return f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}", []
        if style == 2:
            return Num(str(rng.randint(1546300800, 1767225600))), []   # Unix seconds
        return f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{rng.randint(0, 999):03d}+01:00", []

    L = "lookalike"
    D = "direct"
    cols = [
        ("Customer ID", "$.customerId", "key", None, [], lambda rng, row: (f"C-{row['_id']}", [])),
        ("Full Name", "$.fullName", D, "PERSON", [], person("full")),
        ("first_name", "$.name.firstName", D, "PERSON", [], person("first")),
        ("last_name", "$.name.lastName", D, "PERSON", [], person("last")),
        ("E-mail Address", "$.emailAddress", D, "EMAIL_ADDRESS", [], padded(email)),
        ("Phone Number", "$.phoneNumber", D, "PHONE_NUMBER", [], padded(phone_main)),
        ("Mobile", "$.contacts[0].phone", D, "PHONE_NUMBER", [], padded(phone_any)),
        ("Phone 2", "$.contacts[1].phone", D, "PHONE_NUMBER", [], phone_any),
        ("telefon", "$.kontakt.telefon", D, "PHONE_NUMBER", [], phone_nat("DE")),
        ("téléphone", "$.contact.téléphone", D, "PHONE_NUMBER", [], phone_nat("FR")),
        ("telefono", "$.contatto.telefono", D, "PHONE_NUMBER", [], phone_nat("IT")),
        ("teléfono", "$.contacto.teléfono", D, "PHONE_NUMBER", [], phone_nat("ES")),
        ("telefoon", "$.contact.telefoon", D, "PHONE_NUMBER", [], phone_nat("NL")),
        ("telephone", "$.contact.telephone", D, "PHONE_NUMBER", [], phone_nat("GB")),
        ("phone_us", "$.contact.phoneUs", D, "PHONE_NUMBER", [], phone_nat("US")),
        ("Kundennummer", "$.kundennummer", D, "PHONE_NUMBER", [], kundennummer),
        ("number", "$.number", D, "PHONE_NUMBER", [], lambda rng, row: lab(S.phone_international(rng), "PHONE_NUMBER", "synth-phone-intl")),
        ("contact", "$.contact.value", D, "PHONE_NUMBER", [], contact),
        ("IBAN", "$.payment.iban", D, "IBAN_CODE", [], one(S.iban, "synth-iban")),
        ("ref", "$.payment.ref", D, "IBAN_CODE", [], one(S.iban, "synth-iban")),
        ("Card Number", "$.payment.cardNumber", D, "CREDIT_CARD", [], one(S.card, "synth-card")),
        ("value", "$.payment.value", D, "CREDIT_CARD", [], one(S.card, "synth-card")),
        ("ssn", "$.ids.ssn", D, "US_SSN", [], one(S.ssn, "synth-ssn")),
        ("id2", "$.ids.id2", D, "US_SSN", [], one(S.ssn_formatted, "synth-ssn")),
        ("bsn", "$.ids.bsn", D, "NL_BSN", [], one(S.bsn, "synth-bsn")),
        ("steuer_id", "$.ids.steuerId", D, "DE_TAX_ID", [], one(S.steuer_id, "synth-steuer-id")),
        ("codice_fiscale", "$.ids.codiceFiscale", D, "IT_FISCAL_CODE", [], padded(cf)),
        ("dni", "$.ids.dni", D, "ES_NIF", [], one(S.dni, "synth-dni")),
        ("nino", "$.ids.nino", D, "UK_NINO", [], one(S.nino, "synth-nino")),
        ("col7", "$.col7", D, "UK_NINO", [], one(S.nino, "synth-nino")),
        ("kennzeichen", "$.vehicle.kennzeichen", D, "LICENSE_PLATE", [], one(S.plate_de, "synth-plate-de")),
        ("immatriculation", "$.vehicle.immatriculation", D, "LICENSE_PLATE", [], one(S.plate_fr, "synth-plate-fr")),
        ("targa", "$.vehicle.targa", D, "LICENSE_PLATE", [], one(S.plate_it, "synth-plate-it")),
        ("matrícula", "$.vehicle.matricula", D, "LICENSE_PLATE", [], one(S.plate_es, "synth-plate-es")),
        ("kenteken", "$.vehicle.kenteken", D, "LICENSE_PLATE", [], one(S.plate_nl, "synth-plate-nl")),
        ("License Plate", "$.vehicle.licensePlate", D, "LICENSE_PLATE", [], one(S.plate_gb, "synth-plate-gb")),
        ("Date of Birth", "$.dateOfBirth", D, "DATE_OF_BIRTH", [], dob()),
        ("geburtsdatum", "$.person.geburtsdatum", D, "DATE_OF_BIRTH", [], dob(["dmy.", "d.m.y", "d. Monat y", "iso"])),
        ("Street Address", "$.address.streetAddress", D, "LOCATION", [], street()),
        ("strasse", "$.address.strasse", D, "LOCATION", [], street("de")),
        ("adresse", "$.address.adresse", D, "LOCATION", [], street("fr")),
        ("indirizzo", "$.address.indirizzo", D, "LOCATION", [], street("it")),
        ("dirección", "$.address.direccion", D, "LOCATION", [], street("es")),
        ("adres", "$.address.adres", D, "LOCATION", [], street("nl")),
        ("zip", "$.address.zip", "quasi", None, [], zip_code),
        ("city", "$.address.city", "quasi", None, [], lambda rng, row: (rng.choice(CITIES), [])),
        ("gender", "$.gender", "quasi", None, [], lambda rng, row: (rng.choice(GENDERS), [])),
        ("birth_year", "$.birthYear", "quasi", None, [], lambda rng, row: (row["_birth"][0], [])),
        ("Latitude", "$.geo.lat", D, "GPS_COORDINATE", [], coord("lat")),
        ("Longitude", "$.geo.lng", D, "GPS_COORDINATE", [], coord("lon")),
        ("Device ID", "$.device.deviceId", D, "DEVICE_ID", [], device_id),
        ("IMEI", "$.device.imei", D, "IMEI", ["DEVICE_ID"], imei),
        ("IP Address", "$.device.ipAddress", D, "IP_ADDRESS", [], one(S.ip, "synth-ip")),
        ("MAC", "$.device.macAddress", D, "MAC_ADDRESS", [], one(S.mac, "synth-mac")),
        ("notes", "$.notes", "freetext", None, [], notes),
        ("order_id", "$.orders[0].orderId", L, None, [], lambda rng, row: (order_number(rng), [])),
        ("sku", "$.orders[0].sku", L, None, [],
         lambda rng, row: (f"SKU{rng.randint(10000, 99999)}-{rng.choice(['BLK', 'NAVY', 'RED', 'WHT'])}-"
                           f"{rng.choice(['S', 'M', 'L', 'XL'])}", [])),
        ("EAN", "$.orders[0].ean", L, None, [], lambda rng, row: (ean13(rng), [])),
        ("quantity", "$.orders[0].quantity", L, None, [], lambda rng, row: (rng.randint(1, 48), [])),
        ("price", "$.orders[0].price", L, None, [], lambda rng, row: (round(rng.randint(99, 49999) / 100, 2), [])),
        ("discount", "$.orders[0].discount", L, None, [], discount),
        ("tracking_no", "$.orders[0].trackingNumber", L, None, [], tracking),
        ("invoice_no", "$.invoiceNumber", L, None, [], invoice_no),
        ("balance", "$.account.balance", L, None, [], balance),
        ("customer_since", "$.account.customerSince", L, None, [], customer_since),
        ("depot", "$.logistics.depot", L, None, [], depot),
        ("version", "$.meta.appVersion", L, None, [], version),
        ("updated_at", "$.meta.updatedAt", L, None, [], created_at),
        ("uuid", "$.meta.uuid", L, None, [],
         lambda rng, row: (str(uuid.UUID(int=rng.getrandbits(128), version=4)), [])),
        ("sha1", "$.meta.sha1", L, None, [],
         lambda rng, row: (hashlib.sha1(rng.getrandbits(64).to_bytes(8, "big")).hexdigest(), [])),
    ]
    return cols


class Num(str):
    """A number kept as its text (fixed decimals): bare in JSON, as-is in CSV."""


def make_rows(n, seed, pools, realistic=False):
    cols = build_columns_realistic(pools) if realistic else build_columns(pools)
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        row = {"_id": 100000 + i, "_first": rng.choice(FIRST), "_last": rng.choice(LAST),
               "_birth": (rng.randint(1940, 2006), rng.randint(1, 12), rng.randint(1, 28))}
        if realistic:
            row["_first"], row["_last"], row["_lang"] = synth.name(rng)
        places = rng.randint(4, 6)
        row["_geo"] = (Num(f"{rng.uniform(36.0, 59.0):.{places}f}"), Num(f"{rng.uniform(-9.0, 24.0):.{rng.randint(4, 6)}f}"))
        cells = {}
        for name, path, kind, ent, accept, gen in cols:
            empty_p = 0.0 if kind == "key" else (0.3 if name == "notes" else 0.1)
            if name == "Phone 2":
                empty_p = 0.7   # a second contact in some records only
            if rng.random() < empty_p:
                cells[name] = (None, [])
                continue
            value, labels = gen(rng, row)
            cells[name] = (value, labels)
        # a second order in some JSONL records (array paths); CSV keeps only the first
        extra = None
        r_extra = rng.random()
        if r_extra < 0.3 and realistic:
            extra = {"orderId": order_number(rng), "sku": f"SKU{rng.randint(10000, 99999)}-BLK-M",
                     "ean": ean13(rng), "quantity": rng.randint(1, 9), "price": round(rng.randint(99, 9999) / 100, 2)}
        elif r_extra < 0.3:
            extra = {"order_id": order_number(rng), "sku": f"SKU{rng.randint(10000, 99999)}-BLK-M",
                     "product_code": ean13(rng), "quantity": rng.randint(1, 9),
                     "price": round(rng.randint(99, 9999) / 100, 2), "amount": round(rng.randint(100, 99999) / 100, 2)}
        rows.append((cells, extra, {"ascii": rng.random() < 0.4, "slash": rng.random() < 0.3}))
    return cols, rows


def csv_text(v, sep, decimal_comma=False):
    if v is None:
        return ""
    if isinstance(v, (float, Num)):
        s = str(v) if isinstance(v, Num) else repr(v)
        return s.replace(".", ",") if decimal_comma else s
    s = str(v)
    if sep == "\t":
        return s.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    if any(c in s for c in (sep, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def json_string(s, ascii_only, slash):
    out = ['"']
    for c in s:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == "/" and slash:
            out.append("\\/")
        elif o < 0x20:
            out.append(f"\\u{o:04x}")
        elif o > 0x7E and ascii_only:
            if o > 0xFFFF:
                o -= 0x10000
                out.append(f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}")
            else:
                out.append(f"\\u{o:04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def json_value(v, style):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, Num)):
        return str(v) if isinstance(v, Num) else repr(v)
    if isinstance(v, str):
        return json_string(v, style["ascii"], style["slash"])
    if isinstance(v, list):
        return "[" + ",".join(json_value(x, style) for x in v) + "]"
    return "{" + ",".join(json_string(k, style["ascii"], style["slash"]) + ":" + json_value(x, style)
                          for k, x in v.items()) + "}"


def path_parts(path):
    """'$.orders[0].sku' -> ['orders', 0, 'sku']"""
    parts = []
    for seg in path[2:].split("."):
        while "[" in seg:
            head, _, rest = seg.partition("[")
            if head:
                parts.append(head)
            idx, _, seg = rest.partition("]")
            parts.append(int(idx))
        if seg:
            parts.append(seg)
    return parts


def put(obj, parts, value):
    cur = obj
    for i, p in enumerate(parts[:-1]):
        nxt = parts[i + 1]
        if isinstance(p, int):
            while len(cur) <= p:
                cur.append({} if not isinstance(nxt, int) else [])
            cur = cur[p]
        else:
            if p not in cur:
                cur[p] = [] if isinstance(nxt, int) else {}
            cur = cur[p]
    last = parts[-1]
    if isinstance(last, int):
        while len(cur) <= last:
            cur.append(None)
        cur[last] = value
    else:
        cur[last] = value


def star(path):
    import re
    return re.sub(r"\[\d+\]", "[*]", path)


def write_corpus(out, cols, rows):
    out.mkdir(parents=True, exist_ok=True)
    names = [c[0] for c in cols]
    labels = []
    variants = [("customers.csv", ",", False), ("customers-semicolon.csv", ";", True), ("customers.tsv", "\t", False)]
    for fname, sep, dec in variants:
        with open(out / fname, "w", encoding="utf-8", newline="") as f:
            eol = "\r\n" if sep == "," else "\n"
            f.write(sep.join(csv_text(n, sep) for n in names) + eol)
            for rec, (cells, _, _) in enumerate(rows, 1):
                f.write(sep.join(csv_text(cells[n][0], sep, dec and n in ("amount", "price", "lat", "lon", "Latitude", "Longitude")) for n in names) + eol)
                for (name, path, kind, ent, accept, _) in cols:
                    for e, rid in sorted(set(cells[name][1])):
                        labels.append({"file": fname, "record": rec, "field": name, "column": name, "entity": e,
                                       "accept": accept if e == ent else [], "rule": rid})
    with open(out / "customers.jsonl", "w", encoding="utf-8", newline="") as f:
        for rec, (cells, extra, style) in enumerate(rows, 1):
            obj = {}
            for (name, path, kind, ent, accept, _) in cols:
                v = cells[name][0]
                if v is None:
                    r = (rec * 7 + len(name)) % 3
                    if r == 0:
                        continue          # key omitted
                    v = None if r == 1 else ""
                put(obj, path_parts(path), v)
                for e, rid in sorted(set(cells[name][1])):
                    labels.append({"file": "customers.jsonl", "record": rec, "field": path, "column": name,
                                   "entity": e, "accept": accept if e == ent else [], "rule": rid})
            if extra:
                obj.setdefault("orders", [{}]).append(extra)
            f.write(json_value(obj, style) + "\n")
    with open(out / "labels.jsonl", "w", encoding="utf-8") as f:
        for lab in labels:
            f.write(json.dumps(lab, ensure_ascii=False) + "\n")
    columns = {}
    for fname, _, _ in variants:
        columns[fname] = {n: {"kind": k, "entity": e, "accept": a, "column": n} for n, _, k, e, a, _ in cols}
    columns["customers.jsonl"] = {star(p): {"kind": k, "entity": e, "accept": a, "column": n}
                                  for n, p, k, e, a, _ in cols}
    for k in ("order_id", "sku", "product_code", "quantity", "price", "amount"):
        columns["customers.jsonl"][f"$.orders[*].{k}"] = {"kind": "lookalike", "entity": None, "accept": [], "column": k}
    (out / "columns.json").write_text(json.dumps(columns, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return labels


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--rules", default=str(ROOT / "rules"))
    ap.add_argument("--realistic", action="store_true",
                    help="synthesise fresh valid values (scripts/synth.py) and write a harder, export-like table")
    a = ap.parse_args()
    pools = Pools(load_rules(pathlib.Path(a.rules)))
    cols, rows = make_rows(a.rows, a.seed, pools, realistic=a.realistic)
    out = pathlib.Path(a.out)
    labels = write_corpus(out, cols, rows)
    per_entity = {}
    for lab in labels:
        if lab["file"] == "customers.csv":
            per_entity[lab["entity"]] = per_entity.get(lab["entity"], 0) + 1
    nonempty = sum(1 for cells, _, _ in rows for v, _ in cells.values() if v not in (None, ""))
    stats = {"rows": a.rows, "seed": a.seed, "mode": "realistic" if a.realistic else "examples", "columns": len(cols), "cells_per_file": a.rows * len(cols),
             "non_empty_cells_per_file": nonempty, "files": ["customers.csv", "customers-semicolon.csv",
                                                              "customers.tsv", "customers.jsonl"],
             "labels_total": len(labels), "labelled_cells_per_entity_per_file": dict(sorted(per_entity.items())),
             "notes_sentences_pool": len(pools.sentences)}
    (out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
