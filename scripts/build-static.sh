#!/usr/bin/env bash
# Builds a blackbar binary that runs without the Swift toolchain and without libpcre2 installed:
#
#   bash scripts/build-static.sh      # prints the binary's path: .build-static/release/blackbar
#
# - the Swift runtime, Foundation and its ICU data are linked in (--static-swift-stdlib);
# - PCRE2 and zlib are linked from Debian's static libraries, libpcre2-8.a and libz.a (libpcre2-dev, zlib1g-dev).
# The binary still loads the C and C++ runtimes every Linux machine has: glibc (libc, libm), libstdc++
# and libgcc_s. A release build in its own scratch path, .build-static, so the debug build in .build is
# left alone. Needs what the ordinary build needs: libpcre2-dev, zlib1g-dev and pkg-config.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-static
static="$PWD/$scratch/static-libs"
mkdir -p "$static"
# SwiftPM links CPCRE2 and CZlib with the flags of libpcre2-8.pc and zlib.pc ("-L$libdir -lpcre2-8", "-lz"),
# and the linker takes the shared libraries from there. Copies of the .pc files whose libdir holds only the
# static archives make the same flags take libpcre2-8.a and libz.a (no shared library, no DT_NEEDED entry).
for pc in libpcre2-8:libpcre2-8.a zlib:libz.a; do
    name=${pc%%:*} archive=${pc#*:}
    libdir="$(pkg-config --variable=libdir "$name")"
    if [ ! -f "$libdir/$archive" ]; then
        echo "build-static: $libdir/$archive not found; install libpcre2-dev and zlib1g-dev" >&2
        exit 1
    fi
    ln -sf "$libdir/$archive" "$static/$archive"
    sed "s|^libdir=.*|libdir=$static|" "$(pkg-config --variable=pcfiledir "$name")/$name.pc" >"$static/$name.pc"
done

swift build -c release --product blackbar --scratch-path "$scratch" --static-swift-stdlib \
    --pkg-config-path "$static" >&2

echo "$scratch/release/blackbar"
