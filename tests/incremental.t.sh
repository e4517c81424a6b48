#!/bin/sh
# Incremental grouping (issue 13 item 7): an import assigns its reports to events as it
# stores them, and assigning the development set (tests/events) in two imports must group
# as well as the full regroup does (pairwise F1, the measure of tests/events/score.py).
. "$(dirname "$0")/lib.sh"

EV="$TOP/tests/events"
ls "$EV"/*.txt | LC_ALL=C sort >"$TMP/files"
total=$(wc -l <"$TMP/files" | tr -d ' ')
half=$((total / 2))
head -n "$half" "$TMP/files" >"$TMP/first"
tail -n +"$((half + 1))" "$TMP/files" >"$TMP/second"

# unassigned DB: reports in no event, read straight from the collection.
unassigned() {
    python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(*) FROM articles WHERE id NOT IN"
                 " (SELECT article_id FROM event_articles)").fetchone()[0])
' "$1"
}

# f1 EVENTS_JSON LIST_JSON: pairwise F1 against tests/events/gold.json.
f1() {
    python3 -c '
import itertools, json, os, sys
gold = json.load(open(sys.argv[3]))["reports"]
by_id = {}
for line in open(sys.argv[2]):
    if line.strip():
        a = json.loads(line)
        by_id[a["id"]] = os.path.basename(a.get("origin") or "")
def pairs(groups):
    return {p for g in groups for p in itertools.combinations(sorted(g), 2)}
pred = pairs([[by_id[r["id"]] for r in json.loads(l)["reports"]] for l in open(sys.argv[1]) if l.strip()])
gold_groups = {}
for name, g in gold.items():
    gold_groups.setdefault(g["event"], []).append(name)
true = pairs(gold_groups.values())
tp = len(pred & true)
p = tp / len(pred) if pred else 0
r = tp / len(true) if true else 0
print("%.3f" % (2 * p * r / (p + r) if p + r else 0))
' "$1" "$2" "$EV/gold.json"
}

# One import of the whole set, and the same set in two imports.
ONE="$TMP/one.db"
HALVES="$TMP/halves.db"
xargs "$SITREP" --db "$ONE" import <"$TMP/files" >"$TMP/one.out" 2>&1
check_eq "incremental: one import stores the set" "$(tail -1 "$TMP/one.out" | cut -d, -f1)" "imported $total"
check_eq "incremental: the import assigns every report to an event" "$(unassigned "$ONE")" 0
xargs "$SITREP" --db "$HALVES" import <"$TMP/first" >/dev/null 2>&1
check_eq "incremental: the first half is grouped on import" "$(unassigned "$HALVES")" 0
xargs "$SITREP" --db "$HALVES" import <"$TMP/second" >/dev/null 2>&1
check_eq "incremental: the second half is grouped on import" "$(unassigned "$HALVES")" 0

"$SITREP" --db "$ONE" events --json >"$TMP/one.json" 2>"$TMP/one.err"
check_eq "incremental: events exits 0" "$?" 0
"$SITREP" --db "$ONE" list --json >"$TMP/one.list"
"$SITREP" --db "$HALVES" events --json >"$TMP/halves.json" 2>&1
"$SITREP" --db "$HALVES" list --json >"$TMP/halves.list"
cp "$ONE" "$TMP/full.db"
"$SITREP" --db "$TMP/full.db" events --json --regroup >"$TMP/full.json" 2>&1
check_eq "incremental: events --regroup exits 0" "$?" 0

one=$(f1 "$TMP/one.json" "$TMP/one.list")
halves=$(f1 "$TMP/halves.json" "$TMP/halves.list")
full=$(f1 "$TMP/full.json" "$TMP/one.list")
echo "# pairwise F1: one import $one, two imports $halves, full regroup $full"
at_least() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)' "$1" "$2"; }
if at_least "$halves" "$full"; then pass "incremental: two imports group as well as a full regroup"
else fail "incremental: two imports group as well as a full regroup" "F1 $halves < $full"; fi
if at_least "$one" "$full"; then pass "incremental: one import groups as well as a full regroup"
else fail "incremental: one import groups as well as a full regroup" "F1 $one < $full"; fi

# Every report is in exactly one event, whichever way it was grouped.
for j in one halves full; do
    n=$(python3 -c '
import json, sys
ids = [r["id"] for l in open(sys.argv[1]) if l.strip() for r in json.loads(l)["reports"]]
print(len(ids) if len(ids) == len(set(ids)) else -1)
' "$TMP/$j.json")
    check_eq "incremental: $j: each report in one event" "$n" "$total"
done

# Events are numbered in the order of their first report, from 1, with no gap.
nums=$(python3 -c '
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
firsts = [min(r["id"] for r in e["reports"]) for e in evs]
print([e["event"] for e in evs] == list(range(1, len(evs) + 1)) and firsts == sorted(firsts))
' "$TMP/halves.json")
check_eq "incremental: events in the order of their first report" "$nums" "True"

# A later import that repeats a report changes nothing; events stay fresh.
xargs "$SITREP" --db "$HALVES" import <"$TMP/second" >/dev/null 2>&1
"$SITREP" --db "$HALVES" events --json >"$TMP/again.json" 2>&1
check_eq "incremental: a repeated import leaves the events as they were" \
    "$(cmp -s "$TMP/halves.json" "$TMP/again.json" && echo same)" "same"

# --regroup is an option, not a filter word; an unknown option is a usage error.
"$SITREP" --db "$ONE" events --bogus >/dev/null 2>&1
check_eq "incremental: an unknown option is a usage error" "$?" 2
