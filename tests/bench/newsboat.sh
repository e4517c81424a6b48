#!/bin/sh
# newsboat.sh: sitrep beside newsboat on the same items (issue 18): N generated articles
# (default 20,000) written as RSS files (tools/genfeeds.py, 3,000 items a file), then for
# each reader, in the same run:
#   import   sitrep import FILES (facts extracted, and --no-extract) against
#            newsboat -x reload of the same files as file:// URLs: wall time, peak RSS
#   launch   the reader started in tmux (120x40) until its list is on screen, found by
#            polling the pane every 20 ms (the same clock for both), medians of RUNS
#   memory   the reader's peak RSS over that launch and quit (GNU time)
# and the ratios newsboat / sitrep. Skipped with a message when newsboat is not installed
# (it is never a build dependency: apt-get install newsboat for this benchmark).
#   sh tests/bench/newsboat.sh [N]
cd "$(dirname "$0")/../.." || exit 1
: "${BUILD:=build}" "${SITREP:=$PWD/$BUILD/sitrep}"
N=${1:-20000}
RUNS=${RUNS:-3}
command -v newsboat >/dev/null || { echo "newsboat bench: skipped, newsboat is not installed"; exit 0; }
command -v tmux >/dev/null || { echo "newsboat bench: tmux is needed (make deps)"; exit 1; }
[ -x /usr/bin/time ] || { echo "newsboat bench: GNU time (/usr/bin/time) is needed"; exit 1; }
TMPB=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-newsboat.XXXXXX")
SOCK="$TMPB/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$TMPB"' EXIT
python3 tools/genfeeds.py "$N" "$TMPB/feeds" || exit 1
for f in "$TMPB"/feeds/*.xml; do echo "file://$f"; done >"$TMPB/urls"
printf 'show-read-feeds yes\nreload-threads 2\n' >"$TMPB/nbconf"
MB=$(cat "$TMPB"/feeds/*.xml | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# timed LABEL COMMAND...: one run's "seconds peak_kB" into $TMPB/LABEL.t
timed() {
    label=$1
    shift
    /usr/bin/time -f "%e %M" -o "$TMPB/$label.t" "$@" >/dev/null 2>&1 ||
        echo "newsboat bench: $label failed"
}

timed sitrep-import "$SITREP" --db "$TMPB/s.db" import "$TMPB/feeds"
timed sitrep-noextract "$SITREP" --db "$TMPB/s2.db" import --no-extract "$TMPB/feeds"
timed newsboat-reload newsboat -u "$TMPB/urls" -c "$TMPB/nb.db" -C "$TMPB/nbconf" -x reload
S_ITEMS=$("$SITREP" --db "$TMPB/s.db" list | wc -l)
NB_ITEMS=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from rss_item').fetchone()[0])" "$TMPB/nb.db")

# launch LABEL PATTERN COMMAND: launch-to-list ms and peak RSS, RUNS times
launch() {
    label=$1 pattern=$2 cmd=$3
    : >"$TMPB/$label.ms"
    : >"$TMPB/$label.rss"
    r=0
    while [ $r -lt "$RUNS" ]; do
        rm -f "$TMPB/rss.one"
        t0=$(date +%s%3N)
        tmux -S "$SOCK" new-session -d -x 120 -y 40 \
            "exec /usr/bin/time -f %M -o '$TMPB/rss.one' $cmd"
        i=0
        until tmux -S "$SOCK" capture-pane -p 2>/dev/null | grep -q "$pattern"; do
            i=$((i + 1))
            [ $i -gt 3000 ] && { echo "newsboat bench: $label never showed its list"; break; }
            sleep 0.02
        done
        echo $(($(date +%s%3N) - t0)) >>"$TMPB/$label.ms"
        sleep 0.5
        tmux -S "$SOCK" send-keys q
        sleep 0.3
        tmux -S "$SOCK" send-keys q 2>/dev/null
        i=0
        while [ ! -s "$TMPB/rss.one" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
        cat "$TMPB/rss.one" >>"$TMPB/$label.rss" 2>/dev/null
        tmux -S "$SOCK" kill-server 2>/dev/null
        r=$((r + 1))
    done
}
launch sitrep "Articles (" "'$SITREP' --db '$TMPB/s.db'"
launch newsboat "Generated feed" "newsboat -u '$TMPB/urls' -c '$TMPB/nb.db' -C '$TMPB/nbconf'"

read -r s_sec s_kb <"$TMPB/sitrep-import.t"
read -r x_sec x_kb <"$TMPB/sitrep-noextract.t"
read -r n_sec n_kb <"$TMPB/newsboat-reload.t"
s_ms=$(median <"$TMPB/sitrep.ms")
n_ms=$(median <"$TMPB/newsboat.ms")
s_rss=$(median <"$TMPB/sitrep.rss")
n_rss=$(median <"$TMPB/newsboat.rss")
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.1fx", $1 / $2; else print "-" }'; }
echo "newsboat bench: $N items in $(ls "$TMPB"/feeds | wc -l) RSS files ($MB MB); sitrep stored $S_ITEMS, newsboat $NB_ITEMS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "import: sitrep $s_sec s ($((s_kb / 1024)) MB) with facts, $x_sec s ($((x_kb / 1024)) MB) without; newsboat -x reload $n_sec s ($((n_kb / 1024)) MB); newsboat/sitrep: $(ratio "$n_sec" "$s_sec") with facts, $(ratio "$n_sec" "$x_sec") without"
echo "launch to list (median of $RUNS): sitrep $s_ms ms, newsboat $n_ms ms: $(ratio "$n_ms" "$s_ms")"
echo "reader peak RSS (median): sitrep $((s_rss / 1024)) MB, newsboat $((n_rss / 1024)) MB: $(ratio "$n_rss" "$s_rss")"
