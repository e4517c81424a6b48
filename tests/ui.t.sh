#!/bin/sh
# ui.t.sh: the reader driven headless by key scripts (--script), screens compared as text.
# Expectations are hand-checked against the five sample articles: which articles a place
# filter keeps follows from what each report says. Where their events happened: 000 the
# convoy strikes leaving Fallujah (filed from Baghdad) and, told further down, bombings in
# three parts of Baghdad; 001 the strike on Qaim (Baghdad, Anbar and Mosul in passing);
# 002 strikes in Anbar, 33 killed at Qaem/al-Rabt, five more at Wadi Muweil (Ramadi in
# passing); 003 Mosul, as its row names it (it tells of strikes on al-Qa'im too, but its
# figure is placed only "near the border with Syria"); 004 Fallujah and Anbar (Baghdad and
# al-Qaim in passing). Any mention: Baghdad 000, 001, 004; al-Qaim 001 to 004.
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
# the newest report (2024-09-21) is first, under the column headings, and shown in the
# article pane
check_contains ui-first-headings "$(printf '%s\n' "$first" | sed -n 2p)" "#  Date       Source   Place            Toll       Title"
check_contains ui-first-newest "$(printf '%s\n' "$first" | sed -n 3p)" "#3 2024-09-21"
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

# The picker's place keeps the reports of events there; Tab there switches to any mention
# (the counts follow), and the status line says which.
baghdad=$(screen l 'type Baghdad' '<Enter>' ':dump')
check_contains ui-baghdad-count "$baghdad" "Articles (1)"
check_contains ui-baghdad-status "$baghdad" "place: Baghdad, events there"
check_contains "ui-baghdad-has-${T000%% *}" "$baghdad" "$T000"
for t in "$T001" "$T002" "$T003" "$T004"; do check_lacks "ui-baghdad-lacks-${t%% *}" "$baghdad" "$t"; done
picked=$(screen l 'type Baghdad' ':dump')
check_contains ui-picker-meaning "$(printf '%s\n' "$picked" | head -1)" "Location: reports of events there (Tab: any mention)"
check_contains ui-picker-baghdad-events "$picked" "Baghdad (1)"
check_contains ui-picker-iraq-events "$picked" "Iraq (5)"
picked=$(screen l 'type Baghdad' '<Tab>' ':dump')
check_contains ui-picker-meaning-any "$(printf '%s\n' "$picked" | head -1)" "Location: reports naming it (Tab: events there)"
check_contains ui-picker-baghdad-any "$picked" "Baghdad (3)"
picked=$(screen l 'type Baghdad' '<Tab>' '<Tab>' ':dump')
check_contains ui-picker-tab-back "$picked" "Baghdad (1)"
anywhere=$(screen l 'type Baghdad' '<Tab>' '<Enter>' ':dump')
check_contains ui-baghdad-any-count "$anywhere" "Articles (3)"
check_contains ui-baghdad-any-status "$anywhere" "place: Baghdad, any mention"
for t in "$T000" "$T001" "$T004"; do check_contains "ui-baghdad-any-has-${t%% *}" "$anywhere" "$t"; done
for t in "$T002" "$T003"; do check_lacks "ui-baghdad-any-lacks-${t%% *}" "$anywhere" "$t"; done
# Esc leaves the filter as it was, the meaning too
kept=$(screen l 'type Baghdad' '<Enter>' l '<Tab>' '<Esc>' ':dump')
check_contains ui-picker-esc-keeps-meaning "$kept" "place: Baghdad, events there"
# the meaning chosen stays for the next pick
again=$(screen l 'type Baghdad' '<Tab>' '<Enter>' l ':dump')
check_contains ui-picker-meaning-stays "$(printf '%s\n' "$again" | head -1)" "Location: reports naming it"
# a place known but with no report of events there: the way to the mentions is said
syria=$(screen f 'type place:Syria' '<Enter>' ':dump')
check_contains ui-no-events-there "$(printf '%s\n' "$syria" | tail -3 | tr -d '\n')" 'no report of events at "Syria"; mentions:"Syria" keeps those naming it'
check_contains ui-no-events-count "$syria" "Articles (0)"
cleared=$(screen l 'type Baghdad' '<Enter>' L ':dump')
check_contains ui-place-cleared "$cleared" "Articles (5)"

for spelling in Qaim Qaem "al-Qa'im"; do
    qaim=$(screen l "type $spelling" '<Enter>' ':dump')
    check_contains "ui-qaim-count-$spelling" "$qaim" "Articles (3)"
    for t in "$T000" "$T004"; do
        check_lacks "ui-qaim-$spelling-lacks-${t%% *}" "$qaim" "$t"
    done
    # 003 is the Iraqi air force's two strikes on al-Qa'im, where its dozens were killed
    for t in "$T001" "$T002" "$T003"; do
        check_contains "ui-qaim-$spelling-has-${t%% *}" "$qaim" "$t"
    done
    qaim=$(screen l "type $spelling" '<Tab>' '<Enter>' ':dump')
    check_contains "ui-qaim-any-count-$spelling" "$qaim" "Articles (4)"
    check_lacks "ui-qaim-any-lacks-000-$spelling" "$qaim" "$T000"
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
check_contains ui-timeline-day "$day" "2024-09-16     38       0"
check_contains ui-timeline-day-own "$day" "2024-09-21      5       0"
week=$(screen z ':dump')
check_contains ui-timeline-week-title "$week" "Timeline (week)"
check_contains ui-timeline-week "$week" "2024-09-16     43       0"
check_contains ui-timeline-week-monday "$week" "2024-04-29     14       0"
check_contains ui-timeline-headings "$week" "Date       Killed Wounded"
month=$(screen z z ':dump')
check_contains ui-timeline-month "$month" "2024-05        14       0"
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
# the events screens' hint lines name the keys bound now, not the defaults
printf 'bind events x regroup\nbind events r none\n' >"$XDG_CONFIG_HOME/sitrep/config"
evlist=$(screen E ':dump')
check_contains ui-bind-events-hint "$evlist" "x regroup  q close"
check_lacks ui-bind-events-hint-old "$evlist" "r regroup"
printf 'bind events o open\nbind compare x quit\nbind compare q none\n' >"$XDG_CONFIG_HOME/sitrep/config"
closed=$(screen j j m j j c x ':dump')
check_contains ui-bind-compare-rebound "$closed" "Articles (5)"
kept=$(screen j j m j j c q ':dump')
check_contains ui-bind-compare-unbound "$kept" "A #5 The Iraqi army"
# the hint line names the keys bound now: x backs out, and q no longer claims to
check_contains ui-bind-compare-hint "$kept" "[A] Tab side  j scroll  n aligned  x back"
help=$(SIZE=100x90 screen '?' ':dump')
check_contains ui-bind-help-compare "$help" "x              quit"
# "all" is every screen but those where typing is text: C-u still erases a prompt's line
printf 'bind all <C-u> page-up\n' >"$XDG_CONFIG_HOME/sitrep/config"
searched=$(screen / 'type abc' '<C-u>' 'type Daesh' '<Enter>' ':dump')
check_contains ui-bind-all-spares-prompt "$searched" "search: Daesh"
rm -f "$XDG_CONFIG_HOME/sitrep/config"
# ? lists every screen's keys: the compare, events and feeds screens', the picker's, the prompts'
help=$(SIZE=100x200 screen '?' ':dump')
check_contains ui-help-compare "$help" "Compare (m on one article, c on another)"
check_contains ui-help-compare-aligned "$help" "n              next-aligned"
check_contains ui-help-events "$help" "Events (E)"
check_contains ui-help-events-regroup "$help" "r              regroup"
check_contains ui-help-events-mark "$help" "m              mark"
# keys are named as the config writes them: the keypad's Enter is Enter's alias, not "#343"
check_lacks ui-help-no-key-codes "$help" "#3"
check_contains ui-help-open-enter "$help" "Enter          open"
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
# a vague word stays the word: 000 says "scores", 004 "some 150"
check_contains ui-events-fallujah "$(printf '%s\n' "$ev" | grep 'recapture at Al Fallujah')" "2 rep  killed scores to 150 "
check_contains ui-events-qaim "$(printf '%s\n' "$ev" | grep "airstrike at Al Qa'im")" "1 rep  killed 14 "
check_contains ui-events-anbar "$(printf '%s\n' "$ev" | grep 'airstrike at Al Anbar')" "1 rep  killed 38 "
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

# ---- issue 15: what a new user met ----
# m and c work from any pane and layout, and say what they did (after v v the article
# pane has the focus; they used to do nothing there)
marked=$(screen v v m ':dump')
check_contains ui-mark-any-layout "$marked" "#3 marked: select another article and press c"
cmp=$(screen m j v v c ':dump')
check_contains ui-compare-any-layout "$cmp" "A #3 UPDATED: Coalition"
# Enter on a fact moves to the article and says so
fact=$(screen '<Tab>' '<Tab>' j '<Enter>' ':dump')
check_contains ui-fact-enter-says "$fact" "the article at the fact's sentence (S-Tab: back to the facts)"
# the events view: Enter on a report reads it; G moves; m marks as in the list
read=$(screen E '<Enter>' j '<Enter>' ':dump')
check_contains ui-events-enter-reads "$(printf '%s\n' "$read" | sed -n 2p)" "The Iraqi army and allied"
check_lacks ui-events-enter-closes "$read" "Events: reports"
last=$(screen E '<Enter>' G m ':dump')
check_contains ui-events-bottom-marks "$last" "* #5"
# the facts pane's figures read as the report says them, once each: "dozens killed: Daesh
# terrorists, Al Qa'im", not "killed Dozens of Daesh terrorists have been killed Daesh
# terrorists, ..." (the figure's whole text after its kind); the headline's count takes the
# place the next sentence gives it (two strikes on al-Qa'im), not "near the border with Syria"
facts=$(SIZE=200x90 screen j j j '<Tab>' '<Tab>' G ':dump')
check_contains ui-facts-figure-label "$facts" "dozens killed: Daesh terrorists, Al Qa'im [the Iraqi army]"
check_lacks ui-facts-figure-no-text "$facts" "killed Dozens of"
facts=$(SIZE=200x90 screen '<Tab>' '<Tab>' G ':dump')
check_contains ui-facts-figure-exact "$facts" "38 killed: members of the Islamic State militants, Al Anbar, 2024-09-16"
check_contains ui-facts-figure-vague "$facts" "several killed: security personnel"
# the list's columns: headings, the article ids, the toll in words ("38k" read as
# thousands), widths from the terminal's: at 200 columns source and place are whole, at 60
# the title keeps room (it was crushed)
wide=$(SIZE=200x30 screen ':dump')
check_contains ui-list-wide-source "$wide" "#2 2024-05-01 IraqiNews.com"
check_contains ui-list-wide-place "$wide" "Al Qa'im, Al Anbar, Iraq"
check_contains ui-list-wide-toll "$wide" "scores killed 15 wounded"
check_lacks ui-list-no-k "$wide" "38k"
narrow=$(SIZE=60x15 screen ':dump')
check_contains ui-list-narrow-headings "$(printf '%s\n' "$narrow" | sed -n 2p)" "#  Date       Place     Toll       Title"
check_contains ui-list-narrow-title "$(printf '%s\n' "$narrow" | sed -n 3p)" "38 killed  UPDATED: Coalition ai"
# a filter error is shown whole, on as many lines as it needs (it was cut at the width:
# "killed needs a number, e…"), and an unknown place says so instead of an empty list
bad=$(SIZE=40x15 screen f 'type killed>=abc' '<Enter>' ':dump')
check_contains ui-filter-error-whole "$(printf '%s\n' "$bad" | tail -3 | tr -d '\n')" "killed needs a number, e.g. killed>=10"
nowhere=$(SIZE=60x15 screen f 'type place:Atlantis' '<Enter>' ':dump')
check_contains ui-filter-unknown-place "$(printf '%s\n' "$nowhere" | tail -2 | tr -d '\n')" 'no place called "Atlantis" in the collection'
none=$(screen f 'type place:Fallujah killed>=1000' '<Enter>' ':dump')
check_contains ui-filter-known-place-empty "$none" "0 articles"
check_lacks ui-filter-known-place-no-claim "$none" "no place called"

# the picker says which row is a province: Baghdad the province and Baghdad the city
# would otherwise read alike (on the samples, Anbar and Nineveh are provinces); its counts
# are of the reports of events there (Anbar: all five; al-Qa'im: 001, 002 and 003), or with
# Tab of those naming the place (all five name Anbar and Mosul)
picked=$(screen l ':dump')
check_contains ui-picker-province "$picked" "Al Anbar province (5)"
check_contains ui-picker-city-plain "$picked" "Al Qa'im (3)"
picked=$(screen l '<Tab>' ':dump')
check_contains ui-picker-province-any "$picked" "Al Anbar province (5)"
check_contains ui-picker-city-any "$picked" "Mosul (5)"
# a district whose name says so is not labelled "district" twice
check_contains ui-picker-district-once "$picked" "Al-Hawija District (1)"
check_lacks ui-picker-district-twice "$picked" "District district"

# undated reports are counted, not dropped without a word: three samples (000, 003, 004)
# state no date anywhere; their own tolls are scores (40), dozens (24) and some 150
tl=$(SIZE=120x40 screen ':dump')
check_contains ui-timeline-undated "$(printf '%s\n' "$tl" | grep '| undated ')" "undated       214      15"
