#!/bin/sh
# Events benchmark: time to group generated articles into events (tools/gencorpus.py),
# at a quarter, a half and all of COUNT (default 100,000), to show the cost grows linearly
# (blocking by place and date; pairs scored per article stay flat), then the time of
# `sitrep compare` on two stored articles (the data the compare view opens with).
#   sh tests/bench/events.sh      (BUILD=build, COUNT=100000, SIZE_KB=1)
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
LIBS="$(pkg-config --libs sqlite3 libxml-2.0) -lunistring -lm -lpthread"
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
