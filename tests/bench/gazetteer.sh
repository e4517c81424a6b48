#!/bin/sh
# Gazetteer benchmark: the start-up cost (open + first lookup + close of the mapped index,
# each in a fresh process) and the lookup rate (fold + exact, then loose, key lookup) over
# 200,000 names: half the gazetteer's own names, half words from an article-like mix that
# mostly miss. Prints the median of RUNS runs.
#   sh tests/bench/gazetteer.sh            (BUILD=build, RUNS=7)
set -e
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
RUNS=${RUNS:-7}
IDX=${IDX:-assets/gazetteer.idx}
CC=${CC:-cc}
[ -f "$IDX" ] && [ -f "$BUILD/libsitrep.a" ] || { echo "gazetteer bench: build first (make)"; exit 1; }
TMPB=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-gazbench.XXXXXX")
trap 'rm -rf "$TMPB"' EXIT
$CC -std=c17 -O2 -D_GNU_SOURCE -Isrc -o "$TMPB/gazbench" tests/bench/gazbench.c \
    "$BUILD/libsitrep.a" -lunistring -lm
# Names: every 5th canonical name of the TSV (about 50,000), and capitalised words of the
# sample articles repeated, which are what an extractor mostly looks up and mostly miss.
awk -F'\t' '!/^#/ && NR % 5 == 0 { print $3 }' assets/gazetteer.tsv > "$TMPB/names"
cat assets/samples/* 2>/dev/null | tr -cs 'A-Za-z' '\n' | grep '^[A-Z]' > "$TMPB/words" || true
while [ "$(wc -l < "$TMPB/names")" -lt 200000 ] && [ -s "$TMPB/words" ]; do
    cat "$TMPB/words" >> "$TMPB/names"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
i=0
: > "$TMPB/open"; : > "$TMPB/rate"
while [ $i -lt "$RUNS" ]; do
    "$TMPB/gazbench" "$IDX" "$TMPB/names" > "$TMPB/out" 2> "$TMPB/err"
    sed -n 's/^open_ms=//p' "$TMPB/out" >> "$TMPB/open"
    sed -n 's/^lookups_per_s=//p' "$TMPB/out" >> "$TMPB/rate"
    i=$((i + 1))
done
echo "gazetteer: $(cat "$TMPB/err")"
echo "gazetteer: index $(du -h "$IDX" | cut -f1), $(wc -l < "$TMPB/names") names looked up, $RUNS runs"
echo "gazetteer: open+first lookup+close median $(median < "$TMPB/open") ms"
echo "gazetteer: lookups median $(median < "$TMPB/rate") per second"
