#!/usr/bin/env bash
# Times `blackbar scan` on the record benchmark corpora (a ~100 MB CSV and a ~100 MB JSON Lines file whose
# free text is real text from this machine), as whole processes with hyperfine (Debian's package), on one
# worker and on two; then peak memory of one run per file (GNU time), and of a redaction of the JSONL file
# fed through a pipe 4 times over (memory must stay flat however long the stream); and the folder of 500 small
# tables (small/), where what a run pays per table counts.
#
#   bash scripts/bench-records.sh [OUT_DIR=bench-out/records] [MB=100] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench-out/records}
mb=${2:-100}
runs=${3:-5}
swift build -c release --product blackbar >/dev/null
bb=.build/release/blackbar
[ -f "$out/bench.csv" ] || python3 scripts/records-bench-corpus.py --out "$out" --mb "$mb"
ls -l "$out"/bench.csv "$out"/bench.jsonl
for f in bench.csv bench.jsonl; do
    hyperfine --warmup 1 --runs "$runs" -N --export-json "$out/hyperfine-$f.json" \
        "$bb scan --format jsonl -j 1 --fail-on never $out/$f" \
        "$bb scan --format jsonl -j 2 --fail-on never $out/$f" >/dev/null
    python3 - "$out/hyperfine-$f.json" "$out/$f" <<'PY'
import json, os, sys
data = json.load(open(sys.argv[1])); size = os.path.getsize(sys.argv[2])
medians = [r["median"] for r in data["results"]]
for r, m in zip(data["results"], medians):
    print(f'{os.path.basename(sys.argv[2])}: {r["command"].split(" scan ")[1]}: median {m:.2f} s = {size / m / 1e6:.1f} MB/s')
print(f"  scaling 2 workers / 1 worker: {medians[0] / medians[1]:.2f}x")
PY
done
if [ -d "$out/small" ]; then
    hyperfine --warmup 1 --runs "$runs" -N --export-json "$out/hyperfine-small.json" \
        "$bb scan --format jsonl -j 1 --fail-on never $out/small" \
        "$bb scan --format jsonl -j 2 --fail-on never $out/small" >/dev/null
    python3 - "$out/hyperfine-small.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'small/ (500 tables): {r["command"].split(" scan ")[1]}: median {r["median"] * 1000:.0f} ms')
PY
fi
for f in bench.csv bench.jsonl; do
    /usr/bin/time -o "$out/time.txt" -f "$f: peak RSS %M KB (scan, 2 workers)" \
        $bb scan --format jsonl --fail-on never "$out/$f" >/dev/null
    cat "$out/time.txt"
done
for n in 1 4; do
    for i in $(seq "$n"); do cat "$out/bench.jsonl"; done |
        /usr/bin/time -o "$out/time.txt" -f "bench.jsonl x$n through a pipe: peak RSS %M KB (redact --input-format jsonl -)" \
            $bb redact --input-format jsonl - >/dev/null 2>"$out/redact.err" || tail -1 "$out/redact.err"
    cat "$out/time.txt"
done
