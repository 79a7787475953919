#!/usr/bin/env bash
# Builds a self-contained Linux release of falx: the binary with the Swift runtime, libxml2, ICU,
# zlib, liblzma and libstdc++ linked in statically (`ldd` shows only the C library family), shell
# completions, a man page and the licences of everything linked in, packed as
# dist/falx-VERSION-linux-ARCH.tar.gz.
#
#   scripts/release.sh            # needs libxml2-dev and zlib1g-dev (their static archives)
#
# The static link works by pointing pkg-config at .pc files that name a folder holding only the
# static archives, so `-lxml2` and `-lz` cannot pick the shared libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=$(uname -m)
libdir=$(pkg-config --variable=libdir libxml-2.0)
gccdir=$(dirname "$(gcc -print-file-name=libstdc++.a)")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib" "$work/pc"
for lib in libxml2 libz libicui18n libicuuc libicudata liblzma; do
    [ -f "$libdir/$lib.a" ] || { echo "release.sh: $libdir/$lib.a is missing (install libxml2-dev, zlib1g-dev, libicu-dev, liblzma-dev)" >&2; exit 2; }
    ln -s "$libdir/$lib.a" "$work/lib/"
done
ln -s "$gccdir/libstdc++.a" "$work/lib/"
cat >"$work/pc/libxml-2.0.pc" <<PC
Name: libxml-2.0
Version: $(pkg-config --modversion libxml-2.0)
Description: libxml2, linked statically
Libs: -L$work/lib -lxml2 -licui18n -licuuc -licudata -lz -llzma -lm
Cflags: $(pkg-config --cflags libxml-2.0)
PC
cat >"$work/pc/zlib.pc" <<PC
Name: zlib
Version: $(pkg-config --modversion zlib)
Description: zlib, linked statically
Libs: -L$work/lib -lz
Cflags:
PC
scratch=${SCRATCH:-.build-release}
PKG_CONFIG_PATH="$work/pc" swift build -c release --product falx --static-swift-stdlib --scratch-path "$scratch" \
    -Xlinker -L"$work/lib" -Xlinker -licui18n -Xlinker -licuuc -Xlinker -licudata -Xlinker -llzma -Xlinker -lz \
    2>&1 | grep -v "use of .mktemp. is dangerous" | tail -3
bin="$scratch/release/falx"
version=$("$bin" --version | sed -E 's/^falx ([^,]+),.*/\1/')
name="falx-$version-linux-$arch"
out="dist/$name"
rm -rf "$out" && mkdir -p "$out/completions" "$out/man" "$out/licenses"
cp "$bin" "$out/falx" && strip "$out/falx"
if ldd "$out/falx" | grep -vE "linux-vdso|ld-linux|libc\.so|libm\.so|libgcc_s\.so|libpthread|libdl\.so|librt\.so" | grep -q "=>"; then
    echo "release.sh: falx still needs shared libraries beyond the C library:" >&2
    ldd "$out/falx" >&2
    exit 1
fi
"$out/falx" --generate-completion-script bash >"$out/completions/falx.bash"
"$out/falx" --generate-completion-script zsh >"$out/completions/_falx"
"$out/falx" --generate-completion-script fish >"$out/completions/falx.fish"
# The man page comes from swift-argument-parser's generate-manual tool, built in the same release
# folder (about a minute) and run on the binary just built; its package plugin would build all of
# falx a second time in another folder (about eight minutes on two cores).
man="$PWD/$out/man"
{ swift build -c release --scratch-path "$scratch" --product generate-manual >/dev/null 2>&1 \
    && "$scratch/release/generate-manual" "$bin" --multi-page -o "$man" >/dev/null 2>&1; } \
    || echo "release.sh: warning: the man page could not be generated (generate-manual failed)" >&2
# Licences of what is linked in: Falx's dependencies from their checkouts, the rest from Debian.
for dep in swift-argument-parser swift-crypto swift-asn1; do
    for f in LICENSE.txt LICENSE NOTICE.txt; do
        if [ -f "$scratch/checkouts/$dep/$f" ]; then cp "$scratch/checkouts/$dep/$f" "$out/licenses/$dep-$f"; fi
    done
done
boringssl="$scratch/checkouts/swift-crypto/Sources/CCryptoBoringSSL/LICENSE"
if [ -f "$boringssl" ]; then cp "$boringssl" "$out/licenses/boringssl-LICENSE"; fi
for pkg in libxml2 zlib1g libicu72 liblzma5 libstdc++6; do
    if [ -f "/usr/share/doc/$pkg/copyright" ]; then cp "/usr/share/doc/$pkg/copyright" "$out/licenses/$pkg-copyright"; fi
done
# The Swift runtime and Foundation carry the same licence as swift-argument-parser (Apache 2.0 with
# the Runtime Library Exception); the toolchain does not ship the text, so that copy stands for it.
cat >"$out/licenses/README" <<TXT
Licences of the software linked into this falx binary:
- Swift standard library, Foundation, Dispatch (the Swift project): Apache License 2.0 with the Runtime
  Library Exception, the same text as swift-argument-parser-LICENSE.txt.
- swift-argument-parser, swift-crypto, swift-asn1: their LICENSE files here; BoringSSL (inside swift-crypto).
- libxml2, zlib, ICU, liblzma, libstdc++: the Debian copyright files here.
TXT
[ -n "$(ls "$man")" ] || echo "release.sh: warning: no man page was written" >&2
cp README.md "$out/"
tar -C dist -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1); $(ls "$out/licenses" | wc -l) licence files"
