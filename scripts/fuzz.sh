#!/usr/bin/env bash
# Fuzzes Falx's readers and text engine with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      e.g. scripts/fuzz.sh all 600
#
# Targets: text jsonl hl7 hl7xml cda fhir csv json any files engine (see Sources/FalxFuzzing/FuzzHarness.swift).
# Each target runs for SECONDS (default 60) on one core, seeded with the Corpus, the test fixtures
# and the public interop samples; its working corpus grows in .build-fuzz/corpus/TARGET and is kept
# between runs. A crash or a broken invariant stops the target and leaves the input in
# .build-fuzz/artifacts/; copy it to Tests/FalxFuzzingTests/Fixtures/regressions/TARGET-<what> so
# `swift test` replays it for ever. Exits 1 when any target found something.
set -uo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-60}
all=(text jsonl hl7 hl7xml cda fhir csv json any files engine)
if [ "$target" = all ]; then targets=("${all[@]}"); else targets=("$target"); fi

scratch=.build-fuzz
swift build -c release --product falx-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -g 2>&1 | grep -v "Cannot export local symbol" | tail -3
bin="$scratch/release/falx-fuzz"
[ -x "$bin" ] || { echo "fuzz.sh: build failed" >&2; exit 2; }

interop=../shared/data/interop
seed() {  # seed TARGET DIR: the inputs a target starts from
    local t=$1 dir=$2
    mkdir -p "$dir"
    case $t in
        text | engine) cp Corpus/reports/*.txt Tests/FalxIngestTests/Fixtures/multi.txt "$dir"/ ;;
        jsonl) cp Tests/FalxIngestTests/Fixtures/reports.jsonl "$dir"/; head -c 20000 Corpus/corpus.gold.jsonl >"$dir/gold-head.jsonl" ;;
        hl7) cp Corpus/formats/hl7/* "$dir"/; [ -d $interop/hl7v2 ] && cp $interop/hl7v2/* "$dir"/ ;;
        hl7xml) cp Corpus/formats/hl7xml/* Tests/FalxIngestTests/Fixtures/xml/oru_ct_head_v2.xml "$dir"/
            [ -d $interop/hl7v2xml ] && cp $interop/hl7v2xml/* "$dir"/ ;;
        cda) cp Corpus/formats/cda/* Tests/FalxIngestTests/Fixtures/xml/cda_ct_head.xml "$dir"/; [ -d $interop/cda ] && cp $interop/cda/* "$dir"/ ;;
        fhir) cp Corpus/formats/fhir/* Tests/FalxIngestTests/Fixtures/fhir/* "$dir"/; [ -d $interop/fhir ] && cp $interop/fhir/* "$dir"/ ;;
        csv) cp Tests/FalxIngestTests/Fixtures/tabular/*.csv Tests/FalxIngestTests/Fixtures/tabular/*.tsv "$dir"/ ;;
        json) cp Tests/FalxIngestTests/Fixtures/tabular/*.json "$dir"/ ;;
        any) for s in text jsonl hl7 hl7xml cda fhir csv json; do seed "$s" "$dir"; done ;;
        files) # the interop samples and fixtures framed as `falx audit --stdin-files` reads them
            for f in Tests/FalxIngestTests/Fixtures/interop/*/* Tests/FalxIngestTests/Fixtures/xml/*; do
                d=${f%/*} && out="$dir/frames-${d##*/}.bin"
                printf '{"name":"%s","bytes":%d}\n' "${f##*/}" "$(wc -c <"$f")" >>"$out" && cat "$f" >>"$out"
            done ;;
    esac 2>/dev/null
    rm -f "$dir"/PROVENANCE.md
}

found=0
mkdir -p "$scratch/artifacts" "$scratch/logs"
for t in "${targets[@]}"; do
    corpus="$scratch/corpus/$t"
    [ -d "$corpus" ] || seed "$t" "$corpus"
    log="$scratch/logs/$t.log"
    echo "== $t: ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs"
    FALX_FUZZ_TARGET=$t ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$bin" "$corpus" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=200000 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$t-" >"$log" 2>&1
    rc=$?
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done )" "$log" | tr '\n' ' '
    cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+" "$log" | tail -1)
    echo " $cov"
    if [ $rc -ne 0 ]; then
        found=1
        echo "!! $t stopped (exit $rc): $(grep -m1 -E "ERROR|invariant broken|Fatal error|timeout|out-of-memory" "$log")"
        ls -1 "$scratch"/artifacts/"$t"-* 2>/dev/null | tail -3
    fi
done
exit $found
