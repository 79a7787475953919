#!/usr/bin/env bash
# Regenerates the golden audits in Tests/FalxCLITests/Fixtures/golden from the current code.
# Each line of MANIFEST.tsv names a file and the falx arguments that produce it (run from the
# repository root). Review `git diff Tests/FalxCLITests/Fixtures/golden` afterwards: every changed
# line is a change in what Falx outputs, and the commit that carries it says why.
#   scripts/golden.sh            # build (debug) and regenerate
#   FALX=path/to/falx scripts/golden.sh   # use a falx already built
set -euo pipefail
cd "$(dirname "$0")/.."
dir=Tests/FalxCLITests/Fixtures/golden
if [[ -z "${FALX:-}" ]]; then
    swift build --product falx >&2
    FALX="$(swift build --show-bin-path)/falx"
fi
while IFS=$'\t' read -r name args; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    # shellcheck disable=SC2086 # the arguments are split on spaces by design
    "$FALX" $args >"$dir/$name"
    echo "wrote $dir/$name" >&2
done <"$dir/MANIFEST.tsv"
# docs/ carries the output of `falx rules`, `falx schema` and `falx schema --errors` between
# markers that name the command (DocsTests checks them).
python3 - "$FALX" <<'PY'
import subprocess, sys
blocks = [
    ("docs/rules.md", "rules", "```text\n", "```\n"),
    ("docs/audit-schema.md", "schema", "", ""),
    ("docs/audit-schema.md", "schema --errors", "", ""),
]
for path, command, fence_open, fence_close in blocks:
    output = subprocess.run([sys.argv[1], *command.split()], check=True, capture_output=True, text=True).stdout
    begin, end = f"<!-- begin falx {command} -->\n", f"<!-- end falx {command} -->"
    doc = open(path, encoding="utf-8").read()
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    open(path, "w", encoding="utf-8").write(head + begin + fence_open + output + fence_close + end + tail)
    print(f"wrote {path}", file=sys.stderr)
PY
