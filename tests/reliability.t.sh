#!/bin/sh
# reliability.t.sh: the collection under bad states and beside other processes (issue 17):
# a migration raced by three processes (D2), stored offsets outside the text (D5), an
# article without facts in the ASan build (D6), read-only collections (D7), foreign and
# negative-version databases (D8), kill -9 in the middle of imports, and two imports and a
# reader on one collection at once.
. "$(dirname "$0")/lib.sh"

# sql DB STATEMENT: one statement through Python's sqlite3 (no sqlite3 shell needed);
# prints the first column of each row.
sql() {
    python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]):
    print(row[0])
c.commit()' "$1" "$2"
}

integrity() { sql "$1" "PRAGMA integrity_check"; }

# ---- D2: three processes open one new collection at once ----
"$SITREP" --db "$TMP/alone.db" events --json >/dev/null 2>&1
latest=$(sql "$TMP/alone.db" 'PRAGMA user_version') # the version one process alone makes
bad=0
for trial in 1 2 3 4 5 6 7 8 9 10; do
    db="$TMP/race$trial.db"
    for p in 1 2 3; do
        "$SITREP" --db "$db" events --json >"$TMP/race$trial.$p.out" 2>&1 &
    done
    wait
    for p in 1 2 3; do
        [ -s "$TMP/race$trial.$p.out" ] && { bad=$((bad + 1)); cat "$TMP/race$trial.$p.out" >>"$TMP/race.err"; }
    done
    [ "$(sql "$db" 'PRAGMA user_version')" = "$latest" ] || bad=$((bad + 1))
done
check_eq d2-concurrent-first-open "$bad failed: $(head -c 200 "$TMP/race.err" 2>/dev/null)" "0 failed: "

# ---- D8: negative version, a foreign database, an empty file ----
db="$TMP/neg.db"
"$SITREP" --db "$db" import --no-extract "$TOP/assets/samples" >/dev/null 2>&1
sql "$db" 'PRAGMA user_version = -5' >/dev/null
out=$("$SITREP" --db "$db" list 2>&1)
check_contains d8-negative-version "$out" "schema version -5 (user_version) is negative"
check_lacks d8-negative-not-an-error "$out" "not an error"

db="$TMP/foreign.db"
sql "$db" 'CREATE TABLE accounts(id INTEGER PRIMARY KEY, owner TEXT)' >/dev/null
out=$("$SITREP" --db "$db" list 2>&1)
rc=$?
check_contains d8-foreign-refused "$out" "not a sitrep collection"
check_eq d8-foreign-exit "$rc" 1
check_eq d8-foreign-untouched "$(sql "$db" "SELECT group_concat(name) FROM sqlite_master")" accounts
: >"$TMP/empty.db"
check d8-empty-file-accepted "$SITREP" --db "$TMP/empty.db" import --no-extract "$TOP/assets/samples"

# ---- D5: a sentence stored outside its text is named, never followed ----
db="$TMP/offsets.db"
"$SITREP" --db "$db" import "$TOP/assets/samples" >/dev/null 2>&1
python3 "$TOP/tests/spans.py" "$db" set-sentence 2 3 1099511627776 10
out=$("$SITREP" --db "$db" compare 1 2 2>&1)
rc=$?
check_eq d5-compare-exit "$rc" 1
check_contains d5-compare-names-row "$out" "article 2: sentence 3 (start 1099511627776"
out=$("$SITREP" --db "$db" show 2 2>&1)
check_contains d5-show-names-row "$out" "lies outside its text"
python3 "$TOP/tests/spans.py" "$db" set-sentence 3 1 0 99999
out=$("$SITREP" --db "$db" compare 3 4 2>&1)
check_contains d5-length-past-end "$out" "article 3: sentence 1"
check_eq d5-others-still-read "$("$SITREP" --db "$db" compare 4 5 >/dev/null 2>&1; echo $?)" 0
# a packed list that is not one (cut short, another format) is named too
sql "$db" "UPDATE article_spans SET sentences = x'01e8' WHERE article_id = 4" >/dev/null
out=$("$SITREP" --db "$db" show 4 2>&1)
check_contains d5-damaged-blob-named "$out" "article 4: its sentences cannot be read"

# ---- D6: an article without facts opens in the reader (qsort on no spans) ----
db="$TMP/nofacts.db"
"$SITREP" --db "$db" import --no-extract "$TOP/assets/samples" >/dev/null 2>&1
printf '<Enter>\n:dump\nq\n' >"$TMP/open.script"
"$SITREP" --db "$db" --script "$TMP/open.script" --dump "$TMP/open.dump" --size 100x30 \
    >"$TMP/open.err" 2>&1
check_eq d6-open-article-without-facts "$?: $(head -c 200 "$TMP/open.err")" "0: "

# ---- D7: read-only ----
db="$TMP/ro.db"
"$SITREP" --db "$db" import "$TOP/assets/samples" >/dev/null 2>&1
"$SITREP" --db "$db" events >/dev/null 2>&1
sum_before=$(sha256sum "$db" | cut -d' ' -f1)
check d7-ro-list "$SITREP" --db "$db" --read-only list
check d7-ro-show "$SITREP" --db "$db" --read-only show 2
check d7-ro-compare "$SITREP" --db "$db" --read-only compare 1 2
out=$("$SITREP" --db "$db" --read-only events --json 2>&1)
check_contains d7-ro-events "$out" '"event":1'
check_lacks d7-ro-events-no-save-error "$out" "cannot save"
check d7-ro-reader "$SITREP" --db "$db" --read-only --script "$TMP/open.script" --dump "$TMP/ro.dump"
out=$("$SITREP" --db "$db" --read-only import "$TOP/tests/data/import/page.html" 2>&1)
check_contains d7-ro-import-refused "$out" "open read-only; nothing imported"
check_eq d7-ro-never-writes "$(sha256sum "$db" | cut -d' ' -f1)" "$sum_before"

# A collection on a read-only mount opens read-only by itself, with a note. Needs a private
# mount namespace (root, unshare); skipped with a message elsewhere.
if command -v unshare >/dev/null 2>&1 && unshare -m true 2>/dev/null; then
    mkdir -p "$TMP/mnt"
    unshare -m sh -c '
        mount -t tmpfs -o size=8m tmpfs "$1" || exit 9
        cp "$2" "$1/c.db" && mount -o remount,ro "$1" || exit 9
        "$3" --db "$1/c.db" list >"$4/m.list" 2>"$4/m.err" || exit 1
        "$3" --db "$1/c.db" show 2 >/dev/null 2>>"$4/m.err" || exit 2
        "$3" --db "$1/c.db" events --json >"$4/m.events" 2>>"$4/m.err" || exit 3
        "$3" --db "$1/c.db" compare 1 2 >/dev/null 2>>"$4/m.err" || exit 4
        "$3" --db "$1/c.db" --script "$4/open.script" --dump "$4/m.dump" 2>>"$4/m.err" || exit 5
    ' sh "$TMP/mnt" "$db" "$SITREP" "$TMP" >/dev/null 2>&1
    rc=$?
    if [ "$rc" = 9 ]; then
        echo "# d7-ro-mount skipped: cannot mount a tmpfs here"
    else
        check_eq d7-ro-mount-commands "$rc: $(head -c 200 "$TMP/m.err")" "0: $(head -c 200 "$TMP/m.err")"
        check_contains d7-ro-mount-note "$(cat "$TMP/m.err")" "cannot be written; opened read-only"
        check_eq d7-ro-mount-lists "$(wc -l <"$TMP/m.list" | tr -d ' ')" 5
    fi
else
    echo "# d7-ro-mount skipped: no private mount namespace (needs root and unshare)"
fi

# ---- D4: another writer holds the write lock ----
# hold_lock DB SECONDS: a background writer that holds the lock; returns once it has it.
hold_lock() {
    rm -f "$TMP/locked"
    python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
c.execute("COMMIT")' "$1" "$2" "$TMP/locked" &
    holder=$!
    while [ ! -f "$TMP/locked" ]; do sleep 0.05; done
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

db="$TMP/busy.db"
"$SITREP" --db "$db" import --no-extract "$TOP/assets/samples" >/dev/null 2>&1
hold_lock "$db" 6
out=$("$SITREP" --db "$db" import "$TOP/tests/data/import/page.html" 2>&1)
rc=$?
wait $holder
check_eq d4-import-waits-for-writer "$rc: $(printf '%s' "$out" | tail -1)" \
    "0: imported 1, duplicates skipped 0, failed 0"
check_contains d4-import-says-waiting "$out" "waiting for another writer"
# the reader opens an article (which marks it read) without waiting for the lock
hold_lock "$db" 4
started=$(now)
"$SITREP" --db "$db" --script "$TMP/open.script" --dump "$TMP/busy.dump" --size 100x30 \
    >"$TMP/busy.err" 2>&1
rc=$?
took=$(elapsed "$started")
wait $holder
check_eq d4-reader-exit "$rc" 0
check_eq d4-reader-never-blocks "$(awk -v t="$took" 'BEGIN { print (t < 2.5) ? "fast" : "blocked " t " s" }')" fast

# ---- D3: a full disk (a 3 MB tmpfs in a private mount namespace) ----
# The summary counts exactly what is stored, SQLite's reason is printed, the collection
# stays sound, and once space is freed the next command gives the log's space back.
if command -v unshare >/dev/null 2>&1 && unshare -m true 2>/dev/null; then
    mkdir -p "$TMP/full" "$TMP/many"
    python3 - "$TMP/many" <<'PY'
import sys
for i in range(1, 1501):
    with open(f"{sys.argv[1]}/a{i:05d}.txt", "w") as f:
        f.write(f"Clashes near Mosul leave {i} dead, report {i}\n\nAt least {i % 50 + 2} people "
                f"were killed in clashes near Mosul on Tuesday, police said in report {i}.\n")
PY
    unshare -m sh -c '
        mount -t tmpfs -o size=3m tmpfs "$1" || exit 9
        head -c 1000000 /dev/zero >"$1/filler"
        SITREP_BATCH=100 "$2" --db "$1/c.db" import "$3" >"$4/full.out" 2>&1
        python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute(\"SELECT count(*) FROM articles\").fetchone()[0])
print(c.execute(\"PRAGMA integrity_check\").fetchone()[0])" "$1/c.db" >"$4/full.db" 2>&1
        rm "$1/filler"
        "$2" --db "$1/c.db" list >/dev/null 2>&1
        [ -s "$1/c.db-wal" ] && echo kept >"$4/full.wal" || echo released >"$4/full.wal"
    ' sh "$TMP/full" "$SITREP" "$TMP/many" "$TMP" >/dev/null 2>&1
    if [ "$?" = 9 ]; then
        echo "# d3-disk-full skipped: cannot mount a tmpfs here"
    else
        out=$(cat "$TMP/full.out")
        stored=$(sed -n 1p "$TMP/full.db")
        check_contains d3-full-reason "$out" "database or disk is full"
        check_contains d3-full-counts-stored "$out" "imported $stored, "
        sum=$(printf '%s\n' "$out" | sed -n 's/^imported \([0-9]*\), duplicates skipped 0, failed \([0-9]*\)$/\1 \2/p')
        set -- $sum 0 0
        check_eq d3-full-accounts-all "$(($1 + $2))" 1500
        check_eq d3-full-integrity "$(sed -n 2p "$TMP/full.db")" ok
        check_eq d3-full-log-released "$(cat "$TMP/full.wal")" released
    fi
else
    echo "# d3-disk-full skipped: no private mount namespace (needs root and unshare)"
fi
