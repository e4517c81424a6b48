#!/bin/sh
# fetch.sh: `sitrep fetch` of FEEDS feeds (default 100) of ITEMS generated items each
# (default 1,000) from tests/feedserver.py on 127.0.0.1: wall time and peak RSS, medians
# of RUNS (default 3), each run into a fresh collection, with fact extraction and without
# (--no-extract); then newsboat's `-x reload` on the same URLs, when newsboat is installed.
cd "$(dirname "$0")/../.." || exit 1
: "${SITREP:=$PWD/build/sitrep}" "${FEEDS:=100}" "${ITEMS:=1000}" "${RUNS:=3}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-bench-fetch.XXXXXX")
python3 tests/feedserver.py --root "$TMP" --port-file "$TMP/port" --lifetime 1800 \
    --gen-items "$ITEMS" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
BASE="http://127.0.0.1:$(cat "$TMP/port")"
i=0
while [ $i -lt "$FEEDS" ]; do echo "$BASE/gen/$i"; i=$((i + 1)); done >"$TMP/urls"
# Warm the server's cache of generated feeds so every run measures the client alone.
while read -r u; do curl -s -o /dev/null "$u"; done <"$TMP/urls"

# measure LABEL COMMAND...: runs it RUNS times; prints median seconds and peak RSS.
measure() {
    label=$1
    shift
    python3 - "$RUNS" "$label" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
runs, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times, rss = [], []
for r in range(runs):
    setup = os.environ.get("BENCH_SETUP")
    if setup:
        subprocess.run(setup, shell=True, check=True)
    t = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    times.append(time.monotonic() - t)
    rss.append(usage.ru_maxrss / 1024)
    if status != 0:
        print(f"{label}: run {r} exited with status {status >> 8}")
print(f"{label}: median {statistics.median(times):.2f} s, peak RSS {statistics.median(rss):.0f} MB "
      f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
PY
}

DB="$TMP/bench.db"
"$SITREP" --db "$DB" feed import "$TMP/urls" >/dev/null
cp "$DB" "$TMP/empty.db"
echo "fetch: $FEEDS feeds x $ITEMS items from $BASE, median of $RUNS"
export BENCH_SETUP="rm -f '$DB'-wal '$DB'-shm; cp '$TMP/empty.db' '$DB'"
measure "sitrep fetch (with extraction)" "$SITREP" --db "$DB" fetch
measure "sitrep fetch --no-extract" "$SITREP" --db "$DB" fetch --no-extract
BENCH_SETUP="" measure "sitrep fetch again (all 200, items unchanged)" "$SITREP" --db "$DB" fetch --no-extract
"$SITREP" --db "$DB" list | wc -l | sed 's/^/articles stored: /'

if command -v newsboat >/dev/null 2>&1; then
    mkdir -p "$TMP/nb"
    : >"$TMP/nb/config"
    export BENCH_SETUP="rm -f '$TMP/nb/cache.db'*"
    HOME="$TMP/nb" measure "newsboat -x reload" newsboat -x reload -u "$TMP/urls" \
        -c "$TMP/nb/cache.db" -C "$TMP/nb/config"
else
    echo "newsboat: not installed, comparison skipped"
fi
