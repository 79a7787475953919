#!/usr/bin/env bash
# Checks a release tarball (scripts/release.sh) the way a user without Swift would run it: unpacked
# into an empty folder and run under `env -i` (no PATH to Swift, no LD_LIBRARY_PATH) on the Corpus;
# its audit must be byte-identical to the audit of the normal build.
#
#   scripts/release-check.sh dist/falx-VERSION-linux-ARCH.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:?usage: scripts/release-check.sh dist/falx-VERSION-linux-ARCH.tar.gz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
bin=$(find "$work" -maxdepth 2 -name falx -type f | head -1)
[ -x "$bin" ] || { echo "release-check: no falx binary in $tarball" >&2; exit 1; }
if ldd "$bin" | grep -vE "linux-vdso|ld-linux|libc\.so|libm\.so|libgcc_s\.so|libpthread|libdl\.so|librt\.so" | grep -q "=>"; then
    echo "release-check: the packed falx needs shared libraries beyond the C library:" >&2
    ldd "$bin" >&2
    exit 1
fi
env -i "$bin" --version
env -i "$bin" audit Corpus -o "$work/packed.csv" --quiet
swift build --product falx >/dev/null
"$(swift build --show-bin-path)/falx" audit Corpus -o "$work/normal.csv" --quiet
if cmp "$work/packed.csv" "$work/normal.csv"; then
    echo "release-check: the packed binary's Corpus audit is identical to the normal build's ($(wc -l <"$work/normal.csv") lines)"
else
    echo "release-check: the packed binary's audit differs from the normal build's" >&2
    exit 1
fi
