#!/usr/bin/env python3
"""Score a Blackbar scan of the labelled text corpus (scripts/text-eval-corpus.py).

    python3 scripts/text-eval.py [--corpus bench-out/text-eval] [--blackbar .build/release/blackbar]
                                 [--rules DIR] [--show-misses] [--by-style] [--save findings.jsonl]

Runs `blackbar scan --format jsonl` on DIR/corpus.txt and compares its findings with DIR/gold.jsonl:
per entity precision, recall and F1, with exact spans (same entity, same bytes) and with overlap (same
entity, spans share a byte); micro-F1 over all entities; the share of personal values found (a finding
of any entity overlapping the value); false findings per MB on the negative (look-alike) part.
A finding in the positive part that overlaps no gold value of its entity is a false finding too.
--show-misses lists each missed value and each false finding with its line; --by-style breaks recall
down by label style (own label local / English, generic, none, upper-case words, JSON and key=value).
"""
import argparse
import bisect
import collections
import json
import pathlib
import subprocess
import sys


def scan(args, path):
    cmd = [args.blackbar, "scan", "--format", "jsonl", "--show-values", "--fail-on", "never"]
    if args.rules:
        cmd += ["--rules", args.rules]
    run = subprocess.run(cmd + [str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"scan failed ({run.returncode}): {run.stderr}")
    if args.save:
        pathlib.Path(args.save).write_text(run.stdout)
    return [json.loads(l) for l in run.stdout.splitlines() if l.strip()]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="bench-out/text-eval")
    ap.add_argument("--blackbar", default=".build/release/blackbar")
    ap.add_argument("--rules")
    ap.add_argument("--load", help="read findings from this JSON Lines file instead of scanning")
    ap.add_argument("--save")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--by-style", action="store_true")
    args = ap.parse_args()
    d = pathlib.Path(args.corpus)
    text = (d / "corpus.txt").read_bytes()
    gold = [json.loads(l) for l in (d / "gold.jsonl").read_text().splitlines() if l.strip()]
    meta = json.loads((d / "meta.json").read_text())
    found = ([json.loads(l) for l in pathlib.Path(args.load).read_text().splitlines() if l.strip()]
             if args.load else scan(args, d / "corpus.txt"))
    neg0, neg1 = meta["negative_start"], meta["negative_end"]
    line_starts = [0] + [i + 1 for i, b in enumerate(text) if b == 10]

    def line_of(pos):
        k = bisect.bisect_right(line_starts, pos) - 1
        end = text.find(b"\n", pos)
        return text[line_starts[k]:end if end >= 0 else len(text)].decode("utf-8", "replace")

    overlaps = lambda a, b: a["start"] < b["end"] and b["start"] < a["end"]  # noqa: E731
    gold_sorted = sorted(gold, key=lambda s: s["start"])
    starts = [s["start"] for s in gold_sorted]

    def near(f):
        k = bisect.bisect_right(starts, f["end"])
        return [g for g in gold_sorted[max(0, k - 4):k] if overlaps(f, g)]

    entities = sorted({g["entity"] for g in gold} | {f["entity"] for f in found})
    stats = {m: {e: collections.Counter() for e in entities} for m in ("exact", "overlap")}
    gold_hit = {m: set() for m in ("exact", "overlap")}
    any_hit = set()
    false_findings = []
    for f in found:
        gs = near(f)
        for g in gs:
            any_hit.add(id(g))
        same = [g for g in gs if g["entity"] == f["entity"]]
        exact = [g for g in same if g["start"] == f["start"] and g["end"] == f["end"]]
        for m, hits in (("exact", exact), ("overlap", same)):
            if hits:
                stats[m][f["entity"]]["tp_f"] += 1
                gold_hit[m].update(id(g) for g in hits)
            else:
                stats[m][f["entity"]]["fp"] += 1
        if not same:
            false_findings.append((f, gs))
    for m in stats:
        for g in gold:
            stats[m][g["entity"]]["tp" if id(g) in gold_hit[m] else "fn"] += 1
    print(f"{d / 'corpus.txt'}: {len(text)} bytes, {len(gold)} personal values, {len(found)} findings\n")
    print(f"{'entity':22} {'gold':>5} | {'P exact':>7} {'R exact':>7} {'F1 exact':>8} | {'P ovl':>6} {'R ovl':>6} "
          f"{'F1 ovl':>6} | {'false':>5}")
    micro = {}
    for m in stats:
        tp = sum(c["tp"] for c in stats[m].values())
        fp = sum(c["fp"] for c in stats[m].values())
        fn = sum(c["fn"] for c in stats[m].values())
        micro[m] = prf(tp, fp, fn)
    for e in entities:
        ce, co = stats["exact"][e], stats["overlap"][e]
        pe, re_, fe = prf(ce["tp_f"], ce["fp"], ce["fn"])
        po, ro, fo = prf(co["tp_f"], co["fp"], co["fn"])
        print(f"{e:22} {ce['tp'] + ce['fn']:5} | {pe:7.3f} {re_:7.3f} {fe:8.3f} | {po:6.3f} {ro:6.3f} {fo:6.3f} | "
              f"{co['fp']:5}")
    neg = [f for f, _ in false_findings if neg0 <= f["start"] < neg1]
    mb = (neg1 - neg0) / 1e6
    print(f"\nmicro exact:   P {micro['exact'][0]:.4f}  R {micro['exact'][1]:.4f}  F1 {micro['exact'][2]:.4f}")
    print(f"micro overlap: P {micro['overlap'][0]:.4f}  R {micro['overlap'][1]:.4f}  F1 {micro['overlap'][2]:.4f}")
    print(f"personal values found (any entity overlapping): {len(any_hit)}/{len(gold)} = "
          f"{100 * len(any_hit) / len(gold):.2f}%")
    by = collections.Counter(f["entity"] for f in neg)
    print(f"false findings on the negative part: {len(neg)} in {mb:.3f} MB = {len(neg) / mb:.1f} per MB "
          f"({', '.join(f'{e} {n}' for e, n in by.most_common())})")
    if args.by_style:
        print(f"\n{'style':10} {'gold':>5} {'recall (overlap, own entity)':>30}")
        per = collections.defaultdict(lambda: [0, 0])
        for g in gold:
            per[g["style"]][0] += 1
            per[g["style"]][1] += id(g) in gold_hit["overlap"]
        for s, (n, k) in sorted(per.items()):
            print(f"{s:10} {n:5} {k / n:30.3f}")
    if args.show_misses:
        print("\nmisses (entity, kind, style, the line; [found as ...] when another entity overlaps):")
        for g in gold:
            if id(g) not in gold_hit["overlap"]:
                other = [f"{f['entity']}/{f['rule']} {f['value']!r}" for f in found if overlaps(f, g)]
                print(f"  {g['entity']:16} {g['kind']:6} {g['style']:9} {line_of(g['start'])!r}"
                      + (f"  [found as {'; '.join(other)}]" if other else ""))
        print("\nfalse findings (rule, value, the line):")
        for f, gs in false_findings:
            part = "neg" if neg0 <= f["start"] < neg1 else "pos"
            print(f"  {part} {f['entity']:16} {f['rule']:22} {f['value']!r:30} {line_of(f['start'])!r}")


if __name__ == "__main__":
    main()
