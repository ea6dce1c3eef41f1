#!/usr/bin/env python3
"""Times two blackbar binaries on the same arguments, their runs taken in turn (old, new, new, old, ...), and
prints the medians: on a machine whose speed drifts over minutes, runs taken in turn are comparable where
hyperfine's (every run of one command, then every run of the other) may not be.

    python3 scripts/ab-time.py RUNS OLD_BLACKBAR NEW_BLACKBAR -- scan --format jsonl -j 1 --fail-on never FILE
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 6 or sys.argv[4] != "--":
        sys.exit(__doc__)
    runs, old, new, args = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[5:]
    times = {old: [], new: []}
    subprocess.run([new] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
    for i in range(runs):
        for binary in ([old, new] if i % 2 == 0 else [new, old]):
            start = time.perf_counter()
            subprocess.run([binary] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[binary].append(time.perf_counter() - start)
    o, n = statistics.median(times[old]), statistics.median(times[new])
    print(f"{' '.join(args)}: old {o * 1000:.1f} ms, new {n * 1000:.1f} ms, new/old {n / o:.3f} (medians of {runs})")


if __name__ == "__main__":
    main()
