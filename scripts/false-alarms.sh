#!/bin/sh
# Build the real-text set if missing, then scan it: findings per MB and a sample to judge by hand.
#   scripts/false-alarms.sh [false-alarms.py options]
set -e
cd "$(dirname "$0")/.."
[ -f bench-out/real/real.txt ] || python3 scripts/real-text-set.py --out bench-out/real
exec python3 scripts/false-alarms.py "$@"
