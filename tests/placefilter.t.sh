#!/bin/sh
# placefilter.t.sh: what a place filter keeps (issue 15). Four reports, checked by hand
# (tests/data/placefilter): 1 a strike in Mosul that names Kirkuk in passing; 2 a car bomb
# in Mosul, filed from Kirkuk (its dateline); 3 shelling in Kirkuk; 4 clashes in Mosul
# and, told after them, a second incident, a roadside bomb in Kirkuk. place:Kirkuk keeps
# the reports of events in Kirkuk (3 and 4); mentions:Kirkuk every report naming it (all
# four). The reader's picker counts either way (Tab switches), the status line says
# which, the state file keeps it; sitrep list, events and export take both terms, and so
# do saved filters.
. "$(dirname "$0")/lib.sh"

DB="$TMP/pf.db"
"$SITREP" --db "$DB" import "$TOP/tests/data/placefilter" >"$TMP/import.out" 2>&1 ||
    { fail placefilter-import "$(cat "$TMP/import.out")"; exit 0; }
T1="Airstrike kills 20 militants in Mosul"
T2="Car bomb kills nine at a Mosul market"
T3="Shelling kills six civilians in Kirkuk"
T4="Clashes kill 12 fighters in Mosul"

# screen SCRIPT-LINES...: the reader at 100x30 on a copy of the four, the dump printed.
screen() {
    printf '%s\n' "$@" >"$TMP/script"
    rm -f "$TMP/dump"
    [ -n "${KEEP_DB:-}" ] || { rm -f "$TMP/run.db"*; cp "$DB" "$TMP/run.db"; }
    "$SITREP" --db "$TMP/run.db" --script "$TMP/script" --dump "$TMP/dump" --size "${SIZE:-100x30}" \
        >"$TMP/ui.err" 2>&1 || echo "EXIT $?: $(cat "$TMP/ui.err")"
    cat "$TMP/dump" 2>/dev/null
}
# has NAME SCREEN TITLES...: each title listed; lacks likewise.
has() { n=$1 s=$2; shift 2; for t in "$@"; do check_contains "$n-has-${t%% *}" "$s" "$t"; done; }
lacks() { n=$1 s=$2; shift 2; for t in "$@"; do check_lacks "$n-lacks-${t%% *}" "$s" "$t"; done; }

# ---- the filter line ----
s=$(screen f 'type place:Kirkuk' '<Enter>' ':dump')
check_contains pf-place-count "$s" "Articles (2)"
has pf-place "$s" "$T3" "$T4"
lacks pf-place "$s" "$T1" "$T2"
s=$(screen f 'type mentions:Kirkuk' '<Enter>' ':dump')
check_contains pf-mentions-count "$s" "Articles (4)"
has pf-mentions "$s" "$T1" "$T2" "$T3" "$T4"
s=$(screen f 'type place:Mosul' '<Enter>' ':dump')
check_contains pf-place-mosul "$s" "Articles (3)"
lacks pf-place-mosul "$s" "$T3"

# ---- the picker: counts in the meaning shown, Tab switches, Enter keeps in it ----
s=$(screen l 'type Kirkuk' ':dump')
check_contains pf-picker-events "$s" "Kirkuk (2)"
check_contains pf-picker-events-title "$(printf '%s\n' "$s" | head -1)" "reports of events there"
s=$(screen l 'type Kirkuk' '<Tab>' ':dump')
check_contains pf-picker-any "$s" "Kirkuk (4)"
check_contains pf-picker-any-title "$(printf '%s\n' "$s" | head -1)" "reports naming it"
s=$(screen l 'type Kirkuk' '<Enter>' ':dump')
check_contains pf-picked-events "$s" "Articles (2)"
check_contains pf-picked-events-status "$s" "place: Kirkuk, events there"
has pf-picked-events "$s" "$T3" "$T4"
lacks pf-picked-events "$s" "$T1" "$T2"
s=$(screen l 'type Kirkuk' '<Tab>' '<Enter>' ':dump')
check_contains pf-picked-any "$s" "Articles (4)"
check_contains pf-picked-any-status "$s" "place: Kirkuk, any mention"

# ---- bindable through the action table ----
mkdir -p "$XDG_CONFIG_HOME/sitrep"
printf 'bind picker <C-a> place-meaning\n' >"$XDG_CONFIG_HOME/sitrep/config"
s=$(screen l 'type Kirkuk' '<C-a>' ':dump')
check_contains pf-bound-key "$s" "Kirkuk (4)"
check_contains pf-bound-key-title "$(printf '%s\n' "$s" | head -1)" "(C-a Tab: events there)"
rm -f "$XDG_CONFIG_HOME/sitrep/config"
s=$(SIZE=120x250 screen '?' ':dump')
check_contains pf-help-picker "$s" "Tab            place-meaning"
check_contains pf-help-place "$s" "place:Anbar              reports of events there"
check_contains pf-help-mentions "$s" "mentions:Anbar           every report naming it"

# ---- the state file keeps the meaning chosen, with the place ----
export XDG_STATE_HOME="$TMP/state"
rm -f "$TMP/run.db"*
cp "$DB" "$TMP/run.db"
KEEP_DB=1 screen l 'type Kirkuk' '<Tab>' '<Enter>' q >/dev/null
s=$(KEEP_DB=1 screen ':dump')
check_contains pf-state-count "$s" "Articles (4)"
check_contains pf-state-status "$s" "place: Kirkuk, any mention"
check_contains pf-state-file "$(cat "$XDG_STATE_HOME"/sitrep/state-* 2>/dev/null)" "place-meaning mentions"
s=$(KEEP_DB=1 screen l ':dump')
check_contains pf-state-picker "$(printf '%s\n' "$s" | head -1)" "reports naming it"
unset XDG_STATE_HOME

# ---- saved filters take both terms ----
printf '%s\n' 'filter kirkuk place:Kirkuk' 'filter named mentions:Kirkuk' \
    >"$XDG_CONFIG_HOME/sitrep/config"
s=$(screen S 2 ':dump')
check_contains pf-saved-mentions "$s" "Articles (4)"
s=$(screen S 1 ':dump')
check_contains pf-saved-place "$s" "Articles (2)"
rm -f "$XDG_CONFIG_HOME/sitrep/config"

# ---- the command line: list, events, export ----
ids() { "$SITREP" --db "$DB" list --json "$@" | python3 -c '
import json, sys
print(",".join(str(json.loads(l)["id"]) for l in sys.stdin if l.strip()))'; }
check_eq pf-list-place "$(ids place:Kirkuk)" "3,4"
check_eq pf-list-mentions "$(ids mentions:Kirkuk)" "1,2,3,4"
check_eq pf-list-all "$(ids)" "1,2,3,4"
"$SITREP" --db "$DB" list 'mentions:"Kirk' >/dev/null 2>"$TMP/err"
check_eq pf-list-bad-filter "$?" 2
check_contains pf-list-bad-filter-says "$(cat "$TMP/err")" "unterminated quote"
reports() { "$SITREP" --db "$DB" events --json "$@" | python3 -c '
import json, sys
print(sum(len(json.loads(l)["reports"]) for l in sys.stdin if l.strip()))'; }
# an event is kept when one of its reports is; here 1, 2 and 4 are one event (Mosul,
# undated) and 3 another, so both terms keep both events (the samples tell them apart:
# events.t.sh), while Iraq's other cities keep none
check_eq pf-events-place "$(reports place:Kirkuk)" 4
check_eq pf-events-mentions "$(reports mentions:Kirkuk)" 4
check_eq pf-events-place-elsewhere "$(reports place:Baghdad)" 0
n=$("$SITREP" --db "$DB" export reports place:Kirkuk | tail -n +2 | wc -l | tr -d ' ')
check_eq pf-export-place "$n" 2
n=$("$SITREP" --db "$DB" export reports mentions:Kirkuk | tail -n +2 | wc -l | tr -d ' ')
check_eq pf-export-mentions "$n" 4
