#!/bin/sh
# attrs.t.sh: what the screen looks like, not only what it says: in a real terminal
# (tmux, capture-pane -e keeps the attributes), the selected row of the list, the picker,
# the facts and the timeline must stand out, with colour and under NO_COLOR, and no other
# row of the same pane may look selected. (The selected row once had the terminal's own
# colours and no reverse video in colour, so only NO_COLOR showed it.)
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
    echo "ok # skip tmux not installed"
    exit 0
fi
DB="$TMP/attrs.db"
"$SITREP" --db "$DB" import "$TOP/assets/samples" >/dev/null 2>&1
trap 'for s in "$TMP"/*.sock; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$TMP"' EXIT
ESC=$(printf '\033')
REV="${ESC}[7m"

# start NAME ENV: the reader in a 100x30 tmux server of its own with ENV in its environment
start() {
    SOCK="$TMP/$1.sock"
    # a state directory of its own: each start opens as a first run would, not where the
    # one before quit (the reader keeps its state between runs)
    tmux -S "$SOCK" new-session -d -x 100 -y 30 \
        "$2 TERM=xterm-256color XDG_STATE_HOME='$TMP/state-$1' '$SITREP' --db '$DB'; sleep 5"
}

# reversed FROM TO [RIGHT]: the rows strictly between the first line holding FROM and the
# next holding TO whose text starts in reverse video (SGR 7), as plain text (RIGHT: only
# what follows the last '|', the side panes). tmux writes an attribute only where it
# changes, so the state is carried from line to line. A row looks selected when its text
# does, not when a bar further along is drawn in reverse (the timeline's).
reversed() {
    python3 - "$TMP/pane" "$1" "$2" "$3" <<'PY'
import re, sys
path, start, stop, right = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
sgr = re.compile(r"\x1b\[([0-9;]*)m")
reverse, on = False, False
for line in open(path, encoding="utf-8", errors="replace").read().split("\n"):
    cells, pos = [], 0  # (char, reversed) of the line
    for m in sgr.finditer(line):
        cells += [(c, reverse) for c in line[pos:m.start()]]
        for code in (m.group(1) or "0").split(";"):
            if code in ("0", ""):
                reverse = False
            elif code == "7":
                reverse = True
            elif code == "27":
                reverse = False
        pos = m.end()
    cells += [(c, reverse) for c in line[pos:]]
    text = "".join(c for c, _ in cells)
    if on and stop in text:
        break
    if on:
        if right and "|" in text:
            cells = cells[text.rindex("|") + 1:]
        shown = [(c, r) for c, r in cells if c != " "]
        if shown and shown[0][1]:
            print("".join(c for c, _ in cells))
    elif start in text:
        on = True
PY
}

# selected NAME FROM TO WANT [RIGHT]: within ~5 s, exactly one row of the pane is in
# reverse video, and it holds WANT
selected() {
    i=0
    while [ $i -lt 50 ]; do
        tmux -S "$SOCK" capture-pane -e -p >"$TMP/pane" 2>/dev/null
        got=$(reversed "$2" "$3" "$5")
        if [ "$(printf '%s' "$got" | grep -c .)" = 1 ]; then
            case "$got" in *"$4"*) pass "$1"; return ;; esac
        fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "$1" "rows in reverse video: [$(printf '%s' "$got" | head -c 300)], want one holding [$4]"
}

for mode in colour no-color; do
    if [ $mode = colour ]; then start $mode ""; else start $mode "NO_COLOR=1"; fi
    selected "attrs-$mode-list" "Articles (5)" " Article " "UPDATED: Coalition airstrikes"
    tmux -S "$SOCK" send-keys j
    selected "attrs-$mode-list-moved" "Articles (5)" " Article " "Army jets kill 14"
    tmux -S "$SOCK" send-keys Tab Tab j
    selected "attrs-$mode-facts" " Facts" " Timeline (" "Baghdad < Baghdad < Iraq" right
    tmux -S "$SOCK" send-keys Tab
    selected "attrs-$mode-timeline" " Timeline (" " articles" "2024-09-21" right
    tmux -S "$SOCK" send-keys l
    selected "attrs-$mode-picker" "Location: reports" "zzzz-no-such-line" "Iraq (5)"
    tmux -S "$SOCK" send-keys Escape Q
done
