#!/usr/bin/env bash
# The project's test command: format lint, then the whole Swift Testing suite, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
swift format lint --strict -r Sources Tests
timeout 1500 swift test "$@"
