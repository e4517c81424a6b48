#!/bin/sh
# million.sh: sitrep at a million reports (issue 18). Generates N articles (default
# 1,000,000; tools/gencorpus.py in batches of 100,000 so no directory holds a million
# files), imports them with extraction, then measures what a person does next:
#   import        wall time, MB/s and peak RSS (GNU time)
#   list | head   time to the first 20 lines of `sitrep list`
#   search        `sitrep list` is not filtered, so a full-text search is timed through
#                 `sitrep events` with a word filter (the store's FTS5 index)
#   events        `sitrep events --json | tail -1` wall time and peak RSS
#   incremental   tests/bench/events.sh section 4 on the same collection: importing 1,000
#                 new reports (grouped as stored), the events view after it, the view
#                 catching them up itself, `sitrep events --json` (medians of RUNS)
#   reader        tests/bench/tui.sh on the same collection: first paint, timeline,
#                 picker, location filter, peak RSS (medians of RUNS launches)
# Never part of `make check`; skipped unless MILLION=1 is set, since it needs about
# 4 GB of disk and, on two cores, most of an hour:
#   MILLION=1 sh tests/bench/million.sh [N]      KEEP=dir keeps the collection there
cd "$(dirname "$0")/../.." || exit 1
: "${BUILD:=build}" "${SITREP:=$PWD/$BUILD/sitrep}"
N=${1:-1000000}
if [ "${MILLION:-0}" != 1 ]; then
    echo "million: skipped (set MILLION=1 to run; about 4 GB of disk and most of an hour)"
    exit 0
fi
[ -x /usr/bin/time ] || { echo "million: GNU time (/usr/bin/time) is needed"; exit 1; }
TMPB=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-million.XXXXXX")
trap 'rm -rf "$TMPB"' EXIT
DB=${KEEP:+$KEEP/million.db}
DB=${DB:-$TMPB/million.db}
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP"
now() { python3 -c 'import time; print(time.monotonic())'; }
secs() { echo "$2 $1" | awk '{ printf "%.2f", $1 - $2 }'; }

if [ ! -s "$DB" ]; then
    batch=100000
    done_n=0 bytes=0 import_s=0 peak=0
    seed=1
    while [ $done_n -lt "$N" ]; do
        take=$((N - done_n < batch ? N - done_n : batch))
        rm -rf "$TMPB/corpus"
        python3 tools/gencorpus.py --seed "$seed" "$take" "$TMPB/corpus" >/dev/null || exit 1
        b=$(find "$TMPB/corpus" -type f -exec cat {} + | wc -c)
        t0=$(now)
        /usr/bin/time -f %M -o "$TMPB/rss" "$SITREP" --db "$DB" import "$TMPB/corpus" \
            >"$TMPB/out" 2>&1 || { echo "million: import failed: $(tail -2 "$TMPB/out")"; exit 1; }
        t1=$(now)
        import_s=$(echo "$import_s $(secs "$t0" "$t1")" | awk '{ print $1 + $2 }')
        rss=$(cat "$TMPB/rss")
        [ "$rss" -gt "$peak" ] && peak=$rss
        bytes=$((bytes + b))
        done_n=$((done_n + take))
        seed=$((seed + 1))
        echo "million: imported $done_n ($(tail -1 "$TMPB/out"))"
    done
    rm -rf "$TMPB/corpus"
    echo "$import_s $bytes $peak" | awk -v n="$N" '{ printf "million: import: %d articles, %.0f MB in %.0f s: %.1f MB/s; peak RSS %.0f MB\n", n, $2 / 1e6, $1, $2 / 1e6 / $1, $3 / 1024 }'
fi
echo "million: database $(du -h "$DB" | cut -f1)"

t0=$(now)
"$SITREP" --db "$DB" list | head -20 >/dev/null
echo "million: list | head -20: $(secs "$t0" "$(now)") s"

t0=$(now)
/usr/bin/time -f %M -o "$TMPB/rss" "$SITREP" --db "$DB" events --json >"$TMPB/ev" 2>&1
t1=$(now)
echo "million: events --json: $(secs "$t0" "$t1") s, $(wc -l <"$TMPB/ev") events, peak RSS $(awk '{ printf "%.0f MB", $1 / 1024 }' "$TMPB/rss")"

t0=$(now)
"$SITREP" --db "$DB" events --json place:Mosul 'killed>=10' >/dev/null 2>&1
echo "million: events place:Mosul killed>=10: $(secs "$t0" "$(now)") s"

ONLY_STORED=1 COUNT="$N" EVENTS_DB="$DB" RUNS=${RUNS:-3} sh tests/bench/events.sh | sed 's/^events:/million: events:/'

TUI_DB="$DB" RUNS=${RUNS:-3} sh tests/bench/tui.sh "$N"
