#!/usr/bin/env python3
"""Check the realistic corpus generators (scripts/synth.py) against the scanner.

    python3 scripts/records-synth-check.py --binary .build/debug/blackbar [--n 200] [--seed 7] [--only iban,card]

For each generator, writes N values into a one-column CSV whose header names the value (`iban`, `telefon`,
`kennzeichen` ...), scans it (`BINARY scan --format jsonl`), and prints how many values were found with the
expected entity over the whole value, plus up to --show missed values. A miss is either a generator bug (fix
synth.py) or a scanner miss to report; the column names are the friendliest the field rules know.
Python 3 standard library only; writes only to a temporary folder.
"""
import argparse
import json
import pathlib
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import synth  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--only", default="")
    ap.add_argument("--show", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    names = [n for n in synth.GENERATORS if not a.only or n in a.only.split(",")]
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            gen, column = synth.GENERATORS[name]
            rng = random.Random(f"{a.seed}-{name}")
            vals = [gen(rng) for _ in range(a.n)]
            path = pathlib.Path(tmp) / f"{name}.csv"
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(column + "\n")
                for v, _ in vals:
                    f.write(('"' + v.replace('"', '""') + '"' if any(c in v for c in ',"') else v) + "\n")
            out = subprocess.run([a.binary, "scan", "--format", "jsonl", str(path)], capture_output=True, text=True)
            found = {}
            for line in out.stdout.splitlines():
                if not line.startswith("{"):
                    continue
                fd = json.loads(line)
                if "record" in fd:
                    found.setdefault(fd["record"], []).append(fd)
            ok, missed, partial, wrong = 0, [], [], []
            for i, (v, ent) in enumerate(vals, 1):
                fs = found.get(i, [])
                vb = len(v.encode("utf-8"))
                full = [f for f in fs if f["entity"] == ent and f.get("value_start", 0) == 0
                        and f.get("value_end", vb) == vb]
                if full:
                    ok += 1
                elif any(f["entity"] == ent for f in fs):
                    partial.append((v, [(f["rule"], f.get("value_start"), f.get("value_end")) for f in fs]))
                elif fs:
                    wrong.append((v, [(f["entity"], f["rule"]) for f in fs]))
                else:
                    missed.append(v)
            report[name] = {"column": column, "n": a.n, "found": ok, "missed": missed, "partial": partial,
                            "other_entity": wrong}
            if not a.json:
                print(f"{name:18} {column:16} {ok:4}/{a.n}  missed {len(missed):3}  partial {len(partial):3}  "
                      f"other {len(wrong):3}")
                for v in missed[:a.show]:
                    print(f"    miss    {v!r}")
                for v, fs in partial[:a.show]:
                    print(f"    partial {v!r} {fs}")
                for v, fs in wrong[:a.show]:
                    print(f"    other   {v!r} {fs}")
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
