#!/usr/bin/env bash
# The stage profile: `falx bench` on the same generated reports as JSON Lines, as an HL7 v2 batch
# (one OBX per report line), as a folder of text files and as a folder of CDA documents, each beside
# its floor in the same run: `wc -w` for the text inputs, `xmllint --stream --noout` (Debian's
# libxml2-utils) for the CDA folder.
#
#   bench/stages.sh [N_REPORTS=20000] [FALX=.build/release/falx]
#
# Prints one table per input (ms, ns per report and MB/s for each stage, the best of three runs of
# each) and the floors, best of three.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
FALX=${2:-.build/release/falx}
WORK=.build-bench/stages-$N
mkdir -p "$WORK"
if [ ! -f "$WORK/syn.jsonl" ]; then
    python3 bench/generate.py "$N" "$WORK/syn.jsonl" --dir "$WORK/text" --hl7 "$WORK/syn.hl7" --cda "$WORK/cda"
fi

best() {  # command...: the best of three wall times, in seconds
    local b="" t
    for _ in 1 2 3; do
        /usr/bin/time -f "%e" -o "$WORK/time" "$@" > /dev/null 2>&1
        t=$(cat "$WORK/time")
        if [ -z "$b" ] || awk "BEGIN {exit !($t < $b)}"; then b=$t; fi
    done
    echo "$b"
}

for input in "$WORK/syn.jsonl" "$WORK/syn.hl7" "$WORK/text" "$WORK/cda"; do
    echo "## $(basename "$input")"
    "$FALX" bench "$input"
    if [ -d "$input" ]; then
        if [ "$(basename "$input")" = cda ]; then
            echo "floor: xmllint --stream --noout, every file: $(best sh -c "find '$input' -type f -print0 | xargs -0 xmllint --stream --noout") s"
        fi
        echo "floor: wc -w, every file: $(best sh -c "find '$input' -type f -print0 | xargs -0 cat | wc -w") s"
    else
        echo "floor: wc -w: $(best wc -w "$input") s"
    fi
    echo
done
