#!/bin/sh
# tmux.t.sh: the reader in a real terminal (tmux, 100x30): first paint, the timeline that
# a terminal loads in the background, zoom, the location filter, help, quit.
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
    echo "ok # skip tmux not installed"
    exit 0
fi
DB="$TMP/tmux.db"
"$SITREP" --db "$DB" import "$TOP/assets/samples" >/dev/null 2>&1
SOCK="$TMP/tmux.sock"
tmux -S "$SOCK" new-session -d -x 100 -y 30 "TERM=xterm-256color '$SITREP' --db '$DB'; sleep 5"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# wait_for TEXT: polls the pane up to ~5 s
wait_for() {
    i=0
    while [ $i -lt 50 ]; do
        tmux -S "$SOCK" capture-pane -p >"$TMP/pane" 2>/dev/null
        grep -qF "$1" "$TMP/pane" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
if wait_for "Articles (5)"; then pass tmux-first-paint; else
    fail tmux-first-paint "$(head -c 300 "$TMP/pane")"; fi
# the timeline arrives from its thread after the first paint (hand-checked: seed 001's
# "hundreds" killed on 2024-05-01, counted as 200; week of Monday 2024-04-29)
if wait_for "2024-05-01   200k"; then pass tmux-timeline; else
    fail tmux-timeline "$(grep -A3 Timeline "$TMP/pane" | head -c 300)"; fi
tmux -S "$SOCK" send-keys z
if wait_for "Timeline (week)" && wait_for "2024-04-29   200k"; then pass tmux-zoom; else
    fail tmux-zoom "$(grep -A3 Timeline "$TMP/pane" | head -c 300)"; fi
tmux -S "$SOCK" send-keys l
wait_for "Places" >/dev/null
tmux -S "$SOCK" send-keys -l Baghdad
tmux -S "$SOCK" send-keys Enter
if wait_for "3 articles | place: Baghdad"; then pass tmux-location; else
    fail tmux-location "$(grep articles "$TMP/pane" | head -c 300)"; fi
tmux -S "$SOCK" send-keys L
wait_for "5 articles" >/dev/null
tmux -S "$SOCK" send-keys '?'
if wait_for "sitrep - keys"; then pass tmux-help; else fail tmux-help "no help screen"; fi
# any key closes help, q quits: the screen is restored, the list gone
tmux -S "$SOCK" send-keys x q
i=0
while [ $i -lt 50 ]; do
    tmux -S "$SOCK" capture-pane -p >"$TMP/pane" 2>/dev/null
    grep -qF "Articles (5)" "$TMP/pane" || break
    sleep 0.1
    i=$((i + 1))
done
if grep -qF "Articles (5)" "$TMP/pane"; then fail tmux-quit "still running"; else
    pass tmux-quit; fi
