#!/bin/sh
# extract.sh: fact extraction throughput (MB/s of article text, one core) on a synthetic
# corpus of 10,000+ articles, beside `grep -c -F -w -f NAMES` over the same files with the
# gazetteer's names: the cost of merely finding the names. Reports the median of 3 runs
# and the ratio (target: extraction within 4x of grep).
# usage: SITREP=path/to/sitrep sh tests/bench/extract.sh [N_ARTICLES]
set -e
: "${SITREP:?SITREP must name the sitrep binary}"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-10000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export SITREP_DATA_DIR="$TOP/assets"

if [ -f "$TOP/tools/gencorpus.py" ]; then
    python3 "$TOP/tools/gencorpus.py" "$N" "$TMP/corpus" >/dev/null
else
    # Without the generator: the test articles, copied with their numbers varied.
    mkdir -p "$TMP/corpus"
    i=0
    while [ "$i" -lt "$N" ]; do
        for f in "$TOP"/tests/extract/*.txt "$TOP"/assets/samples/*.txt; do
            sed "s/[0-9][0-9]*/$((i % 97 + 2))/g" "$f" >"$TMP/corpus/$i.txt"
            i=$((i + 1))
        done
    done
fi
find "$TMP/corpus" -type f -name '*.txt' | sort >"$TMP/files"
bytes=$(xargs cat <"$TMP/files" | wc -c)
files=$(wc -l <"$TMP/files")

# Every name and alternate name the gazetteer matches on.
grep -v '^#' "$TOP/assets/gazetteer.tsv" | cut -f3,11 | tr '\t,' '\n\n' | grep . | sort -u \
    >"$TMP/names"

now() { date +%s.%N; }
median() { sort -n | sed -n 2p; }
time_runs() {
    for r in 1 2 3; do
        t0=$(now)
        "$@" >/dev/null 2>&1 || true
        t1=$(now)
        echo "$t1 - $t0" | bc -l
    done | median
}
run_extract() { xargs "$SITREP" extract --json <"$TMP/files"; }
run_grep() { xargs grep -c -F -w -f "$TMP/names" <"$TMP/files"; }

t_x=$(time_runs run_extract)
t_g=$(time_runs run_grep)
mb=$(echo "$bytes / 1048576" | bc -l)
printf 'corpus: %d files, %.1f MB; %d gazetteer names\n' "$files" "$mb" "$(wc -l <"$TMP/names")"
printf 'extract: %.2f s, %.2f MB/s (median of 3)\n' "$t_x" "$(echo "$mb / $t_x" | bc -l)"
printf 'grep -F -w -f NAMES: %.2f s, %.2f MB/s (median of 3)\n' "$t_g" "$(echo "$mb / $t_g" | bc -l)"
printf 'ratio extract/grep: %.2fx (target <= 4x)\n' "$(echo "$t_x / $t_g" | bc -l)"
