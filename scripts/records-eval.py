#!/usr/bin/env python3
"""Score the scanner on a corpus written by scripts/records-corpus.py (Python 3 standard library only).

    python3 scripts/records-eval.py --corpus DIR [--binary PATH] [--json] [--values] [--top 15]
    python3 scripts/records-eval.py --corpus DIR --findings FILE.jsonl      (score saved findings)

Runs `BINARY scan --format jsonl FILE` on each corpus file (BINARY: --binary, else $BLACKBAR, else
`swift run -c release blackbar`), maps every finding to (file, record, field, entity) and compares with
DIR/labels.jsonl at the cell level: a (cell, entity) pair counts once however many findings it has.

Mapping: a finding's own `record` and `field` are used when present (CSV column name, or a JSON path in
any of the spellings $.a.b[0], $['a']['b'], $["a"][0], normalised to $.a.b[0]); `field_index` fills in a
CSV name that differs from the header. A finding without them (the plain-text scanner) is placed by its
byte offset `start` into the cell whose source bytes hold it, from this script's own CSV/JSONL reader.

A label may `accept` other entities (an IMEI column reported as DEVICE_ID is right). Entities named by
--gated (default PERSON,LOCATION: only column names can decide them) are scored but left out of the
micro and macro averages when the scanner never reports them at all.

Column level: a column's predicted entity is the most frequent entity among its cells' findings when at
least half of its non-empty cells have a finding (else none); it is compared with the true column entity
from DIR/columns.json (free-text columns are left out). JSONL columns are paths with [*] for indices.

--values prints the raw cell values of the listed misses (local debugging only: they are personal data
in a real corpus).
"""
import argparse
import bisect
import collections
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys

CORPUS_FILES = ["customers.csv", "customers-semicolon.csv", "customers.tsv", "customers.jsonl"]


# ---------------------------------------------------------------- JSON paths

def path_parts(path):
    """Read $.a.b[0], $['a']["b"][0], $.a['x.y'] into a list of keys (str) and indices (int)."""
    if not path.startswith("$"):
        raise ValueError(path)
    i, n, parts = 1, len(path), []
    while i < n:
        c = path[i]
        if c == ".":
            j = i + 1
            while j < n and path[j] not in ".[":
                j += 1
            parts.append(path[i + 1:j])
            i = j
        elif c == "[":
            if path[i + 1] in "'\"":
                q = path[i + 1]
                j, buf = i + 2, []
                while path[j] != q:
                    if path[j] == "\\":
                        j += 1
                    buf.append(path[j])
                    j += 1
                parts.append("".join(buf))
                i = path.index("]", j) + 1
            else:
                j = path.index("]", i)
                tok = path[i + 1:j].strip()
                parts.append(int(tok) if tok.lstrip("-").isdigit() else tok)
                i = j + 1
        else:
            raise ValueError(path)
    return parts


_PLAIN_KEY = re.compile(r"^[^.\[\]'\"\s$]+$")


def render_path(parts):
    out = ["$"]
    for p in parts:
        if isinstance(p, int):
            out.append(f"[{p}]")
        elif p == "*":
            out.append("[*]")
        elif _PLAIN_KEY.match(p):
            out.append("." + p)
        else:
            out.append("['" + p.replace("\\", "\\\\").replace("'", "\\'") + "']")
    return "".join(out)


def norm_path(path):
    try:
        return render_path(path_parts(path))
    except (ValueError, IndexError):
        return path


def star_path(path):
    return re.sub(r"\[\d+\]", "[*]", path)


# ---------------------------------------------------------------- cell index (our own readers)

class Cells:
    """Cells of one file: (record, field) -> value, plus sorted byte starts for offset lookup."""

    def __init__(self):
        self.values = {}        # (record, field) -> str (decoded value; "" for empty/null)
        self.starts, self.spans = [], []   # sorted by start: (start, end, record, field)
        self.header = []

    def add(self, start, end, record, field, value):
        self.values[(record, field)] = value
        self.starts.append(start)
        self.spans.append((start, end, record, field))

    def locate_span(self, start, end):
        """Cells overlapping bytes [start, end) (a text finding may run over a separator into the next)."""
        first = self.locate(start)
        out = [first] if first else []
        i = bisect.bisect_right(self.starts, start)
        while i < len(self.spans) and self.spans[i][0] < end:
            out.append(self.spans[i][2:4])
            i += 1
        return out

    def locate(self, offset):
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        start, end, record, field = self.spans[i]
        if start <= offset <= end:
            return record, field
        return None


def sniff_sep(first_line):
    counts = {s: first_line.count(s) for s in (b",", b";", b"\t")}
    return max(counts, key=counts.get)


def read_csv(data):
    cells = Cells()
    nl = data.find(b"\n")
    sep = sniff_sep(data[:nl if nl >= 0 else len(data)])
    quoting = sep != b"\t"
    i, n = 0, len(data)
    if data.startswith(b"\xef\xbb\xbf"):
        i = 3
    row, rec, header = [], 0, None
    while i <= n:
        start = i
        if quoting and i < n and data[i:i + 1] == b'"':
            j, buf = i + 1, bytearray()
            while j < n:
                if data[j:j + 1] == b'"':
                    if data[j + 1:j + 2] == b'"':
                        buf += b'"'
                        j += 2
                        continue
                    j += 1
                    break
                buf += data[j:j + 1]
                j += 1
            while j < n and data[j:j + 1] not in (sep, b"\n", b"\r"):   # stray bytes after the quote
                buf += data[j:j + 1]
                j += 1
            value, end = bytes(buf), j
        else:
            j = i
            while j < n and data[j:j + 1] not in (sep, b"\n", b"\r"):
                j += 1
            value, end = data[i:j], j
        row.append((start, end, value.decode("utf-8", "replace")))
        i = end
        if i < n and data[i:i + 1] == sep:
            i += 1
            continue
        # end of row
        if i < n and data[i:i + 1] == b"\r":
            i += 1
        if i < n and data[i:i + 1] == b"\n":
            i += 1
        if header is None:
            header = [v for _, _, v in row]
            cells.header = header
        elif not (len(row) == 1 and row[0][2] == "" and i >= n):
            rec += 1
            for k, (s, e, v) in enumerate(row):
                name = header[k] if k < len(header) else f"#{k + 1}"
                cells.add(s, e, rec, name, v)
        row = []
        if i >= n:
            break
    return cells


class _JSONReader:
    WS = b" \t\r\n"

    def __init__(self, data, base, record, cells):
        self.d, self.i, self.base, self.rec, self.cells = data, 0, base, record, cells

    def ws(self):
        while self.i < len(self.d) and self.d[self.i:self.i + 1] in (b" ", b"\t", b"\r", b"\n"):
            self.i += 1

    def string(self):
        start = self.i
        self.i += 1
        while True:
            c = self.d[self.i:self.i + 1]
            if c == b"\\":
                self.i += 2
                continue
            self.i += 1
            if c == b'"':
                break
        raw = self.d[start:self.i]
        return json.loads(raw.decode("utf-8", "replace")), start, self.i

    def value(self, parts):
        self.ws()
        c = self.d[self.i:self.i + 1]
        if c == b"{":
            self.i += 1
            self.ws()
            if self.d[self.i:self.i + 1] == b"}":
                self.i += 1
                return
            while True:
                self.ws()
                key, _, _ = self.string()
                self.ws()
                self.i += 1  # :
                self.value(parts + [key])
                self.ws()
                c = self.d[self.i:self.i + 1]
                self.i += 1
                if c == b"}":
                    return
        elif c == b"[":
            self.i += 1
            self.ws()
            if self.d[self.i:self.i + 1] == b"]":
                self.i += 1
                return
            k = 0
            while True:
                self.value(parts + [k])
                k += 1
                self.ws()
                c = self.d[self.i:self.i + 1]
                self.i += 1
                if c == b"]":
                    return
        elif c == b'"':
            v, s, e = self.string()
            self.cells.add(self.base + s, self.base + e, self.rec, render_path(parts), v)
        else:
            s = self.i
            while self.i < len(self.d) and self.d[self.i:self.i + 1] not in b",]} \t\r\n":
                self.i += 1
            raw = self.d[s:self.i].decode()
            self.cells.add(self.base + s, self.base + self.i, self.rec, render_path(parts),
                           "" if raw == "null" else raw)


def read_jsonl(data):
    cells = Cells()
    pos, rec = 0, 0
    for line in data.split(b"\n"):
        if line.strip():
            rec += 1
            try:
                _JSONReader(line, pos, rec, cells).value([])
            except (IndexError, ValueError) as e:
                print(f"warning: JSONL record {rec} unreadable by the evaluator: {e}", file=sys.stderr)
        pos += len(line) + 1
    return cells


def read_cells(path):
    data = pathlib.Path(path).read_bytes()
    return read_jsonl(data) if str(path).endswith((".jsonl", ".ndjson", ".json")) else read_csv(data)


# ---------------------------------------------------------------- findings

def scanner_command(binary):
    if binary:
        return shlex.split(binary) if " " in binary and not os.path.exists(binary) else [binary]
    if os.environ.get("BLACKBAR"):
        return [os.environ["BLACKBAR"]]
    return ["swift", "run", "-c", "release", "blackbar"]


def run_scanner(cmd, path, extra):
    argv = cmd + ["scan", "--format", "jsonl"] + extra + [str(path)]
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = []
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    if proc.returncode not in (0, 1) or (not out and proc.stderr.strip()):
        print(f"note: {' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-400:].strip()}",
              file=sys.stderr)
    return out


def map_finding(f, cells, is_json):
    """-> [(record, field)]: the finding's own cell, or (placed by bytes) every cell its span touches."""
    rec, field = f.get("record"), f.get("field")
    if rec is not None and field is not None:
        if is_json:
            return [(int(rec), norm_path(str(field)))]
        idx = f.get("field_index")
        if field not in cells.header and idx and 1 <= int(idx) <= len(cells.header):
            field = cells.header[int(idx) - 1]
        return [(int(rec), str(field).strip())]
    if f.get("start") is not None:
        start = int(f["start"])
        end = int(f.get("end", start + 1))
        return cells.locate_span(start, max(end, start + 1))
    return []


# ---------------------------------------------------------------- scoring

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if not fp else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(corpus, findings_by_file, gated, top):
    labels = [json.loads(l) for l in open(corpus / "labels.jsonl", encoding="utf-8") if l.strip()]
    labels = [lab for lab in labels if lab["file"] in findings_by_file]
    columns = json.loads((corpus / "columns.json").read_text(encoding="utf-8")) \
        if (corpus / "columns.json").exists() else {}
    files = sorted(findings_by_file)
    truth = collections.defaultdict(dict)        # (file, rec, field) -> {entity: label}
    for lab in labels:
        field = norm_path(lab["field"]) if lab["file"].endswith(".jsonl") else lab["field"]
        truth[(lab["file"], lab["record"], field)][lab["entity"]] = lab
    cells_by_file, predicted, unmapped = {}, collections.defaultdict(dict), []
    reported = collections.Counter()
    for fname in files:
        is_json = fname.endswith((".jsonl", ".json", ".ndjson"))
        cells = read_cells(corpus / fname) if (corpus / fname).exists() else Cells()
        cells_by_file[fname] = cells
        for f in findings_by_file.get(fname, []):
            ent = f.get("entity")
            reported[ent] += 1
            places = map_finding(f, cells, is_json)
            if not places:
                unmapped.append((fname, f.get("start"), ent, f.get("rule")))
                continue
            for where in places:
                predicted[(fname,) + where].setdefault(ent, f.get("rule"))

    # cell-level matching
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    col_tp, col_fp, col_fn = collections.Counter(), collections.Counter(), collections.Counter()
    fps, fns = [], []

    def col_of(fname, field):
        return star_path(field) if fname.endswith(".jsonl") else field

    for key in set(truth) | set(predicted):
        fname, rec, field = key
        t, p = truth.get(key, {}), predicted.get(key, {})
        col = columns.get(fname, {}).get(col_of(fname, field), {}).get("column", col_of(fname, field))
        matched_pred = set()
        for ent, lab in t.items():
            ok = [e for e in p if e == ent or e in lab.get("accept", [])]
            if ok:
                tp[ent] += 1
                col_tp[(col, ent)] += 1
                matched_pred.update(ok)
            else:
                fn[ent] += 1
                col_fn[(col, ent)] += 1
                fns.append((fname, rec, field, ent, lab.get("rule")))
        for ent, rule in p.items():
            if ent in matched_pred:
                continue
            fp[ent] += 1
            col_fp[(col, ent)] += 1
            fps.append((fname, rec, field, ent, rule))

    entities = sorted(set(tp) | set(fp) | set(fn))
    per_entity, scored = {}, []
    for e in entities:
        p_, r_, f_ = prf(tp[e], fp[e], fn[e])
        unreported = e in gated and reported[e] == 0
        per_entity[e] = {"tp": tp[e], "fp": fp[e], "fn": fn[e], "precision": p_, "recall": r_, "f1": f_,
                         "excluded_from_averages": unreported}
        if not unreported:
            scored.append(e)
    T, F, N = sum(tp[e] for e in scored), sum(fp[e] for e in scored), sum(fn[e] for e in scored)
    mp, mr, mf = prf(T, F, N)
    macro = [per_entity[e] for e in scored]
    avg = lambda k: sum(x[k] for x in macro) / len(macro) if macro else 0.0  # noqa: E731
    TA, FA, NA = sum(tp.values()), sum(fp.values()), sum(fn.values())

    per_column = {}
    for key in sorted(set(col_tp) | set(col_fp) | set(col_fn)):
        p_, r_, f_ = prf(col_tp[key], col_fp[key], col_fn[key])
        per_column[f"{key[0]}\t{key[1]}"] = {"column": key[0], "entity": key[1], "tp": col_tp[key],
                                             "fp": col_fp[key], "fn": col_fn[key],
                                             "precision": p_, "recall": r_, "f1": f_}

    # column level
    colscore = []
    for fname in files:
        cells = cells_by_file[fname]
        nonempty, hit, ents = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
        for (rec, field), v in cells.values.items():
            c = col_of(fname, field)
            if v != "":
                nonempty[c] += 1
        for (f_, rec, field), p in predicted.items():
            if f_ != fname:
                continue
            c = col_of(fname, field)
            hit[c] += 1
            for e in p:
                ents[c][e] += 1
        spec = columns.get(fname)
        if spec is None:   # derive from labels: majority entity covering half the column
            spec = {}
            lab_ents = collections.defaultdict(collections.Counter)
            for (f_, rec, field), t in truth.items():
                if f_ == fname:
                    for e in t:
                        lab_ents[col_of(fname, field)][e] += 1
            for c in nonempty:
                top_e = lab_ents[c].most_common(1)
                ent = top_e[0][0] if top_e and top_e[0][1] * 2 >= nonempty[c] else None
                spec[c] = {"kind": "direct" if ent else "other", "entity": ent, "accept": []}
        for c in sorted(set(nonempty) | set(spec)):
            info = spec.get(c, {"kind": "unknown", "entity": None, "accept": []})
            if info.get("kind") == "freetext" or nonempty[c] == 0:
                continue
            pred = None
            if hit[c] * 2 >= nonempty[c] and ents[c]:
                pred = sorted(ents[c].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            true = info.get("entity")
            ok = pred == true or (pred is not None and pred in info.get("accept", []))
            gated_skip = true in gated and reported[true] == 0
            colscore.append({"file": fname, "column": c, "kind": info.get("kind"), "true": true, "predicted": pred,
                             "coverage": round(hit[c] / nonempty[c], 3), "correct": ok,
                             "excluded_from_accuracy": gated_skip})
    counted = [c for c in colscore if not c["excluded_from_accuracy"]]

    def worst(items):
        groups = collections.defaultdict(list)
        for fname, rec, field, ent, rule in items:
            if ent in gated and reported[ent] == 0:
                continue
            groups[(fname, col_of(fname, field), ent, rule)].append((rec, field))
        out = []
        for (fname, col, ent, rule), recs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
            recs.sort()
            out.append({"file": fname, "field": col, "entity": ent, "rule": rule, "count": len(recs),
                        "records": [r for r, _ in recs[:5]], "fields": sorted({f for _, f in recs})[:3]})
        return out

    return {
        "corpus": str(corpus), "files": files, "labels": len(labels),
        "findings": sum(len(v) for v in findings_by_file.values()), "unmapped_findings": len(unmapped),
        "reported_entities": dict(sorted(reported.items(), key=lambda kv: str(kv[0]))),
        "per_entity": per_entity,
        "micro": {"tp": T, "fp": F, "fn": N, "precision": mp, "recall": mr, "f1": mf},
        "micro_all_entities": dict(zip(("precision", "recall", "f1"), prf(TA, FA, NA)), tp=TA, fp=FA, fn=NA),
        "macro": {"precision": avg("precision"), "recall": avg("recall"), "f1": avg("f1"), "entities": len(scored)},
        "per_column_entity": list(per_column.values()),
        "column_level": {"accuracy": (sum(c["correct"] for c in counted) / len(counted)) if counted else 0.0,
                         "columns": len(counted), "correct": sum(c["correct"] for c in counted),
                         "detail": colscore},
        "worst_false_positives": worst(fps), "worst_false_negatives": worst(fns),
        "_fps": fps, "_fns": fns, "_cells": cells_by_file, "_unmapped": unmapped,
    }


def print_report(res, show_values):
    w = sys.stdout.write
    w(f"corpus {res['corpus']}: {res['labels']} labels, {res['findings']} findings"
      f" ({res['unmapped_findings']} not placed in a cell)\n\n")
    w(f"{'entity':28} {'TP':>6} {'FP':>6} {'FN':>6} {'prec':>6} {'recall':>6} {'F1':>6}\n")
    for e, s in res["per_entity"].items():
        note = "  (not reported by the scanner: left out of averages)" if s["excluded_from_averages"] else ""
        w(f"{e:28} {s['tp']:6} {s['fp']:6} {s['fn']:6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}{note}\n")
    m, M, A = res["micro"], res["macro"], res["micro_all_entities"]
    w(f"{'micro':28} {m['tp']:6} {m['fp']:6} {m['fn']:6} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}\n")
    w(f"{'macro (' + str(M['entities']) + ' entities)':28} {'':6} {'':6} {'':6} {M['precision']:6.3f} {M['recall']:6.3f} {M['f1']:6.3f}\n")
    w(f"{'micro, all entities':28} {A['tp']:6} {A['fp']:6} {A['fn']:6} {A['precision']:6.3f} {A['recall']:6.3f} {A['f1']:6.3f}\n\n")

    w(f"{'column':18} {'entity':26} {'TP':>6} {'FP':>6} {'FN':>6} {'prec':>6} {'recall':>6} {'F1':>6}\n")
    for s in res["per_column_entity"]:
        w(f"{s['column'][:18]:18} {s['entity'][:26]:26} {s['tp']:6} {s['fp']:6} {s['fn']:6} "
          f"{s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}\n")
    cl = res["column_level"]
    w(f"\ncolumn level: {cl['correct']}/{cl['columns']} columns right ({cl['accuracy']:.3f}); wrong:\n")
    for c in cl["detail"]:
        if not c["correct"]:
            ex = " (left out: entity never reported)" if c["excluded_from_accuracy"] else ""
            w(f"  {c['file']:24} {c['column'][:28]:28} true {str(c['true']):16} predicted {str(c['predicted']):16}"
              f" coverage {c['coverage']:.2f}{ex}\n")
    for title, key, raw in (("false positives", "worst_false_positives", "_fps"),
                            ("false negatives", "worst_false_negatives", "_fns")):
        w(f"\nworst {title} (file, field, entity, rule: count, sample records):\n")
        for g in res[key]:
            w(f"  {g['file']:24} {g['field'][:28]:28} {g['entity']:22} {str(g['rule']):24} {g['count']:5}  "
              f"records {g['records']}\n")
            if show_values:
                cells = res["_cells"][g["file"]]
                for rec, field in [(r, f) for (fn_, r, f, e, ru) in res[raw]
                                   if fn_ == g["file"] and e == g["entity"] and str(ru) == str(g["rule"])
                                   and (f == g["field"] or star_path(f) == g["field"])][:3]:
                    w(f"      record {rec} {field}: {cells.values.get((rec, field))!r}\n")
    if res["_unmapped"]:
        w(f"\n{len(res['_unmapped'])} findings not placed in a cell, e.g. {res['_unmapped'][:5]}\n")


def main():
    ap = argparse.ArgumentParser(description="Score the scanner on a records corpus.")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--binary", help="scanner binary (default $BLACKBAR, else swift run -c release blackbar)")
    ap.add_argument("--findings", help="score these saved findings (JSON lines with an `input` key) instead")
    ap.add_argument("--files", default=",".join(CORPUS_FILES), help="corpus files to scan (comma-separated)")
    ap.add_argument("--scan-arg", action="append", default=[], help="extra argument for `scan` (repeatable)")
    ap.add_argument("--gated", default="PERSON,LOCATION")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--values", action="store_true", help="print raw values of the listed misses (local use only)")
    ap.add_argument("--save-findings", help="also write the scanner's findings to this JSONL file")
    a = ap.parse_args()
    corpus = pathlib.Path(a.corpus)
    files = [f for f in a.files.split(",") if f and (corpus / f).exists()]
    by_file = collections.defaultdict(list)
    if a.findings:
        for line in open(a.findings, encoding="utf-8"):
            if line.strip().startswith("{"):
                f = json.loads(line)
                name = os.path.basename(str(f.get("input", "")))
                if name in files:
                    by_file[name].append(f)
    else:
        cmd = scanner_command(a.binary)
        for name in files:
            by_file[name] = run_scanner(cmd, corpus / name, a.scan_arg)
    if a.save_findings:
        with open(a.save_findings, "w", encoding="utf-8") as out:
            for name in files:
                for f in by_file[name]:
                    out.write(json.dumps(f, ensure_ascii=False) + "\n")
    for name in files:
        by_file.setdefault(name, [])
    res = evaluate(corpus, dict(by_file), set(x for x in a.gated.split(",") if x), a.top)
    if a.json:
        clean = {k: v for k, v in res.items() if not k.startswith("_")}
        json.dump(clean, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_report(res, a.values)


if __name__ == "__main__":
    main()
