#!/usr/bin/env bash
# Builds the falx wheel, dist/falx-VERSION-py3-none-manylinux_2_G_ARCH.whl, carrying a self-contained
# falx binary (docs/python.md). The wheel is platform-specific (a native binary inside) but fits any
# Python 3 version; its manylinux tag names the newest glibc symbol version the binary needs.
#
#   python/build-wheel.sh                 # the binary scripts/release.sh built: dist/falx-VERSION-linux-ARCH/falx
#   python/build-wheel.sh --binary PATH   # another self-contained falx (ldd: only the C library family)
#
# Needs python3 with pip; the build backend (hatchling) comes from PyPI into pip's isolated build.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=$(uname -m)
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=${2:?--binary needs a path}; shift 2 ;;
        *) echo "usage: python/build-wheel.sh [--binary PATH]" >&2; exit 64 ;;
    esac
done
if [ -z "$binary" ]; then
    binary=$(ls -d dist/falx-*-linux-"$arch"/falx 2>/dev/null | sort -V | tail -1)
    [ -n "$binary" ] || { echo "build-wheel.sh: no dist/falx-*-linux-$arch/falx: run scripts/release.sh, or pass --binary PATH" >&2; exit 2; }
fi
[ -x "$binary" ] || { echo "build-wheel.sh: $binary is not an executable file" >&2; exit 2; }
# The wheel must run without Swift: refuse a binary that needs more than the C library family.
if ldd "$binary" | grep -vE "linux-vdso|ld-linux|libc\.so|libm\.so|libgcc_s\.so|libpthread|libdl\.so|librt\.so" | grep -q "=>"; then
    echo "build-wheel.sh: $binary needs shared libraries beyond the C library (build it with scripts/release.sh):" >&2
    ldd "$binary" >&2
    exit 2
fi
version=$("$binary" --version | sed -E 's/^falx ([^,]+),.*/\1/')
glibc_minor=$(objdump -T "$binary" | grep -oE 'GLIBC_2\.[0-9]+' | cut -d. -f2 | sort -n | tail -1)
tag="py3-none-manylinux_2_${glibc_minor}_${arch}"
bundled=python/src/falx/bin/falx
mkdir -p "$(dirname "$bundled")"
trap 'rm -rf python/src/falx/bin' EXIT
cp "$binary" "$bundled" && chmod 755 "$bundled"
mkdir -p dist
rm -f dist/falx-"$version"-*.whl
FALX_VERSION=$version FALX_WHEEL_TAG=$tag python3 -m pip wheel -q --disable-pip-version-check --no-deps -w dist ./python
wheel=dist/falx-$version-$tag.whl
[ -f "$wheel" ] || { echo "build-wheel.sh: pip did not write $wheel" >&2; ls dist >&2; exit 1; }
echo "$wheel: $(du -h "$wheel" | cut -f1)"
