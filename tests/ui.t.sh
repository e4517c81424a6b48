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
# a row's place is the one that stands for the report: 000 names Baghdad more often (its
# dateline and other bombings) but Fallujah in its title; 001's title names Qaim
check_contains ui-first-place-000 "$(printf '%s\n' "$first" | grep -F "$T000")" "Al Fallujah"
check_contains ui-first-place-001 "$(printf '%s\n' "$first" | grep -F "$T001")" "Al Qa'im"

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
# a word finds its other forms: "airstrike" is written "airstrikes" in 000 and 002 (and
# both ways in 003); 001 and 004 never name one
strikes=$(screen / 'type airstrike' '<Enter>' ':dump')
check_contains ui-search-stem-count "$strikes" "Articles (3)"
for t in "$T000" "$T002" "$T003"; do check_contains "ui-search-stem-has-${t%% *}" "$strikes" "$t"; done
check_lacks ui-search-stem-lacks-001 "$strikes" "$T001"
check_lacks ui-search-stem-lacks-004 "$strikes" "$T004"
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

# ---- the filter line (f): terms combine; errors are shown and the prompt stays ----
# killed (each report's own figure: its headline's or lede's, else its largest): 000 40,
# 001 14 (its headline; the "hundreds" further down are background), 002 38, 003 24,
# 004 150; in Anbar or inside it: 000 and 004 (Fallujah), 001, 002, 003 (al-Qaim).
filtered=$(screen f 'type killed>=40 place:Anbar' '<Enter>' ':dump')
check_contains ui-filter-count "$filtered" "Articles (2)"
check_contains ui-filter-status "$filtered" "filter: killed>=40 place:Anbar"
for t in "$T000" "$T004"; do check_contains "ui-filter-has-${t%% *}" "$filtered" "$t"; done
for t in "$T001" "$T002" "$T003"; do check_lacks "ui-filter-lacks-${t%% *}" "$filtered" "$t"; done
bad=$(screen f 'type killed>=many' '<Enter>' ':dump')
check_contains ui-filter-error "$bad" "killed needs a number"
check_contains ui-filter-prompt-kept "$bad" "filter: killed>=many"
check_contains ui-filter-error-keeps-list "$bad" "Articles (5)"
# an alias written in one report names the actor in all: Daesh is Islamic State, in all five
alias=$(screen f 'type actor:Daesh' '<Enter>' ':dump')
check_contains ui-filter-actor-alias "$alias" "Articles (5)"
# 000, 003 and 004 carry no date: since: keeps only dated reports
dated=$(screen f 'type since:2024-05' '<Enter>' ':dump')
check_contains ui-filter-since "$dated" "Articles (2)"
# only 001 names its outlet (IraqiNews.com); one article, counted in the singular
one=$(screen f 'type source:iraqinews' '<Enter>' ':dump')
check_contains ui-filter-source "$one" "Articles (1)"
check_contains ui-filter-source-singular "$one" "| 1 article | filter: source:iraqinews"
cleared=$(screen f 'type since:2024-05' '<Enter>' L ':dump')
check_contains ui-filter-cleared "$cleared" "Articles (5)"

# ---- facts highlighted in the text; n walks them ----
# 001's title: "Army jets kill 14 Islamic State members in Qaim, western Anbar": the figure
# "kill 14 Islamic State members" (29 columns from column 11), Qaim and Anbar as places.
marks=$(screen j '<Enter>' ':attrs')
check_eq ui-highlight-title "$(printf '%s\n' "$marks" | sed -n 2p)" \
    "...........fffffffffffffffffffffffffffff....pppp..........ppppp"
stepped=$(screen j '<Enter>' n n ':attrs')
check_eq ui-next-fact "$(printf '%s\n' "$stepped" | sed -n 2p)" \
    "...........fffffffffffffffffffffffffffff....CCCC..........ppppp"
back=$(screen j '<Enter>' n n N ':attrs')
check_eq ui-prev-fact "$(printf '%s\n' "$back" | sed -n 2p)" \
    "...........CCCCCCCCCCCCCCCCCCCCCCCCCCCCC....pppp..........ppppp"

# ---- the facts pane: selecting a place scrolls the article to its sentence ----
# 002's places in order: Al Anbar, Syria, Al Qa'im, al-Rabt, Ramadi; Ramadi is first named
# in the sentence "Meanwhile, Anbar's top operations commander ... west of the city of Ramadi"
facts=$(screen '<Tab>' '<Tab>' j j j j j ':dump')
check_contains ui-facts-jump "$(printf '%s\n' "$facts" | sed -n 13,14p)" "Meanwhile, Anbar"
check_contains ui-facts-hierarchy "$facts" "Al Qa'im < Al Anbar < Iraq"

# ---- the timeline: by figure dates; zoom; Enter opens the report at its sentence ----
# 002 (2024-09-21, a Saturday) reports 38 killed "on Monday" (2024-09-16) and five more
# undated (its own day); 001 (2024-05-01, a Wednesday) 14 in its headline
day=$(screen ':dump')
check_contains ui-timeline-day "$day" "2024-09-16    38k"
check_contains ui-timeline-day-own "$day" "2024-09-21     5k"
week=$(screen z ':dump')
check_contains ui-timeline-week-title "$week" "Timeline (week)"
check_contains ui-timeline-week "$week" "2024-09-16    43k"
check_contains ui-timeline-week-monday "$week" "2024-04-29    14k"
month=$(screen z z ':dump')
check_contains ui-timeline-month "$month" "2024-05       14k"
opened=$(screen z '<Tab>' '<Tab>' '<Tab>' j '<Enter>' ':dump')
check_contains ui-timeline-open "$(printf '%s\n' "$opened" | sed -n 12p)" "2024-05-01 - IraqiNews.com"
# ... at the sentence of its own figure: the headline, at the top of the pane
check_contains ui-timeline-open-sentence "$(printf '%s\n' "$opened" | sed -n 13p)" \
    "Army jets kill 14 Islamic State members"

# ---- the config file: bindings, layout, errors naming the line ----
mkdir -p "$XDG_CONFIG_HOME/sitrep"
printf '# mine\nset layout two\nbind all x layout\nbind list y frobnicate\ncolor place red\n' \
    >"$XDG_CONFIG_HOME/sitrep/config"
conf=$(screen ':dump')
check_lacks ui-config-layout "$conf" "| Facts"
check_contains ui-config-error "$conf" "config:4: unknown action 'frobnicate'"
cycled=$(screen x x ':dump')
check_contains ui-config-bind "$cycled" "| Facts"
help=$(screen '?' ':dump')
check_contains ui-config-help "$help" "v x            layout"
rm -f "$XDG_CONFIG_HOME/sitrep/config"
# every screen reads its keys through the action table, so bind reaches the events and
# compare screens too (they were modes reading their own keys before)
printf 'bind events o open\nbind compare x quit\nbind compare q none\n' >"$XDG_CONFIG_HOME/sitrep/config"
opened=$(screen E o ':dump')
check_contains ui-bind-events "$opened" "destroyed  range 175-260"
closed=$(screen j j m j j c x ':dump')
check_contains ui-bind-compare-rebound "$closed" "Articles (5)"
kept=$(screen j j m j j c q ':dump')
check_contains ui-bind-compare-unbound "$kept" "A #5 The Iraqi army"
help=$(SIZE=100x90 screen '?' ':dump')
check_contains ui-bind-help-compare "$help" "x              quit"
# "all" is every screen but those where typing is text: C-u still erases a prompt's line
printf 'bind all <C-u> page-up\n' >"$XDG_CONFIG_HOME/sitrep/config"
searched=$(screen / 'type abc' '<C-u>' 'type Daesh' '<Enter>' ':dump')
check_contains ui-bind-all-spares-prompt "$searched" "search: Daesh"
rm -f "$XDG_CONFIG_HOME/sitrep/config"
# ? lists every screen's keys: the compare, events and feeds screens', the picker's, the prompts'
help=$(SIZE=100x120 screen '?' ':dump')
check_contains ui-help-compare "$help" "Compare (m on one article, c on another)"
check_contains ui-help-compare-aligned "$help" "n              next-aligned"
check_contains ui-help-events "$help" "Events (E)"
check_contains ui-help-events-regroup "$help" "r              regroup"
check_contains ui-help-events-mark "$help" "Space m        mark"
check_contains ui-help-picker "$help" "Location picker (l)"
check_contains ui-help-feeds "$help" "Feeds (F)"
check_contains ui-help-fetch "$help" "R              fetch"
check_contains ui-help-open-link "$help" "o              open-link"

# ---- compare (m, c) and events (E) views ----
# In list order 002, 001, 004, 003, 000 (dated first, then by id): mark 004, compare with
# 000. Hand-checked: 004 says "some 150" killed and "some 260" vehicles destroyed, 000
# "scores" killed, 15 and more wounded and "more than 138" vehicles; both name Fallujah
# and Baghdad; only 000 names the US-led coalition.
cmp=$(SIZE=120x40 screen j j m j j c ':dump')
check_contains ui-compare-heads "$cmp" "A #5 The Iraqi army"
check_contains ui-compare-head-b "$cmp" "B #1 Iraq Airstrikes Kill"
check_contains ui-compare-killed "$(printf '%s\n' "$cmp" | grep '^killed')" "some 150"
check_contains ui-compare-killed-b "$(printf '%s\n' "$cmp" | grep '^killed')" "scores"
check_contains ui-compare-killed-differ "$(printf '%s\n' "$cmp" | grep '^killed')" "differ"
check_contains ui-compare-wounded-only-b "$(printf '%s\n' "$cmp" | grep '^wounded')" "only B"
check_contains ui-compare-destroyed "$(printf '%s\n' "$cmp" | grep '^destroyed')" "some 260"
check_contains ui-compare-destroyed-b "$(printf '%s\n' "$cmp" | grep '^destroyed')" "more than 138"
check_contains ui-compare-places "$cmp" "both: Al Fallujah, Baghdad"
check_contains ui-compare-actors "$cmp" "only B: Iraqi Defense Ministry, US-led"
# long cells wrap rather than cut: 000's second destroyed figure and its source, 175
# vehicles "according to Col. Garver", on the row's second line
check_contains ui-compare-wrapped "$cmp" "Hamid al-Maliki); 175 (Col. Garver)"
# line drawing comes out of a dump as plain text, not as the VT100 letters q and x
check_contains ui-compare-rule "$cmp" "--------------------"
check_contains ui-compare-columns "$cmp" "outskirts of the recently-liberated city of Fallujah.      |showing airstrikes"
# the events of the samples: 000 and 004 one event; 001, 002, 003 each apart from them
ev=$(screen E ':dump')
check_contains ui-events-fallujah "$ev" "2 rep  killed 40-150    recapture at Al Fallujah"
check_contains ui-events-qaim "$ev" "1 rep  killed 14-14     airstrike at Al Qa'im"
check_contains ui-events-anbar "$ev" "1 rep  killed 38-38     airstrike at Al Anbar"
opened=$(screen E '<Enter>' ':dump')
check_contains ui-events-detail "$opened" "destroyed  range 175-260  conservative 175  2 reports  DISAGREE"
check_contains ui-events-reports "$opened" "#1 undated"
# an import after the events were grouped: the view groups again and shows the new report
cp "$DB" "$TMP/stale.db"
printf 'E\nq\n' >"$TMP/script"
"$SITREP" --db "$TMP/stale.db" --script "$TMP/script" --dump /dev/null >/dev/null 2>&1
mkdir -p "$TMP/more"
printf 'Title: Car bomb kills nine in Kirkuk\nDate: 2024-06-02\n\nKIRKUK, June 2 - A car bomb killed nine people at a market in Kirkuk on Sunday, police said.\n' \
    >"$TMP/more/kirkuk.txt"
"$SITREP" --db "$TMP/stale.db" import "$TMP/more" >/dev/null 2>&1
printf 'E\n:dump\n' >"$TMP/script"
"$SITREP" --db "$TMP/stale.db" --script "$TMP/script" --dump "$TMP/dump" --size 100x30 >/dev/null 2>&1
check_contains ui-events-regroup "$(cat "$TMP/dump")" "at Kirkuk"
