#!/usr/bin/env python3
"""Build a fixed set of real installed text, with NO inserted personal data, for judging false findings.

    python3 scripts/real-text-set.py --out bench-out/real [--docs-mb 15] [--code-mb 15]

Writes DIR/real.txt: the documentation text-bench-corpus.py reads for docs.txt (/usr/share/doc ChangeLogs,
NEWS, READMEs, copyright files ..., plain or .gz) up to --docs-mb, then Python standard-library sources
interleaved with man pages (as code.txt) up to --code-mb, each in sorted path order and never repeated.
Unlike docs.txt nothing synthetic is inserted, so every finding on it is either personal data that is
really installed (maintainer e-mail addresses in copyright files) or a false alarm. Also writes
DIR/real-sources.tsv: byte offset, length and path of each document, so a finding can be traced back.
"""
import argparse
import importlib.util
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("tbc", HERE / "text-bench-corpus.py")
tbc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tbc)


def take(paths, limit, out, index):
    import os
    total = 0
    for p in paths:
        if total >= limit:
            break
        if os.path.islink(p) or not os.path.isfile(p):
            continue
        data = tbc.read_text(p)
        if not data:
            continue
        if not data.endswith(b"\n"):
            data += b"\n"
        index.append((len(out), len(data), p))
        out += data
        total += len(data)
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="bench-out/real")
    ap.add_argument("--docs-mb", type=float, default=15)
    ap.add_argument("--code-mb", type=float, default=15)
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    buf, index = bytearray(), []
    docs = take(tbc.doc_paths(), args.docs_mb * 10**6, buf, index)
    code = take(tbc.code_paths(), args.code_mb * 10**6, buf, index)
    (out / "real.txt").write_bytes(bytes(buf))
    with open(out / "real-sources.tsv", "w") as f:
        for at, n, p in index:
            f.write(f"{at}\t{n}\t{p}\n")
    print(f"real.txt: {len(buf)} bytes ({docs} docs, {code} code), {len(index)} files")


if __name__ == "__main__":
    main()
