#!/bin/sh
# ui.t.sh: the reader driven headless by key scripts (--script), screens compared as text.
# Expectations are hand-checked against the five sample articles: which articles a place
# filter keeps follows from what each report says (000 Fallujah/Baghdad, 001 Qaim and
# Baghdad, 002 Qaem/al-Rabt, 003 Mosul and al-Qaim, 004 Fallujah and Baghdad).
. "$(dirname "$0")/lib.sh"

DB="$TMP/ui.db"
"$SITREP" --db "$DB" import "$TOP/assets/samples" >"$TMP/import.out" 2>&1 ||
    { fail ui-import "$(cat "$TMP/import.out")"; exit 0; }

# screen SCRIPT-LINES...: runs the reader at 100x30 on the samples, prints the dump.
screen() {
    printf '%s\n' "$@" >"$TMP/script"
    rm -f "$TMP/dump" "$TMP/run.db"*
    cp "$DB" "$TMP/run.db" # each script starts from the freshly imported collection
    "$SITREP" --db "$TMP/run.db" --script "$TMP/script" --dump "$TMP/dump" --size "${SIZE:-100x30}" \
        >"$TMP/ui.err" 2>&1 || echo "EXIT $?: $(cat "$TMP/ui.err")"
    cat "$TMP/dump" 2>/dev/null
}

T000="Iraq Airstrikes Kill Islamic State Fighters"
T001="Army jets kill 14 Islamic State members"
T002="UPDATED: Coalition airstrikes 38 IS militant"
T003="Dozens of Daesh terrorists"
T004="The Iraqi army and allied volunteer fighters"

first=$(screen ':dump')
check_contains ui-first-count "$first" "Articles (5)"
for t in "$T000" "$T001" "$T002" "$T003" "$T004"; do
    check_contains "ui-first-lists-${t%% *}" "$first" "$t"
done
check_contains ui-first-status "$first" "run.db | 5 articles"
check_contains ui-first-panes "$first" "| Facts"
check_contains ui-first-timeline "$first" "Timeline"
check_eq ui-first-size "$(printf '%s\n' "$first" | wc -l | tr -d ' ')" 30
# the newest report (2024-09-21) is first and shown in the article pane
check_contains ui-first-newest "$(printf '%s\n' "$first" | sed -n 2p)" "2024-09-21"
check_contains ui-first-article "$(printf '%s\n' "$first" | sed -n 13p)" "$T002"

opened=$(screen j '<Enter>' ':dump')
check_contains ui-open-title "$(printf '%s\n' "$opened" | sed -n 2p)" "$T001"
check_contains ui-open-text "$opened" "Qaim"
check_lacks ui-open-no-list "$opened" "Articles (5)"
back=$(screen j '<Enter>' '<Esc>' ':dump')
check_contains ui-open-back "$back" "Articles (5)"

baghdad=$(screen l 'type Baghdad' '<Enter>' ':dump')
check_contains ui-baghdad-count "$baghdad" "Articles (3)"
check_contains ui-baghdad-status "$baghdad" "place: Baghdad"
for t in "$T000" "$T001" "$T004"; do check_contains "ui-baghdad-has-${t%% *}" "$baghdad" "$t"; done
for t in "$T002" "$T003"; do check_lacks "ui-baghdad-lacks-${t%% *}" "$baghdad" "$t"; done
cleared=$(screen l 'type Baghdad' '<Enter>' L ':dump')
check_contains ui-place-cleared "$cleared" "Articles (5)"

for spelling in Qaim Qaem "al-Qa'im"; do
    qaim=$(screen l "type $spelling" '<Enter>' ':dump')
    check_contains "ui-qaim-count-$spelling" "$qaim" "Articles (4)"
    check_lacks "ui-qaim-lacks-000-$spelling" "$qaim" "$T000"
    for t in "$T001" "$T002" "$T003" "$T004"; do
        check_contains "ui-qaim-$spelling-has-${t%% *}" "$qaim" "$t"
    done
done

# Daesh is named in 000, 003 and 004 only
found=$(screen / 'type Daesh' '<Enter>' ':dump')
check_contains ui-search-status "$found" "search: Daesh"
check_contains ui-search-count "$found" "Articles (3)"
for t in "$T000" "$T003" "$T004"; do check_contains "ui-search-has-${t%% *}" "$found" "$t"; done
check_lacks ui-search-lacks-002 "$found" "$T002"
# FTS syntax in user words is quoted, never an error: Muweil AND Rabt are three words
# here, all in 002; the operator and the stray quote and parenthesis are just text
odd=$(screen / 'type Muweil AND "Rabt (' '<Enter>' ':dump')
check_contains ui-search-quoted "$odd" "Articles (1)"
check_contains ui-search-quoted-hit "$odd" "$T002"
check_lacks ui-search-no-error "$odd" "query failed"

help=$(screen '?' ':dump')
check_eq ui-help "$(printf '%s\n' "$help" | head -7)" "$(cat "$TOP/tests/ui/help_top.txt")"

small=$(screen ':resize 20x6' ':dump')
check_eq ui-too-small "$small" "$(cat "$TOP/tests/ui/too_small_20x6.txt")"
again=$(screen ':resize 20x6' ':resize 100x30' ':dump')
check_eq ui-resize-back "$again" "$first"
narrow=$(SIZE=40x10 screen ':dump')
check_contains ui-minimum "$narrow" "Articles (5)"
