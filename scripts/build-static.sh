#!/usr/bin/env bash
# Builds a blackbar binary that runs without the Swift toolchain and without libpcre2 installed:
#
#   bash scripts/build-static.sh      # prints the binary's path: .build-static/release/blackbar
#
# - the Swift runtime, Foundation and its ICU data are linked in (--static-swift-stdlib);
# - PCRE2 is linked from Debian's static library, libpcre2-8.a (package libpcre2-dev).
# The binary still loads the C and C++ runtimes every Linux machine has: glibc (libc, libm), libstdc++
# and libgcc_s. A release build in its own scratch path, .build-static, so the debug build in .build is
# left alone. Needs what the ordinary build needs: libpcre2-dev and pkg-config.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-static
libdir="$(pkg-config --variable=libdir libpcre2-8)"
if [ ! -f "$libdir/libpcre2-8.a" ]; then
    echo "build-static: $libdir/libpcre2-8.a not found; install libpcre2-dev" >&2
    exit 1
fi

# SwiftPM links CPCRE2 with the flags of libpcre2-8.pc, "-L$libdir -lpcre2-8", and the linker takes
# libpcre2-8.so from there. A copy of the .pc file whose libdir holds only the static archive makes the
# same -lpcre2-8 take libpcre2-8.a (no shared library, no DT_NEEDED entry).
static="$PWD/$scratch/static-pcre2"
mkdir -p "$static"
ln -sf "$libdir/libpcre2-8.a" "$static/libpcre2-8.a"
sed "s|^libdir=.*|libdir=$static|" "$(pkg-config --variable=pcfiledir libpcre2-8)/libpcre2-8.pc" >"$static/libpcre2-8.pc"

swift build -c release --product blackbar --scratch-path "$scratch" --static-swift-stdlib \
    --pkg-config-path "$static" >&2

echo "$scratch/release/blackbar"
