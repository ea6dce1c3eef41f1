#!/usr/bin/env python3
"""Group the misses of a records-corpus run for diagnosis (local debugging: prints raw cell values).

    python3 scripts/records-eval.py --corpus DIR --binary B --save-findings DIR/findings.jsonl
    python3 scripts/records-misses.py --corpus DIR --findings DIR/findings.jsonl [--top 15] [--samples 3]

Uses records-eval.py's own scoring, then groups false positives and false negatives by (column, entity,
rule) over all four files (so one cause counts once, with its per-file counts), ranks them by count, and
prints for each group sample values, the value shapes (digits as 9, letters as A/a) that miss most, and, for
false negatives, what the scanner reported in those cells instead (another entity, or nothing).
Python 3 standard library only.
"""
import argparse
import collections
import importlib.util
import json
import os
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("records_eval", HERE / "records-eval.py")
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)


def shape(v):
    s = re.sub(r"[0-9]", "9", v)
    s = re.sub(r"[A-Z]", "A", s)
    return re.sub(r"[a-z]", "a", s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--findings", required=True)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--gated", default="PERSON,LOCATION")
    a = ap.parse_args()
    corpus = pathlib.Path(a.corpus)
    files = [f for f in ev.CORPUS_FILES if (corpus / f).exists()]
    by_file = collections.defaultdict(list)
    for line in open(a.findings, encoding="utf-8"):
        if line.strip().startswith("{"):
            f = json.loads(line)
            name = os.path.basename(str(f.get("input", "")))
            if name in files:
                by_file[name].append(f)
    for name in files:
        by_file.setdefault(name, [])
    res = ev.evaluate(corpus, dict(by_file), set(x for x in a.gated.split(",") if x), a.top)
    cells = res["_cells"]
    columns = json.loads((corpus / "columns.json").read_text(encoding="utf-8"))
    reported = collections.defaultdict(dict)   # (file, rec, field) -> {entity: rule}
    for fname in files:
        is_json = fname.endswith(".jsonl")
        for f in by_file[fname]:
            for where in ev.map_finding(f, cells[fname], is_json) or []:
                reported[(fname,) + where].setdefault(f.get("entity"), f.get("rule"))

    # a record with no finding at all in one file while the others have some was not read there (a
    # reader error with --on-error skip): its misses are one cause, grouped apart
    seen_recs = {fname: {rec for (f_, rec, _) in reported if f_ == fname} for fname in files}
    all_recs = set().union(*seen_recs.values()) if seen_recs else set()
    unread = {fname: all_recs - seen_recs[fname] for fname in files}

    def column(fname, field):
        key = ev.star_path(field) if fname.endswith(".jsonl") else field
        return columns.get(fname, {}).get(key, {}).get("column", key)

    for title, items, neg in (("false positives", res["_fps"], False), ("false negatives", res["_fns"], True)):
        groups = collections.defaultdict(list)
        for fname, rec, field, ent, rule in items:
            if rec in unread[fname]:
                groups[("(record not read)", fname, "-")].append((fname, rec, field))
                continue
            groups[(column(fname, field), ent, rule)].append((fname, rec, field))
        print(f"\n== {title}: {len(items)} cell-entity pairs in {len(groups)} groups (column, entity, rule)\n")
        for (col, ent, rule), recs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:a.top]:
            per_file = collections.Counter(f for f, _, _ in recs)
            if col == "(record not read)":
                records = sorted({r for _, r, _ in recs})
                print(f"{len(recs):5}  {col} in {ent}: {len(records)} records, e.g. {records[:8]}")
                continue
            print(f"{len(recs):5}  {col} / {ent} / {rule}   ({', '.join(f'{k} {v}' for k, v in sorted(per_file.items()))})")
            vals = []
            for fname, rec, field in recs:
                v = cells[fname].values.get((rec, field), "")
                vals.append((v, reported.get((fname, rec, field), {})))
            seen, shown = set(), 0
            for v, rep in vals:
                if v in seen:
                    continue
                seen.add(v)
                other = {e: r for e, r in rep.items() if e != ent}
                extra = f"   reported: {other}" if neg and other else ""
                print(f"         {v!r}{extra}")
                shown += 1
                if shown >= a.samples:
                    break
            shapes = collections.Counter(shape(v) for v, _ in vals)
            print("         shapes: " + ", ".join(f"{s!r} {n}" for s, n in shapes.most_common(5)))
            if neg:
                instead = collections.Counter(tuple(sorted(e for e in rep if e != ent)) for _, rep in vals)
                print("         reported instead: " + ", ".join(f"{list(k) or 'nothing'} {n}" for k, n in instead.most_common(3)))


if __name__ == "__main__":
    main()
