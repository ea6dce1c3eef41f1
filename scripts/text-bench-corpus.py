#!/usr/bin/env python3
"""Build the text benchmark corpora from documents installed on this machine (not committed).

    python3 scripts/text-bench-corpus.py --out bench-out/text [--docs-mb 200] [--code-mb 100] [--adv-mb 20]
                                         [--small 2000] [--seed 1]

Writes into DIR:
  docs.txt         installed documentation (/usr/share/doc: ChangeLogs, NEWS, READMEs, copyright files,
                   plain or .gz), with one synthetic personal value inserted at a word boundary about every
                   2 KB (emails, phones, IBANs, cards, SSNs, IPs, national IDs: scripts/synth.py, valid checks).
  code.txt         Python standard-library sources and man pages (decompressed), as they are: the scanner must
                   stay quiet and fast on text that holds almost no personal data.
  adversarial.txt  the inputs that open most windows: random capitals, digits and separators, hex dumps,
                   base64 blobs and long digit runs, in 64 KB stretches of each.
  small/           --small files of about 1 KB each, cut from docs.txt (many small files).
  empty.txt        an empty file.
  stats.json       sizes and the number of inserted values per entity.

Files are read in sorted path order and the random generator is seeded, so a machine gives the same
corpora every time. When the installed text is shorter than asked for it is repeated.
"""
import argparse
import base64
import glob
import gzip
import json
import os
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402


def read_text(path):
    try:
        data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    except (OSError, EOFError, gzip.BadGzipFile):
        return b""
    if b"\0" in data[:4096]:
        return b""
    return data


def collect(paths, limit):
    parts, total = [], 0
    for p in paths:
        if os.path.islink(p) or not os.path.isfile(p):
            continue
        data = read_text(p)
        if not data:
            continue
        parts.append(data if data.endswith(b"\n") else data + b"\n")
        total += len(parts[-1])
        if total >= limit:
            break
    return parts, total


def fill(parts, total, limit):
    out = bytearray()
    while len(out) < limit and total:
        for data in parts:
            out += data
            if len(out) >= limit:
                break
    return bytes(out[:limit])


DOC_NAMES = ("changelog", "news", "readme", "copyright", "authors", "todo", "history", "thanks")


def doc_paths():
    paths = []
    for p in sorted(glob.glob("/usr/share/doc/**/*", recursive=True)):
        name = os.path.basename(p).lower()
        if any(name.startswith(n) for n in DOC_NAMES):
            paths.append(p)
    return paths


def code_paths():
    paths = sorted(glob.glob("/usr/lib/python3*/**/*.py", recursive=True))
    man = sorted(glob.glob("/usr/share/man/man[1-8]/*"))
    # Interleave sources and man pages so any prefix holds both.
    out = []
    for k in range(max(len(paths), len(man))):
        if k < len(paths):
            out.append(paths[k])
        if k < len(man):
            out.append(man[k])
    return out


GENERATORS = [
    lambda r: synth.email(r, r.choice(["anna", "jan", "marie", "li"]), r.choice(["muller", "smith", "rossi"])),
    lambda r: (synth.phone_international(r), "PHONE_NUMBER"),
    lambda r: (synth.phone_national(r, r.choice(["DE", "GB", "FR", "IT", "ES", "NL", "US"])), "PHONE_NUMBER"),
    lambda r: synth.iban(r),
    lambda r: synth.card(r),
    lambda r: synth.ssn_formatted(r),
    lambda r: synth.ipv4(r),
    lambda r: synth.bsn(r),
    lambda r: synth.steuer_id(r),
    lambda r: synth.nino(r),
    lambda r: synth.dni(r),
    lambda r: synth.imei(r),
]


def insert_pii(text, rng, every, counts):
    out = bytearray()
    i = 0
    n = len(text)
    while i < n:
        step = rng.randint(every // 2, every * 3 // 2)
        j = min(n, i + step)
        # Move to the next space so the value sits between words.
        k = text.find(b" ", j)
        if k < 0:
            out += text[i:]
            break
        if k - j > 200:
            # No word boundary near: no value here.
            out += text[i:k + 1]
            i = k + 1
            continue
        out += text[i:k + 1]
        value, entity = GENERATORS[rng.randrange(len(GENERATORS))](rng)
        counts[entity] = counts.get(entity, 0) + 1
        out += value.encode() + b" "
        i = k + 1
    return bytes(out)


def adversarial(rng, size):
    chunks = []
    total = 0
    kinds = ["caps", "hex", "base64", "digits"]
    k = 0
    while total < size:
        kind = kinds[k % len(kinds)]
        k += 1
        if kind == "caps":
            alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./:"
            line = lambda: "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 100)))
        elif kind == "hex":
            def line():
                addr = rng.randrange(1 << 32)
                return f"{addr:08x}  " + " ".join(f"{rng.randrange(256):02x}" for _ in range(16))
        elif kind == "base64":
            line = lambda: base64.b64encode(rng.randbytes(57)).decode()
        else:
            line = lambda: "".join(rng.choice("0123456789") for _ in range(rng.randint(8, 200)))
        chunk = bytearray()
        while len(chunk) < 65536:
            chunk += line().encode() + b"\n"
        chunks.append(bytes(chunk))
        total += len(chunk)
    return b"".join(chunks)[:size]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="bench-out/text")
    ap.add_argument("--docs-mb", type=int, default=200)
    ap.add_argument("--code-mb", type=int, default=100)
    ap.add_argument("--adv-mb", type=int, default=20)
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    stats = {}

    limit = args.docs_mb * 10**6
    parts, total = collect(doc_paths(), limit)
    counts = {}
    # PII is inserted into the distinct text once, then the result is repeated (when the machine has less).
    base = insert_pii(b"".join(parts), rng, 2000, counts)
    docs = fill([base], len(base), limit)
    (out / "docs.txt").write_bytes(docs)
    stats["docs"] = {"bytes": len(docs), "distinct_bytes": len(base), "inserted_in_distinct": counts}

    limit = args.code_mb * 10**6
    parts, total = collect(code_paths(), limit)
    code = fill(parts, total, limit)
    (out / "code.txt").write_bytes(code)
    stats["code"] = {"bytes": len(code), "distinct_bytes": total}

    adv = adversarial(rng, args.adv_mb * 10**6)
    (out / "adversarial.txt").write_bytes(adv)
    stats["adversarial"] = {"bytes": len(adv)}

    small = out / "small"
    small.mkdir(exist_ok=True)
    for old in small.glob("*.txt"):
        old.unlink()
    for k in range(args.small):
        at = rng.randrange(0, max(1, len(base) - 1024))
        (small / f"f{k:05d}.txt").write_bytes(base[at:at + 1024])
    stats["small"] = {"files": args.small, "bytes_each": 1024}

    (out / "empty.txt").write_bytes(b"")
    (out / "stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
