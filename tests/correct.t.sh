#!/bin/sh
# correct.t.sh: the analyst's corrections from the command line (issue 13): stored apart
# from the facts, listed, undone newest first, refused with a reason when they name no
# article or a bad value.
. "$(dirname "$0")/lib.sh"

DB="$TMP/c.db"
"$SITREP" --db "$DB" import "$TOP"/assets/samples/*.txt >/dev/null 2>&1

out=$("$SITREP" --db "$DB" correct merge 1 2 2>&1)
check_eq "correct: merge is stored and described" "$out" "correction 1: merge the events of #1 and #2"
out=$("$SITREP" --db "$DB" correct drop-figure 000_ killed 40 2>&1)
check_eq "correct: a file name piece names the report" "$out" "correction 2: killed 40 of #1 is not its event's"
out=$("$SITREP" --db "$DB" correct place 3 al Qaim 2>&1)
check_eq "correct: a place of several words" "$out" "correction 3: the event of #3 happened at al Qaim"

"$SITREP" --db "$DB" correct date 3 2024-13-01 >"$TMP/o" 2>&1
check_eq "correct: an impossible date is a usage error" "$?" 2
check_contains "correct: the bad date is named" "$(cat "$TMP/o")" "2024-13-01 is not a date"
"$SITREP" --db "$DB" correct kind 3 picnic >"$TMP/o" 2>&1
check_eq "correct: an unknown kind is a usage error" "$?" 2
"$SITREP" --db "$DB" correct move 99 1 >"$TMP/o" 2>&1
check_eq "correct: a missing report fails" "$?" 1
check_contains "correct: the missing report is named" "$(cat "$TMP/o")" "no article #99"
"$SITREP" --db "$DB" correct merge 2 2 >"$TMP/o" 2>&1
check_contains "correct: a report is not merged with itself" "$(cat "$TMP/o")" "are the same article"

out=$("$SITREP" --db "$DB" correct undo 2>&1)
check_eq "correct: undo takes back the newest" "$out" "undone correction 3: the event of #3 happened at al Qaim"
list=$("$SITREP" --db "$DB" correct list 2>&1)
check_contains "correct: list marks the undone one" "$list" "3 the event of #3 happened at al Qaim  (undone)"
check_eq "correct: list keeps all three" "$(printf '%s\n' "$list" | wc -l | tr -d ' ')" 3
n=$("$SITREP" --db "$DB" correct list --json | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
print(sum(1 for r in rows if not r["undone"]), rows[1]["op"], rows[1]["kind"], rows[1]["n"])')
check_eq "correct: list --json" "$n" "2 drop-figure killed 40"

# corrections are not facts: the figure marked as not the event's is still extracted
killed=$("$SITREP" --db "$DB" show --json 1 | python3 -c '
import json, sys
print(sum(1 for f in json.load(sys.stdin)["figures"] if f["kind"] == "killed" and f["n"] == 40))')
check_eq "correct: the extracted figures stay as they were" "$killed" 1

# Replayed over every grouping. On the samples the grouping is {000, 004} (ids 1 and 5),
# {001}, {002}, {003} (events.t.sh); each step below is checked against that by hand.
groups() {
    "$SITREP" --db "$DB2" events --json | python3 -c '
import json, sys
rows = []
for line in sys.stdin:
    e = json.loads(line)
    ids = ",".join(str(i) for i in sorted(r["id"] for r in e["reports"]))
    rows.append(ids + (" *" if e["corrected"] else ""))
print(" ".join(sorted(rows)))'
}
event_of() { # ID FIELD: a field of the event that holds report ID
    "$SITREP" --db "$DB2" events --json | python3 -c '
import json, sys
want, field = int(sys.argv[1]), sys.argv[2]
for line in sys.stdin:
    e = json.loads(line)
    if any(r["id"] == want for r in e["reports"]):
        if field == "killed":
            print(" ".join("%s-%s" % (f["low"], f["high"]) for f in e["figures"] if f["kind"] == "killed"))
        elif field == "date":
            print([r["date"] for r in e["reports"] if r["id"] == want][0])
        else:
            print(e[field])' "$1" "$2"
}
DB2="$TMP/replay.db"
"$SITREP" --db "$DB2" import "$TOP"/assets/samples/*.txt >/dev/null 2>&1
check_eq "replay: the grouping before any correction" "$(groups)" "1,5 2 3 4"
"$SITREP" --db "$DB2" correct merge 2 3 >/dev/null
check_eq "replay: merge joins two events" "$(groups)" "1,5 2,3 * 4"
"$SITREP" --db "$DB2" correct split 5 >/dev/null
check_eq "replay: split takes a report out, both marked" "$(groups)" "1 * 2,3 * 4 5 *"
"$SITREP" --db "$DB2" correct move 4 1 >/dev/null
check_eq "replay: move" "$(groups)" "1,4 * 2,3 * 5 *"
check_eq "replay: survives regrouping" "$(groups)" "1,4 * 2,3 * 5 *"
"$SITREP" --db "$DB2" correct kind 3 bombing >/dev/null
"$SITREP" --db "$DB2" correct place 2 Al Qaim >/dev/null
check_eq "replay: the analyst's kind and place name the event" "$(event_of 2 label)" "bombing at Al Qaim"
# the merged event is at Qaim: 001 (id 2) says 14 killed there, 002 (id 3) 33 at the camp in
# al-Rabt near Qaem; 002's 38 is over all Anbar, another place, so never in the range
check_eq "replay: before a figure is dropped" "$(event_of 3 killed)" "14-33"
"$SITREP" --db "$DB2" correct drop-figure 3 killed 33 >/dev/null
check_eq "replay: a dropped figure leaves the event's range" "$(event_of 3 killed)" "14-14"
"$SITREP" --db "$DB2" correct date 4 2024-01-07 >/dev/null
check_eq "replay: a corrected date is the report's" "$(event_of 4 date)" "2024-01-07"
"$SITREP" --db "$DB2" correct undo >/dev/null
check_eq "replay: undo restores the stated date" "$(event_of 4 date)" "None"
check_contains "replay: the event says which corrections shaped it" "$(event_of 1 corrections)" "#4 moved to the event of #1"
text=$(COLUMNS=120 "$SITREP" --db "$DB2" events 2>&1)
check_contains "replay: text output marks corrected events" "$text" "corrected: merge the events of #2 and #3"
