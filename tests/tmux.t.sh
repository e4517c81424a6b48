#!/bin/sh
# tmux.t.sh: the reader in a real terminal (tmux, 100x30): first paint, the timeline that
# a terminal loads in the background, zoom, the location filter, the mouse, following an
# import run beside it, help, quit.
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
# headline, 14 killed, on 2024-05-01; week of Monday 2024-04-29)
if wait_for "2024-05-01     14       0"; then pass tmux-timeline; else
    fail tmux-timeline "$(grep -A3 Timeline "$TMP/pane" | head -c 300)"; fi
tmux -S "$SOCK" send-keys z
if wait_for "Timeline (week)" && wait_for "2024-04-29     14       0"; then pass tmux-zoom; else
    fail tmux-zoom "$(grep -A3 Timeline "$TMP/pane" | head -c 300)"; fi
tmux -S "$SOCK" send-keys l
wait_for "Places" >/dev/null
tmux -S "$SOCK" send-keys -l Baghdad
tmux -S "$SOCK" send-keys Enter
if wait_for "1 article | place: Baghdad, events there"; then pass tmux-location; else
    fail tmux-location "$(grep articles "$TMP/pane" | head -c 300)"; fi
tmux -S "$SOCK" send-keys L
wait_for "5 articles" >/dev/null

# the mouse, as xterm reports it (SGR: button;column;row, 1-based): a click on the list's
# third article (row 5: the header, the column headings, then the articles) selects it, the wheel moves three rows a notch: up from the third stops at
# the first, down from there reaches the fourth (hand-checked list order: 002, 001, 000,
# 003, 004)
article_title() { # the line under the article pane's header
    tmux -S "$SOCK" capture-pane -p | awk 'prev { print; exit } /^ Article / { prev = 1 }'
}
mouse() { tmux -S "$SOCK" send-keys -l "$(printf '\033[<%s;11;5M\033[<%s;11;5m' "$1" "$1")"; }
wait_title() { # wait_title TEXT: polls the article's title up to ~5 s
    i=0
    while [ $i -lt 50 ]; do
        case "$(article_title)" in " $1"*) return 0 ;; esac
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
mouse 0
if wait_title "The Iraqi army and allied"; then pass tmux-mouse-click; else
    fail tmux-mouse-click "$(article_title)"; fi
mouse 64
if wait_title "UPDATED: Coalition airstrikes"; then pass tmux-mouse-wheel-up; else
    fail tmux-mouse-wheel-up "$(article_title)"; fi
mouse 65
if wait_title "Dozens of Daesh terrorists"; then pass tmux-mouse-wheel-down; else
    fail tmux-mouse-wheel-down "$(article_title)"; fi
# a terminal type this system does not know: a line saying so and what to do, not
# ncurses' bare "Error opening terminal"
tmux -S "$SOCK" new-window -d -n badterm \
    "TERM=sitrep-no-such-term '$SITREP' --db '$DB' 2>'$TMP/badterm.err'; echo \$? >'$TMP/badterm.rc'"
i=0
while [ $i -lt 50 ] && [ ! -s "$TMP/badterm.rc" ]; do
    sleep 0.1
    i=$((i + 1))
done
check_eq tmux-unknown-term-status "$(cat "$TMP/badterm.rc" 2>/dev/null)" 1
check_contains tmux-unknown-term-message "$(cat "$TMP/badterm.err" 2>/dev/null)" \
    "sitrep: cannot draw on terminal type sitrep-no-such-term: set TERM"

# an import in another process while the reader is open: the reader follows it, the
# selected article staying selected (the wheel left 003 there)
printf 'Shelling hits Kharkiv market\n\nDate: 2024-06-01\n\nShelling killed 4 people in Kharkiv on Saturday, the governor said.\n' \
    >"$TMP/later.txt"
"$SITREP" --db "$DB" import "$TMP/later.txt" >/dev/null 2>&1
if wait_for "Articles (6)" && wait_for "the collection changed: 6 articles shown"; then
    pass tmux-follows-import; else fail tmux-follows-import "$(head -3 "$TMP/pane")"; fi
if wait_title "Dozens of Daesh terrorists"; then pass tmux-follow-keeps-selection; else
    fail tmux-follow-keeps-selection "$(article_title)"; fi
if wait_for "Shelling hits Kharkiv market"; then pass tmux-follow-lists-new; else
    fail tmux-follow-lists-new "$(head -8 "$TMP/pane")"; fi
tmux -S "$SOCK" send-keys '?'
if wait_for "sitrep - keys"; then pass tmux-help; else fail tmux-help "no help screen"; fi
# any key closes help, q quits: the screen is restored, the list gone
tmux -S "$SOCK" send-keys x q
i=0
while [ $i -lt 50 ]; do
    tmux -S "$SOCK" capture-pane -p >"$TMP/pane" 2>/dev/null
    grep -qF "Articles (6)" "$TMP/pane" || break
    sleep 0.1
    i=$((i + 1))
done
if grep -qF "Articles (6)" "$TMP/pane"; then fail tmux-quit "still running"; else
    pass tmux-quit; fi
