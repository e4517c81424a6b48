#!/bin/sh
# Import benchmark: plain-text articles into a fresh store with the full-text index built,
# MB/s of input, median of RUNS runs over COUNT generated articles (tools/gencorpus.py).
# Measured twice: with fact extraction (what `sitrep import` does) and without it
# (--no-extract: reading, parsing, storing and indexing only). Besides wall-clock MB/s (noisy
# on a shared machine) each mode reports the median CPU time (user+sys, all threads), the
# input MB per CPU-second, and the median peak RSS, from /usr/bin/time when present.
#   sh tests/bench/import.sh        (SITREP=build/sitrep, COUNT=10000, RUNS=3)
cd "$(dirname "$0")/../.." || exit 1
: "${BUILD:=build}" "${SITREP:=$PWD/$BUILD/sitrep}"
COUNT=${COUNT:-10000}
RUNS=${RUNS:-3}
[ -x "$SITREP" ] || { echo "import bench: build first (make)"; exit 1; }
TMPB=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-importbench.XXXXXX")
trap 'rm -rf "$TMPB"' EXIT
python3 tools/gencorpus.py --seed 1 "$COUNT" "$TMPB/corpus" || exit 1
BYTES=$(cat "$TMPB/corpus"/* | wc -c)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { python3 -c 'import time; print(time.monotonic())'; }

TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

# measure LABEL [IMPORT OPTIONS]: prints seconds and MB/s (medians) for one mode, and with
# /usr/bin/time the CPU seconds (user+sys) and peak RSS (medians).
measure() {
    label=$1
    shift
    : >"$TMPB/secs"
    : >"$TMPB/cpu"
    : >"$TMPB/rss"
    : >"$TMPB/writer"
    i=0
    while [ $i -lt "$RUNS" ]; do
        rm -f "$TMPB"/bench.db* "$TMPB/trace"
        sync
        t0=$(now)
        if [ -n "$TIME" ]; then
            SITREP_TRACE="$TMPB/trace" $TIME -o "$TMPB/time" -f '%U %S %M' \
                "$SITREP" --db "$TMPB/bench.db" import "$@" "$TMPB/corpus" >"$TMPB/out" 2>"$TMPB/err"
        else
            SITREP_TRACE="$TMPB/trace" "$SITREP" --db "$TMPB/bench.db" import "$@" "$TMPB/corpus" \
                >"$TMPB/out" 2>"$TMPB/err"
        fi
        t1=$(now)
        if [ -n "$TIME" ]; then
            tail -1 "$TMPB/time" | awk '{ printf "%.2f\n", $1 + $2 }' >>"$TMPB/cpu"
            tail -1 "$TMPB/time" | awk '{ print $3 }' >>"$TMPB/rss"
        fi
        grep -q "imported $COUNT," "$TMPB/out" || { echo "import bench: $(cat "$TMPB/out" "$TMPB/err" | head -3)"; return 1; }
        echo "$t1 $t0" | awk '{ printf "%.3f\n", $1 - $2 }' >>"$TMPB/secs"
        # the writing thread's spans (ingest.c): storing, grouping, describing at the end
        awk '/^import-/ { s[$1] += $2 } END { printf "%.2f %.2f %.2f\n", s["import-write"] / 1e3,
            s["import-group"] / 1e3, s["import-describe"] / 1e3 }' "$TMPB/trace" >>"$TMPB/writer"
        i=$((i + 1))
    done
    s=$(median <"$TMPB/secs")
    echo "$s $BYTES" | awk -v l="$label" -v n="$COUNT" \
        '{ printf "import: %s: %d articles, %.1f MB in %.2f s median: %.1f MB/s, %.0f articles/s\n", l, n, $2 / 1e6, $1, $2 / 1e6 / $1, n / $1 }'
    if [ -n "$TIME" ]; then
        c=$(median <"$TMPB/cpu")
        echo "$c $BYTES $(median <"$TMPB/rss")" | awk -v l="$label" \
            '{ printf "import: %s: CPU %.2f s (user+sys, median): %.1f MB per CPU-second; peak RSS %.0f MB\n", l, $1, $2 / 1e6 / $1, $3 / 1024 }'
    fi
    for col in 1 2 3; do cut -d' ' -f$col "$TMPB/writer" | median; done | paste -sd' ' - |
        awk -v l="$label" '{ printf "import: %s: writing thread (medians): storing %.2f s, grouping %.2f s, describing %.2f s\n", l, $1, $2, $3 }'
    echo "import: database $(du -h "$TMPB/bench.db" | cut -f1) after the last run"
}
echo "import: $RUNS runs each; corpus of $COUNT generated articles, $BYTES bytes"

# The store's own share: articles already in memory, written and indexed (storebench.c).
CC=${CC:-cc}
if [ -f "$BUILD/libsitrep.a" ] && $CC -std=c17 -O2 -D_GNU_SOURCE -Isrc $(pkg-config --cflags sqlite3) \
    -o "$TMPB/storebench" tests/bench/storebench.c "$BUILD/libsitrep.a" \
    $(pkg-config --libs sqlite3) -lunistring -lm; then
    : >"$TMPB/store"
    i=0
    while [ $i -lt "$RUNS" ]; do
        rm -f "$TMPB"/store.db*
        "$TMPB/storebench" "$TMPB/store.db" "$TMPB/corpus"/* |
            sed -n 's/^bytes=\([0-9]*\) seconds=\([0-9.]*\)$/\1 \2/p' |
            awk '{ printf "%.2f\n", $1 / 1e6 / $2 }' >>"$TMPB/store"
        i=$((i + 1))
    done
    echo "import: store only (in-memory articles, FTS5 built): median $(median <"$TMPB/store") MB/s"
fi
measure "without extraction (--no-extract)" --no-extract
measure "with extraction" 
