#!/usr/bin/env bash
# Spark smoke test: both routes on local[2] over ~1,000 lines (examples/spark/README.md).
#
#   examples/spark/smoke.sh            # uses $FALX, else .build/debug/falx (what `swift test` built)
#
# Makes a virtual environment under .build-spark/venv with pyspark 4.3.0 the first time (measured
# 60 s; 163 s on a busy machine without a pip cache), then runs smoke.py (85-150 s here). Needs
# Java 17+ and python3. Exits non-zero on any failure.
# SMOKE_CONNECT=1 also runs the DataFrame route through a local Spark Connect server (installs
# the Connect client's grpcio, grpcio-status, googleapis-common-protos and zstandard).
set -euo pipefail
cd "$(dirname "$0")/../.."
falx=${FALX:-.build/debug/falx}
if [ ! -x "$falx" ]; then
    echo "smoke: no falx binary at $falx (run swift build, or set FALX)" >&2
    exit 1
fi
venv=.build-spark/venv
reqs=("pyspark==4.3.0" "pyarrow>=18" "pandas>=2.2,<3")  # pyspark 4.3 warns that pandas 3 is not supported yet
if [ "$(cat "$venv/.falx-requirements" 2>/dev/null)" != "${reqs[*]}" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "${reqs[@]}"
    echo "${reqs[*]}" > "$venv/.falx-requirements"
fi
if [ "${SMOKE_CONNECT:-0}" = 1 ] && ! "$venv/bin/python" -c 'import grpc, grpc_status, zstandard' 2>/dev/null; then
    "$venv/bin/pip" install -q --disable-pip-version-check 'grpcio>=1.76' 'grpcio-status>=1.76' \
        'googleapis-common-protos>=1.71' 'zstandard>=0.25'
fi
export PYSPARK_PYTHON="$PWD/$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1 SWIFT_BACKTRACE=enable=no \
    PYTHONDONTWRITEBYTECODE=1
# Spark's own log lines go to stderr; the checks print to stdout.
exec timeout 900 "$venv/bin/python" examples/spark/smoke.py "$falx" .build-spark/smoke
