#!/bin/sh
# Events benchmark: time to group generated articles into events (tools/gencorpus.py),
# at a quarter, a half and all of COUNT (default 100,000), to show the cost grows linearly
# (blocking by place and date; pairs scored per article stay flat), then the time of
# `sitrep compare` on two stored articles (the data the compare view opens with), then
# incremental grouping on a stored collection of COUNT (section 4, targets of issue 13
# item 7: the events view after importing 1,000 new articles under 200 ms; `sitrep
# events` on 100,000 articles under 3 s and 200 MB).
#   sh tests/bench/events.sh      (BUILD=build, COUNT=100000, SIZE_KB=1, RUNS=3;
#                                  EVENTS_DB=path keeps or reuses section 4's collection;
#                                  ONLY_STORED=1 runs section 4 alone)
set -e
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
: "${SITREP:=$PWD/$BUILD/sitrep}"
COUNT=${COUNT:-100000}
SIZE_KB=${SIZE_KB:-1}
CC=${CC:-cc}
export SITREP_DATA_DIR="${SITREP_DATA_DIR:-$PWD/assets}"
[ -f "$BUILD/libsitrep.a" ] || { echo "events bench: build first (make)"; exit 1; }
TMPB=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-evbench.XXXXXX")
trap 'rm -rf "$TMPB"' EXIT
LIBS="$(pkg-config --libs sqlite3 libxml-2.0 libcurl) -lunistring -lm -lpthread"
RUNS=${RUNS:-3}
[ "${ONLY_STORED:-0}" = 1 ] && SKIP_MEMORY=1
if [ "${SKIP_MEMORY:-0}" != 1 ]; then
# 1. Grouping alone on synthetic articles (no extractor): a quarter, a half, all of COUNT.
# shellcheck disable=SC2086
$CC -std=c17 -O2 -D_GNU_SOURCE -Isrc -o "$TMPB/evsynth" tests/bench/evsynth.c \
    "$BUILD/libsitrep.a" $LIBS
"$TMPB/evsynth" $((COUNT / 4)) $((COUNT / 2)) "$COUNT"
# 2. The generated corpus (tools/gencorpus.py) read and extracted, then grouped.
# shellcheck disable=SC2086
if $CC -std=c17 -O2 -D_GNU_SOURCE -Isrc -o "$TMPB/evbench" tests/bench/evbench.c \
    "$BUILD/libsitrep.a" $LIBS 2>"$TMPB/cc.err"; then
    python3 tools/gencorpus.py --seed 7 --size-kb "$SIZE_KB" "$COUNT" "$TMPB/corpus"
    find "$TMPB/corpus" -name '*.txt' | sort >"$TMPB/list"
    "$TMPB/evbench" "$COUNT" "$TMPB/list"
else
    echo "events: generated corpus skipped (the extractor does not link yet)"
fi

# 3. Opening the compare view on the samples 000 and 004 (load, compare, wrap, first draw).
if [ -x "$SITREP" ] && "$SITREP" --db "$TMPB/c.db" import assets/samples >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    $CC -std=c17 -O2 -D_GNU_SOURCE -Isrc -Iui -o "$TMPB/cmpview" tests/bench/cmpview.c \
        "$BUILD/libsitrep-ui.a" "$BUILD/libsitrep.a" $(pkg-config --libs ncursesw) $LIBS
    A=$(sqlite3 "$TMPB/c.db" "SELECT id FROM articles WHERE origin LIKE '%000_%'" 2>/dev/null || echo 1)
    B=$(sqlite3 "$TMPB/c.db" "SELECT id FROM articles WHERE origin LIKE '%004_%'" 2>/dev/null || echo 5)
    "$TMPB/cmpview" "$TMPB/c.db" "${A:-1}" "${B:-5}" 100
    now() { python3 -c 'import time; print(time.monotonic())'; }
    t0=$(now)
    i=0
    while [ $i -lt 20 ]; do
        "$SITREP" --db "$TMPB/c.db" compare "${A:-1}" "${B:-5}" >/dev/null 2>&1 || true
        i=$((i + 1))
    done
    t1=$(now)
    echo "$t1 $t0" | awk '{ printf "compare: %.1f ms per `sitrep compare` command (process start included)\n", ($1 - $2) * 1000 / 20 }'
else
    echo "compare: skipped (samples could not be imported)"
fi
fi

# 4. Incremental grouping on a stored collection: COUNT generated articles imported with
# extraction (the import groups them as it stores them), then 1,000 new ones (another
# seed) imported into a copy, RUNS times:
#   import 1,000      wall time of the import, their grouping included
#   events view       tests/bench/evview.c: the view opened on the stored events and its
#                     first screen drawn, right after that import
#   view, catch-up    the same with those 1,000 in no event (as after an import that could
#                     not group them): E assigns them in the foreground, then opens
#   sitrep events     `sitrep events >/dev/null` and `sitrep events --json >/dev/null` on
#                     the COUNT collection: wall time, user+sys and peak RSS (GNU time)
# Figures are medians over RUNS. Wall times on a loaded machine: user+sys are given too.
[ -x /usr/bin/time ] || { echo "events: section 4 needs GNU time (/usr/bin/time)"; exit 0; }
DB=${EVENTS_DB:-$TMPB/stored.db}
if [ ! -s "$DB" ]; then
    python3 tools/gencorpus.py --seed 1 --size-kb "$SIZE_KB" "$COUNT" "$TMPB/corpus4" >/dev/null
    /usr/bin/time -f "%e %U %S %M" -o "$TMPB/imp.time" "$SITREP" --db "$DB" import \
        "$TMPB/corpus4" >"$TMPB/imp.out" 2>&1 || { echo "events: import failed"; exit 1; }
    rm -rf "$TMPB/corpus4"
    awk -v n="$COUNT" '{ printf "events: import of %d with grouping: %.0f s wall (%.0f s user+sys), peak RSS %.0f MB\n", n, $1, $2 + $3, $4 / 1024 }' "$TMPB/imp.time"
fi
python3 tools/gencorpus.py --seed 99 --size-kb "$SIZE_KB" 1000 "$TMPB/new1000" >/dev/null
# shellcheck disable=SC2086
$CC -std=c17 -O2 -D_GNU_SOURCE -Isrc -Iui -o "$TMPB/evview" tests/bench/evview.c \
    "$BUILD/libsitrep-ui.a" "$BUILD/libsitrep.a" $(pkg-config --libs ncursesw) $LIBS
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { python3 -c 'import time; print(time.monotonic())'; }
# forget_new DB: the 1,000 newest reports back in no event (their events rows dropped).
forget_new() {
    python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
db.execute("DELETE FROM event_articles WHERE article_id > (SELECT max(id) - 1000 FROM articles)")
db.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_articles)")
db.commit()
' "$1"
}
: >"$TMPB/imp1k"; : >"$TMPB/view"; : >"$TMPB/catch"
i=0
while [ $i -lt "$RUNS" ]; do
    cp "$DB" "$TMPB/run.db"
    /usr/bin/time -f "%e %U %S" -o "$TMPB/t" "$SITREP" --db "$TMPB/run.db" import "$TMPB/new1000" >/dev/null 2>&1
    cat "$TMPB/t" >>"$TMPB/imp1k"
    "$TMPB/evview" "$TMPB/run.db" 5 | sed -n 's/.*first opening \([0-9.]*\) ms (cpu \([0-9.]*\) ms).*/\1 \2/p' >>"$TMPB/view"
    forget_new "$TMPB/run.db"
    "$TMPB/evview" "$TMPB/run.db" 1 | sed -n 's/.*first opening \([0-9.]*\) ms (cpu \([0-9.]*\) ms).*/\1 \2/p' >>"$TMPB/catch"
    i=$((i + 1))
done
rm -f "$TMPB/run.db"
echo "events: import of 1,000 new into $COUNT: $(cut -d' ' -f1 "$TMPB/imp1k" | median) s wall, $(awk '{ print $2 + $3 }' "$TMPB/imp1k" | median) s user+sys (median of $RUNS)"
echo "events: events view after it: $(cut -d' ' -f1 "$TMPB/view" | median) ms wall, $(cut -d' ' -f2 "$TMPB/view" | median) ms cpu (first opening, median of $RUNS; target 200 ms)"
echo "events: events view catching up those 1,000 itself: $(cut -d' ' -f1 "$TMPB/catch" | median) ms wall, $(cut -d' ' -f2 "$TMPB/catch" | median) ms cpu (median of $RUNS)"
: >"$TMPB/ev"; : >"$TMPB/evj"
i=0
while [ $i -lt "$RUNS" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$TMPB/t" "$SITREP" --db "$DB" events >/dev/null 2>&1
    cat "$TMPB/t" >>"$TMPB/ev"
    /usr/bin/time -f "%e %U %S %M" -o "$TMPB/t" "$SITREP" --db "$DB" events --json >/dev/null 2>&1
    cat "$TMPB/t" >>"$TMPB/evj"
    i=$((i + 1))
done
# report NAME FILE: the medians of one command's GNU time lines
report() {
    echo "events: $1 on $COUNT: $(cut -d' ' -f1 "$2" | median) s wall, $(awk '{ print $2 + $3 }' "$2" | median) s user+sys, peak RSS $(awk '{ print $4 }' "$2" | median | awk '{ printf "%.0f", $1 / 1024 }') MB (median of $RUNS; targets 3 s, 200 MB)"
}
report "sitrep events" "$TMPB/ev"
report "sitrep events --json" "$TMPB/evj"
