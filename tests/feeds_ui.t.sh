#!/bin/sh
# feeds_ui.t.sh: the reader's side of subscriptions (issue 14) against tests/feedserver.py
# on 127.0.0.1: R fetches (headless: to its end before the next key; in tmux: in the
# background, with progress, live keys, a second R refused, errors shown, quitting at
# once), the feeds screen (F) with its status, errors in the error colour, Enter filtering
# the list to one feed and R there fetching that feed alone, and o handing the link to
# $BROWSER as one argument.
. "$(dirname "$0")/lib.sh"

if ! python3 -c 'import http.server' 2>/dev/null; then
    echo "ok feeds-ui tests # skip: python3 is needed for the test server"
    exit 0
fi
ROOT="$TMP/root"
LOG="$TMP/requests.log"
mkdir -p "$ROOT"
export SITREP_FETCH_TIMEOUT=4
python3 "$TOP/tests/feedserver.py" --root "$ROOT" --port-file "$TMP/port" --log "$LOG" \
    --lifetime 120 &
SERVER=$!
SOCK="$TMP/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$TMP/port" 2>/dev/null)
if [ -z "$PORT" ]; then
    fail feeds-ui-server "did not start"
    exit 0
fi
BASE="http://127.0.0.1:$PORT"

# Two items; the second's link holds what a shell would expand.
cat >"$ROOT/alpha.xml" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Alpha News</title>
<item><title>Strike in Mosul</title><link>http://example.org/a1</link><guid>a1</guid>
<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>Militants killed 12 civilians in Mosul on Monday, officials said.</description></item>
<item><title>Clashes in Ramadi</title><link>http://example.org/a2?x=1&amp;y=$(id) z</link><guid>a2</guid>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>At least 5 soldiers were wounded near Ramadi.</description></item>
</channel></rss>
XML

DB="$TMP/base.db"
"$SITREP" --db "$DB" import "$TOP"/assets/samples/000_*.txt >/dev/null 2>&1
"$SITREP" --db "$DB" feed add "$BASE/f/alpha.xml" --name alpha --tag iraq >/dev/null
"$SITREP" --db "$DB" feed add "$BASE/status/500" --name crashing >/dev/null

# screen SCRIPT-LINES...: the reader headless at 100x30 on a copy of the base collection
# (with the feeds fetched first when FETCHED is set); prints the dumps.
screen() {
    printf '%s\n' "$@" >"$TMP/script"
    rm -f "$TMP/dump" "$TMP/run.db"*
    cp "${FROM:-$DB}" "$TMP/run.db"
    "$SITREP" --db "$TMP/run.db" --script "$TMP/script" --dump "$TMP/dump" --size 100x30 \
        >"$TMP/ui.err" 2>&1 || echo "EXIT $?: $(cat "$TMP/ui.err")"
    cat "$TMP/dump" 2>/dev/null
}
# the status line, or the message that takes the bottom lines (an error, wrapped whole)
status_line() { printf '%s\n' "$1" | tail -n 4 | tr -d '\n'; }

# ---- R, headless ----
fetched=$(screen R ':dump')
check_contains feeds-ui-R-count "$fetched" "Articles (3)"
check_contains feeds-ui-R-item "$fetched" "Strike in Mosul"
check_contains feeds-ui-R-summary "$(status_line "$fetched")" "fetched 2 feeds: 2 new, 0 updated, 1 failed"
check_contains feeds-ui-R-names-error "$(status_line "$fetched")" "crashing: HTTP 500"
check_contains feeds-ui-link-in-header "$fetched" "2024-01-02 - Alpha News - http://example.org/a2"
cp "$TMP/run.db" "$TMP/fetched.db"

# ---- the feeds screen ----
FROM="$TMP/fetched.db"
feeds=$(screen F ':dump')
check_contains feeds-ui-F-title "$(printf '%s\n' "$feeds" | sed -n 1p)" "Feeds"
check_contains feeds-ui-F-alpha "$(printf '%s\n' "$feeds" | grep '^ alpha')" "200          2"
check_contains feeds-ui-F-alpha-tag "$(printf '%s\n' "$feeds" | grep '^ alpha')" "iraq"
check_contains feeds-ui-F-error "$(printf '%s\n' "$feeds" | grep '^ crashing')" "failed       0"
check_contains feeds-ui-F-error-text "$(printf '%s\n' "$feeds" | grep '^ crashing')" "HTTP 500"
check_contains feeds-ui-F-detail "$feeds" "URL: $BASE/f/alpha.xml"
# the hint line names the keys bound now (a config bind moves fetch from R to f)
check_contains feeds-ui-F-hint "$(printf '%s\n' "$feeds" | tail -n 1)" "R fetch this feed  j move  q back"
mkdir -p "$TMP/cfg/sitrep"
printf 'bind feeds f fetch\nbind feeds R none\n' >"$TMP/cfg/sitrep/config"
rebound=$(XDG_CONFIG_HOME="$TMP/cfg" screen F ':dump')
check_contains feeds-ui-F-hint-bound "$(printf '%s\n' "$rebound" | tail -n 1)" "f fetch this feed  j move"
selected_crashing=$(screen F j ':dump')
check_contains feeds-ui-F-detail-error "$selected_crashing" "last error: HTTP 500 Internal Server Error"

only_alpha=$(screen F '<Enter>' ':dump')
check_contains feeds-ui-enter-count "$only_alpha" "Articles (2)"
check_contains feeds-ui-enter-filter "$(status_line "$only_alpha")" 'filter: feed:"alpha"'
check_lacks feeds-ui-enter-lacks-file "$only_alpha" "Iraq Airstrikes"
back=$(screen F q ':dump')
check_contains feeds-ui-F-q-back "$back" "Articles (3)"
by_url=$(screen f "type feed:$BASE/f/alpha.xml" '<Enter>' ':dump')
check_contains feeds-ui-filter-line-url "$by_url" "Articles (2)"

# R in the feeds screen fetches the selected feed alone (the log shows one more request
# for it and none for the other)
alpha_before=$(grep -c '"/f/alpha.xml"' "$LOG")
crash_before=$(grep -c '"/status/500"' "$LOG")
one=$(screen F R ':dump')
check_contains feeds-ui-F-R-one "$one" "fetched 1 feed: 0 new, 0 updated"
check_eq feeds-ui-F-R-requested "$(grep -c '"/f/alpha.xml"' "$LOG")" $((alpha_before + 1))
check_eq feeds-ui-F-R-not-other "$(grep -c '"/status/500"' "$LOG")" "$crash_before"

# ---- o ----
cat >"$TMP/browser" <<EOF
#!/bin/sh
for a in "\$@"; do printf '[%s]\n' "\$a"; done >"$TMP/opened"
EOF
chmod +x "$TMP/browser"
opened=$(BROWSER="$TMP/browser" screen o ':dump')
check_eq feeds-ui-o-one-argument "$(cat "$TMP/opened" 2>/dev/null)" '[http://example.org/a2?x=1&y=$(id) z]'
check_contains feeds-ui-o-says "$(status_line "$opened")" 'opened http://example.org/a2'
rm -f "$TMP/opened"
nolink=$(BROWSER="$TMP/browser" screen G o ':dump')
check_contains feeds-ui-o-no-link "$(status_line "$nolink")" "this article has no link"
check_eq feeds-ui-o-no-link-no-browser "$(cat "$TMP/opened" 2>/dev/null)" ""
missing=$(BROWSER="$TMP/no-such-browser" screen o ':dump')
check_contains feeds-ui-o-bad-browser "$(status_line "$missing")" "cannot run $TMP/no-such-browser"

# ---- in a terminal: the fetch in the background ----
if ! command -v tmux >/dev/null 2>&1; then
    echo "ok feeds-ui tmux # skip tmux not installed"
    exit 0
fi
# wait_for TEXT [TENTHS]: polls the pane (default ~5 s)
wait_for() {
    i=0
    while [ $i -lt "${2:-50}" ]; do
        tmux -S "$SOCK" capture-pane -p >"$TMP/pane" 2>/dev/null
        grep -qF "$1" "$TMP/pane" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
SLOW_DB="$TMP/slow.db"
"$SITREP" --db "$SLOW_DB" import "$TOP"/assets/samples/000_*.txt >/dev/null 2>&1
"$SITREP" --db "$SLOW_DB" feed add "$BASE/f/alpha.xml" --name alpha >/dev/null
"$SITREP" --db "$SLOW_DB" feed add "$BASE/slow" --name dripping >/dev/null
# start_reader: a new tmux server on a socket of its own ($SOCK), since a server just
# killed may still hold the old one
start_reader() {
    tmux -S "$SOCK" kill-server 2>/dev/null
    SOCK="$TMP/tmux-$1.sock"
    tmux -S "$SOCK" new-session -d -x 100 -y 30 \
        "TERM=xterm-256color SITREP_FETCH_TIMEOUT=4 '$SITREP' --db '$SLOW_DB'; echo READER-EXITED; sleep 10"
    wait_for "slow.db |" >/dev/null
}
start_reader fetch
tmux -S "$SOCK" send-keys R
# alpha arrives at once, the slow drip holds the fetch open for its 4 s timeout
if wait_for "fetching 1/2 feeds, 2 new" 30; then pass feeds-ui-tmux-progress; else
    fail feeds-ui-tmux-progress "$(grep -F ' | ' "$TMP/pane" | tail -2 | head -c 300)"; fi
if wait_for "Articles (3)" 20; then pass feeds-ui-tmux-list-follows; else
    fail feeds-ui-tmux-list-follows "$(head -3 "$TMP/pane")"; fi
tmux -S "$SOCK" send-keys R
if wait_for "a fetch is under way" 10; then pass feeds-ui-tmux-second-R; else
    fail feeds-ui-tmux-second-R "$(grep -F ' | ' "$TMP/pane" | tail -2 | head -c 300)"; fi
tmux -S "$SOCK" send-keys F # keys stay live: the feeds screen opens during the fetch
if wait_for " Feeds" 10 && grep -qF "fetching 1/2 feeds" "$TMP/pane"; then
    pass feeds-ui-tmux-keys-live; else
    fail feeds-ui-tmux-keys-live "$(head -3 "$TMP/pane")"; fi
# the drip times out: its row says failed, with the error in the error colour (red), as
# tmux reports the cells' attributes
if wait_for "failed" 80; then pass feeds-ui-tmux-error-shown; else
    fail feeds-ui-tmux-error-shown "$(grep dripping "$TMP/pane" | head -c 300)"; fi
if wait_for "2 new, 0 updated, 1 failed (dripping" 30; then pass feeds-ui-tmux-summary; else
    fail feeds-ui-tmux-summary "$(grep -F ' | ' "$TMP/pane" | tail -2 | head -c 300)"; fi
tmux -S "$SOCK" capture-pane -e -p >"$TMP/pane-e"
if grep -F ' dripping' "$TMP/pane-e" | grep -q "$(printf '\033')\[31m"; then
    pass feeds-ui-tmux-error-colour; else
    fail feeds-ui-tmux-error-colour "$(grep -F dripping "$TMP/pane-e" | od -c | head -5)"; fi
tmux -S "$SOCK" send-keys q
if wait_for "Articles (3)" 10; then pass feeds-ui-tmux-F-closes; else
    fail feeds-ui-tmux-F-closes "$(head -3 "$TMP/pane")"; fi

# quitting during a fetch stops it at once (the drip would hold it 4 s; the pane is polled
# for up to 8 s so that a loaded machine's slow tmux does not count against the reader)
"$SITREP" --db "$SLOW_DB" feed remove alpha >/dev/null
start_reader quit
tmux -S "$SOCK" send-keys R
wait_for "fetching" 30 >/dev/null
started=$(date +%s)
tmux -S "$SOCK" send-keys q
if wait_for READER-EXITED 80; then
    took=$(($(date +%s) - started))
    if [ "$took" -le 3 ]; then pass feeds-ui-tmux-quit-stops; else
        fail feeds-ui-tmux-quit-stops "took $took s"; fi
else
    fail feeds-ui-tmux-quit-stops "the reader did not exit within 8 s: $(grep -F " | " "$TMP/pane" | tail -2 | head -c 300)"
fi
