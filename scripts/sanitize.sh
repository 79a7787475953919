#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer, in its own build folder (.build-address, .build-thread).
#
#   scripts/sanitize.sh address     # AddressSanitizer (heap/stack overflows, use after free)
#   scripts/sanitize.sh thread      # ThreadSanitizer (data races in the parallel audit)
#
# The CLI tests run the falx binary built beside the tests, so it is sanitized too.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-address}
case $kind in address | thread) ;; *) echo "usage: $0 address|thread" >&2; exit 64 ;; esac
export SWIFT_BACKTRACE=enable=no
export FALX_SANITIZER=$kind  # tests that measure memory skip that check
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
timeout 2400 swift test --sanitize="$kind" --scratch-path ".build-$kind" "${@:2}"
