#!/usr/bin/env python3
"""Differential check of Blackbar's validators against python-stdnum (not run in CI).

For each Blackbar validator with a python-stdnum counterpart, generate N values that stdnum
accepts (random payloads with the check characters computed by trying each candidate against
stdnum), plus one one-character mutation of each (a digit for a digit, a letter for a letter),
and ask both sides. Blackbar is asked through `blackbar rules validate NAME` (one `1`/`0`/`-`
per stdin line). Prints a table and a few examples of each disagreement; the known classes of
disagreement are explained in scripts/README-validators.md.

    pip install python-stdnum
    swift build --product blackbar
    python3 scripts/validators-vs-stdnum.py [-n 2000] [--seed 1] [--only eu-vat] [--binary PATH]
"""
import argparse
import importlib
import os
import random
import string
import subprocess
import sys
from datetime import date, timedelta

D, U = string.digits, string.ascii_uppercase


def rdate(rng, lo=1901, hi=2024):
    """A random real date."""
    start = date(lo, 1, 1)
    return start + timedelta(days=rng.randrange((date(hi, 12, 31) - start).days))


def fill(rng, template):
    """D: random digit, U: random capital, N: digit 1-9; '?' kept (check position); others kept."""
    out = []
    for c in template:
        out.append(rng.choice(D) if c == 'D' else rng.choice(U) if c == 'U' else
                   rng.choice('123456789') if c == 'N' else c)
    return ''.join(out)


# ---- generators: each returns a template string where '?' are check characters ----

def g(template):
    return lambda rng: fill(rng, template)


def pesel(rng):
    d = rdate(rng, 1900, 2099)
    month = d.month + {19: 0, 20: 20}[d.year // 100]
    return '%02d%02d%02d' % (d.year % 100, month, d.day) + fill(rng, 'DDDD?')


def yymmdd(rng, lo=1930, hi=2020):
    d = rdate(rng, lo, hi)
    return '%02d%02d%02d' % (d.year % 100, d.month, d.day)


def ddmmyy(rng, lo=1930, hi=2020):
    d = rdate(rng, lo, hi)
    return '%02d%02d%02d' % (d.day, d.month, d.year % 100)


def hetu(rng):
    d = rdate(rng, 1900, 2020)
    sign = {19: '-', 20: 'A'}[d.year // 100]
    return ddmmyy_from(d) + sign + '%03d' % rng.randrange(2, 900) + '?'


def ddmmyy_from(d):
    return '%02d%02d%02d' % (d.day, d.month, d.year % 100)


def czrc(rng):
    d = rdate(rng, 1954, 2020)
    month = d.month + (50 if rng.random() < 0.5 else 0)
    return '%02d%02d%02d' % (d.year % 100, month, d.day) + fill(rng, 'DDD?')


def egn(rng):
    d = rdate(rng, 1901, 2020)
    month = d.month + (40 if d.year >= 2000 else 0)
    return '%02d%02d%02d' % (d.year % 100, month, d.day) + fill(rng, 'DDD?')


def lv_person(rng):
    d = rdate(rng, 1901, 2020)
    return ddmmyy_from(d) + str(d.year // 100 - 18) + fill(rng, 'DDD?')


def codice_fiscale(rng):
    d = rdate(rng, 1930, 2020)
    day = d.day + (40 if rng.random() < 0.5 else 0)
    return fill(rng, 'UUUUUU') + '%02d' % (d.year % 100) + 'ABCDEHLMPRST'[d.month - 1] + '%02d' % day + \
        fill(rng, 'U') + fill(rng, 'NDD') + '?'


def curp(rng):
    d = rdate(rng, 1930, 2020)
    return 'GOMA' + yymmdd_from(d) + rng.choice('HM') + rng.choice(['DF', 'JC', 'NL', 'YN']) + 'RRN' + \
        ('0' if d.year < 2000 else 'A') + '?'


def yymmdd_from(d):
    return '%02d%02d%02d' % (d.year % 100, d.month, d.day)


def rfc(rng):
    return 'GODE' + yymmdd(rng) + fill(rng, 'UD') + '?'


def sa_id(rng):
    return yymmdd(rng) + fill(rng, 'DDDD') + rng.choice('01') + '8?'


def nir(rng):
    return rng.choice('12') + '%02d%02d' % (rng.randrange(100), rng.randrange(1, 13)) + fill(rng, 'NDDDDDDD') + '??'


def vat(cc, *templates):
    return lambda rng: cc + fill(rng, rng.choice(templates))


# ---- the comparisons: (Blackbar validator, stdnum module, generator, check alphabet, to Blackbar form) ----

def digits_only(v):
    return ''.join(c for c in v if c.isalnum())


EU = [
    ('AT', vat('AT', 'UDDDDDDD?')), ('BE', vat('BE', '0NDDDDDD??')),
    ('BG', vat('BG', 'DDDDDDDD?', 'NDDDDDDDD?')), ('CY', vat('CY', '0DDDDDDD?', '3DDDDDDD?')),
    ('CZ', vat('CZ', 'NDDDDDD?', '6DDDDDDD?')), ('DK', vat('DK', 'NDDDDDD?')), ('EE', vat('EE', '10DDDDDD?')),
    ('EL', vat('EL', 'DDDDDDDD?')), ('ES', vat('ES', 'UDDDDDDD?', 'DDDDDDDD?')), ('FI', vat('FI', 'DDDDDDD?')),
    ('FR', vat('FR', '??DDDDDDDD?')), ('HR', vat('HR', 'DDDDDDDDDD?')), ('HU', vat('HU', 'DDDDDDD?')),
    ('IE', vat('IE', 'DDDDDDD?', 'DDDDDDD?A', 'DUDDDDD?')), ('LT', vat('LT', 'DDDDDDD1?', 'DDDDDDDDDD1?')),
    ('LU', vat('LU', 'DDDDDD??')), ('LV', vat('LV', '4DDDDDDDDD?')), ('MT', vat('MT', 'NDDDDD??')),
    ('NL', vat('NL', 'DDDDDDDD?B01', 'DDDDDDDDDB??')), ('RO', vat('RO', 'NDDDDD?', 'NDDDDDDDD?')),
    ('SE', vat('SE', 'DDDDDDDDD?01')), ('SI', vat('SI', 'NDDDDDD?')), ('SK', vat('SK', 'N0DDDDDDD?', 'N2DDDDDD??')),
    ('XI', vat('XI', 'DDDDDDD??', 'DDDDDDD??DDD')),
]

COMPARISONS = [
    ('luhn', 'stdnum.luhn', g('NDDDDDDDDDDDDDD?'), D, None),
    ('verhoeff', 'stdnum.verhoeff', g('NDDDDDDDDDD?'), D, None),
    ('damm', 'stdnum.damm', g('NDDDDDDDD?'), D, None),
    ('iso7064-mod11-10', 'stdnum.iso7064.mod_11_10', g('NDDDDDDDDD?'), D, None),
    ('iso7064-mod11-2', 'stdnum.iso7064.mod_11_2', g('NDDDDDDDDDDDDDD?'), D + 'X', None),
    ('iso7064-mod37-2', 'stdnum.iso7064.mod_37_2', g('UUDDDDDDDD?'), D + U + '*', None),
    ('iso7064-mod97-10', 'stdnum.iso7064.mod_97_10', g('UUDDDDDDDDDD??'), D, None),
    ('iban', 'stdnum.iban', lambda rng: rng.choice(['DE??' + fill(rng, 'DDDDDDDDDDDDDDDDDD'),
                                                    'NL??' + fill(rng, 'UUUUDDDDDDDDDD'),
                                                    'GB??' + fill(rng, 'UUUUDDDDDDDDDDDDDD'),
                                                    'AT??' + fill(rng, 'DDDDDDDDDDDDDDDD')]), D, None),
    ('imei', 'stdnum.imei', g('35DDDDDDDDDDDD?'), D, None),
    ('meid', 'stdnum.meid', g('A1000DDDDDDDDD?'), D + 'ABCDEF', None),
    ('nl-bsn', 'stdnum.nl.bsn', g('NDDDDDDD?'), D, None),
    ('pl-pesel', 'stdnum.pl.pesel', pesel, D, None),
    ('pl-nip', 'stdnum.pl.nip', g('NDDDDDDDD?'), D, None),
    ('pl-regon', 'stdnum.pl.regon', lambda rng: fill(rng, rng.choice(['NDDDDDDD?', 'NDDDDDDD?DDDD?'])), D, None),
    ('br-cpf', 'stdnum.br.cpf', g('NDDDDDDDD??'), D, None),
    ('br-cnpj', 'stdnum.br.cnpj', g('NDDDDDDD0001??'), D, None),
    ('mx-curp', 'stdnum.mx.curp', curp, D, None),
    ('mx-rfc', 'stdnum.mx.rfc', rfc, D + 'A', None),
    ('ar-cuit', 'stdnum.ar.cuit', lambda rng: rng.choice(['20', '23', '27', '30', '33']) + fill(rng, 'NDDDDDDD?'), D, None),
    ('cl-rut', 'stdnum.cl.rut', g('NDDDDDDD?'), D + 'K', None),
    ('in-aadhaar', 'stdnum.in_.aadhaar', g('NDDDDDDDDDD?'), D, None),
    ('in-pan', 'stdnum.in_.pan', lambda rng: fill(rng, 'UUU') + rng.choice('ABCFGHLJPT') + fill(rng, 'UDDDD?'), U, None),
    ('in-gstin', 'stdnum.in_.gstin', lambda rng: '27' + fill(rng, 'UUU') + 'P' + fill(rng, 'UDDDDU') + '1Z?', D + U, None),
    ('es-dni', 'stdnum.es.dni', g('DDDDDDDD?'), U, None),
    ('es-nie', 'stdnum.es.nie', lambda rng: rng.choice('XYZ') + fill(rng, 'DDDDDDD?'), U, None),
    ('pt-nif', 'stdnum.pt.nif', g('NDDDDDDD?'), D, None),
    ('it-partita-iva', 'stdnum.it.iva', g('0000DDD001?'), D, None),
    ('it-codice-fiscale', 'stdnum.it.codicefiscale', codice_fiscale, U, None),
    ('fi-hetu', 'stdnum.fi.hetu', hetu, D + 'ABCDEFHJKLMNPRSTUVWXY', None),
    ('se-personnummer', 'stdnum.se.personnummer', lambda rng: yymmdd(rng) + '-' + fill(rng, 'DDD?'), D, digits_only),
    ('dk-cpr', 'stdnum.dk.cpr', lambda rng: ddmmyy(rng, 1937, 2020) + fill(rng, 'DDD?'), D, None),
    ('no-fodselsnummer', 'stdnum.no.fodselsnummer', lambda rng: ddmmyy(rng, 1940, 1999) + fill(rng, '4DD??'), D, None),
    ('cz-birth-number', 'stdnum.cz.rc', czrc, D, None),
    ('be-national-number', 'stdnum.be.nn', lambda rng: yymmdd(rng, 1930, 1999) + fill(rng, 'DDD??'), D, None),
    ('fr-nir', 'stdnum.fr.nir', nir, D, None),
    ('fr-siren', 'stdnum.fr.siren', g('NDDDDDDD?'), D, None),
    ('fr-siret', 'stdnum.fr.siret', g('NDDDDDDDDDDDD?'), D, None),
    ('ch-ahv', 'stdnum.ch.ssn', g('756DDDDDDDDD?'), D, None),
    ('de-tax-id', 'stdnum.de.idnr', lambda rng: fill(rng, 'N') + ''.join(rng.sample('0123456789', 9)[:8]) +
     rng.choice('0123456789') + '?', D, None),
    ('de-vat', 'stdnum.de.vat', g('NDDDDDDD?'), D, None),
    ('gb-nhs', 'stdnum.gb.nhs', g('4DDDDDDDD?'), D, None),
    ('gb-utr', 'stdnum.gb.utr', g('?DDDDDDDDD'), D, None),
    ('ie-pps', 'stdnum.ie.pps', lambda rng: fill(rng, 'DDDDDDD?') + rng.choice(['', 'A', 'H']), 'ABCDEFGHIJKLMNOPQRSTUVW', None),
    ('tr-tckn', 'stdnum.tr.tckimlik', g('NDDDDDDDD??'), D, None),
    ('il-teudat-zehut', 'stdnum.il.idnr', g('DDDDDDDD?'), D, None),
    ('za-id', 'stdnum.za.idnr', sa_id, D, None),
    ('au-tfn', 'stdnum.au.tfn', g('NDDDDDDD?'), D, None),
    ('au-abn', 'stdnum.au.abn', g('??NDDDDDDDD'), D, None),
    ('nz-ird', 'stdnum.nz.ird', g('NDDDDDD?'), D, None),
    ('ca-sin', 'stdnum.ca.sin', g('NDDDDDDD?'), D, None),
    ('us-itin', 'stdnum.us.itin', lambda rng: '9' + fill(rng, 'DD') + rng.choice(['50', '65', '70', '88', '90', '92', '94', '99']) + fill(rng, 'DDDD'), D, None),
    ('us-ein', 'stdnum.us.ein', g('DDDDDDDDD'), D, None),
    ('us-ssn', 'stdnum.us.ssn', g('NDDDDDDDD'), D, None),
    ('cn-resident-id', 'stdnum.cn.ric', lambda rng: '110101' + '%04d%02d%02d' % (lambda d: (d.year, d.month, d.day))(rdate(rng, 1930, 2020)) + fill(rng, 'DDD?'), D + 'X', None),
    ('kr-rrn', 'stdnum.kr.rrn', lambda rng: yymmdd(rng, 1930, 1999) + rng.choice('12') + fill(rng, 'DDDDD?'), D, None),
    ('at-svnr', 'stdnum.at.vnr', lambda rng: fill(rng, 'NDD?') + ddmmyy(rng), D, None),
    ('eu-vat', 'stdnum.eu.vat', None, D + U, None),  # expanded per country below
]


def make_value(rng, gen, alphabet, accepts, tries=400):
    """A value from `gen` whose '?' positions make stdnum accept it, or None."""
    for _ in range(tries):
        template = gen(rng)
        holes = [i for i, c in enumerate(template) if c == '?']
        if not holes:
            if accepts(template):
                return template
            continue
        chars = list(template)
        for _ in range(60 if len(holes) > 1 else 1):
            if len(holes) == 1:
                for c in alphabet:
                    chars[holes[0]] = c
                    if accepts(''.join(chars)):
                        return ''.join(chars)
                break
            for i in holes[:-1]:
                chars[i] = rng.choice(alphabet)
            for c in alphabet:
                chars[holes[-1]] = c
                if accepts(''.join(chars)):
                    return ''.join(chars)
    return None


def mutate(rng, value):
    """One character replaced by another of its kind (digit by digit, letter by letter)."""
    positions = [i for i, c in enumerate(value) if c.isalnum()]
    i = rng.choice(positions)
    pool = D if value[i].isdigit() else U
    c = rng.choice([x for x in pool if x != value[i]])
    return value[:i] + c + value[i + 1:]


def blackbar(binary, name, values):
    out = subprocess.run([binary, 'rules', 'validate', name], input='\n'.join(values) + '\n',
                         capture_output=True, text=True, check=True).stdout.split('\n')
    return [x == '1' for x in out[:len(values)]]


# Options that make stdnum check what Blackbar checks (mx.rfc skips the check digit by default).
STDNUM_OPTIONS = {'stdnum.mx.rfc': {'validate_check_digits': True}}


def stdnum_valid(mod, v):
    try:
        return bool(mod.is_valid(v, **STDNUM_OPTIONS.get(mod.__name__, {})))
    except Exception:
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('-n', type=int, default=2000, help='valid values per validator (and country for eu-vat)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--only', help='comma-separated Blackbar validator names')
    ap.add_argument('--examples', type=int, default=3, help='disagreements shown per validator and kind')
    ap.add_argument('--binary', default=os.environ.get('BLACKBAR_BINARY', '.build/debug/blackbar'))
    args = ap.parse_args()
    only = set(args.only.split(',')) if args.only else None

    rows = []
    for name, module, gen, alphabet, to_bb in COMPARISONS:
        if only and name not in only:
            continue
        mod = importlib.import_module(module)
        groups = [(name, gen, lambda v, m=mod: stdnum_valid(m, v))] if gen else [
            (f'{name} {cc}', cgen, lambda v, m=mod: stdnum_valid(m, v)) for cc, cgen in EU]
        for label, ggen, accepts in groups:
            rng = random.Random(f'{args.seed}-{label}')
            valid = []
            for _ in range(args.n):
                v = make_value(rng, ggen, alphabet, accepts)
                if v is not None:
                    valid.append(v)
            if not valid:
                print(f'{label}: could not generate values stdnum accepts', file=sys.stderr)
                continue
            mutated = [mutate(rng, v) for v in valid]
            conv = to_bb or (lambda v: v)
            ours_valid = blackbar(args.binary, name, [conv(v) for v in valid])
            ours_mut = blackbar(args.binary, name, [conv(v) for v in mutated])
            theirs_mut = [accepts(v) for v in mutated]
            dis_valid = [v for v, o in zip(valid, ours_valid) if not o]
            dis_mut = [(v, t, o) for v, t, o in zip(mutated, theirs_mut, ours_mut) if t != o]
            rows.append((label, len(valid), 1 - len(dis_valid) / len(valid), 1 - len(dis_mut) / len(mutated),
                         dis_valid, dis_mut, sum(theirs_mut)))

    print(f'{"validator":<24}{"values":>7}{"agree valid":>13}{"agree mutated":>15}{"stdnum-valid mutants":>22}')
    for label, n, av, am, _, _, tm in rows:
        print(f'{label:<24}{n:>7}{av:>12.2%}{am:>15.2%}{tm:>22}')
    print()
    for label, n, _, _, dv, dm, _ in rows:
        if dv:
            print(f'{label}: {len(dv)} stdnum-valid values Blackbar rejects, e.g. {", ".join(dv[:args.examples])}')
        if dm:
            shown = ', '.join(f'{v} (stdnum {"valid" if t else "invalid"}, Blackbar {"valid" if o else "invalid"})'
                              for v, t, o in dm[:args.examples])
            print(f'{label}: {len(dm)} mutants judged differently, e.g. {shown}')
    print('\nClasses of disagreement and what was done about them: scripts/README-validators.md')


if __name__ == '__main__':
    main()
