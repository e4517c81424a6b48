#!/bin/sh
# tui.sh: the reader on a large collection: time to the first full paint of the list,
# time to apply a location filter, peak RSS. Targets: 150 ms, 100 ms, 64 MB.
# usage: tests/bench/tui.sh [N]   (default 100000 generated articles; SITREP names the binary)
N=${1:-100000}
SITREP=${SITREP:-./sitrep}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-tui.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
python3 "$(dirname "$0")/../../tools/gencorpus.py" "$N" "$TMP/corpus" >/dev/null
"$SITREP" --db "$TMP/b.db" import "$TMP/corpus" >/dev/null 2>&1
now_ms() { date +%s%3N; }
printf ':dump\n' >"$TMP/first"
printf 'l\ntype Mosul\n<Enter>\n:dump\n' >"$TMP/place"
printf 'l\ntype Mosul\n<Esc>\n:dump\n' >"$TMP/picker"
run() {
    /usr/bin/time -f '%M' -o "$TMP/rss" "$SITREP" --db "$TMP/b.db" --script "$1" \
        --dump "$TMP/dump" --size 100x30
}
t0=$(now_ms); run "$TMP/first"; t1=$(now_ms)
echo "first paint ($N articles): $((t1 - t0)) ms, peak RSS $(($(cat "$TMP/rss") / 1024)) MB"
run "$TMP/picker"; t2=$(now_ms); run "$TMP/place"; t3=$(now_ms)
echo "location filter: $(((t3 - t2) - (t2 - t1))) ms beyond opening the picker"
echo "filtered: $(head -1 "$TMP/dump")"
