#!/usr/bin/env bash
# Spark smoke test: both routes on local[2] over ~1,000 lines (examples/spark/README.md).
#
#   examples/spark/smoke.sh            # uses $FALX, else .build/debug/falx (what `swift test` built)
#
# Makes the virtual environment with examples/spark/setup.sh (.build-spark/venv, pyspark 4.3.0;
# kept between runs), then runs smoke.py. Needs Java 17+ and python3. Exits non-zero on any failure.
# SMOKE_CONNECT=1 also runs the DataFrame route through a local Spark Connect server (installs
# the Connect client's grpcio, grpcio-status, googleapis-common-protos and zstandard).
set -euo pipefail
cd "$(dirname "$0")/../.."
falx=${FALX:-.build/debug/falx}
if [ ! -x "$falx" ]; then
    echo "smoke: no falx binary at $falx (run swift build, or set FALX)" >&2
    exit 1
fi
# The environment: one command, also for users (examples/spark/setup.sh).
python=$(examples/spark/setup.sh | tail -n 1)
venv=$(dirname "$(dirname "$python")")
export PYSPARK_PYTHON="$PWD/$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1 SWIFT_BACKTRACE=enable=no \
    PYTHONDONTWRITEBYTECODE=1
# Spark's own log lines go to stderr; the checks print to stdout.
exec timeout 900 "$venv/bin/python" examples/spark/smoke.py "$falx" .build-spark/smoke
