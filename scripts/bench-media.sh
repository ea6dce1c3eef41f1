#!/usr/bin/env bash
# Times the metadata path as a whole process on a folder of real images and documents found on this machine
# (every PNG, JPEG, TIFF, WebP, PDF and MP4 under /usr/share, /usr/lib and /opt, copied once), plus copies of
# the example photo, which carries GPS, serials, names and text in EXIF, XMP, IPTC and a comment, and 100
# camera-sized JPEGs with its metadata:
#
#   bash scripts/bench-media.sh [OUT] [RUNS]     # OUT defaults to bench-out/media, RUNS to 5
#
# Prints files per second and MB/s for `scan` and `redact -o` at -j 1 (hyperfine medians). Needs hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-bench-out/media}
runs=${2:-5}
bin=.build/release/blackbar
swift build -c release --product blackbar >/dev/null
corpus="$out/corpus"
if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus/found" "$corpus/photos"
    n=0
    while IFS= read -r -d '' f; do
        n=$((n + 1))
        cp "$f" "$corpus/found/$n-$(basename "$f")"
    done < <(find /usr/share /usr/lib /opt -xdev -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \
        -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.webp' -o -iname '*.pdf' -o -iname '*.mp4' \) -size +1k \
        -print0 2>/dev/null | sort -z)
    for i in $(seq 1 500); do cp examples/media/dashcam.jpg "$corpus/photos/dashcam-$i.jpg"; done
    # 100 camera-sized photos (3 megapixels of noise, which JPEG cannot shrink: about 2 MB each) carrying the
    # example photo's metadata. Needs Pillow and exiftool.
    mkdir -p "$corpus/camera"
    python3 - "$corpus/camera" <<'PY'
import sys
from PIL import Image
for i in range(100):
    Image.effect_noise((2000, 1500), 60 + i % 40).convert("RGB").save(f"{sys.argv[1]}/cam-{i:03}.jpg", quality=90)
PY
    exiftool -q -overwrite_original -TagsFromFile examples/media/dashcam.jpg -all:all "$corpus/camera" >/dev/null
fi
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $files files, $((bytes / 1000000)) MB ($(find "$corpus/found" -type f | wc -l) found on the machine, 500 copies of the example photo, 100 camera-sized photos)"
json="$out/hyperfine.json"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" -i \
    --prepare "rm -rf $out/clean" \
    "$bin scan -j 1 --format jsonl $corpus" \
    "$bin redact -j 1 $corpus -o $out/clean" >/dev/null
python3 - "$json" "$files" "$bytes" <<'PY'
import json, statistics, sys
data = json.load(open(sys.argv[1]))
files, size = int(sys.argv[2]), int(sys.argv[3])
for r in data["results"]:
    median = statistics.median(r["times"])
    name = "scan" if " scan " in r["command"] else "redact -o"
    print(f"{name:10} median {median:6.3f} s  {files / median:7.0f} files/s  {size / median / 1e6:6.1f} MB/s")
PY
