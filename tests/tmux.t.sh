#!/bin/sh
# tmux.t.sh: the reader in a real terminal (tmux, 100x30): first paint, a key, quit.
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
