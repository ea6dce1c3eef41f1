#!/usr/bin/env bash
# Fuzzes a reader with libFuzzer: bash scripts/fuzz.sh csv|json|metadata [SECONDS] [extra libFuzzer flags]
# Compiles Sources/BlackbarRecords with Sources/BlackbarBytes (csv, json; no other dependencies) or Sources/BlackbarMetadata (metadata; only
# zlib) with Fuzz/NAME.swift under -sanitize=fuzzer,address,
# seeds from Fuzz/corpus/NAME, and runs for SECONDS (default 60). Crashes land in .build-fuzz/NAME-crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: fuzz.sh csv|json|metadata [SECONDS]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
out=.build-fuzz
mkdir -p "$out/$name-corpus" "$out/$name-crashes"
if [ "$name" = metadata ]; then
    module=BlackbarMetadata
    extra=(-I Sources/CZlib -lz)
else
    module=BlackbarRecords
    extra=(Sources/BlackbarBytes/*.swift)
fi
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name "$module" "${extra[@]}" \
    Sources/$module/*.swift "Fuzz/$name.swift" -o "$out/fuzz-$name" 2> >(grep -v "ld.gold: warning" >&2)
"$out/fuzz-$name" "$out/$name-corpus" "Fuzz/corpus/$name" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$out/$name-crashes/" -print_final_stats=1 "$@"
