#!/usr/bin/env bash
# Findings must not change with a speed-up: scans the text benchmark corpora (scripts/text-bench-corpus.py)
# with one and with two workers and compares the findings with a recorded baseline, byte for byte.
#
#   bash scripts/check-findings.sh record [BLACKBAR] [DIR=bench-out/text]   # before a change: write DIR/baseline/
#   bash scripts/check-findings.sh check  [BLACKBAR] [DIR=bench-out/text]   # after it: exit 1 on any difference
#
# BLACKBAR defaults to .build/release/blackbar. Findings are compared as `scan --format jsonl` prints them
# (rule, entity, offsets, confidence, validation), run from DIR so file names are the same.
set -euo pipefail
mode=${1:?record or check}
root=$(cd "$(dirname "$0")/.." && pwd)
bb=$(realpath "${2:-$root/.build/release/blackbar}")
dir=${3:-$root/bench-out/text}
cd "$dir"
mkdir -p baseline
status=0
# The record benchmark's files too, when scripts/records-bench-corpus.py has made them.
corpora=(docs.txt code.txt adversarial.txt small)
for extra in ../records/bench.csv ../records/bench.jsonl ../records/small; do [ -e "$extra" ] && corpora+=("$extra"); done
for corpus in "${corpora[@]}"; do
    [ -e "$corpus" ] || { echo "missing $dir/$corpus: run scripts/text-bench-corpus.py" >&2; exit 2; }
    for j in 1 2; do
        name=$(basename "$corpus")
        [ "$corpus" = ../records/small ] && name=records-small
        out=baseline/${name%.txt}-j$j.jsonl
        if [ "$mode" = record ]; then
            "$bb" scan --format jsonl -j "$j" --fail-on never "$corpus" > "$out"
            echo "recorded $(wc -l < "$out") findings: $out"
        else
            "$bb" scan --format jsonl -j "$j" --fail-on never "$corpus" > baseline/current.jsonl
            if cmp -s baseline/current.jsonl "$out"; then
                echo "same: $corpus -j $j ($(wc -l < "$out") findings)"
            else
                echo "DIFFERENT: $corpus -j $j ($(wc -l < baseline/current.jsonl) against $(wc -l < "$out"))"
                diff <(sort "$out") <(sort baseline/current.jsonl) | head -5
                status=1
            fi
        fi
    done
done
exit $status
