#!/bin/sh
# fetch.t.sh: sitrep feed and sitrep fetch against tests/feedserver.py on 127.0.0.1:
# 200, conditional GET and 304, redirects, a redirect loop, 404, 500, gzip, a slow drip,
# an oversized body, a page that names its feed, items that change, 100 feeds at once,
# OPML and urls import/export, a refused connection, and the import of a URL.
. "$(dirname "$0")/lib.sh"

if ! python3 -c 'import http.server, json, sqlite3' 2>/dev/null; then
    echo "ok fetch tests # skip: python3 is needed for the test server"
    exit 0
fi

ROOT="$TMP/root"
LOG="$TMP/requests.log"
DB="$TMP/fetch.db"
mkdir -p "$ROOT"
# Short limits so the slow drip and the oversized body fail quickly.
export SITREP_FETCH_TIMEOUT=3 SITREP_FETCH_MAX_BYTES=200000

# The server stops by itself after 90 s even if this script dies.
python3 "$TOP/tests/feedserver.py" --root "$ROOT" --port-file "$TMP/port" --log "$LOG" \
    --lifetime 90 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$TMP/port" 2>/dev/null)
if [ -z "$PORT" ]; then
    fail "feedserver" "did not start"
    exit 0
fi
BASE="http://127.0.0.1:$PORT"

sr() { "$SITREP" --db "$DB" "$@"; }

# feed_field URL KEY: a field of `feed list --json` for the feed with that URL.
feed_field() {
    sr feed list --json | python3 -c '
import json, sys
for line in sys.stdin:
    row = json.loads(line)
    if row["url"] == sys.argv[1]:
        v = row.get(sys.argv[2])
        print("null" if v is None else (",".join(v) if isinstance(v, list) else v))
        break
else:
    print("(no feed)")
' "$1" "$2"
}

count_articles() {
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$DB" "${1:-SELECT count(*) FROM articles}"
}

# requests_for PATH KEY: the KEY values logged for PATH, one a line.
requests_for() {
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["path"] == sys.argv[2]:
        print(e.get(sys.argv[3]))
' "$LOG" "$1" "$2"
}

write_feed() { # write_feed FILE TITLE2 BODY2: a two-item feed whose second item varies
    cat >"$ROOT/$1" <<EOF
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Alpha News</title>
<item><title>Strike in Mosul</title><link>http://example.org/a1</link><guid>a1</guid>
<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>Militants killed 12 civilians in Mosul on Monday, officials said.</description></item>
<item><title>$2</title><link>http://example.org/a2</link><guid>a2</guid>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>$3</description></item>
</channel></rss>
EOF
}

write_feed alpha.xml "Clashes in Ramadi" "At least 5 soldiers were wounded near Ramadi."
cp "$ROOT/alpha.xml" "$ROOT/beta.xml"
sed -e 's/a1/b1/g; s/a2/b2/g; s/Mosul on Monday/Mosul on Tuesday/; s/5 soldiers/6 soldiers/' \
    "$ROOT/alpha.xml" >"$ROOT/gz.xml"
cat >"$ROOT/page.html" <<EOF
<!DOCTYPE html><html><head><title>Alpha</title>
<link rel="alternate" type="application/rss+xml" href="/f/alpha.xml"></head>
<body><p>Welcome</p></body></html>
EOF
printf '<?xml version="1.0"?><rss><channel><item><title>x</title></channel>' >"$ROOT/broken.xml"

# ---- 200 and 304 ----
check "feed add" sr feed add "$BASE/f/alpha.xml" --name alpha --tag iraq
out=$(sr fetch alpha 2>&1)
check_contains "fetch 200: two new articles" "$out" "2 new"
check_eq "fetch 200: stored" "$(count_articles)" 2
check_eq "fetch 200: status recorded" "$(feed_field "$BASE/f/alpha.xml" last_status)" 200
check_eq "fetch 200: item date is the publication date" \
    "$(count_articles "SELECT date FROM articles WHERE title = 'Strike in Mosul'")" 2024-01-01
check_eq "fetch 200: item link recorded on the article" \
    "$(count_articles "SELECT url FROM articles WHERE title = 'Strike in Mosul'")" \
    "http://example.org/a1"
check_contains "fetch sends User-Agent sitrep/" "$(requests_for /f/alpha.xml user_agent)" "sitrep/"
out=$(sr fetch alpha 2>&1)
check_contains "second fetch: 304" "$out" "1 not modified"
check_eq "304: nothing new stored" "$(count_articles)" 2
conditional=$(requests_for /f/alpha.xml if_none_match | tail -n 1)
check_contains "second fetch sent If-None-Match" "$conditional" '"'
since=$(requests_for /f/alpha.xml if_modified_since | tail -n 1)
check_contains "second fetch sent If-Modified-Since" "$since" "GMT"
check_eq "304 logged by the server" "$(requests_for /f/alpha.xml status | tail -n 1)" 304

# ---- items that change ----
sleep 1 # a new mtime, so Last-Modified changes too
write_feed alpha.xml "Clashes in Ramadi, update" "At least 9 soldiers were wounded near Ramadi."
out=$(sr fetch alpha 2>&1)
check_contains "changed item: updated" "$out" "1 updated"
check_contains "changed item: the other unchanged" "$out" "1 unchanged"
check_eq "changed item: not duplicated" "$(count_articles)" 2
check_eq "changed item: article has the new text" \
    "$(count_articles "SELECT count(*) FROM articles WHERE text LIKE '%9 soldiers%'")" 1
check_eq "changed item: old text gone" \
    "$(count_articles "SELECT count(*) FROM articles WHERE text LIKE '%5 soldiers%'")" 0

# ---- gzip, redirects ----
check "feed add gzip" sr feed add "$BASE/gzip/gz.xml" --name gz
out=$(sr fetch gz 2>&1)
check_contains "gzip body read" "$out" "2 new"
check_contains "gzip asked for" "$(requests_for /gzip/gz.xml accept_encoding)" "gzip"
check "feed add redirect chain" sr feed add "$BASE/redirect/3/beta.xml" --name chain
out=$(sr fetch chain 2>&1)
check_eq "three 301s followed" "$(feed_field "$BASE/redirect/3/beta.xml" last_status)" 200
check_contains "redirected feed read (the unchanged item is a duplicate)" "$out" "1 new, 0 updated, 0 unchanged, 1 duplicates"

# ---- failures, each recorded on its feed and none fatal to the batch ----
sr feed add "$BASE/loop/a" --name loop >/dev/null
sr feed add "$BASE/status/404" --name missing >/dev/null
sr feed add "$BASE/status/500" --name crashing >/dev/null
sr feed add "$BASE/slow" --name dripping >/dev/null
sr feed add "$BASE/big?bytes=500000" --name huge >/dev/null
sr feed add "$BASE/f/page.html" --name homepage >/dev/null
sr feed add "$BASE/f/broken.xml" --name broken >/dev/null
# a port that was free a moment ago: nothing listens there
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sr feed add "http://127.0.0.1:$closed/feed.xml" --name refused >/dev/null
sr feed add "http://sitrep-test.invalid/feed.xml" --name nodns >/dev/null
start=$(date +%s)
sr fetch >"$TMP/all.out" 2>"$TMP/all.err"
rc=$?
took=$(($(date +%s) - start))
check_eq "a batch with failures exits 1" "$rc" 1
check_contains "the good feeds still fetched" "$(cat "$TMP/all.out")" "fetched 12 feeds"
err=$(cat "$TMP/all.err")
check_contains "redirect loop" "$err" "sitrep: fetch: loop: redirect loop"
check_contains "404" "$err" "sitrep: fetch: missing: HTTP 404 Not Found"
check_contains "500" "$err" "sitrep: fetch: crashing: HTTP 500"
check_contains "slow drip stopped" "$err" "sitrep: fetch: dripping: timed out after 3 s"
check_contains "oversized body" "$err" "sitrep: fetch: huge: response larger than 200000 bytes"
check_contains "page names its feed" "$err" \
    "sitrep: fetch: homepage: this is a web page; its feed is $BASE/f/alpha.xml: sitrep feed add $BASE/f/alpha.xml"
check_contains "malformed XML" "$err" "sitrep: fetch: broken: malformed XML"
check_contains "refused connection" "$err" "sitrep: fetch: refused: cannot connect"
check_contains "DNS failure" "$err" "sitrep: fetch: nodns:"
check_eq "one line per failed feed" "$(wc -l <"$TMP/all.err" | tr -d ' ')" 9
if [ "$took" -le 10 ]; then pass "slow drip bounded by the timeout"; else
    fail "slow drip bounded by the timeout" "fetch took $took s"; fi
check_eq "last error stored" "$(feed_field "$BASE/status/404" last_error)" "HTTP 404 Not Found"
check_contains "feed list shows the error" "$(sr feed list)" "missing  $BASE/status/404"
check_eq "good feed has no error" "$(feed_field "$BASE/f/alpha.xml" last_error)" null

# ---- control characters from a server never reach the terminal ----
printf '<?xml version="1.0"?><rss><channel><title>Evil\033[31m</title><item><title>a</title>\n</chanel></rss>' \
    >"$ROOT/evil.xml"
sr feed add "$BASE/f/evil.xml" >/dev/null
sr fetch "$BASE/f/evil.xml" 2>"$TMP/evil.err" >/dev/null
if grep -q "$(printf '\033')" "$TMP/evil.err"; then fail "no escape sequences" "ESC printed"; else
    pass "no escape sequences"; fi
check_eq "feed error is one line" "$(wc -l <"$TMP/evil.err" | tr -d ' ')" 1

# ---- --full: the page's text for summary-only items ----
cat >"$ROOT/summ.xml" <<EOF
<?xml version="1.0"?><rss version="2.0"><channel><title>Summaries</title>
<item><title>Page 7</title><link>$BASE/page/7</link><guid>p7</guid>
<description>Short summary.</description></item></channel></rss>
EOF
sr feed add "$BASE/f/summ.xml" --name summ --full >/dev/null
sr fetch summ >/dev/null 2>&1
check_eq "--full takes the page's text" \
    "$(count_articles "SELECT count(*) FROM articles WHERE text LIKE '%only the page has%'")" 1

# ---- tags and names select feeds; remove ----
out=$(sr fetch iraq 2>&1)
check_contains "fetch by tag" "$out" "fetched 1 feeds"
out=$(sr fetch nosuchfeed 2>&1)
check_contains "unknown selector named" "$out" "no feed or tag named nosuchfeed"
check "feed remove by name" sr feed remove crashing
check_eq "removed" "$(feed_field "$BASE/status/500" url)" "(no feed)"

# ---- 100 feeds at once ----
DB100="$TMP/hundred.db"
i=0
while [ $i -lt 100 ]; do
    echo "$BASE/gen/$i tag$((i % 3))"
    i=$((i + 1))
done >"$TMP/urls100"
"$SITREP" --db "$DB100" feed import "$TMP/urls100" >/dev/null
out=$("$SITREP" --db "$DB100" fetch --no-extract 2>&1)
check_contains "100 feeds at once" "$out" "fetched 100 feeds: 2000 new"
check_contains "100 feeds: none failed" "$out" "0 failed"

# ---- OPML and urls round trip ----
cat >"$TMP/urls" <<'EOF'
# newsboat urls
http://example.org/one.xml iraq "armed groups" ~One
http://example.org/two.xml "~Two feeds" syria !
query:unread:unread = "yes"
EOF
DBR="$TMP/round.db"
out=$("$SITREP" --db "$DBR" feed import "$TMP/urls" 2>&1)
check_contains "urls import" "$out" "feeds read 2, added 2"
check_contains "urls import notes the query feed" "$out" "line 4: not an http or https feed URL"
"$SITREP" --db "$DBR" feed export >"$TMP/out.opml"
check_contains "OPML export has the feed" "$(cat "$TMP/out.opml")" 'xmlUrl="http://example.org/one.xml"'
DBR2="$TMP/round2.db"
"$SITREP" --db "$DBR2" feed import "$TMP/out.opml" >/dev/null
a=$("$SITREP" --db "$DBR" feed list --json | python3 -c 'import json,sys; print([(r["name"],r["url"],r["tags"]) for r in map(json.loads,sys.stdin)])')
b=$("$SITREP" --db "$DBR2" feed list --json | python3 -c 'import json,sys; print([(r["name"],r["url"],r["tags"]) for r in map(json.loads,sys.stdin)])')
check_eq "urls -> OPML -> import round trip" "$b" "$a"
check_contains "names and quoted tags kept" "$a" "('Two feeds', 'http://example.org/two.xml', ['syria'])"

# ---- import of a URL ----
out=$("$SITREP" --db "$DB" import "https://example.org/feed.xml" 2>&1)
check_contains "import URL says use feed add" "$out" "use 'sitrep feed add URL'"
check_lacks "import URL: no ENOENT" "$out" "No such file"

"$SITREP" --db "$DB" feed add "file:///etc/passwd" >/dev/null 2>&1
check_eq "feed add refuses file: URLs" "$?" 1
