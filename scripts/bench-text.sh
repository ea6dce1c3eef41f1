#!/usr/bin/env bash
# Text benchmark on real documents from this machine (scripts/text-bench-corpus.py builds them; not committed):
# the CLI as a whole process, timed with hyperfine (Debian's package), on one worker and on two, beside
# ripgrep's single e-mail regex on the same file; then many small files, an empty file, the in-process scanner
# (blackbar-bench: MB/s, windows per MB by rule) and peak memory.
#
#   bash scripts/bench-text.sh [OUT_DIR=bench-out/text] [RUNS=5]
#
# MB = 10^6 bytes. Figures are medians of RUNS runs; the corpora sit in the page cache (one warm-up run).
# Needs Debian's hyperfine, time (GNU time for peak memory) and, for the comparison, ripgrep. Its scratch
# files (hyperfine.json, time.txt, docs50.txt) stay in OUT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench-out/text}
runs=${2:-5}
swift build -c release --product blackbar >/dev/null
swift build -c release --product blackbar-bench >/dev/null
bb=$PWD/.build/release/blackbar
bench=$PWD/.build/release/blackbar-bench
[ -f "$out/docs.txt" ] || python3 scripts/text-bench-corpus.py --out "$out"
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
email='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $("$bb" --version)"

report() { # hyperfine JSON, bytes -> one line per command
    python3 - "$1" "$2" <<'PY'
import json, sys
data = json.load(open(sys.argv[1])); size = int(sys.argv[2])
for r in data["results"]:
    m = r["median"]
    rate = f"{size / m / 1e6:7.1f} MB/s" if size else ""
    print(f'  {r["command"].split("/")[-1][:70]:72s} median {m * 1000:8.1f} ms {rate}')
PY
}

cd "$out"
for corpus in docs.txt code.txt adversarial.txt; do
    size=$(stat -c %s "$corpus")
    commands=("$bb scan --format jsonl -j 1 --fail-on never $corpus" "$bb scan --format jsonl -j 2 --fail-on never $corpus")
    # ripgrep with one PCRE2 e-mail regex (-P), as the speed issue measured it; no match is exit 1 (-i).
    command -v rg >/dev/null && commands+=("rg -P --count-matches $email $corpus")
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json hyperfine.json "${commands[@]}" >/dev/null
    echo "$corpus ($((size / 1000000)) MB):"
    report hyperfine.json "$size"
done
echo "2,000 files of 1 KB, an empty file:"
hyperfine -N --warmup 1 --runs "$runs" --export-json hyperfine.json \
    "$bb scan --format jsonl -j 1 --fail-on never small" "$bb scan --format jsonl -j 2 --fail-on never small" \
    "$bb scan --fail-on never empty.txt" >/dev/null
report hyperfine.json 0
for corpus in docs.txt adversarial.txt; do
    /usr/bin/time -o time.txt -f "%M" "$bb" scan --format jsonl --fail-on never "$corpus" >/dev/null
    echo "$corpus: peak RSS $(( $(cat time.txt) / 1024 )) MB (scan, 2 workers)"
done
echo "in-process scanner (blackbar-bench), first 50 MB of docs.txt, windows per MB by rule:"
head -c 50000000 docs.txt > docs50.txt
"$bench" --corpus docs50.txt --runs 3 --no-per-rule --windows | head -24
