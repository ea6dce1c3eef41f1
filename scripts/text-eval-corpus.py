#!/usr/bin/env python3
"""A labelled multilingual text corpus for precision and recall (issue 11), synthetic values only.

    python3 scripts/text-eval-corpus.py --out bench-out/text-eval [--seed 11] [--per-type 120] [--negatives 4000]

Writes DIR/corpus.txt (positive lines, then a line `#### negatives`, then look-alike lines that hold no
personal value), DIR/gold.jsonl (one span per personal value: byte start and end in corpus.txt, entity, the
generator's kind, the label style, the language) and DIR/meta.json (byte range of the negative part).

Every value is generated here with its issuer's check (mod 97, Luhn, mod 11, two check digits ...) and
checked again with python-stdnum where stdnum knows the type, so the gold is valid by construction; the
negative part holds the same values changed in one digit so that they fail their check (checked with
stdnum too), order and invoice numbers, timestamps, versions, hashes, UUIDs, SKUs and prices.

Each value appears under its own label in the local language and in English, under generic labels
(`ID:`, `ref`, `number`, `user_id=`, `Customer X, number ...`), with no label, compact and formatted,
followed by upper-case words, as a JSON member and as key=value. scripts/text-eval.py scores a scan.
"""
import argparse
import json
import pathlib
import random
import string
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402  (the records corpus's generators: IBAN, cards, SSN, BSN, Steuer-ID, DNI ...)

from stdnum import imei as sn_imei, iban as sn_iban, luhn as sn_luhn  # noqa: E402
from stdnum.ar import cuit as sn_cuit  # noqa: E402
from stdnum.br import cpf as sn_cpf, cnpj as sn_cnpj  # noqa: E402
from stdnum.de import idnr as sn_idnr  # noqa: E402
from stdnum.es import dni as sn_dni, nie as sn_nie  # noqa: E402
from stdnum.eu import vat as sn_vat  # noqa: E402
from stdnum.fr import nir as sn_nir  # noqa: E402
from stdnum.gb import nhs as sn_nhs  # noqa: E402
from stdnum.it import codicefiscale as sn_cf  # noqa: E402
from stdnum.nl import bsn as sn_bsn  # noqa: E402
from stdnum.mx import rfc as sn_rfc  # noqa: E402
from stdnum.pl import pesel as sn_pesel  # noqa: E402
from stdnum.tr import tckimlik as sn_tckn  # noqa: E402
from stdnum.us import itin as sn_itin, ssn as sn_ssn  # noqa: E402

D = string.digits


def rdig(rng, n, first=D):
    return synth.digits(rng, n, first)


def weighted(body, weights):
    return sum(int(c) * w for c, w in zip(body, weights))


# ------------------------------------------------------------------ generators: compact value, then spellings
# Each returns the compact value; FORMATS[kind] lists the spellings an issuer prints.

def gen_cuit(rng):
    while True:
        body = rng.choice(["20", "23", "24", "27", "30", "33"]) + rdig(rng, 8)
        r = 11 - weighted(body, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11
        if r == 10:
            continue
        return body + str(0 if r == 11 else r)


def gen_cpf(rng):
    b = [rng.randrange(10) for _ in range(9)]
    if len(set(b)) == 1:
        b[0] = (b[0] + 1) % 10
    for n in (10, 11):
        s = sum(x * w for x, w in zip(b, range(n, 1, -1)))
        b.append(0 if s % 11 < 2 else 11 - s % 11)
    return "".join(map(str, b))


def gen_cnpj(rng):
    b = [int(c) for c in rdig(rng, 8)] + [0, 0, 0, rng.randint(1, 3)]
    for ws in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        s = sum(x * w for x, w in zip(b, ws))
        b.append(0 if s % 11 < 2 else 11 - s % 11)
    return "".join(map(str, b))


def gen_tckn(rng):
    d = [int(c) for c in rdig(rng, 9, "123456789")]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(d10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def gen_pesel(rng):
    y, m, day = rng.randint(1940, 2012), rng.randint(1, 12), rng.randint(1, 28)
    mm = m + (20 if y >= 2000 else 0)
    body = f"{y % 100:02d}{mm:02d}{day:02d}" + rdig(rng, 4)
    c = (10 - weighted(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10) % 10
    return body + str(c)


def gen_nir(rng):
    body = (rng.choice("12") + f"{rng.randint(40, 99):02d}" + f"{rng.randint(1, 12):02d}"
            + rng.choice(["75", "69", "13", "33", "59", "67", "31", "44"]) + f"{rng.randint(1, 999):03d}"
            + f"{rng.randint(1, 999):03d}")
    return body + f"{97 - int(body) % 97:02d}"


def gen_nhs(rng):
    while True:
        body = rdig(rng, 9, "3456789")
        r = 11 - weighted(body, range(10, 1, -1)) % 11
        if r == 10:
            continue
        return body + str(0 if r == 11 else r)


def gen_itin(rng):
    # IRS groups 70-88, 90-92, 94-99 (50-65, added in 2011, are left out: stdnum 2.2 does not know them)
    mid = rng.choice([x for x in range(70, 100) if x not in (89, 93)])
    return "9" + rdig(rng, 2) + f"{mid:02d}" + rdig(rng, 4)


def gen_ssn(rng):
    while True:
        d = synth.ssn_digits(rng)
        if d[:3] not in ("078", "219") and sn_ssn.is_valid(d):
            return d


def gen_nie(rng):
    lead = rng.choice("XYZ")
    n7 = rdig(rng, 7)
    return lead + n7 + synth.DNI_LETTERS[int(str("XYZ".index(lead)) + n7) % 23]


def gen_dni(rng):
    n = rdig(rng, 8, "123456789")
    return n + synth.DNI_LETTERS[int(n) % 23]


def gen_cf(rng):
    f, l_, _ = synth.name(rng, "it")
    return synth.codice_fiscale(rng, f, l_, (rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)))[0]


def gen_nino(rng):
    return synth.nino(rng)[0].replace(" ", "")


def _vat_de(rng):
    body = rdig(rng, 8, "123456789")
    p = 10
    for c in body:
        s = (int(c) + p) % 10 or 10
        p = (2 * s) % 11
    return "DE" + body + str((11 - p) % 10)


def _vat_fr(rng):
    siren = rdig(rng, 8, "123456789")
    siren += synth.luhn_check_digit(siren)
    return "FR" + f"{(12 + 3 * (int(siren) % 97)) % 97:02d}" + siren


def _vat_nl(rng):
    return "NL" + gen_bsn(rng) + "B" + f"{rng.randint(1, 20):02d}"


def _vat_at(rng):
    while True:
        b = rdig(rng, 7)
        s = 0
        for i, c in enumerate(b):
            x = int(c) * (1 if i % 2 == 0 else 2)
            s += x // 10 + x % 10
        return "ATU" + b + str((96 - s) % 10)


def _vat_be(rng):
    b = "0" + rdig(rng, 7, "123456789")
    return "BE" + b + f"{97 - int(b) % 97:02d}"


def _vat_es(rng):
    b = rdig(rng, 7)
    s = 0
    for i, c in enumerate(b):
        x = int(c) * (2 if i % 2 == 0 else 1)
        s += x // 10 + x % 10
    return "ESB" + b + str((10 - s % 10) % 10)


def _vat_it(rng):
    b = rdig(rng, 7) + f"{rng.randint(1, 100):03d}"
    return "IT" + b + synth.luhn_check_digit(b)


def _vat_pl(rng):
    while True:
        b = rdig(rng, 9, "123456789")
        c = weighted(b, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11
        if c < 10:
            return "PL" + b + str(c)


def _vat_dk(rng):
    while True:
        b = rdig(rng, 7, "123456789")
        s = weighted(b, [2, 7, 6, 5, 4, 3, 2])
        c = (11 - s % 11) % 11
        if c < 10:
            return "DK" + b + str(c)


def _vat_pt(rng):
    while True:
        b = rng.choice("125") + rdig(rng, 7)
        c = 11 - weighted(b, range(9, 1, -1)) % 11
        return "PT" + b + str(0 if c >= 10 else c)


# other member states: random digits of the state's length, drawn again until python-stdnum's check passes
VAT_SHAPES = {"BG": 9, "CZ": 8, "EE": 9, "EL": 9, "FI": 8, "HR": 11, "HU": 8, "LT": 9, "LU": 8, "LV": 11, "MT": 8,
              "RO": 8, "SE": 10, "SI": 8, "SK": 10, "CY": 8}


def _vat_other(rng):
    cc = rng.choice(list(VAT_SHAPES))
    while True:
        v = cc + rdig(rng, VAT_SHAPES[cc], "123456789")
        if cc == "SE":
            v += "01"
        if cc == "CY":
            v = v[:2] + "1" + v[3:] + rng.choice(string.ascii_uppercase)
        if sn_vat.is_valid(v):
            return v


VAT_GENS = [_vat_de, _vat_fr, _vat_nl, _vat_at, _vat_be, _vat_es, _vat_it, _vat_pl, _vat_dk, _vat_pt, _vat_other,
            _vat_other, _vat_other]


def gen_vat(rng):
    return rng.choice(VAT_GENS)(rng)


def gen_bsn(rng):
    return synth.bsn_digits(rng)


def gen_idnr(rng):
    return synth.steuer_id_digits(rng)


# countries whose BBAN is all digits, with the BBAN length (ISO 13616 registry), beside synth's ten
IBAN_DIGITS = {"PL": 24, "PT": 21, "SE": 20, "DK": 14, "FI": 14, "NO": 11, "HR": 17, "SI": 15, "LT": 16, "EE": 16,
               "CZ": 20, "SK": 20, "HU": 24, "TR": 22, "GR": 23, "LU": 16, "RS": 18, "IS": 22}


def iban_digits(rng, cc):
    bban = rdig(rng, IBAN_DIGITS[cc])
    if cc == "TR":   # 5-digit bank code, a reserved 0, 16-digit account
        bban = bban[:5] + "0" + bban[6:]
    return f"{cc}{98 - synth.mod97(bban + cc + '00'):02d}{bban}"


def gen_iban(rng):
    """synth's IBANs and the all-digit ones pass mod 97; some countries add a national check (ES, FR, IT,
    NO, PT ...): draw again until python-stdnum accepts it."""
    while True:
        v = synth.iban_compact(rng) if rng.random() < 0.5 else iban_digits(rng, rng.choice(list(IBAN_DIGITS)))
        if sn_iban.is_valid(v):
            return v


def gen_card(rng):
    return synth.card_digits(rng)[0]


def gen_imei(rng):
    return synth.imei_digits(rng)


DE_ID_CHARS = "0123456789CFGHJKLMNPRTVWXYZ"


def icao_check(s):
    """ICAO 9303 check digit: weights 7, 3, 1; digits as such, A=10 ... Z=35."""
    return str(sum((int(c) if c.isdigit() else ord(c) - 55) * (7, 3, 1)[i % 3] for i, c in enumerate(s)) % 10)


def gen_de_id(rng):
    serial = rng.choice(DE_ID_CHARS[10:]) + "".join(rng.choice(DE_ID_CHARS) for _ in range(8))
    return serial + icao_check(serial)


def gen_rfc(rng):
    """A person's RFC: 4 letters, YYMMDD, a 2-character homoclave and the mod 11 check character (drawn
    until python-stdnum's check passes)."""
    while True:
        v = ("".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVZ") for _ in range(4)) + f"{rng.randint(40, 99):02d}"
             + f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
             + "".join(rng.choice(string.ascii_uppercase.replace("O", "") + "123456789") for _ in range(2))
             + rng.choice("0123456789A"))
        try:
            if sn_rfc.validate(v, validate_check_digits=True):
                return v
        except Exception:
            pass


def g(s, sizes, sep=" "):
    return synth.group(s, sizes, sep)


def fmt_iban(v):
    return [v, synth.group4(v)]


def fmt_card(v):
    if len(v) == 15:
        return [v, g(v, [4, 6, 5]), g(v, [4, 6, 5], "-")]
    return [v, synth.group4(v), synth.group4(v, "-")]


def fmt_vat(v):
    out = [v]
    if v.startswith("ATU"):
        out.append("ATU " + v[3:])
    elif v.startswith("DE") or v.startswith("FR"):
        out.append(v[:2] + " " + v[2:])
    elif v.startswith("BE"):
        out.append(f"BE {v[2:6]}.{v[6:9]}.{v[9:]}")
    return out


# kind: (entity, generator, spellings, stdnum validator, own labels by language, JSON / key=value keys)
TYPES = {
    "iban": ("IBAN_CODE", gen_iban, fmt_iban, sn_iban.is_valid,
             {"en": ["IBAN", "bank account"], "de": ["IBAN", "Kontonummer (IBAN)"], "fr": ["IBAN", "compte bancaire"],
              "es": ["IBAN", "cuenta bancaria"], "it": ["IBAN", "conto corrente"], "nl": ["IBAN", "rekeningnummer"],
              "pt": ["IBAN"], "pl": ["IBAN", "numer konta"], "tr": ["IBAN"]}, ["iban", "bank_account"]),
    "card": ("CREDIT_CARD", gen_card, fmt_card, sn_luhn.is_valid,
             {"en": ["card number", "credit card"], "de": ["Kartennummer", "Kreditkarte"],
              "fr": ["numéro de carte", "carte bancaire"], "es": ["número de tarjeta", "tarjeta"],
              "it": ["numero di carta", "carta di credito"], "nl": ["kaartnummer", "creditcard"],
              "pt": ["número do cartão"], "pl": ["numer karty"], "tr": ["kart numarası"]}, ["card_number", "pan"]),
    "ssn": ("US_SSN", gen_ssn, lambda v: [f"{v[:3]}-{v[3:5]}-{v[5:]}", v, f"{v[:3]} {v[3:5]} {v[5:]}"],
            sn_ssn.is_valid, {"en": ["SSN", "Social Security No."]}, ["ssn", "social_security_number"]),
    "itin": ("US_ITIN", gen_itin, lambda v: [f"{v[:3]}-{v[3:5]}-{v[5:]}", v], sn_itin.is_valid,
             {"en": ["ITIN", "taxpayer identification number (ITIN)"]}, ["itin"]),
    "nhs": ("UK_NHS", gen_nhs, lambda v: [f"{v[:3]} {v[3:6]} {v[6:]}", v, f"{v[:3]}-{v[3:6]}-{v[6:]}"],
            sn_nhs.is_valid, {"en": ["NHS number", "NHS No."]}, ["nhs_number", "nhs"]),
    "nino": ("UK_NINO", gen_nino, lambda v: [v, f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:8]} {v[8]}", f"{v[:2]} {v[2:8]} {v[8]}"],
             None,
             {"en": ["National Insurance number", "NI number", "NINO"]}, ["nino", "ni_number"]),
    "idnr": ("DE_TAX_ID", gen_idnr, lambda v: [v, f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}"], sn_idnr.is_valid,
             {"de": ["Steuer-IdNr.", "Steuer-ID", "Steueridentifikationsnummer", "IdNr."],
              "en": ["German tax ID", "tax identification number"]}, ["steuer_id", "tax_id"]),
    "bsn": ("NL_BSN", gen_bsn, lambda v: [v, f"{v[:4]}.{v[4:6]}.{v[6:]}", f"{v[:3]} {v[3:6]} {v[6:]}"],
            sn_bsn.is_valid, {"nl": ["BSN", "burgerservicenummer"], "en": ["BSN", "citizen service number"]},
            ["bsn"]),
    "dni": ("ES_NIF", gen_dni, lambda v: [v, f"{v[:8]}-{v[8]}", f"{v[:2]}.{v[2:5]}.{v[5:8]}-{v[8]}", f"{v[:8]} {v[8]}"],
            sn_dni.is_valid, {"es": ["DNI", "NIF"], "en": ["Spanish ID (DNI)", "DNI number"]}, ["dni", "nif"]),
    "nie": ("ES_NIE", gen_nie, lambda v: [v, f"{v[0]}-{v[1:8]}-{v[8]}"], sn_nie.is_valid,
            {"es": ["NIE", "número de identidad de extranjero"], "en": ["NIE", "foreigner ID (NIE)"]}, ["nie"]),
    "nir": ("FR_NIR", gen_nir,
            lambda v: [v, f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"], sn_nir.is_valid,
            {"fr": ["numéro de sécurité sociale", "NIR", "n° de sécu"], "en": ["French social security number (NIR)"]},
            ["nir", "numero_secu"]),
    "cf": ("IT_FISCAL_CODE", gen_cf, lambda v: [v], sn_cf.is_valid,
           {"it": ["codice fiscale", "C.F."], "en": ["Italian tax code", "fiscal code"]}, ["codice_fiscale", "cf"]),
    "pesel": ("PL_PESEL", gen_pesel, lambda v: [v], sn_pesel.is_valid,
              {"pl": ["PESEL", "numer PESEL"], "en": ["PESEL", "Polish national ID (PESEL)"]}, ["pesel"]),
    "tckn": ("TR_TCKN", gen_tckn, lambda v: [v], sn_tckn.is_valid,
             {"tr": ["T.C. Kimlik No", "TC Kimlik Numarası", "TCKN"], "en": ["Turkish ID number", "TCKN"]},
             ["tckn", "tc_kimlik_no"]),
    "cuit": ("AR_CUIT", gen_cuit, lambda v: [f"{v[:2]}-{v[2:10]}-{v[10]}", v], sn_cuit.is_valid,
             {"es": ["CUIT", "CUIL"], "en": ["Argentine tax ID (CUIT)", "CUIT"]}, ["cuit", "cuil"]),
    "cpf": ("BR_CPF", gen_cpf, lambda v: [f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}", v, f"{v[:9]}-{v[9:]}"], sn_cpf.is_valid,
            {"pt": ["CPF", "nº do CPF"], "en": ["Brazilian CPF", "CPF number"]}, ["cpf"]),
    "cnpj": ("BR_CNPJ", gen_cnpj, lambda v: [f"{v[:2]}.{v[2:5]}.{v[5:8]}/{v[8:12]}-{v[12:]}", v], sn_cnpj.is_valid,
             {"pt": ["CNPJ"], "en": ["Brazilian company number (CNPJ)"]}, ["cnpj"]),
    "vat": ("EU_VAT", gen_vat, fmt_vat, sn_vat.is_valid,
            {"en": ["VAT number", "VAT ID"], "de": ["USt-IdNr.", "Umsatzsteuer-ID"], "fr": ["numéro de TVA", "TVA"],
             "es": ["NIF-IVA", "número de IVA"], "it": ["partita IVA", "P.IVA"], "nl": ["btw-nummer", "BTW"],
             "pt": ["NIF (IVA)"], "pl": ["NIP UE", "numer VAT"]}, ["vat_id", "vat_number"]),
    "de_id": ("DE_ID_CARD", gen_de_id, lambda v: [v, v[:9]], lambda v: v[9] == icao_check(v[:9]),
              {"de": ["Personalausweis", "Ausweisnummer"], "en": ["German ID card number", "identity card"]},
              ["ausweisnummer", "id_card_number"]),
    "rfc": ("MX_RFC", gen_rfc, lambda v: [v], lambda v: bool(sn_rfc.validate(v, validate_check_digits=True)),
            {"es": ["RFC", "Registro Federal de Contribuyentes"], "en": ["Mexican tax ID (RFC)", "RFC"]}, ["rfc"]),
    "imei": ("IMEI", gen_imei, lambda v: [v, f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}", f"{v[:2]} {v[2:8]} {v[8:14]} {v[14]}"],
             sn_imei.is_valid,
             {"en": ["IMEI"], "de": ["IMEI", "Gerätenummer (IMEI)"], "fr": ["IMEI"]}, ["imei"]),
}


# Types outside the ID area (phones, e-mail, network, plates, GPS, dates of birth, passports, licences):
# spellings come from synth or simple shapes here; they have no check to verify.

def gen_gps(rng):
    lat, lon = rng.uniform(-60, 70), rng.uniform(-120, 150)
    dec = rng.choice([4, 5, 6])
    return f"{lat:.{dec}f}, {lon:.{dec}f}"


def gen_url(rng):
    f, l_, _ = synth.name(rng, "en")
    host = rng.choice(["www.example-shop.com", "www.myblog.net", "portal.kunde-online.de", "www.mon-site.fr"])
    path = f"/users/{synth.fold(f).lower()}-{synth.fold(l_).lower().replace(' ', '')}"
    return rng.choice(["https://", "http://", ""]) + host + path if host.startswith("www") else "https://" + host + path


def gen_us_passport(rng):
    return rdig(rng, 9, "123456789") if rng.random() < 0.5 else "C" + rdig(rng, 8)


def gen_us_dl(rng):
    return rng.choice(string.ascii_uppercase) + rdig(rng, 7)


def gen_plate(rng):
    return rng.choice([synth.plate_de, synth.plate_fr, synth.plate_it, synth.plate_es, synth.plate_nl,
                       synth.plate_gb])(rng)[0]


OTHER = {
    "email": ("EMAIL_ADDRESS", lambda rng: synth.email(rng, *synth.name(rng)[:2])[0],
              {"en": ["email", "e-mail address"], "de": ["E-Mail"], "fr": ["courriel", "adresse e-mail"],
               "es": ["correo electrónico"], "it": ["email"], "nl": ["e-mailadres"], "pt": ["e-mail"],
               "pl": ["adres e-mail"], "tr": ["e-posta"]}, ["email"]),
    "phone": ("PHONE_NUMBER", lambda rng: (synth.phone_international(rng) if rng.random() < 0.5
                                           else synth.phone_national(rng, rng.choice(list(synth.PLANS)))),
              {"en": ["phone", "mobile"], "de": ["Telefon", "Handy"], "fr": ["téléphone", "portable"],
               "es": ["teléfono", "móvil"], "it": ["telefono", "cellulare"], "nl": ["telefoon", "mobiel"]},
              ["phone", "mobile"]),
    "ipv4": ("IP_ADDRESS", lambda rng: synth.ipv4(rng)[0], {"en": ["IP address", "client IP"], "de": ["IP-Adresse"],
                                                             "fr": ["adresse IP"]}, ["ip", "client_ip"]),
    "ipv6": ("IP_ADDRESS", lambda rng: synth.ipv6(rng)[0], {"en": ["IPv6 address"]}, ["ipv6"]),
    "mac": ("MAC_ADDRESS", lambda rng: synth.mac(rng)[0], {"en": ["MAC address", "MAC"], "de": ["MAC-Adresse"]},
            ["mac"]),
    "url": ("URL", gen_url, {"en": ["profile", "website"], "de": ["Webseite"], "fr": ["site web"]}, ["url"]),
    "dob": ("DATE_OF_BIRTH", lambda rng: synth.dob(rng)[0],
            {"en": ["date of birth", "DOB", "born"], "de": ["Geburtsdatum", "geboren am"],
             "fr": ["date de naissance", "né le"], "es": ["fecha de nacimiento"], "it": ["data di nascita"],
             "nl": ["geboortedatum"], "pt": ["data de nascimento"], "pl": ["data urodzenia"],
             "tr": ["doğum tarihi"]}, ["dob", "date_of_birth"]),
    "gps": ("GPS_COORDINATE", gen_gps, {"en": ["location", "GPS"], "de": ["Standort"], "fr": ["position GPS"]},
            ["gps", "location"]),
    "plate": ("LICENSE_PLATE", gen_plate, {"en": ["licence plate", "registration"], "de": ["Kennzeichen"],
                                           "fr": ["immatriculation"], "it": ["targa"], "es": ["matrícula"],
                                           "nl": ["kenteken"]}, ["plate", "license_plate"]),
    "us_passport": ("US_PASSPORT", gen_us_passport, {"en": ["US passport number", "U.S. passport no."]},
                    ["us_passport_number"]),
    "us_dl": ("US_DRIVER_LICENSE", gen_us_dl, {"en": ["driver's license", "DL#"]}, ["drivers_license"]),
}

FRAMES = {
    "en": ["My {label} is {v}.", "{label}: {v}", "Please update the {label} {v} in the file of {name}."],
    "de": ["Meine {label} lautet {v}.", "{label}: {v}", "Bitte die {label} {v} von {name} ändern."],
    "fr": ["Mon {label} est {v}.", "{label} : {v}", "Merci de corriger le {label} {v} de {name}."],
    "es": ["Mi {label} es {v}.", "{label}: {v}", "Por favor actualice el {label} {v} de {name}."],
    "it": ["Il mio {label} è {v}.", "{label}: {v}", "Si prega di aggiornare il {label} {v} di {name}."],
    "nl": ["Mijn {label} is {v}.", "{label}: {v}", "Graag het {label} {v} van {name} wijzigen."],
    "pt": ["O meu {label} é {v}.", "{label}: {v}", "Por favor atualize o {label} {v} de {name}."],
    "pl": ["Mój {label} to {v}.", "{label}: {v}", "Proszę zaktualizować {label} {v} dla {name}."],
    "tr": ["{label} bilgim {v}.", "{label}: {v}", "Lütfen {name} için {label} {v} güncelleyin."],
}
GENERIC = ["ID: {v}", "ref {v}", "number {v}", "user_id={v}", "Customer {name}, number {v}", "ID {v}",
           "Ref.: {v}", "no. {v}", "Reference: {v}", "Nr. {v}", '{{"id": "{v}"}}', "id={v}", "Kunde {name}, Nummer {v}",
           "Client {name}, numéro {v}", "Cliente {name}, número {v}", "ID# {v}"]
BARE = ["{name} {v}", "Sent to {name} on Monday: {v}", "{v}"]
CAPS = ["{label}: {v} PLEASE VERIFY", "{label} {v} CONFIDENTIAL DO NOT SHARE", "{label}: {v} ACCOUNT HOLDER",
        "{label}: {v} FOR MRS JONES", "{label} {v} MR JOHN SMITH", "{label}: {v} SENT TO HR", "{label} {v} OK"]
STRUCT = ['{{"{key}": "{v}"}}', "{key}={v}", '"{key}": "{v}",', "{key}: {v}"]


def person(rng, lang):
    f, l_, _ = synth.name(rng, lang if lang in synth.FIRST else None)
    return f"{f} {l_}"


def mutate(rng, v, ok):
    """v changed in one digit so that it fails ok(); None when no such change is found."""
    idx = [i for i, c in enumerate(v) if c.isdigit()]
    for _ in range(40):
        i = rng.choice(idx)
        w = v[:i] + str((int(v[i]) + rng.randint(1, 9)) % 10) + v[i + 1:]
        try:
            if not ok(w):
                return w
        except Exception:
            return w
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="bench-out/text-eval")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-type", type=int, default=120, help="values per type and label style")
    ap.add_argument("--negatives", type=int, default=4000, help="look-alike lines")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    buf = bytearray()
    gold = []

    def emit(template, v, entity, kind, style, lang, name=""):
        pre, post = (part.format(name=name) for part in template.split("{v}", 1))
        line = pre.encode() + v.encode() + post.encode() + b"\n"
        start = len(buf) + len(pre.encode())
        gold.append({"start": start, "end": start + len(v.encode()), "entity": entity, "kind": kind,
                     "style": style, "lang": lang, "value": v})
        buf.extend(line)

    all_types = [(k, e, gen, fm, ok, labels, keys) for k, (e, gen, fm, ok, labels, keys) in TYPES.items()]
    all_types += [(k, e, gen, lambda v: [v], None, labels, keys) for k, (e, gen, labels, keys) in OTHER.items()]
    for kind, entity, gen, fm, ok, labels, keys in all_types:
        for i in range(args.per_type):
            compact = gen(rng)
            if ok is not None:
                assert ok(compact), (kind, compact)
            spellings = fm(compact)
            v = spellings[(i // 6) % len(spellings)]   # each style meets every spelling
            lang = rng.choice(list(labels))
            name = person(rng, lang)
            r = i % 6
            if kind == "dob" and r in (2, 3):   # a date is a date of birth only under a birth label
                r = i % 2
            if r == 0 or r == 1:   # own label, local language or English
                lg = lang if r == 0 else ("en" if "en" in labels else lang)
                fr = rng.choice(FRAMES[lg])
                emit(fr.replace("{label}", rng.choice(labels[lg])), v, entity, kind, "own-local" if r == 0 else "own-en", lg, name=name)
            elif r == 2:
                emit(rng.choice(GENERIC), v, entity, kind, "generic", "en", name=name)
            elif r == 3:
                emit(rng.choice(BARE), v, entity, kind, "none", "en", name=name)
            elif r == 4:
                emit(rng.choice(CAPS).replace("{label}", rng.choice(labels[lang])), v, entity, kind, "caps", lang)
            else:
                t = rng.choice(STRUCT).replace("{key}", rng.choice(keys))
                emit(t, v, entity, kind, "struct", "en")
    neg_start = len(buf)
    buf.extend(b"#### negatives\n")
    negatives(rng, buf, args.negatives)
    (out / "corpus.txt").write_bytes(bytes(buf))
    with open(out / "gold.jsonl", "w") as f:
        for s in gold:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    (out / "meta.json").write_text(json.dumps({"negative_start": neg_start, "negative_end": len(buf),
                                               "seed": args.seed}) + "\n")
    print(f"corpus.txt: {len(buf)} bytes, {len(gold)} gold spans, negative part {len(buf) - neg_start} bytes")


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def negatives(rng, buf, n):
    # types with a check digit (SSN and ITIN have none: a changed digit is another valid-looking number)
    # (an RFC whose check fails is still in use, and the issuer prints the ID card number without its check
    # digit: their mutated forms are not look-alikes)
    checked = [(k, t) for k, t in TYPES.items()
               if t[3] is not None and k not in ("card", "iban", "vat", "ssn", "itin", "rfc")]
    lines = []
    for i in range(n):
        r = i % 16
        if r == 0:   # a 16-digit order number fails Luhn: one that passes with an issuer prefix is a card
            o = rdig(rng, rng.choice([8, 9, 10, 11, 12, 16]))
            o = mutate(rng, o, sn_luhn.is_valid) if len(o) == 16 and sn_luhn.is_valid(o) else o
            lines.append(f"Order {o} shipped on 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
        elif r == 1:
            lines.append(f"Invoice no. INV-{rng.randint(2019, 2026)}-{rdig(rng, 6)}, total {rng.randint(10, 9999)},{rdig(rng, 2)} EUR")
        elif r == 2:
            lines.append(f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
                         f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rdig(rng, 3)}Z "
                         f"worker {rng.randint(1, 64)} done in {rng.randint(1, 9999)} ms (ts {rdig(rng, 13, '1')})")
        elif r == 3:
            lines.append(f"Upgraded libfoo from {rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 99)} to "
                         f"v{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}")
        elif r == 4:
            lines.append(f"commit {hexs(rng, 40)} sha256:{hexs(rng, 64)}")
        elif r == 5:
            lines.append(f"request-id {hexs(rng, 8)}-{hexs(rng, 4)}-4{hexs(rng, 3)}-a{hexs(rng, 3)}-{hexs(rng, 12)}")
        elif r == 6:
            lines.append(f"SKU {rng.choice(['AB', 'XL', 'TR', 'DE'])}-{rdig(rng, 4)}-{rng.choice(['S', 'M', 'L', 'XL'])}"
                         f" qty {rng.randint(1, 99)} at ${rng.randint(1, 999)}.{rdig(rng, 2)}; EAN {rdig(rng, 13, '4')}")
        elif r == 7:
            lines.append(f"Price: €{rng.randint(1, 99)}.{rdig(rng, 3)},{rdig(rng, 2)} or ${rng.randint(1, 99)},"
                         f"{rdig(rng, 3)}.{rdig(rng, 2)}; tracking {rdig(rng, 12)}")
        elif r in (8, 9, 10, 11):
            kind, (entity, gen, fm, ok, labels, keys) = rng.choice(checked)
            v = mutate(rng, gen(rng), ok)
            if v is None:
                continue
            lab = rng.choice(labels[rng.choice(list(labels))])
            spelled = v if kind == "de_id" else rng.choice(fm(v))
            lines.append(f"{lab}: {spelled}" if r != 11 else f"Reference {spelled} (void)")
        elif r == 12:
            v = mutate(rng, gen_card(rng), sn_luhn.is_valid)
            lines.append(f"card number {v}")
        elif r == 13:
            v = mutate(rng, gen_iban(rng), sn_iban.is_valid)
            lines.append(f"IBAN {synth.group4(v) if rng.random() < 0.5 else v}")
        elif r == 14:
            v = mutate(rng, gen_vat(rng), sn_vat.is_valid)
            lines.append(f"VAT number {v}")
        elif i % 32 == 15:   # the label decides the kind: an SSN under an ITIN label, an ITIN under an SSN label
            ssn, itin = gen_ssn(rng), gen_itin(rng)
            lines.append(rng.choice([f"ITIN: {ssn[:3]}-{ssn[3:5]}-{ssn[5:]}", f"SSN: {itin[:3]}-{itin[3:5]}-{itin[5:]}",
                                     f"ITIN {ssn}", f"SSN: {itin}"]))
        else:
            lines.append(f"Ticket #{rdig(rng, 6)} build {rdig(rng, 5)} section {rng.randint(1, 9)}.{rng.randint(1, 9)}."
                         f"{rng.randint(1, 9)} page {rng.randint(1, 500)} port {rng.randint(1024, 65535)}")
    for l in lines:
        buf.extend(l.encode() + b"\n")


if __name__ == "__main__":
    main()
