#!/usr/bin/env bash
# Two builds of blackbar side by side in one hyperfine run per corpus: the figures of a speed change are
# only comparable when taken together (this machine's speed drifts by up to 40% over a day).
#
#   bash scripts/bench-compare.sh OLD_BLACKBAR NEW_BLACKBAR [RUNS=5] [TEXT_DIR=bench-out/text] [RECORDS_DIR=bench-out/records]
#
# Corpora: scripts/text-bench-corpus.py (docs.txt, code.txt, adversarial.txt, small/) and
# scripts/records-bench-corpus.py (bench.csv, bench.jsonl, small/), built first when missing. Each is scanned with
# `scan --format jsonl --fail-on never`, on one worker and on two, as a whole process; ripgrep's single
# e-mail regex runs beside the text corpora. Prints medians (MB = 10^6 bytes). Findings are not compared
# here: scripts/check-findings.sh does that.
set -euo pipefail
old=$(realpath "${1:?old blackbar binary}")
new=$(realpath "${2:?new blackbar binary}")
runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
text=$(realpath -m "${4:-$root/bench-out/text}")
records=$(realpath -m "${5:-$root/bench-out/records}")
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
[ -f "$text/docs.txt" ] || python3 "$root/scripts/text-bench-corpus.py" --out "$text"
[ -f "$records/bench.csv" ] || python3 "$root/scripts/records-bench-corpus.py" --out "$records"
email='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, runs $runs"
echo "old: $old"
echo "new: $new"

report() { # hyperfine JSON, bytes, labels... -> one line per command
    python3 - "$@" <<'PY'
import json, sys
data = json.load(open(sys.argv[1])); size = int(sys.argv[2]); labels = sys.argv[3:]
for label, r in zip(labels, data["results"]):
    m = r["median"]
    rate = f"{size / m / 1e6:8.1f} MB/s" if size else ""
    print(f"  {label:24s} median {m * 1000:9.1f} ms {rate}")
PY
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
: > "$scratch/empty.txt"
for corpus in "$text/docs.txt" "$text/code.txt" "$text/adversarial.txt" "$text/small" "$scratch/empty.txt" \
    "$records/bench.csv" "$records/bench.jsonl" "$records/small"; do
    [ -e "$corpus" ] || continue
    size=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    labels=("old -j 1" "new -j 1" "old -j 2" "new -j 2")
    commands=()
    for j in 1 2; do
        for bin in "$old" "$new"; do commands+=("$bin scan --format jsonl -j $j --fail-on never $corpus"); done
    done
    case "$corpus" in
    *.txt) if command -v rg >/dev/null && [ "$size" -gt 0 ]; then
            commands+=("rg -P -c -i -e '$email' $corpus")
            labels+=("ripgrep, one e-mail regex")
        fi ;;
    esac
    name=$(basename "$corpus")
    [ "$corpus" = "$records/small" ] && name="small tables (records/small)"
    echo "$name ($size bytes)"
    hyperfine -N -i -w 1 -r "$runs" --export-json "$scratch/h.json" "${commands[@]}" >/dev/null 2>&1
    report "$scratch/h.json" "$size" "${labels[@]}"
done
