#!/usr/bin/env python3
"""End-to-end check of records-corpus.py and records-eval.py with findings made from the labels.

    python3 scripts/records-eval-selftest.py [--rows 300]

Builds a corpus in a temporary folder, then scores fake findings:
  1. one finding per label, with record and field (JSON paths respelled as $['a']["b"][0])  -> F1 = 1.0
  2. the same placed only by byte offset (no record/field: the plain-text scanner's shape) -> F1 = 1.0
  3. every fifth label dropped                                                            -> recall ~0.8, precision 1.0
  4. plus one false EMAIL_ADDRESS in every order_id cell                                  -> precision < 1
  5. IMEI cells reported as DEVICE_ID (accepted), PERSON never reported (left out of averages)
Exits 1 when a check fails.
"""
import argparse
import importlib.util
import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=300)
    a = ap.parse_args()
    ev = load("records_eval", "records-eval.py")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = pathlib.Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(HERE / "records-corpus.py"), "--rows", str(a.rows), "--seed", "7",
                        "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
        labels = [json.loads(l) for l in open(corpus / "labels.jsonl", encoding="utf-8")]
        files = ev.CORPUS_FILES
        cells = {f: ev.read_cells(corpus / f) for f in files}
        starts = {f: {(r, fld): s for s, e, r, fld in cells[f].spans} for f in files}

        def respell(path):
            parts = ev.path_parts(path)
            return "$" + "".join(f"[{p}]" if isinstance(p, int) else (f"['{p}']" if i % 2 else f'["{p}"]')
                                 for i, p in enumerate(parts))

        def findings(mode, drop_every=0, extra_fp=False, imei_as_device=False, skip=()):
            by = {f: [] for f in files}
            for i, lab in enumerate(labels):
                if drop_every and i % drop_every == 0:
                    continue
                if lab["entity"] in skip:
                    continue
                ent = "DEVICE_ID" if imei_as_device and "DEVICE_ID" in lab["accept"] else lab["entity"]
                f = {"input": str(corpus / lab["file"]), "entity": ent, "rule": lab["rule"]}
                if mode == "fields":
                    f["record"] = lab["record"]
                    f["field"] = respell(lab["field"]) if lab["file"].endswith(".jsonl") else lab["field"]
                else:
                    f["start"] = starts[lab["file"]][(lab["record"], ev.norm_path(lab["field"])
                                                      if lab["file"].endswith(".jsonl") else lab["field"])] + 1
                by[lab["file"]].append(f)
                by[lab["file"]].append(dict(f))   # a second finding in the same cell counts once
            if extra_fp:
                for fname in files:
                    for (rec, field), v in cells[fname].values.items():
                        if field.endswith("order_id") and v:
                            by[fname].append({"entity": "EMAIL_ADDRESS", "rule": "email", "record": rec,
                                              "field": field})
            return by

        def check(name, res, **want):
            m = res["micro"]
            line = (f"{name:48} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} "
                    f"columns {res['column_level']['correct']}/{res['column_level']['columns']}")
            bad = []
            for k, (lo, hi) in want.items():
                v = res["column_level"]["accuracy"] if k == "column_accuracy" else m[k]
                if not lo - 1e-9 <= v <= hi + 1e-9:
                    bad.append(f"{k}={v:.3f} not in [{lo}, {hi}]")
            print(line + ("" if not bad else "   FAIL: " + "; ".join(bad)))
            failures.extend(bad)

        gated = {"PERSON", "LOCATION"}
        check("1 record/field, respelled JSON paths", ev.evaluate(corpus, findings("fields"), gated, 5),
              f1=(1, 1), column_accuracy=(1, 1))
        check("2 byte offsets only", ev.evaluate(corpus, findings("offsets"), gated, 5),
              f1=(1, 1), column_accuracy=(1, 1))
        check("3 every fifth label dropped", ev.evaluate(corpus, findings("fields", drop_every=5), gated, 5),
              precision=(1, 1), recall=(0.78, 0.82))
        r4 = ev.evaluate(corpus, findings("fields", extra_fp=True), gated, 5)
        check("4 false EMAIL_ADDRESS in order_id", r4, recall=(1, 1), precision=(0.5, 0.99))
        if r4["worst_false_positives"][0]["field"] not in ("order_id", "$.orders[*].order_id"):
            failures.append("worst false positive is not order_id")
        r5 = ev.evaluate(corpus, findings("fields", imei_as_device=True, skip={"PERSON"}), gated, 5)
        check("5 IMEI as DEVICE_ID, PERSON never reported", r5, f1=(1, 1))
        if not r5["per_entity"]["PERSON"]["excluded_from_averages"] or r5["per_entity"]["PERSON"]["recall"] != 0:
            failures.append("PERSON should be scored (recall 0) and left out of averages")
        if r5["micro_all_entities"]["recall"] >= 1:
            failures.append("micro over all entities should count the PERSON misses")
    print("OK" if not failures else f"{len(failures)} FAILED")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
