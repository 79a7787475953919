#!/usr/bin/env bash
# The project's test command: the whole Swift Testing suite, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no
timeout 1500 swift test "$@"
