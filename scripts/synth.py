"""Synthesised personal values for the realistic records corpus (Python 3 standard library only).

Every generator takes a `random.Random` and returns `(value, entity)`; IDs carry their real check digits
(IBAN mod 97, Luhn, BSN 11-test, Steuer-ID ISO 7064 MOD 11,10, DNI letter, codice fiscale check
character ...) and numbering-plan shapes, so they are valid in the way Blackbar's validators read them,
but drawn freshly instead of reused from the rules' examples. All values are synthetic.

    import random, synth
    rng = random.Random(1)
    synth.iban(rng)            # ('DE44 5001 0517 5407 3249 31', 'IBAN_CODE')
    synth.GENERATORS["iban"]   # name -> generator, for the self-check (scripts/records-synth-check.py)
"""
import re
import string
import unicodedata

DIG = "0123456789"


def digits(rng, n, first=DIG):
    return rng.choice(first) + "".join(rng.choice(DIG) for _ in range(n - 1)) if n else ""


def group(s, sizes, sep=" "):
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------- checksums

def luhn_check_digit(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


def mod97(s):
    r = 0
    for c in s:
        v = int(c) if c.isdigit() else ord(c) - 55
        r = (r * (100 if v >= 10 else 10) + v) % 97
    return r


def iso7064_11_10(body):
    product = 10
    for c in body:
        s = (int(c) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    check = 11 - product
    return str(0 if check == 10 else check)


# ---------------------------------------------------------------- IBAN

# country -> list of (kind, count): n digits, a upper letters, c alphanumeric (registry BBAN structure)
IBAN_BBAN = {
    "DE": [("n", 18)], "GB": [("a", 4), ("n", 14)], "FR": [("n", 10), ("c", 11), ("n", 2)],
    "NL": [("a", 4), ("n", 10)], "ES": [("n", 20)], "IT": [("a", 1), ("n", 10), ("c", 12)],
    "BE": [("n", 12)], "AT": [("n", 16)], "CH": [("n", 5), ("c", 12)],
}
GB_BANKS = ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG", "MONZ"]
NL_BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ", "ASNB", "KNAB"]


def iban_compact(rng, country=None):
    cc = country or rng.choice(list(IBAN_BBAN))
    if cc == "BE":   # national check: first 10 digits mod 97 (97 for 0)
        b = digits(rng, 10)
        k = int(b) % 97 or 97
        bban = b + f"{k:02d}"
    else:
        parts = []
        for kind, n in IBAN_BBAN[cc]:
            if kind == "n":
                parts.append(digits(rng, n))
            elif kind == "a":
                if cc == "GB":
                    parts.append(rng.choice(GB_BANKS))
                elif cc == "NL":
                    parts.append(rng.choice(NL_BANKS))
                else:
                    parts.append("".join(rng.choice(string.ascii_uppercase) for _ in range(n)))
            else:   # mostly digits, sometimes letters (FR, IT, CH account parts)
                parts.append("".join(rng.choice(DIG if rng.random() < 0.85 else string.ascii_uppercase)
                                     for _ in range(n)))
        bban = "".join(parts)
    check = 98 - mod97(bban + cc + "00")
    return f"{cc}{check:02d}{bban}"


def iban(rng, country=None):
    v = iban_compact(rng, country)
    return (group4(v) if rng.random() < 0.55 else v), "IBAN_CODE"


# ---------------------------------------------------------------- payment cards

def card_digits(rng, brand=None):
    brand = brand or rng.choice(["visa", "visa", "visa", "mc5", "mc5", "mc2", "amex", "jcb", "discover"])
    if brand == "visa":
        prefix, n = "4" + digits(rng, 5), 16
    elif brand == "mc5":
        prefix, n = str(rng.randint(51, 55)) + digits(rng, 4), 16
    elif brand == "mc2":
        prefix, n = str(rng.randint(2221, 2720)) + digits(rng, 2), 16
    elif brand == "amex":
        prefix, n = rng.choice(["34", "37"]) + digits(rng, 4), 15
    elif brand == "jcb":
        prefix, n = str(rng.randint(3528, 3589)) + digits(rng, 2), 16
    else:
        prefix, n = rng.choice(["6011", "644", "645", "649", "65"]), 16
    body = prefix + digits(rng, n - 1 - len(prefix))
    return body + luhn_check_digit(body), brand


def card(rng, brand=None):
    num, brand = card_digits(rng, brand)
    style = rng.random()
    if style < 0.45:
        return num, "CREDIT_CARD"
    sep = " " if style < 0.8 else "-"
    if len(num) == 15:
        return group(num, [4, 6, 5], sep), "CREDIT_CARD"
    return group4(num, sep), "CREDIT_CARD"


# ---------------------------------------------------------------- national IDs

def ssn_digits(rng):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def ssn(rng):
    d = ssn_digits(rng)
    r = rng.random()
    if r < 0.6:
        return f"{d[:3]}-{d[3:5]}-{d[5:]}", "US_SSN"
    if r < 0.75:
        return f"{d[:3]} {d[3:5]} {d[5:]}", "US_SSN"
    return d, "US_SSN"


def ssn_formatted(rng):
    d = ssn_digits(rng)
    return f"{d[:3]}-{d[3:5]}-{d[5:]}", "US_SSN"


def bsn_digits(rng):
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            continue
        s = sum(x * w for x, w in zip(d, [9, 8, 7, 6, 5, 4, 3, 2]))
        last = s % 11
        if last <= 9:
            return "".join(map(str, d)) + str(last)


def bsn(rng):
    d = bsn_digits(rng)
    r = rng.random()
    if r < 0.75:
        return d, "NL_BSN"
    if r < 0.88:
        return f"{d[:4]}.{d[4:6]}.{d[6:]}", "NL_BSN"
    return f"{d[:3]} {d[3:6]} {d[6:]}", "NL_BSN"


def steuer_id_digits(rng):
    """11 digits: first not 0; in the first ten exactly one digit twice (or three times, never three in a
    row), every other at most once; ISO 7064 MOD 11,10 check digit."""
    while True:
        twice = rng.random() < 0.7
        if twice:
            pool = rng.sample(DIG, 9)
            rep = rng.choice(pool)
            body = pool + [rep]
        else:
            pool = rng.sample(DIG, 8)
            rep = rng.choice(pool)
            body = pool + [rep, rep]
        rng.shuffle(body)
        if body[0] == "0":
            continue
        if not twice and any(body[i] == body[i + 1] == body[i + 2] == rep for i in range(8)):
            continue
        b = "".join(body)
        return b + iso7064_11_10(b)


def steuer_id(rng):
    d = steuer_id_digits(rng)
    if rng.random() < 0.3:
        return f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}", "DE_TAX_ID"
    return d, "DE_TAX_ID"


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni(rng):
    n = rng.randint(1000000, 99999999)
    d = f"{n:08d}"
    letter = DNI_LETTERS[n % 23]
    r = rng.random()
    if r < 0.08:   # NIE
        lead = rng.choice("XYZ")
        n7 = rng.randint(0, 9999999)
        full = int(str("XYZ".index(lead)) + f"{n7:07d}")
        return f"{lead}{n7:07d}{DNI_LETTERS[full % 23]}", "ES_NIE"
    if r < 0.6:
        return d + letter, "ES_NIF"
    if r < 0.8:
        return f"{d}-{letter}", "ES_NIF"
    if r < 0.9:
        return f"{d} {letter}", "ES_NIF"
    return f"{d[:2]}.{d[2:5]}.{d[5:]}-{letter}", "ES_NIF"


NINO_FIRST = [c for c in string.ascii_uppercase if c not in "DFIQUV"]
NINO_SECOND = [c for c in string.ascii_uppercase if c not in "DFIOQUV"]


def nino(rng):
    while True:
        p = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if p not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    d = digits(rng, 6)
    s = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{p} {d[:2]} {d[2:4]} {d[4:]} {s}", "UK_NINO"
    return f"{p}{d}{s}", "UK_NINO"


CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
CF_MONTHS = "ABCDEHLMPRST"
CF_COMUNI = ["H501", "F205", "L219", "F839", "G273", "D612", "A944", "L736", "A662", "C351", "B157", "E625",
             "G224", "L424", "D969", "H224"]


def _cf_letters(word, is_name):
    w = unicodedata.normalize("NFKD", fold(word)).upper()
    w = "".join(c for c in w if "A" <= c <= "Z")
    cons = [c for c in w if c not in "AEIOU"]
    vow = [c for c in w if c in "AEIOU"]
    if is_name and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return "".join((cons + vow + ["X"] * 3)[:3])


def codice_fiscale(rng, first="Mario", last="Rossi", birth=(1980, 1, 1), female=None):
    y, m, d = birth
    female = rng.random() < 0.5 if female is None else female
    body = (_cf_letters(last, False) + _cf_letters(first, True) + f"{y % 100:02d}" + CF_MONTHS[m - 1]
            + f"{d + (40 if female else 0):02d}" + rng.choice(CF_COMUNI))
    s = 0
    for i, c in enumerate(body):
        idx = int(c) if c.isdigit() else ord(c) - 65
        s += CF_ODD[idx] if i % 2 == 0 else idx
    return body + chr(65 + s % 26), "IT_FISCAL_CODE"


TACS = ["35209900", "35332510", "35693803", "01326300", "35875505", "86891203", "35328111", "35420209",
        "01241700", "35391110", "86769704", "35917506"]


def imei_digits(rng):
    body = rng.choice(TACS) + digits(rng, 6)
    return body + luhn_check_digit(body)


def imei(rng):
    d = imei_digits(rng)
    r = rng.random()
    if r < 0.65:
        return d, "IMEI"
    sep = "-" if r < 0.85 else " "
    return f"{d[:2]}{sep}{d[2:8]}{sep}{d[8:14]}{sep}{d[14]}", "IMEI"


# ---------------------------------------------------------------- phones
# national significant numbers (without trunk 0 / country code) per plan

def _de_nsn(rng):
    if rng.random() < 0.5:   # mobile 015x (not 0153/0154), 016[023], 017x: 10 or 11 digits after the 0
        pre = rng.choice(["151", "152", "155", "157", "159", "160", "162", "163", "170", "171", "172", "173",
                          "174", "175", "176", "177", "178", "179"])
        return pre, digits(rng, rng.choice([7, 8]) if pre[:2] == "15" else rng.choice([7, 8]), "123456789")
    area = rng.choice(["30", "40", "89", "69", "221", "211", "711", "341", "351", "511", "621", "911", "228",
                       "6131", "7071", "8821", "4621", "35205"])
    # subscriber numbers: 7-8 digits after a 2-digit area code, shorter after longer codes; at most 11
    # digits after the 0 in all (the rule's pattern takes subscriber numbers of up to 8 digits)
    n = rng.randint(max(3, 9 - len(area)), min(8, 11 - len(area)))
    return area, digits(rng, n, "23456789")


def _gb_nsn(rng):
    r = rng.random()
    if r < 0.45:
        return "7" + rng.choice(["700", "400", "911", "812", "723", "534", "980", "375"]), digits(rng, 6)
    if r < 0.7:
        return "20", rng.choice(["7", "3", "8"]) + digits(rng, 7)
    if r < 0.85:
        return rng.choice(["113", "161", "121", "131", "141", "151", "117"]), digits(rng, 7, "2345689")
    return rng.choice(["1632", "1234", "1865", "1223", "1904"]), digits(rng, 6, "2345689")


def _fr_nsn(rng):
    first = rng.choice("1234567" + "66677")
    return first, digits(rng, 8)


def _it_nsn(rng):
    if rng.random() < 0.6:
        return "3" + rng.choice(["20", "28", "33", "35", "39", "40", "47", "48", "49", "66", "71", "80", "91"]), \
            digits(rng, 7)
    area = rng.choice(["06", "02", "011", "055", "081", "091", "041", "051", "010", "0471"])
    return area, digits(rng, 10 - len(area), "23456789")


def _es_nsn(rng):
    if rng.random() < 0.6:
        return rng.choice("67") + digits(rng, 2), digits(rng, 6)
    return "9" + rng.choice(["1", "3", "5", "6", "7", "8", "4"]) + digits(rng, 1), digits(rng, 6)


def _nl_nsn(rng):
    if rng.random() < 0.5:
        return "6", digits(rng, 8, "123456789")
    area = rng.choice(["20", "10", "30", "70", "40", "50", "13", "15", "24", "33", "72", "355", "513"])
    return area, digits(rng, 9 - len(area), "23456789")


def _us_nsn(rng):
    npa = rng.choice(["212", "415", "312", "617", "202", "305", "512", "646", "718", "206", "303", "404",
                      "503", "602", "702", "713", "801", "919"])
    while True:
        nxx = digits(rng, 3, "23456789")
        if nxx[1:] != "11":
            break
    return npa, nxx + digits(rng, 4)


PLANS = {"DE": ("49", _de_nsn), "GB": ("44", _gb_nsn), "FR": ("33", _fr_nsn), "IT": ("39", _it_nsn),
         "ES": ("34", _es_nsn), "NL": ("31", _nl_nsn), "US": ("1", _us_nsn)}


def phone_national(rng, cc):
    a, s = PLANS[cc][1](rng)
    r = rng.random()
    if cc == "DE":
        t = "0" + a
        if r < 0.35:
            return f"{t} {s}"
        if r < 0.55:
            return f"{t}/{s}"
        if r < 0.7:
            return f"{t}-{s}"
        if r < 0.85:
            return f"({t}) {group(s, [len(s) // 2])}"
        return f"{t} {group(s, [len(s) - 3])}"
    if cc == "GB":
        t = "0" + a
        if a.startswith("20"):
            x = a[2:] + s if len(a) > 2 else s
            return f"020 {x[:4]} {x[4:]}"
        if a.startswith("7"):
            return f"{t} {s}" if r < 0.7 else f"{t} {s[:3]} {s[3:]}"
        if len(a) == 3:
            return f"{t} {s[:3]} {s[3:]}" if r < 0.8 else f"({t}) {s[:3]} {s[3:]}"
        return f"{t} {s}" if r < 0.7 else f"({t}) {s}"
    if cc == "FR":
        n = "0" + a + s
        sep = " " if r < 0.6 else ("." if r < 0.85 else "-")
        return sep.join(n[i:i + 2] for i in range(0, 10, 2))
    if cc == "IT":
        if a.startswith("3"):
            n = a + s
            return f"{n[:3]} {n[3:6]} {n[6:]}" if r < 0.6 else f"{n[:3]} {n[3:]}"
        return f"{a} {s[:4]} {s[4:]}" if r < 0.6 else f"{a}/{s}"
    if cc == "ES":
        n = a + s
        if n[0] in "67":
            return f"{n[:3]} {n[3:6]} {n[6:]}" if r < 0.7 else f"{n[:3]}-{n[3:6]}-{n[6:]}"
        return f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}"
    if cc == "NL":
        if a == "6":
            return f"06-{s}" if r < 0.5 else f"06 {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}" if r < 0.75 else f"06 {s}"
        return f"0{a}-{s[:3]} {s[3:]}" if r < 0.6 else f"0{a} {s[:3]} {s[3:]}"
    # US
    if r < 0.4:
        return f"({a}) {s[:3]}-{s[3:]}"
    if r < 0.7:
        return f"{a}-{s[:3]}-{s[3:]}"
    if r < 0.85:
        return f"{a}.{s[:3]}.{s[3:]}"
    return f"1 {a} {s[:3]} {s[3:]}"


def phone_international(rng, cc=None):
    cc = cc or rng.choice(list(PLANS))
    code, plan = PLANS[cc]
    a, s = plan(rng)
    r = rng.random()
    if cc == "US":
        if r < 0.4:
            return f"+1 {a} {s[:3]} {s[3:]}"
        if r < 0.7:
            return f"+1 ({a}) {s[:3]}-{s[3:]}"
        if r < 0.85:
            return f"+1-{a}-{s[:3]}-{s[3:]}"
        return f"+1{a}{s}"
    if cc == "IT":   # Italy keeps the 0 of fixed lines after +39
        nat = a + s
        if r < 0.3:
            return f"+39{nat}"
        return f"+39 {a} {s}" if r < 0.8 else f"0039 {a} {s}"
    if r < 0.25:
        return f"+{code}{a}{s}"
    if r < 0.6:
        return f"+{code} {a} {s}"
    if r < 0.72 and cc in ("DE", "GB", "NL"):
        return f"+{code} (0){a} {s}"
    if r < 0.85:
        return f"+{code} {a} {group(s, [3, 2, 2, 2]) if cc == 'FR' else group(s, [len(s) // 2])}"
    if r < 0.93:
        return f"00{code} {a} {s}"
    return f"+{code}-{a}-{s}"


def phone_e164_digits(rng, cc=None):
    """Digits only, as a spreadsheet or JSON number keeps them: country code + national number."""
    cc = cc or rng.choice(list(PLANS))
    code, plan = PLANS[cc]
    a, s = plan(rng)
    return code + a + s


# ---------------------------------------------------------------- email, network

EMAIL_DOMAINS = ["gmail.com", "web.de", "gmx.de", "gmx.net", "t-online.de", "orange.fr", "free.fr", "laposte.net",
                 "libero.it", "tiscali.it", "virgilio.it", "yahoo.es", "telefonica.net", "ziggo.nl", "kpnmail.nl",
                 "outlook.com", "hotmail.co.uk", "btinternet.com", "icloud.com", "proton.me", "protonmail.ch",
                 "yahoo.com", "aol.com", "posteo.de", "mail.ru", "bluewin.ch", "hotmail.fr", "live.nl",
                 "mueller-bau.de", "acme-logistics.co.uk", "studio-rossi.it", "bakkerij-jansen.nl",
                 "garcia-asesores.es", "dupont-avocats.fr", "example.org", "shop.example.com", "uni-hamburg.de",
                 "student.uva.nl", "kundenservice.io", "company.travel", "startup.tech", "mairie-lyon.fr",
                 "nhs.net", "ox.ac.uk", "gov.uk"]


def fold(s):
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ë": "e", "ê": "e",
                           "í": "i", "ì": "i", "á": "a", "à": "a", "â": "a", "ó": "o", "ò": "o", "ô": "o",
                           "ú": "u", "ù": "u", "ñ": "n", "ç": "c", "ı": "i", "ş": "s", "ğ": "g", "ł": "l",
                           "ś": "s", "ż": "z", "ź": "z", "ć": "c", "ń": "n", "ą": "a", "ę": "e", "Ä": "Ae",
                           "Ö": "Oe", "Ü": "Ue", "É": "E", "Ł": "L", "Ś": "S", "Ż": "Z", "Ø": "O", "ø": "o",
                           "å": "a", "Å": "A", "æ": "ae", "İ": "I", "Ş": "S", "Ç": "C"})
    return s.translate(table)


def ascii_only(s):
    return unicodedata.normalize("NFKD", fold(s)).encode("ascii", "ignore").decode()


def email(rng, first="anna", last="muller"):
    f = "".join(c for c in ascii_only(first).lower() if c.isalnum())
    last_ = "".join(c for c in ascii_only(last).lower() if c.isalnum() or c == "-")
    r = rng.random()
    if r < 0.3:
        local = f"{f}.{last_}"
    elif r < 0.45:
        local = f"{f[0]}{last_}"
    elif r < 0.6:
        local = f"{f}_{last_}{rng.randint(1, 99)}"
    elif r < 0.7:
        local = f"{last_}.{f}"
    elif r < 0.8:
        local = f"{f}{rng.randint(1960, 2005)}"
    elif r < 0.88:
        local = f"{f}.{last_}+{rng.choice(['shop', 'news', 'orders'])}"
    else:
        local = f"{f[:1]}.{last_}"
    v = f"{local}@{rng.choice(EMAIL_DOMAINS)}"
    if rng.random() < 0.06:
        v = v[0].upper() + v[1:] if rng.random() < 0.5 else v.upper()
    return v, "EMAIL_ADDRESS"


def ipv4(rng):
    r = rng.random()
    if r < 0.4:
        first = rng.choice([x for x in range(1, 224) if x not in (10, 127)])
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "IP_ADDRESS"
    if r < 0.7:
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "IP_ADDRESS"
    if r < 0.85:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "IP_ADDRESS"
    return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "IP_ADDRESS"


def ipv6(rng):
    groups = [rng.randint(0, 0xFFFF) for _ in range(8)]
    r = rng.random()
    groups[0] = rng.choice([0x2001, 0x2a02, 0x2a00, 0x2600, 0x2003, 0x2a01, 0xfe80, 0x2604])
    if groups[0] == 0xfe80:
        groups[1:4] = [0, 0, 0]
    if r < 0.25:   # full, zero-padded
        return ":".join(f"{g:04x}" for g in groups), "IP_ADDRESS"
    if r < 0.45:   # full, leading zeros dropped
        return ":".join(f"{g:x}" for g in groups), "IP_ADDRESS"
    if r < 0.9:    # compressed: a run of zero groups becomes ::
        start = rng.randint(1, 5)
        length = rng.randint(2, 7 - start)
        g = groups[:]
        for i in range(start, start + length):
            g[i] = 0
        head = ":".join(f"{x:x}" for x in g[:start])
        tail = ":".join(f"{x:x}" for x in g[start + length:])
        v = f"{head}::{tail}"
        return (v.upper() if rng.random() < 0.1 else v), "IP_ADDRESS"
    # IPv4-mapped
    return f"::ffff:{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", \
        "IP_ADDRESS"


def ip(rng):
    return ipv4(rng) if rng.random() < 0.65 else ipv6(rng)


def mac(rng):
    o = [rng.randrange(256) for _ in range(6)]
    o[0] &= 0xFE
    r = rng.random()
    if r < 0.45:
        v = ":".join(f"{x:02x}" for x in o)
    elif r < 0.8:
        v = "-".join(f"{x:02x}" for x in o)
    else:   # Cisco dotted
        h = "".join(f"{x:02x}" for x in o)
        v = f"{h[:4]}.{h[4:8]}.{h[8:]}"
    return (v.upper() if rng.random() < 0.4 and r < 0.8 else v), "MAC_ADDRESS"


# ---------------------------------------------------------------- plates

DE_CODES = ["B", "M", "HH", "K", "F", "S", "D", "DO", "E", "HB", "H", "L", "DD", "N", "KA", "MA", "BN", "WI",
            "MZ", "A", "R", "FFB", "TÖL", "GAP", "HD", "OF", "LB", "ES", "GÖ", "MÜ", "BI", "MS", "OS", "AC", "KI",
            "HL", "RO", "PA", "FR", "UL", "WÜ", "ER", "FÜ", "BA", "TR", "SB", "KL", "LU", "DA", "GI"]
CONS = "BCDFGHJKLMNPRSTVWXYZ"


def plate_de(rng):
    code = rng.choice(DE_CODES)
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(1, 2)))
    maxd = 8 - len(code) - len(letters)
    num = str(rng.randint(1, 10 ** min(4, maxd) - 1))
    suffix = "E" if rng.random() < 0.04 else ("H" if rng.random() < 0.04 and len(num) < 4 else "")
    sep = "-" if rng.random() < 0.7 else " "
    return f"{code}{sep}{letters} {num}{suffix}", "LICENSE_PLATE"


def plate_fr(rng):
    al = "ABCDEFGHJKLMNPQRSTVWXYZ"
    while True:
        a = rng.choice(al) + rng.choice(al)
        b = rng.choice(al) + rng.choice(al)
        if a != "SS" and b != "SS" and a != "WW":
            break
    n = f"{rng.randint(1, 999):03d}"
    sep = rng.choice(["-", "-", "-", " ", ""])
    return f"{a}{sep}{n}{sep}{b}", "LICENSE_PLATE"


def plate_it(rng):
    al = "ABCDEFGHJKLMNPRSTVWXYZ"
    v = rng.choice("ABCDEFGH") + rng.choice(al)
    sep = " " if rng.random() < 0.5 else ""
    return f"{v}{sep}{rng.randint(0, 999):03d}{sep}{rng.choice(al)}{rng.choice(al)}", "LICENSE_PLATE"


def plate_es(rng):
    v = rng.choice("BCDFGHJKLMN") + rng.choice(CONS) + rng.choice(CONS)
    sep = rng.choice([" ", "-", ""])
    return f"{rng.randint(0, 9999):04d}{sep}{v}", "LICENSE_PLATE"


def plate_nl(rng):
    c = "BDFGHJKLNPRSTVXZ"
    L = lambda k: "".join(rng.choice(c) for _ in range(k))  # noqa: E731
    D = lambda k: digits(rng, k, "123456789")  # noqa: E731
    side = rng.randrange(5)
    v = [f"{D(2)}-{L(3)}-{D(1)}", f"{D(1)}-{L(3)}-{D(2)}", f"{L(2)}-{D(3)}-{L(1)}", f"{L(1)}-{D(3)}-{L(2)}",
         f"{L(3)}-{D(2)}-{L(1)}"][side]
    return v, "LICENSE_PLATE"


def plate_gb(rng):
    al = "ABCDEFGHJKLMNOPRSTUVWXY"
    a = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice(al)
    age = rng.choice([f"{x:02d}" for x in list(range(2, 25)) + list(range(51, 75))])
    tail = "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
    return (f"{a}{age} {tail}" if rng.random() < 0.7 else f"{a}{age}{tail}"), "LICENSE_PLATE"


# ---------------------------------------------------------------- names, addresses, dates

FIRST = {
    "de": ["Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Lena", "Maximilian", "Jürgen", "Jörg", "Björn",
           "Sabine", "Ursula", "Klaus", "Dieter", "Katharina", "Franziska", "Torsten", "Heike", "Uwe", "Mia",
           "Leon", "Hannah", "Paul", "Anneliese", "Wolfgang", "Günther", "Sören", "Maik", "Ilse"],
    "fr": ["Camille", "Léa", "Hugo", "Chloé", "Élodie", "Thibault", "Manon", "Théo", "Inès", "Gaëlle", "François",
           "Hélène", "Jean-Pierre", "Marie-Claire", "Noémie", "Benoît", "Aurélien", "Clémence", "Loïc", "Anaïs"],
    "it": ["Giulia", "Matteo", "Francesca", "Alessandro", "Lorenzo", "Chiara", "Giuseppe", "Sofia", "Niccolò",
           "Federica", "Andrea", "Gianluca", "Beatrice", "Salvatore", "Ilaria", "Rosaria", "Carmela", "Vincenzo"],
    "es": ["Lucía", "Mateo", "Sofía", "Javier", "Carmen", "Alejandro", "Pilar", "José Luis", "María José", "Álvaro",
           "Inmaculada", "Íñigo", "Nuria", "Begoña", "Raúl", "Rocío", "Jesús", "Montserrat"],
    "nl": ["Daan", "Sanne", "Pieter", "Femke", "Bram", "Lotte", "Joost", "Marloes", "Sem", "Anouk", "Thijs", "Eline",
           "Gert-Jan", "Maartje", "Ruud", "Wouter", "Ilse", "Niels"],
    "en": ["Oliver", "Amelia", "Jack", "Isla", "Ethan", "Olivia", "Liam", "Ava", "Charlotte", "George", "Harriet",
           "Siobhan", "Niamh", "Connor", "Megan", "Rhys", "Evan", "Grace", "Mary-Kate", "Alistair"],
    "pl": ["Zofia", "Jakub", "Małgorzata", "Wojciech", "Agnieszka", "Łukasz", "Katarzyna", "Paweł"],
    "tr": ["Mehmet", "Aylin", "Ayşe", "Mustafa", "Elif", "Emre", "Zeynep", "Çağla"],
    "other": ["Priya", "Wei", "Fatima", "Omar", "Yuki", "Ngozi", "Aleksandr", "Björk", "Søren", "Ingrid", "Nikos",
              "Dimitra", "João", "Conceição", "Oğuz", "Aoife"],
}
LAST = {
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
           "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
           "Krüger", "Hartmann", "Lange", "Werner", "Köhler", "Groß", "von Bülow", "Mustermann", "Schmidt-Lange"],
    "fr": ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Fontaine", "Rousseau", "Lambert", "Bonnet",
           "Mercier", "Dupont", "Lefebvre", "Faure", "André", "Chevalier", "de la Fontaine", "Le Gall", "Nguyen"],
    "it": ["Rossi", "Russo", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco",
           "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Lombardi", "D'Angelo"],
    "es": ["García", "Martínez", "López", "Fernández", "González", "Rodríguez", "Sánchez", "Pérez", "Gómez",
           "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "de la Cruz",
           "García-Peña"],
    "nl": ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
           "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "van der Meer", "Dekker", "Brouwer"],
    "en": ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans", "Thomas",
           "O'Neill", "Murphy", "McDonald", "MacLeod", "Walsh", "Robinson", "Wright", "Thompson", "Hughes",
           "Fitzgerald", "Clarke", "Ó Súilleabháin"],
    "pl": ["Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński"],
    "tr": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın"],
    "other": ["Novák", "Andersson", "Nielsen", "Kumar", "Chen", "Papadopoulos", "Silva", "Ferreira", "Korhonen",
              "Ivanova", "Haddad", "Okafor", "Tanaka", "Kovačević", "Horváth"],
}
LANGS = list(FIRST)


def name(rng, lang=None):
    lang = lang or rng.choice(LANGS)
    return rng.choice(FIRST[lang]), rng.choice(LAST[lang]), lang


def full_name(rng, first, last):
    r = rng.random()
    if r < 0.6:
        return f"{first} {last}"
    if r < 0.72:
        return f"{last}, {first}"
    if r < 0.8:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    if r < 0.87:
        return f"{rng.choice(['Dr.', 'Mr', 'Mrs', 'Ms', 'Frau', 'Herr', 'Mme', 'Sig.', 'Prof.'])} {first} {last}"
    if r < 0.94:
        return f"{last.upper()} {first}"
    return f"{first} {last}".upper() if rng.random() < 0.5 else f"{first} {last}".lower()


STREETS = {
    "de": ["{s}straße {n}", "{s}str. {n}", "{s}weg {n}{a}", "Am {s}platz {n}", "{s}allee {n}, {m}. OG",
           "{s}gasse {n}", "{s}ring {n}"],
    "de_words": ["Haupt", "Bahnhof", "Linden", "Schiller", "Goethe", "Garten", "Berliner ", "Kirch", "Wald",
                 "Birken", "Mühlen", "Rosen", "Friedrich-Ebert-", "Kaiser-Wilhelm-"],
    "fr": ["{n} rue {s}", "{n}, avenue {s}", "{n} bis boulevard {s}", "{n} place {s}", "{n} impasse {s}",
           "Appt {m}, {n} rue {s}"],
    "fr_words": ["de la Paix", "Victor Hugo", "Saint-Michel", "du Marché", "des Lilas", "Jean Jaurès",
                 "de la République", "Pasteur", "du Général de Gaulle", "des Écoles"],
    "it": ["Via {s} {n}", "Corso {s} {n}", "Piazza {s} {n}", "Viale {s} {n}/{a}", "Vicolo {s} {n}"],
    "it_words": ["Roma", "Garibaldi", "Vittorio Emanuele II", "dei Mille", "Giuseppe Verdi", "Dante Alighieri",
                 "della Libertà", "XX Settembre", "Mazzini", "Cavour"],
    "es": ["Calle {s} {n}", "Avenida {s} {n}, {m}º", "Plaza {s} {n}", "C/ {s}, {n}, {m}º {a}", "Paseo {s} {n}"],
    "es_words": ["Mayor", "de la Constitución", "del Sol", "de Alcalá", "Gran Vía", "de Cervantes",
                 "Real", "San Juan", "de Goya", "del Carmen"],
    "nl": ["{s} {n}", "{s} {n}-{m}", "{s} {n}{a}", "{s} {n} hs"],
    "nl_words": ["Kerkstraat", "Dorpsstraat", "Stationsweg", "Prinsengracht", "Molenweg", "Schoolstraat",
                 "Julianalaan", "Keizersgracht", "Beatrixstraat", "Nieuwe Binnenweg"],
    "en": ["{n} {s} Street", "{n} {s} Road", "Flat {m}, {n} {s} Lane", "{n} {s} Avenue", "{n} {s} Close",
           "Apt {m}, {n} {s} Street", "{n} {s} Drive", "{n} {s} Gardens"],
    "en_words": ["High", "Station", "Church", "Maple", "Elm", "Victoria", "Queen's", "Mill", "Park", "King",
                 "Oak", "St. John's", "Sunset", "Washington", "Main"],
}
CITY_BY_LANG = {
    "de": [("10115", "Berlin"), ("80331", "München"), ("20095", "Hamburg"), ("50667", "Köln"), ("70173", "Stuttgart"),
           ("04109", "Leipzig"), ("01067", "Dresden")],
    "fr": [("75008", "Paris"), ("69002", "Lyon"), ("13001", "Marseille"), ("31000", "Toulouse"), ("33000", "Bordeaux")],
    "it": [("00184", "Roma"), ("20121", "Milano"), ("10121", "Torino"), ("80133", "Napoli"), ("50122", "Firenze")],
    "es": [("28013", "Madrid"), ("08001", "Barcelona"), ("41001", "Sevilla"), ("46001", "Valencia")],
    "nl": [("1012 AB", "Amsterdam"), ("3011 BD", "Rotterdam"), ("3511 LX", "Utrecht"), ("2511 CV", "Den Haag")],
    "en": [("", "London"), ("", "Leeds"), ("", "Manchester"), ("", "Bristol"), ("", "Edinburgh")],
}


def street(rng, lang):
    tpl = rng.choice(STREETS[lang])
    s = rng.choice(STREETS[lang + "_words"])
    v = tpl.format(s=s, n=rng.randint(1, 240), m=rng.randint(1, 9), a=rng.choice("abcd")).replace("  ", " ")
    if lang == "de":   # Berliner Straße, Friedrich-Ebert-Weg
        v = re.sub(r"([\- ])(straße|str\.|weg|allee|gasse|ring|platz)", lambda m: m.group(1) + m.group(2).capitalize(), v)
    if rng.random() < 0.3:   # a whole address line with postcode and city
        pc, city = rng.choice(CITY_BY_LANG[lang])
        v = f"{v}, {pc} {city}".replace(",  ", ", ") if pc else f"{v}, {city}"
    return v, "LOCATION"


MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
}


def date_text(rng, y, m, d, style=None):
    styles = ["iso", "iso", "dmy.", "dmy.", "mdy/", "dmy/", "dmy-", "ymd/", "compact", "d Month y", "Month d, y",
              "d-Mon-y", "dmy. short", "d.m.y", "iso-midnight", "d. Monat y", "d mois y", "d mese y", "dmy/ short",
              "Mon d y"]
    style = style or rng.choice(styles)
    if style == "iso":
        return f"{y:04d}-{m:02d}-{d:02d}"
    if style == "dmy.":
        return f"{d:02d}.{m:02d}.{y:04d}"
    if style == "mdy/":
        return f"{m:02d}/{d:02d}/{y:04d}"
    if style == "dmy/":
        return f"{d:02d}/{m:02d}/{y:04d}"
    if style == "dmy-":
        return f"{d:02d}-{m:02d}-{y:04d}"
    if style == "ymd/":
        return f"{y:04d}/{m:02d}/{d:02d}"
    if style == "compact":
        return f"{y:04d}{m:02d}{d:02d}"
    if style == "d Month y":
        return f"{d} {MONTHS['en'][m - 1]} {y}"
    if style == "Month d, y":
        return f"{MONTHS['en'][m - 1]} {d}, {y}"
    if style == "d-Mon-y":
        return f"{d:02d}-{MONTHS['en'][m - 1][:3]}-{y}"
    if style == "dmy. short":
        return f"{d:02d}.{m:02d}.{y % 100:02d}"
    if style == "d.m.y":
        return f"{d}.{m}.{y}"
    if style == "iso-midnight":
        return f"{y:04d}-{m:02d}-{d:02d}T00:00:00Z" if rng.random() < 0.5 else f"{y:04d}-{m:02d}-{d:02d} 00:00:00"
    if style == "d. Monat y":
        return f"{d}. {MONTHS['de'][m - 1]} {y}"
    if style == "d mois y":
        return f"{d} {MONTHS['fr'][m - 1]} {y}"
    if style == "d mese y":
        return f"{d} {MONTHS['it'][m - 1]} {y}"
    if style == "dmy/ short":
        return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if style == "Mon d y":
        return f"{MONTHS['en'][m - 1][:3]} {d}, {y}"
    raise ValueError(style)


def dob(rng):
    y, m, d = rng.randint(1935, 2007), rng.randint(1, 12), rng.randint(1, 28)
    return date_text(rng, y, m, d), "DATE_OF_BIRTH"


# ---------------------------------------------------------------- registry for the self-check

def _phone_nat(cc):
    return lambda rng: (phone_national(rng, cc), "PHONE_NUMBER")


def _phone_int(cc):
    return lambda rng: (phone_international(rng, cc), "PHONE_NUMBER")


def _cf(rng):
    f, l_, _ = name(rng, "it")
    return codice_fiscale(rng, f, l_, (rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)))


def _name(rng):
    f, l_, _ = name(rng)
    return full_name(rng, f, l_), "PERSON"


def _email(rng):
    f, l_, _ = name(rng)
    return email(rng, f, l_)


# name -> (generator, column name to probe with)
GENERATORS = {
    "iban": (iban, "iban"), "card": (card, "card_number"), "ssn": (ssn, "ssn"), "bsn": (bsn, "bsn"),
    "steuer_id": (steuer_id, "steuer_id"), "dni": (dni, "dni"), "nino": (nino, "nino"),
    "codice_fiscale": (_cf, "codice_fiscale"), "imei": (imei, "imei"),
    "phone_de": (_phone_nat("DE"), "telefon"), "phone_gb": (_phone_nat("GB"), "telephone"),
    "phone_fr": (_phone_nat("FR"), "téléphone"), "phone_it": (_phone_nat("IT"), "telefono"),
    "phone_es": (_phone_nat("ES"), "teléfono"), "phone_nl": (_phone_nat("NL"), "telefoon"),
    "phone_us": (_phone_nat("US"), "phone"),
    **{f"phone_intl_{c.lower()}": (_phone_int(c), "phone") for c in PLANS},
    "email": (_email, "email"), "ipv4": (ipv4, "ip_address"), "ipv6": (ipv6, "ip_address"), "mac": (mac, "mac"),
    "plate_de": (plate_de, "kennzeichen"), "plate_fr": (plate_fr, "immatriculation"), "plate_it": (plate_it, "targa"),
    "plate_es": (plate_es, "matricula"), "plate_nl": (plate_nl, "kenteken"), "plate_gb": (plate_gb, "registration"),
    "dob": (dob, "date_of_birth"), "name": (_name, "name"),
    **{f"street_{lang}": ((lambda lg: lambda rng: street(rng, lg))(lang), "address")
       for lang in ("de", "fr", "it", "es", "nl", "en")},
}
