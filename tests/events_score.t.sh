#!/bin/sh
# The events development set (tests/events: 84 real-event reports with gold groups, own
# tolls and publication dates) scored by tests/events/score.py, with thresholds at what
# sitrep reaches, so a change that loses ground fails here. The six unseen reports in
# tests/events/unseen (written before the toll rules were tuned) are held to their own.
# Measured (issue 13), main at 84fa072 -> branch toll: grouping F1 0.764 -> 0.820, own
# tolls 59/84 -> 83/84, dates 74/84 -> 84/84; the unseen six, scored before any rule was
# written: tolls 4/6 -> 6/6, dates 3/6 -> 6/6. (One-at-a-time incremental grouping gave
# 0.790; a small import now ends by grouping whole, 0.820 again.) Later 0.834 -> 0.855 (issue
# 13 follow-up: distance references, kept datelines counted once, the headline's country
# over a namesake abroad).
. "$(dirname "$0")/lib.sh"

MIN_F1=0.85
MIN_TOLL=0.98
MIN_DATES=84
UNSEEN_MIN_TOLL=1.0
UNSEEN_MIN_DATES=6
# tests/events/unseen2: 21 reports written after the rules were tuned, scored once before
# any rule was written for them (096f983): F1 0.818, tolls 15/21, dates 20/21.
UNSEEN2_MIN_F1=0.81
UNSEEN2_MIN_TOLL=0.71
UNSEEN2_MIN_DATES=20

# score NAME OUT ARGS...: runs the scorer; OUT receives its output.
score() {
    name=$1 out=$2; shift 2
    if python3 "$TOP/tests/events/score.py" --sitrep "$SITREP" "$@" >"$out" 2>&1; then
        pass "$name"
    else
        fail "$name" "$(grep -E '^(grouping|tolls|dates|score.py)' "$out" | tr '\n' ' ')"
    fi
}

dates_right() {
    sed -n 's/^dates: \([0-9]*\)\/.*/\1/p' "$1"
}

score "events score: grouping F1 >= $MIN_F1 and own tolls >= $MIN_TOLL" "$TMP/dev.out" \
    --min-f1 "$MIN_F1" --min-toll "$MIN_TOLL"
got=$(dates_right "$TMP/dev.out")
if [ -n "$got" ] && [ "$got" -ge "$MIN_DATES" ]; then
    pass "events score: publication dates >= $MIN_DATES"
else
    fail "events score: publication dates >= $MIN_DATES" "got ${got:-none}"
fi

score "events score: unseen own tolls >= $UNSEEN_MIN_TOLL" "$TMP/unseen.out" \
    --gold "$TOP/tests/events/unseen/gold.json" --dir "$TOP/tests/events/unseen" \
    --min-toll "$UNSEEN_MIN_TOLL"
got=$(dates_right "$TMP/unseen.out")
if [ -n "$got" ] && [ "$got" -ge "$UNSEEN_MIN_DATES" ]; then
    pass "events score: unseen publication dates >= $UNSEEN_MIN_DATES"
else
    fail "events score: unseen publication dates >= $UNSEEN_MIN_DATES" "got ${got:-none}"
fi

score "events score: unseen2 grouping F1 >= $UNSEEN2_MIN_F1 and own tolls >= $UNSEEN2_MIN_TOLL" \
    "$TMP/unseen2.out" --gold "$TOP/tests/events/unseen2/gold.json" \
    --dir "$TOP/tests/events/unseen2" --min-f1 "$UNSEEN2_MIN_F1" --min-toll "$UNSEEN2_MIN_TOLL"
got=$(dates_right "$TMP/unseen2.out")
if [ -n "$got" ] && [ "$got" -ge "$UNSEEN2_MIN_DATES" ]; then
    pass "events score: unseen2 publication dates >= $UNSEEN2_MIN_DATES"
else
    fail "events score: unseen2 publication dates >= $UNSEEN2_MIN_DATES" "got ${got:-none}"
fi

# the scorer must be able to fail: an impossible threshold is refused
if python3 "$TOP/tests/events/score.py" --sitrep "$SITREP" --min-toll 1.01 >"$TMP/x.out" 2>&1; then
    fail "events score: a threshold above reach fails" "score.py exited 0"
else
    pass "events score: a threshold above reach fails"
fi

# Vague stays vague in list --json: the word, with the range it allows for filters.
mkdir -p "$TMP/v"
printf 'Dozens killed in market attack\n\nMay 1, 2024\n\nDozens of people were killed in an attack on a market in Mosul on Tuesday, police said. Several others were wounded.\n' >"$TMP/v/a.txt"
printf 'Strike kills 38 in Mosul\n\nMay 2, 2024\n\nAn air strike killed 38 people in Mosul on Wednesday. Five of them were children, and 12 children were among the dead.\n' >"$TMP/v/b.txt"
if "$SITREP" --db "$TMP/v.db" import "$TMP/v/a.txt" "$TMP/v/b.txt" >"$TMP/v.out" 2>&1 &&
    "$SITREP" --db "$TMP/v.db" list --json >"$TMP/list.json" 2>&1; then
    got=$(python3 -c '
import json, sys
rows = {json.loads(l)["title"].split()[0]: json.loads(l) for l in open(sys.argv[1]) if l.strip()}
a, b = rows["Dozens"], rows["Strike"]
print(a["killed"], a["killed_min"], a["killed_max"], a["wounded"], a["wounded_min"], a["wounded_max"],
      b["killed"], b["killed_min"], b["killed_max"])
' "$TMP/list.json")
    check_eq "events score: list --json keeps vague words, parts not added" "$got" \
        "dozens 24 99 several 3 9 38 38 38"
    # the filter language's killed>=N reads the killed column: a vague word's minimum
    n=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
"SELECT count(*) FROM articles WHERE killed >= 24").fetchone()[0])' "$TMP/v.db")
    check_eq "events score: killed>=24 takes dozens at its minimum" "$n" 2
    n=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
"SELECT count(*) FROM articles WHERE killed >= 25").fetchone()[0])' "$TMP/v.db")
    check_eq "events score: killed>=25 leaves dozens out" "$n" 1
else
    fail "events score: list --json keeps vague words" "$(head -c 300 "$TMP/v.out")"
fi
