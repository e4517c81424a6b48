#!/bin/sh
# extract.sh: fact extraction throughput (MB/s of article text, one core) on a synthetic
# corpus of 10,000+ articles, beside `grep -c -F -w -f NAMES` over the same files with the
# gazetteer's names: the cost of merely finding the names. Reports the median of RUNS runs
# (default 3) and the ratio (target: extraction within 4x of grep). Besides the wall-clock
# figure, the CPU time (user + system) of the same runs: on a shared machine the clock
# also counts the time other work held the core.
# usage: [RUNS=5] SITREP=path/to/sitrep sh tests/bench/extract.sh [N_ARTICLES]
set -e
: "${SITREP:?SITREP must name the sitrep binary}"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-10000}
RUNS=${RUNS:-3}
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
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# time_runs NAME CMD...: the median wall-clock seconds of RUNS runs; the median CPU seconds
# go to $TMP/NAME.cpu (when /usr/bin/time is there to count them).
time_runs() {
    name=$1
    shift
    : >"$TMP/$name.cpu"
    r=0
    while [ "$r" -lt "$RUNS" ]; do
        t0=$(now)
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f '%U %S' -o "$TMP/cpu" "$@" >/dev/null 2>&1 || true
            awk '{ print $1 + $2 }' "$TMP/cpu" >>"$TMP/$name.cpu"
        else
            "$@" >/dev/null 2>&1 || true
        fi
        t1=$(now)
        echo "$t1 - $t0" | bc -l
        r=$((r + 1))
    done | median
}
cpu_of() { [ -s "$TMP/$1.cpu" ] && median <"$TMP/$1.cpu"; }
t_x=$(time_runs extract sh -c "xargs '$SITREP' extract --json <'$TMP/files'")
# one extracting thread: the per-core figure without the threads' sharing of the machine
t_x1=$(time_runs extract1 sh -c "SITREP_JOBS=1 xargs '$SITREP' extract --json <'$TMP/files'")
t_g=$(time_runs grep sh -c "xargs grep -c -F -w -f '$TMP/names' <'$TMP/files'")
mb=$(echo "$bytes / 1048576" | bc -l)
printf 'corpus: %d files, %.1f MB; %d gazetteer names\n' "$files" "$mb" "$(wc -l <"$TMP/names")"
printf 'extract: %.2f s, %.2f MB/s (median of %d)\n' "$t_x" "$(echo "$mb / $t_x" | bc -l)" "$RUNS"
c_x=$(cpu_of extract) && printf 'extract CPU: %.2f s, %.2f MB/s per core (median of %d)\n' \
    "$c_x" "$(echo "$mb / $c_x" | bc -l)" "$RUNS"
c_x1=$(cpu_of extract1) && printf 'extract, one job (SITREP_JOBS=1): %.2f s, CPU %.2f s: %.2f MB/s per core\n' \
    "$t_x1" "$c_x1" "$(echo "$mb / $c_x1" | bc -l)"
printf 'grep -F -w -f NAMES: %.2f s, %.2f MB/s (median of %d)\n' "$t_g" "$(echo "$mb / $t_g" | bc -l)" "$RUNS"
c_g=$(cpu_of grep) && printf 'grep CPU: %.2f s, %.2f MB/s per core (median of %d)\n' \
    "$c_g" "$(echo "$mb / $c_g" | bc -l)" "$RUNS"
printf 'ratio extract/grep: %.2fx (target <= 4x)\n' "$(echo "$t_x / $t_g" | bc -l)"
