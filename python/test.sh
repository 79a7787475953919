#!/usr/bin/env bash
# The Python package's tests (python/tests), in a virtual environment under .build-python.
#
#   python/test.sh                  # the package installed editable, FALX_BINARY=.build/debug/falx (what swift build made)
#   python/test.sh --wheel WHEEL    # a fresh venv with only the wheel (and pytest): the bundled binary
#
# The editable venv is made once (.build-python/venv; remade when its requirements change); pip's
# cache makes that quick the second time. .ci/run calls the first form.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWIFT_BACKTRACE=enable=no PYTHONDONTWRITEBYTECODE=1
pytest_args=(-q -p no:cacheprovider python/tests)
if [ "${1:-}" = "--wheel" ]; then
    wheel=${2:?--wheel needs the path of a wheel}
    venv=.build-python/wheel-venv
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "$wheel" "pytest>=8"
    unset FALX_BINARY
    echo "python/test.sh: falx from the wheel: $("$venv/bin/python" -c 'import falx; print(falx.binary())')"
    exec "$venv/bin/python" -m pytest "${pytest_args[@]}"
fi
falx=${FALX_BINARY:-.build/debug/falx}
[ -x "$falx" ] || { echo "python/test.sh: no falx binary at $falx (run swift build, or set FALX_BINARY)" >&2; exit 1; }
venv=.build-python/venv
reqs=("pandas>=2.2" "pytest>=8")
if [ "$(cat "$venv/.falx-requirements" 2>/dev/null)" != "${reqs[*]}" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "${reqs[@]}"
    "$venv/bin/pip" install -q --disable-pip-version-check --no-deps -e ./python
    echo "${reqs[*]}" >"$venv/.falx-requirements"
fi
FALX_BINARY="$(cd "$(dirname "$falx")" && pwd)/$(basename "$falx")" exec timeout 900 "$venv/bin/python" -m pytest "${pytest_args[@]}"
