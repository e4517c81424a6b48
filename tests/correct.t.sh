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
