#!/usr/bin/env bash
# Builds the falx binary for Spark executors: a release build with the Swift standard library and
# Foundation linked in (--static-swift-stdlib), so executors need no Swift toolchain. Prints the
# path of a stripped copy, then what it still needs from the system: the shared libraries it
# links (glibc, libstdc++, libgcc_s, libxml2) and the newest glibc / libstdc++ symbol versions it
# asks for (the oldest distribution it runs on).
#
#   examples/spark/build-binary.sh            # -> .build-static/falx
#
# A plain `swift build -c release` binary does NOT run on a machine without the toolchain: it
# links libswiftCore.so and friends from the toolchain's lib directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --static-swift-stdlib --scratch-path .build-static >&2
bin=.build-static/release/falx
strip -o .build-static/falx "$bin"
{
    echo "--- shared libraries (ldd):"
    ldd .build-static/falx | sed 's/ (0x[0-9a-f]*)//'
    echo "--- newest symbol versions required:"
    objdump -T .build-static/falx | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1
    objdump -T .build-static/falx | grep -o 'GLIBCXX_[0-9.]*' | sort -uV | tail -1
    if ldd .build-static/falx | grep -q swift; then
        echo "error: the binary still links a Swift runtime library" >&2
        exit 1
    fi
} >&2
echo "$(pwd)/.build-static/falx"
