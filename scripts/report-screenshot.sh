#!/usr/bin/env bash
# Looks at the quality team's report the way a person would: audits the Corpus, builds the HTML report,
# opens it in headless Chromium, fails on any console message (errors, CSP violations, uncaught
# exceptions) or a missing section or chart, and saves a full-page screenshot. With pdftoppm present it
# also prints the page to A4 PDF and renders the first pages to PNG, to check charts are not cut.
#
#   apt-get install -y chromium poppler-utils    # once (Debian's packages)
#   scripts/report-screenshot.sh [SCREENSHOT.png]  # default docs/report-screenshot.png
#
# Not part of .ci/run (Chromium is large and slow to start); run it by hand after changing the report.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${1:-docs/report-screenshot.png}
command -v chromium >/dev/null || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }

swift build --product falx >/dev/null
falx=$(swift build --show-bin-path)/falx
work=$(mktemp -d /tmp/falx-report.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The Corpus reads without an error; two broken files beside it give the error section rows to show.
mkdir -p "$work/broken"
: >"$work/broken/empty.txt"
printf 'CT HEAD\0\1\2 binary' >"$work/broken/binary.txt"
"$falx" audit Corpus "$work/broken" -o "$work/audit.csv" --quiet
"$falx" report "$work/audit.csv" -o "$work/report.html" 2>/dev/null
test -s "$work/report-worklist.csv"

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
    --enable-logging=stderr --v=0)

# 1. Load it: the DOM after scripts ran, and every console message.
"${chrome[@]}" --window-size=1280,1000 --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/console.log"
fail=0
if grep -E 'CONSOLE|Uncaught|Refused to' "$work/console.log"; then
    echo "FAIL: the page wrote to the console (above)" >&2
    fail=1
fi
grep -q 'data-report-script="ready"' "$work/dom.html" || { echo "FAIL: the inline script did not run to its end" >&2; fail=1; }
for id in summary prevalence recommendations verdicts ages worklist errors rules; do
    grep -q "<section id=\"$id\"" "$work/dom.html" || { echo "FAIL: section #$id is missing" >&2; fail=1; }
done
charts=$(grep -o '<svg xmlns="http://www.w3.org/2000/svg" viewBox=[^>]*role="img"' "$work/dom.html" | wc -l)
[ "$charts" -ge 12 ] || { echo "FAIL: $charts charts in the DOM, expected at least 12" >&2; fail=1; }
rows=$(grep -o '<tr id="case-' "$work/dom.html" | wc -l)
[ "$rows" -ge 1 ] || { echo "FAIL: the worklist has no rows" >&2; fail=1; }
grep -q 'placeholder="Filter rows' "$work/dom.html" || { echo "FAIL: the worklist filter box is missing" >&2; fail=1; }
# Nothing is fetched: no src= attribute and no link to the network (the SVG namespace is a name, not a fetch).
if grep -oE '(src|href)="(https?:)?//[^"]*"' "$work/report.html"; then
    echo "FAIL: the page refers to the network" >&2
    fail=1
fi

# 2. The screenshot, as tall as the page (the script records the height it laid out).
height=$(grep -o 'data-report-height="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || echo 8000)
height=$((height + 20))
mkdir -p "$(dirname "$shot")"
"${chrome[@]}" --window-size=1280,"$height" --screenshot="$shot" "file://$work/report.html" 2>/dev/null
test -s "$shot"
# 256 colours are plenty for this page and make the file a third of the size (when Pillow is there).
python3 - "$shot" 2>/dev/null <<'PY' || true
import sys
from PIL import Image
Image.open(sys.argv[1]).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(sys.argv[1], optimize=True)
PY

# 3. A4 print, when pdftoppm is there.
if command -v pdftoppm >/dev/null; then
    "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" 2>/dev/null
    pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$work/report.pdf" | awk -F': *' '/^Page size:/ {print $2}')
    echo "printed: $pages A4 pages ($size)"
    print_dir=${TMPDIR:-/tmp}/falx-report-print
    mkdir -p "$print_dir"
    pdftoppm -png -r 60 "$work/report.pdf" "$print_dir/page"
    echo "print preview: $print_dir/page-*.png"
fi

echo "$charts charts, $rows worklist rows, page height ${height}px; screenshot: $shot"
exit $fail
