#!/bin/sh
# crash.t.sh: imports killed with SIGKILL at random moments, and two imports and a reader
# on one collection at once. After each kill the collection passes integrity_check (and the
# full-text index its own check), holds whole batches only (SITREP_BATCH articles each),
# and every stored article has its sentences; importing again after the last kill completes
# the rest, so the end count is exact: nothing lost, nothing doubled.
. "$(dirname "$0")/lib.sh"

N=1500
BATCH=50
KILLS=10

sql() {
    python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for row in c.execute(sys.argv[2]):
    print(row[0])
c.commit()' "$1" "$2"
}

# One article per file, each distinct, each with a place and figures to extract.
mkdir -p "$TMP/in"
python3 - "$TMP/in" "$N" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(1, n + 1):
    with open(f"{d}/a{i:05d}.txt", "w") as f:
        f.write(f"Clashes near Mosul leave {i} dead, report {i}\n\n"
                f"At least {i % 50 + 2} people were killed and {i % 30 + 1} wounded in clashes "
                f"near Mosul on Tuesday, police sources said in report number {i}.\n\n"
                "The fighting in Nineveh province continued into the night, residents said.\n")
PY

# state DB: "ok" when the collection is sound after a kill, else what is wrong (one Python
# run: integrity, the full-text index's own check, whole batches, sentences for all).
state() {
    python3 - "$1" "$BATCH" "$N" <<'PY'
import sqlite3, sys
db, batch, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
c = sqlite3.connect(db)
def one(q):
    return c.execute(q).fetchone()[0]
try:
    if one("SELECT count(*) FROM sqlite_master") == 0:
        print("ok"); sys.exit()  # killed before the first migration step committed
    ic = one("PRAGMA integrity_check")
    if ic != "ok":
        print("integrity:", ic); sys.exit()
    c.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    n = one("SELECT count(*) FROM articles")
    if n % batch and n != total:
        print(f"partial batch: {n} articles"); sys.exit()
    bare = one("SELECT count(*) FROM articles WHERE id NOT IN"
               " (SELECT article_id FROM article_spans)")
    print(f"{bare} articles without their sentences" if bare else "ok")
except sqlite3.Error as e:
    print("sqlite:", e)
PY
}

db="$TMP/killed.db"
killed_mid=0
problems=""
k=0
while [ $k -lt $KILLS ]; do
    k=$((k + 1))
    rm -f "$db" "$db-wal" "$db-shm" # a whole import's work ahead of each kill
    SITREP_BATCH=$BATCH "$SITREP" --db "$db" import "$TMP/in" >"$TMP/kill.out" 2>&1 &
    pid=$!
    # a random moment within the first 0.6 s (an import of all of them takes about 1 s)
    sleep "0.$(awk -v s="$k$$" 'BEGIN { srand(s); printf "%02d", 5 + int(rand() * 55) }')"
    if kill -9 "$pid" 2>/dev/null; then killed_mid=$((killed_mid + 1)); fi
    wait "$pid" 2>/dev/null
    [ -f "$db" ] || continue
    st=$(state "$db")
    [ "$st" = ok ] || problems="$problems kill $k: $st;"
done
check_eq crash-kill9-states-sound "${problems:-none}" none
echo "# $killed_mid of $KILLS kills landed during an import"
before=$(sql "$db" "SELECT count(*) FROM articles" 2>/dev/null)
: "${before:=0}" # the last kill landed before the first migration step committed
out=$("$SITREP" --db "$db" import "$TMP/in" 2>&1)
check_contains crash-resume-counts "$out" "imported $((N - before)), duplicates skipped $before, failed 0"
check_eq crash-final-count "$(sql "$db" "SELECT count(*) FROM articles")" "$N"
check_eq crash-final-state "$(state "$db")" ok

# ---- two imports and a reader at once ----
db="$TMP/shared.db"
half=$((N * 2 / 3))
# the first two thirds and the last two thirds: a third of the articles in both
python3 - "$TMP" "$N" "$half" <<'PY'
import os, sys
t, n, half = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for d in ("first", "second"):
    os.makedirs(f"{t}/{d}", exist_ok=True)
for i in range(1, n + 1):
    name = f"a{i:05d}.txt"
    if i <= half:
        os.symlink(f"{t}/in/{name}", f"{t}/first/{name}")
    if i > n - half:
        os.symlink(f"{t}/in/{name}", f"{t}/second/{name}")
PY
"$SITREP" --db "$db" import --no-extract "$TOP/assets/samples" >/dev/null 2>&1
printf '<Enter>\n:dump\n<Esc>\nj\n<Enter>\n:dump\n<Esc>\nj\n<Enter>\n:dump\nq\n' >"$TMP/reader.script"
SITREP_BATCH=$BATCH "$SITREP" --db "$db" import "$TMP/first" >"$TMP/a.out" 2>&1 &
pa=$!
SITREP_BATCH=$BATCH "$SITREP" --db "$db" import "$TMP/second" >"$TMP/b.out" 2>&1 &
pb=$!
"$SITREP" --db "$db" --script "$TMP/reader.script" --dump "$TMP/reader.dump" --size 100x30 \
    >"$TMP/r.out" 2>&1
rr=$?
wait $pa
ra=$?
wait $pb
rb=$?
# Each import waits for the other's batches; past a second of waiting it says so (on a slow
# machine, as CI's ASan build is), which is the designed notice, not a failure.
check_eq crash-together-exits "$ra $rb $rr: $(cat "$TMP/a.out" "$TMP/b.out" "$TMP/r.out" |
    grep -v -e '^imported' -e '^sitrep: waiting for another writer\.\.\.$' | head -c 300)" "0 0 0: "
ia=$(sed -n 's/^imported \([0-9]*\), duplicates skipped \([0-9]*\).*/\1 \2/p' "$TMP/a.out")
ib=$(sed -n 's/^imported \([0-9]*\), duplicates skipped \([0-9]*\).*/\1 \2/p' "$TMP/b.out")
set -- $ia $ib
check_eq crash-together-each-accounted "$(($1 + $2)) $(($3 + $4))" "$half $half"
check_eq crash-together-sum-exact "$(($1 + $3))" "$N"
check_eq crash-together-stored "$(sql "$db" "SELECT count(*) FROM articles")" "$((N + 5))"
check_eq crash-together-integrity "$(sql "$db" "PRAGMA integrity_check")" ok
check_contains crash-together-reader-drew "$(cat "$TMP/reader.dump" 2>/dev/null)" " Article "
