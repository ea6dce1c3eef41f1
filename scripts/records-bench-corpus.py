#!/usr/bin/env python3
"""Build a throughput benchmark for the record scanner: a ~N MB CSV and a ~N MB JSONL file.

    python3 scripts/records-bench-corpus.py --out bench-out/records --mb 100 [--seed 1] [--text-mb 24] [--small 500]

Free-text cells hold REAL text from this machine, split into lines: /usr/share/common-licenses,
/usr/share/doc/** (plain and .gz, decompressed), and Python sources under /usr/lib/python3*. Files are
read in sorted order (at most 256 KB of text from each, --text-mb in all), so the output is deterministic
for a given machine and seed. ID columns are generated as in records-corpus.py (values from the rules'
`match` examples), with personal data planted in about 1 cell of 20; the rest are look-alikes (order
numbers, SKUs, amounts, timestamps, UUIDs), quasi-identifiers and empty cells.

Writes DIR/bench.csv, DIR/bench.jsonl and DIR/bench-stats.json (rows, bytes, planted cells per entity), and
DIR/small/: --small tables of 20 rows each (half CSV, half JSON Lines, the same columns), the many small files
a vendor's export folder holds, where what a run pays per file and per column counts more than per byte.
Note: the real text is not free of personal data (Debian changelogs and copyright files name
maintainers with e-mail addresses; licenses hold URLs), so findings outside planted cells are expected.
The output is large: do not commit it (bench-out/ is ignored).
"""
import argparse
import glob
import gzip
import importlib.util
import json
import os
import pathlib
import random
import sys
import uuid

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from rulepool import load_rules  # noqa: E402

_spec = importlib.util.spec_from_file_location("records_corpus", HERE / "records-corpus.py")
rc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rc)

PER_FILE = 256 * 1024


def text_sources():
    paths = sorted(glob.glob("/usr/share/common-licenses/*"))
    for root, dirs, files in os.walk("/usr/share/doc"):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".gz", ".txt", ".md", ".rst")) or f in ("copyright", "README", "NEWS", "changelog"):
                paths.append(os.path.join(root, f))
    for pyroot in sorted(glob.glob("/usr/lib/python3*")):
        for root, dirs, files in os.walk(pyroot):
            dirs.sort()
            dirs[:] = [d for d in dirs if d not in ("__pycache__", "test", "tests")]
            paths.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".py"))
    return paths


def read_lines(limit_bytes):
    lines, total, used = [], 0, 0
    for path in text_sources():
        if total >= limit_bytes:
            break
        try:
            if os.path.islink(path) and not os.path.exists(path):
                continue
            if path.endswith(".gz"):
                with gzip.open(path, "rb") as f:
                    raw = f.read(PER_FILE)
            else:
                with open(path, "rb") as f:
                    raw = f.read(PER_FILE)
        except (OSError, EOFError, gzip.BadGzipFile):
            continue
        if b"\0" in raw[:4096]:
            continue
        text = raw.decode("utf-8", "replace")
        used += 1
        for line in text.splitlines():
            line = " ".join(line.split())
            if 15 <= len(line) <= 400:
                lines.append(line)
                total += len(line) + 1
    return lines, used


def main():
    ap = argparse.ArgumentParser(description="Build a ~N MB CSV and JSONL benchmark from real text.")
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--text-mb", type=float, default=24, help="how much real text to read (MB)")
    ap.add_argument("--small", type=int, default=500, help="small tables of 20 rows in DIR/small")
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    lines, nfiles = read_lines(int(a.text_mb * 1e6))
    if not lines:
        raise SystemExit("no text found under /usr/share/doc, /usr/share/common-licenses, /usr/lib/python3*")
    pools = rc.Pools(load_rules(HERE.parent / "rules"))
    P = pools.values
    typed = [  # column, entity, values
        ("name", "PERSON", None), ("email", "EMAIL_ADDRESS", P("email")),
        ("phone", "PHONE_NUMBER", P("phone-international", "phone-us", "phone-gb")),
        ("telefon", "PHONE_NUMBER", P("phone-de")), ("iban", "IBAN_CODE", P("iban")),
        ("card_number", "CREDIT_CARD", P("credit-card")), ("ssn", "US_SSN", P("us-ssn")),
        ("steuer_id", "DE_TAX_ID", P("de-tax-id")), ("kennzeichen", "LICENSE_PLATE", P("plate-de")),
        ("ip_address", "IP_ADDRESS", P("ipv4", "ipv6")), ("imei", "IMEI", P("imei")),
    ]
    text_cols = ["notes", "description", "comment"]
    look = ["order_id", "sku", "amount", "created_at", "uuid", "version", "zip", "city"]
    header = ["id"] + [t[0] for t in typed] + text_cols + look
    # 23 cells a row; about 1 in 20 personal: typed columns filled with p_typed, text cells with a planted
    # example sentence with p_text
    p_typed, p_text = 0.085, 0.05
    ncells = len(header)

    def make_row(rng, i, stats):
        row = {"id": str(1000000 + i)}
        for col, ent, vals in typed:
            if rng.random() < p_typed:
                if vals is None:
                    row[col] = f"{rng.choice(rc.FIRST)} {rng.choice(rc.LAST)}"
                else:
                    row[col] = rng.choice(vals)[0]
                stats[ent] = stats.get(ent, 0) + 1
            else:
                row[col] = ""
        for col in text_cols:
            k = rng.randint(1, 3)
            start = rng.randrange(len(lines))
            parts = lines[start:start + k]
            if rng.random() < p_text:
                text, ent, _ = rng.choice(pools.sentences)
                parts.insert(rng.randrange(len(parts) + 1), text)
                stats[ent] = stats.get(ent, 0) + 1
            row[col] = ("\n" if rng.random() < 0.05 else " ").join(parts)
        row["order_id"] = rc.order_number(rng)
        row["sku"] = f"SKU{rng.randint(10000, 99999)}-{rng.choice(['BLK', 'RED', 'NAVY'])}-{rng.choice('SML')}"
        row["amount"] = f"{rng.randint(100, 2500000) / 100:.2f}"
        row["created_at"] = (f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                             f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z")
        row["uuid"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        row["version"] = f"{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}"
        row["zip"] = str(rng.randint(10000, 99999))
        row["city"] = rng.choice(rc.CITIES)
        return row

    limit = int(a.mb * 1e6)
    result = {"text_files_read": nfiles, "text_lines": len(lines), "columns": header}
    # CSV
    rng, stats, rows, size = random.Random(a.seed), {}, 0, 0
    with open(out / "bench.csv", "w", encoding="utf-8", newline="") as f:
        line = ",".join(header) + "\r\n"
        f.write(line)
        size += len(line.encode())
        while size < limit:
            row = make_row(rng, rows, stats)
            line = ",".join(rc.csv_text(row[h], ",") for h in header) + "\r\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            rows += 1
    result["csv"] = {"rows": rows, "bytes": size, "cells": rows * ncells,
                     "planted_cells": sum(stats.values()), "planted_per_entity": dict(sorted(stats.items()))}
    # JSONL
    rng, stats, rows, size = random.Random(a.seed + 1), {}, 0, 0
    with open(out / "bench.jsonl", "w", encoding="utf-8", newline="") as f:
        while size < limit:
            row = make_row(rng, rows, stats)
            obj = {"id": int(row["id"]),
                   "customer": {"name": row["name"], "contact": {"email": row["email"], "phone": row["phone"],
                                                                 "telefon": row["telefon"]}},
                   "payment": {"iban": row["iban"], "card_number": row["card_number"]},
                   "ids": {"ssn": row["ssn"], "steuer_id": row["steuer_id"]},
                   "vehicle": {"kennzeichen": row["kennzeichen"]},
                   "device": {"ip": row["ip_address"], "imei": row["imei"]},
                   "notes": row["notes"], "texts": [row["description"], row["comment"]],
                   "orders": [{"order_id": row["order_id"], "sku": row["sku"], "amount": float(row["amount"])}],
                   "meta": {"created_at": row["created_at"], "uuid": row["uuid"], "version": row["version"]},
                   "address": {"zip": row["zip"], "city": row["city"]}}
            line = json.dumps(obj, ensure_ascii=rng.random() < 0.3, separators=(",", ":"))
            if rng.random() < 0.2:
                line = line.replace("/", "\\/")
            line += "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            rows += 1
    result["jsonl"] = {"records": rows, "bytes": size, "planted_cells": sum(stats.values()),
                       "planted_per_entity": dict(sorted(stats.items()))}
    # Small tables: CSV and JSON Lines in turn, 20 rows each.
    small = out / "small"
    small.mkdir(exist_ok=True)
    for old in small.glob("t*"):
        old.unlink()
    rng, stats, small_bytes = random.Random(a.seed + 2), {}, 0
    for n in range(a.small):
        rows_ = [make_row(rng, n * 20 + i, stats) for i in range(20)]
        if n % 2 == 0:
            text = ",".join(header) + "\r\n" + "".join(
                ",".join(rc.csv_text(r[h], ",") for h in header) + "\r\n" for r in rows_)
            path = small / f"t{n:04d}.csv"
        else:
            text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows_)
            path = small / f"t{n:04d}.jsonl"
        path.write_text(text, encoding="utf-8", newline="")
        small_bytes += len(text.encode("utf-8"))
    result["small"] = {"files": a.small, "rows_each": 20, "bytes": small_bytes}
    (out / "bench-stats.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "columns"}, indent=1))


if __name__ == "__main__":
    main()
