#!/usr/bin/env bash
# Creates the Spark examples' Python environment: .build-spark/venv with pyspark from PyPI.
#
#   examples/spark/setup.sh                 # then: .build-spark/venv/bin/python examples/spark/...
#   SMOKE_CONNECT=1 examples/spark/setup.sh # also the Spark Connect client's packages
#
# Idempotent: a venv made with the same requirements is kept (smoke.sh calls this first). Needs
# python3 with venv, and network access to PyPI the first time (measured 60 s; 163 s on a busy
# machine without a pip cache). Spark itself needs Java 17+ at run time. Prints the venv's python.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${FALX_SPARK_VENV:-.build-spark/venv}
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
echo "$venv/bin/python"
