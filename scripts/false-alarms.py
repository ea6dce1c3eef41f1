#!/usr/bin/env python3
"""Scan the real-text set (scripts/real-text-set.py, no inserted PII) and show what is found there.

    python3 scripts/false-alarms.py [--bin .build/release/blackbar] [--rules DIR] [--text bench-out/real/real.txt]
                                    [--sample 100] [--seed 1] [--save findings.jsonl] [--load findings.jsonl]
                                    [--entity IP_ADDRESS] [--rule ipv4]

Prints findings per MB by entity and by rule, then a seeded random sample of --sample findings, each as
its value in about 40 bytes of context on either side (line breaks shown as ⏎), for judging by hand:
is it personal data (a maintainer's e-mail address in a copyright file is) or a look-alike (a version,
an OID, a hash, a chip name)? --entity / --rule restrict the sample.
"""
import argparse
import collections
import json
import pathlib
import random
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/blackbar")
    ap.add_argument("--rules", help="a rules folder passed to blackbar --rules (rules being edited)")
    ap.add_argument("--text", default="bench-out/real/real.txt")
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save")
    ap.add_argument("--load")
    ap.add_argument("--entity")
    ap.add_argument("--rule")
    ap.add_argument("--context", type=int, default=40)
    args = ap.parse_args()
    data = pathlib.Path(args.text).read_bytes()
    mb = len(data) / 1e6
    if args.load:
        lines = pathlib.Path(args.load).read_text().splitlines()
    else:
        rules = ["--rules", args.rules] if args.rules else []
        run = subprocess.run([args.bin, "scan", "--format", "jsonl", "--show-values", *rules, args.text],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"scan failed ({run.returncode}): {run.stderr}")
        lines = run.stdout.splitlines()
        if args.save:
            pathlib.Path(args.save).write_text(run.stdout)
    found = [json.loads(l) for l in lines if l.strip()]
    by_entity = collections.Counter(f["entity"] for f in found)
    by_rule = collections.Counter((f["entity"], f["rule"]) for f in found)
    print(f"{args.text}: {mb:.1f} MB, {len(found)} findings, {len(found) / mb:.2f} per MB\n")
    print(f"{'entity':28} {'count':>7} {'per MB':>8}")
    for e, n in by_entity.most_common():
        print(f"{e:28} {n:7} {n / mb:8.2f}")
    print(f"\n{'entity / rule':52} {'count':>7} {'per MB':>8}")
    for (e, r), n in by_rule.most_common():
        print(f"{e + ' / ' + r:52} {n:7} {n / mb:8.2f}")
    pool = [f for f in found if (not args.entity or f["entity"] == args.entity)
            and (not args.rule or f["rule"] == args.rule)]
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(pool, min(args.sample, len(pool))), key=lambda f: f["start"])
    if sample:
        print(f"\nsample of {len(sample)} (seed {args.seed}):")
    c = args.context
    for k, f in enumerate(sample, 1):
        s, e = f["start"], f["end"]
        show = lambda b: b.decode("utf-8", "replace").replace("\n", "⏎").replace("\t", " ")
        print(f"{k:3} {f['rule']:24} {f['value']!r:32} …{show(data[max(0, s - c):s])}«{show(data[s:e])}»"
              f"{show(data[e:e + c])}…")


if __name__ == "__main__":
    main()
