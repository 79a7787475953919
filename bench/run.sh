#!/usr/bin/env bash
# Falx benchmark: throughput and peak memory side by side with the medspaCy peer and raw-scan floors,
# on one generated corpus, in one run.
#
#   bench/run.sh [N_REPORTS=100000] [PEER_SAMPLE=2000]
#
# Needs python3; the peer runs in a virtual environment this script creates from PyPI
# (medspacy 1.3.1, spacy 3.7.x) in .build-bench/venv unless SKIP_PEER=1.
# Also runs: falx on the same reports as a folder of text files (the first DIR_N=20000), on the
# public MTSamples transcriptions (../shared/data/mtsamples), and at 10,000 reports for the peak
# memory beside the full run's (MEMORY_N=1000000 adds a run at that size: memory must stay flat).
# Each timing is the best of REPEAT=3 runs (a shared machine's neighbours only ever slow a run down);
# the 1,000,000-report run is timed once.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
SAMPLE=${2:-2000}
WORK=.build-bench
mkdir -p "$WORK"
swift build -c release --product falx >/dev/null
FALX=.build/release/falx
DATA="$WORK/syn-$N.jsonl"
[ -f "$DATA" ] || python3 bench/generate.py "$N" "$DATA"
head -n "$SAMPLE" "$DATA" > "$WORK/sample.jsonl"
BYTES=$(wc -c < "$DATA")
DIR_N=${DIR_N:-20000}
TEXTS="$WORK/syn-dir-$DIR_N"
[ -d "$TEXTS" ] || python3 bench/generate.py "$DIR_N" "$WORK/syn-dir-$DIR_N.jsonl" --dir "$TEXTS" >/dev/null
TEXT_BYTES=$(find "$TEXTS" -type f -printf "%s\n" | awk "{s += \$1} END {print s}")
head -n 10000 "$DATA" > "$WORK/syn-10k.jsonl"
MT=../shared/data/mtsamples/mtsamples.jsonl

measure() {  # name reports bytes command...: prints "name reports bytes seconds peakKB", best of REPEAT runs
    local name=$1 reports=$2 bytes=$3 best="" kb=0 secs k; shift 3
    for _ in $(seq "${REPEAT:-3}"); do
        cat "$DATA" > /dev/null  # warm the page cache
        /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null
        read -r secs k < "$WORK/time"
        if [ -z "$best" ] || awk "BEGIN {exit !($secs < $best)}"; then best=$secs; fi
        [ "$k" -gt "$kb" ] && kb=$k
    done
    echo "$name $reports $bytes $best $kb"
}

{
    measure "falx-jobs-1" "$N" "$BYTES" "$FALX" audit "$DATA" --jobs 1 --quiet -o "$WORK/out1.csv"
    measure "falx-jobs-2" "$N" "$BYTES" "$FALX" audit "$DATA" --jobs 2 --quiet -o "$WORK/out2.csv"
    measure "falx-10k-jobs-2" 10000 "$(wc -c < "$WORK/syn-10k.jsonl")" "$FALX" audit "$WORK/syn-10k.jsonl" --jobs 2 --quiet -o "$WORK/out10k.csv"
    if [ -n "${MEMORY_N:-}" ]; then
        BIG="$WORK/syn-$MEMORY_N.jsonl"
        [ -f "$BIG" ] || python3 bench/generate.py "$MEMORY_N" "$BIG"
        REPEAT=1 measure "falx-$((MEMORY_N / 1000))k-jobs-2" "$MEMORY_N" "$(wc -c < "$BIG")" "$FALX" audit "$BIG" --jobs 2 --quiet -o "$WORK/outbig.csv"
    fi
    measure "falx-dir-jobs-2" "$DIR_N" "$TEXT_BYTES" "$FALX" audit "$TEXTS" --jobs 2 --quiet -o "$WORK/outdir.csv"
    if [ -f "$MT" ]; then
        measure "mtsamples-j2" "$(wc -l < "$MT")" "$(wc -c < "$MT")" "$FALX" audit "$MT" --jobs 2 --quiet -o "$WORK/outmt.csv"
        measure "mtsamples-wc-w" "$(wc -l < "$MT")" "$(wc -c < "$MT")" wc -w "$MT"
    fi
    measure "wc-w" "$N" "$BYTES" wc -w "$DATA"
    measure "wc-l" "$N" "$BYTES" wc -l "$DATA"
    measure "grep-c" "$N" "$BYTES" grep -c -i -E 'falx|falcine|tentori|dural' "$DATA"
    if [ "${SKIP_PEER:-0}" != 1 ]; then
        if [ ! -x "$WORK/venv/bin/python" ]; then
            python3 -m venv "$WORK/venv"
            "$WORK/venv/bin/pip" install -q "medspacy==1.3.1" "spacy>=3.7,<3.8"
        fi
        "$WORK/venv/bin/python" bench/medspacy_peer.py "$WORK/sample.jsonl" > "$WORK/peer.json" 2> "$WORK/peer.log"
        python3 -c "import json; d=json.load(open('$WORK/peer.json')); print('medspacy', d['reports'], d['bytes'], d['seconds'], 0)"
    fi
} > "$WORK/results.txt"

cmp -s "$WORK/out1.csv" "$WORK/out2.csv" && same="identical" || same="DIFFERENT"
python3 - "$WORK/results.txt" "$same" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
data = {r[0]: (int(r[1]), int(r[2]), float(r[3]), int(r[4])) for r in rows}
def rate(name):
    n, b, s, _ = data[name]
    s = max(s, 0.01)  # /usr/bin/time resolution
    return n / s, b / s / 2**20
peer = rate("medspacy")[0] if "medspacy" in data else None
floor = rate("wc-w")[1]
mt_floor = rate("mtsamples-wc-w")[1] if "mtsamples-wc-w" in data else None
print(f"{'run':<14}{'reports':>9}{'seconds':>9}{'reports/s':>12}{'MB/s':>9}{'peak RSS MB':>13}{'x peer':>9}{'% of wc -w':>12}")
for name, (n, b, s, kb) in data.items():
    r, mb = rate(name)
    xp = f"{r / peer:.0f}" if peer and name.startswith("falx") else ""
    ref = mt_floor if name.startswith("mtsamples") else floor
    pf = f"{100 * mb / ref:.0f}%" if name != "medspacy" else ""
    rss = f"{kb / 1024:.0f}" if kb else ""
    print(f"{name:<14}{n:>9}{s:>9.2f}{r:>12.0f}{mb:>9.1f}{rss:>13}{xp:>9}{pf:>12}")
print(f"jobs 2 / jobs 1: {rate('falx-jobs-2')[0] / rate('falx-jobs-1')[0]:.2f}x; output at jobs 1 and 2: {sys.argv[2]}")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
