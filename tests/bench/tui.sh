#!/bin/sh
# tui.sh: the reader on a large collection, in a real terminal (tmux), as a person uses it.
# Measured over RUNS launches (medians, with min and max):
#   first paint   launch to the list, article and facts on screen (the reader logs the
#                 moment through SITREP_TRACE; launch is taken inside the pane just before
#                 exec, so tmux's own start is not counted)
#   timeline      the scan of the figures that fills the timeline just after
#   picker        l to the location picker drawn: right after the first paint (its
#                 places then show uncounted while they are counted in the background),
#                 and again once counted
#   filter        Enter in the location picker to the filtered screen drawn (the first
#                 rows of the list; the rest are counted after it: "count done")
#   peak RSS      of the whole session (GNU time)
# Targets (issue 4): first paint under 150 ms, filter under 100 ms, under 64 MB.
#   sh tests/bench/tui.sh [N]      N generated articles (default 100000), imported once;
#   TUI_DB=path keeps (or reuses) the database between runs of this script.
# Each launch has a state directory of its own (XDG_STATE_HOME), so that it opens as a
# first run does and not on the filter the launch before left.
cd "$(dirname "$0")/../.." || exit 1
: "${BUILD:=build}" "${SITREP:=$PWD/$BUILD/sitrep}"
N=${1:-100000}
RUNS=${RUNS:-5}
PLACE=${PLACE:-Mosul}
command -v tmux >/dev/null || { echo "tui bench: tmux is needed (make deps)"; exit 1; }
[ -x /usr/bin/time ] || { echo "tui bench: GNU time (/usr/bin/time) is needed"; exit 1; }
[ -x "$SITREP" ] || { echo "tui bench: build first (make)"; exit 1; }
TMPB=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-tui.XXXXXX")
SOCK="$TMPB/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$TMPB"' EXIT
DB=${TUI_DB:-$TMPB/b.db}
if [ ! -s "$DB" ]; then
    python3 tools/gencorpus.py --seed 1 "$N" "$TMPB/corpus" >/dev/null || exit 1
    "$SITREP" --db "$DB" import "$TMPB/corpus" >"$TMPB/import.out" 2>&1 ||
        { echo "tui bench: import failed: $(tail -2 "$TMPB/import.out")"; exit 1; }
    rm -rf "$TMPB/corpus"
fi
ARTICLES=$("$SITREP" --db "$DB" list 2>/dev/null | wc -l)

now_ms() { date +%s%3N; }
# wait_for PATTERN FILE: up to 60 s for a line matching PATTERN.
wait_for() {
    i=0
    until grep -q "$1" "$2" 2>/dev/null; do
        i=$((i + 1))
        [ $i -gt 600 ] && return 1
        sleep 0.1
    done
}
value() { awk -v k="$1" '$1 == k { print $2; exit }' "$2"; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f ms (min %.0f, max %.0f)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

: >"$TMPB/first" && : >"$TMPB/timeline" && : >"$TMPB/picker" && : >"$TMPB/filter" && : >"$TMPB/rss"
: >"$TMPB/picker0" && : >"$TMPB/places" && : >"$TMPB/counted"
r=0
while [ $r -lt "$RUNS" ]; do
    rm -f "$TMPB/trace" "$TMPB/t0" "$TMPB/rss.one"
    tmux -S "$SOCK" new-session -d -x 120 -y 40 \
        "date +%s%3N >'$TMPB/t0'; XDG_STATE_HOME='$TMPB/state-$r' SITREP_TRACE='$TMPB/trace' exec /usr/bin/time -f %M \
         -o '$TMPB/rss.one' '$SITREP' --db '$DB'"
    wait_for first-paint "$TMPB/trace" || { echo "tui bench: no first paint"; exit 1; }
    tmux -S "$SOCK" send-keys l && wait_for key-l "$TMPB/trace" && tmux -S "$SOCK" send-keys Escape
    wait_for timeline-load "$TMPB/trace" && wait_for places-load "$TMPB/trace" ||
        { echo "tui bench: no timeline or places"; exit 1; }
    sleep 0.3
    tmux -S "$SOCK" send-keys l && sleep 0.3
    tmux -S "$SOCK" send-keys -l "$PLACE" && sleep 0.5
    tmux -S "$SOCK" send-keys Enter
    wait_for '^filter' "$TMPB/trace" || { echo "tui bench: the filter never drew"; exit 1; }
    sleep 0.2
    tmux -S "$SOCK" capture-pane -p | grep -q ', counting' && wait_for '^list-count' "$TMPB/trace" &&
        sleep 0.2
    [ $r -eq 0 ] && tmux -S "$SOCK" capture-pane -p >"$TMPB/screen"
    tmux -S "$SOCK" send-keys Q
    wait_for . "$TMPB/rss.one"
    echo "$(value first-paint "$TMPB/trace") $(cat "$TMPB/t0")" | awk '{ print $1 - $2 }' >>"$TMPB/first"
    value timeline-load "$TMPB/trace" >>"$TMPB/timeline"
    value key-l "$TMPB/trace" >>"$TMPB/picker0"
    awk '$1 == "key-l" { n++; if (n == 2) { print $2; exit } }' "$TMPB/trace" >>"$TMPB/picker"
    value places-load "$TMPB/trace" >>"$TMPB/places"
    value filter "$TMPB/trace" >>"$TMPB/filter"
    # the whole filtered list: at once when it is small, else counted after the first rows
    awk '$1 == "list-count" { c = $2 } $1 == "filter" { f = $2 } END { print (c > 0 ? f + c : f) }' \
        "$TMPB/trace" >>"$TMPB/counted"
    cat "$TMPB/rss.one" >>"$TMPB/rss"
    r=$((r + 1))
done
echo "tui: $ARTICLES articles, $RUNS launches in tmux at 120x40 (medians)"
echo "tui: first paint: $(median <"$TMPB/first")"
echo "tui: timeline after it: $(median <"$TMPB/timeline")"
echo "tui: location picker open at launch (uncounted): $(median <"$TMPB/picker0")"
echo "tui: places counted after it: $(median <"$TMPB/places")"
echo "tui: location picker open (counted): $(median <"$TMPB/picker")"
echo "tui: location filter ($PLACE), first rows drawn: $(median <"$TMPB/filter")"
echo "tui: location filter, whole list counted: $(median <"$TMPB/counted")"
echo "tui: peak RSS: $(sort -n "$TMPB/rss" | awk '{ v[NR] = $1 } END { printf "%.1f MB (max %.1f)", v[int((NR + 1) / 2)] / 1024, v[NR] / 1024 }')"
echo "tui: status line after the filter: $(grep -m1 'articles' "$TMPB/screen" | sed 's/  */ /g')"
