#!/bin/sh
# reader.t.sh: the reader's own search in an article, tags, delete with undo and saved
# filters (issue 15, "Missing"), driven headless by key scripts (--script) on the samples,
# and the command line agreeing with what the reader did.
. "$(dirname "$0")/lib.sh"

DB="$TMP/reader.db"
"$SITREP" --db "$DB" import "$TOP/assets/samples" >"$TMP/import.out" 2>&1 ||
    { fail reader-import "$(cat "$TMP/import.out")"; exit 0; }

# run DB SCRIPT-LINES...: runs the reader at 100x30 on DB, prints the dump.
run() {
    db=$1; shift
    printf '%s\n' "$@" >"$TMP/script"
    rm -f "$TMP/dump"
    "$SITREP" --db "$db" --script "$TMP/script" --dump "$TMP/dump" --size "${SIZE:-100x30}" \
        >"$TMP/ui.err" 2>&1 || echo "EXIT $?: $(cat "$TMP/ui.err")"
    cat "$TMP/dump" 2>/dev/null
}
# fresh: a copy of the imported samples for one script.
fresh() {
    rm -f "$TMP/run.db"*
    cp "$DB" "$TMP/run.db"
    echo "$TMP/run.db"
}
# screen N: the Nth screen (from 1) of the last dump.
screen() {
    awk -v n="$1" 'BEGIN{s=1} /^----$/{s++; next} s==n' "$TMP/dump"
}

# ---- find in the article: / in the open article, n/N, the count, highlights ----
run "$(fresh)" '<Enter>' / 'type anbar' '<Enter>' ':dump' ':attrs' n ':dump' N N ':dump' \
    '<Esc>' ':dump' >/dev/null
check_contains reader-find-count "$(screen 1)" "find: anbar 1/8"
check_contains reader-find-next "$(screen 3)" "find: anbar 2/8"
check_contains reader-find-wraps "$(screen 4)" "find: anbar 8/8"
check_lacks reader-find-esc-ends "$(screen 5)" "find:"
check_contains reader-find-esc-stays-open "$(screen 5)" " Article  2024-09-21"
attrs=$(screen 2)
check_eq reader-find-current-highlight "$(printf '%s\n' "$attrs" | grep -o 'HHHHH' | wc -l | tr -d ' ')" 1
# every other match in view in reverse video too: "Anbar" five cells each
check_contains reader-find-all-highlighted "$attrs" ".hhhhh."
# in the four panes, / is still the collection's search; in the article pane it is find
four=$(run "$(fresh)" / 'type Mosul' '<Enter>' ':dump')
check_contains reader-slash-list-search "$four" "search: Mosul"
missing=$(run "$(fresh)" '<Enter>' / 'type zzzz' '<Enter>' ':dump')
check_contains reader-find-none "$missing" "not in this article"

# ---- tags: t in the reader, sitrep tag/untag, tag: in the filter ----
D=$(fresh)
tagged=$(run "$D" j t 'type verify convoy' '<Enter>' ':dump')
check_contains reader-tag-status "$tagged" "#2 tags: convoy verify"
check_contains reader-tag-header "$tagged" "tags: convoy verify"
check_eq reader-tag-cli-sees "$("$SITREP" --db "$D" tag 2)" "convoy verify"
untagged=$(run "$D" j t 'type -verify' '<Enter>' ':dump')
check_contains reader-untag "$untagged" "#2 tags: convoy"
check_eq reader-tag-cli "$("$SITREP" --db "$D" tag 4 Convoy review)" "Convoy review"
check_eq reader-untag-cli "$("$SITREP" --db "$D" untag 4 review; "$SITREP" --db "$D" tag 4)" "Convoy"
filtered=$(run "$D" f 'type tag:CONVOY' '<Enter>' ':dump')
check_contains reader-tag-filter "$filtered" "Articles (2)"
check_eq reader-tag-export "$("$SITREP" --db "$D" export reports tag:convoy | tail -n +2 | wc -l | tr -d ' ')" 2
"$SITREP" --db "$D" tag 2 'bad:tag' >/dev/null 2>&1
check_eq reader-tag-bad-name "$?" 2
"$SITREP" --db "$D" tag 99 x >/dev/null 2>&1
check_eq reader-tag-no-article "$?" 1

# ---- delete with confirmation, undo restores exactly ----
D=$(fresh)
"$SITREP" --db "$D" tag 2 keep >/dev/null
"$SITREP" --db "$D" correct split 2 >/dev/null 2>&1
"$SITREP" --db "$D" list --json >"$TMP/list.before"
"$SITREP" --db "$D" show --json 2 >"$TMP/show.before"
"$SITREP" --db "$D" events --json >"$TMP/events.before" 2>/dev/null
"$SITREP" --db "$D" correct list >"$TMP/corr.before" 2>&1
no=$(run "$D" j d n ':dump')
check_contains reader-delete-asks "$no" "nothing deleted"
check_contains reader-delete-no-keeps "$no" "Articles (5)"
run "$D" j d y ':dump' u ':dump' / 'type Qaim' '<Enter>' ':dump' >/dev/null
check_contains reader-delete-gone "$(screen 1)" "Articles (4)"
check_contains reader-delete-says "$(screen 1)" "deleted #2 (u brings it back)"
check_lacks reader-delete-row "$(screen 1)" "Army jets kill 14"
check_contains reader-undo-back "$(screen 2)" "Articles (5)"
check_contains reader-undo-selected "$(screen 2)" "#2 is back"
check_contains reader-undo-searchable "$(screen 3)" "Army jets kill 14"
"$SITREP" --db "$D" list --json >"$TMP/list.after"
"$SITREP" --db "$D" show --json 2 >"$TMP/show.after"
"$SITREP" --db "$D" events --json >"$TMP/events.after" 2>/dev/null
"$SITREP" --db "$D" correct list >"$TMP/corr.after" 2>&1
check reader-undo-list-same cmp "$TMP/list.before" "$TMP/list.after"
check reader-undo-facts-same cmp "$TMP/show.before" "$TMP/show.after"
check reader-undo-events-same cmp "$TMP/events.before" "$TMP/events.after"
check reader-undo-corrections-same cmp "$TMP/corr.before" "$TMP/corr.after"
check_eq reader-undo-tags-same "$("$SITREP" --db "$D" tag 2)" "keep"
# a delete not undone is final when the reader quits: list and show agree
run "$D" j d y q >/dev/null
check_eq reader-delete-list "$("$SITREP" --db "$D" list | wc -l | tr -d ' ')" 4
"$SITREP" --db "$D" show 2 >/dev/null 2>&1
check_eq reader-delete-show "$?" 1
check_eq reader-delete-search "$("$SITREP" --db "$D" export reports Qaim | grep -c 'Army jets kill 14')" 0
undo_none=$(run "$D" u ':dump')
check_contains reader-undo-nothing "$undo_none" "nothing to undo"

# ---- saved filters: filter NAME EXPR in the config, S then a number ----
mkdir -p "$XDG_CONFIG_HOME/sitrep"
printf '%s\n' 'filter anbar place:Anbar' 'filter big   killed>=30 since:2024' \
    >"$XDG_CONFIG_HOME/sitrep/config"
D=$(fresh)
run "$D" S ':dump' 2 ':dump' >/dev/null
check_contains reader-saved-listed "$(screen 1)" "1  anbar            place:Anbar"
check_contains reader-saved-listed-2 "$(screen 1)" "2  big              killed>=30 since:2024"
check_contains reader-saved-applied "$(screen 2)" "filter: killed>=30 since:2024"
check_contains reader-saved-count "$(screen 2)" "Articles (1)"
printf '%s\n' 'filter broken killed>>3' >"$XDG_CONFIG_HOME/sitrep/config"
bad=$(run "$D" ':dump')
check_contains reader-saved-bad-line "$bad" "config:1: filter broken"
rm -f "$XDG_CONFIG_HOME/sitrep/config"
none=$(run "$D" S ':dump')
check_contains reader-saved-none "$none" "no saved filters"

# ---- the help lists the new actions ----
help=$(SIZE=120x100 run "$(fresh)" "?" ":dump")
for name in find tag delete undo saved-filters; do
    check_contains "reader-help-$name" "$help" " $name "
done

# ---- the reader's state between runs: quit, reopen, find it as it was ----
D=$(fresh)
export XDG_STATE_HOME="$TMP/state"
first=$(run "$D" f 'type killed>=10' '<Enter>' m j z ':dump' q)
check_contains reader-state-first "$first" "filter: killed>=10"
again=$(run "$D" ':dump')
check_contains reader-state-filter "$again" "filter: killed>=10"
check_contains reader-state-zoom "$again" "Timeline (week)"
check_contains reader-state-mark "$(printf '%s\n' "$again" | grep -F '*')" "UPDATED: Coalition"
# the second row was selected: its article is in the article pane
check_contains reader-state-selected "$(printf '%s\n' "$again" | sed -n 13p)" "Army jets kill 14"
check eq-reader-state-file test -n "$(ls "$XDG_STATE_HOME/sitrep/" 2>/dev/null)"
run "$D" v q >/dev/null
two=$(run "$D" ':dump')
check_lacks reader-state-layout "$two" "| Facts"
# an article that has gone since (here: a state naming one the collection lacks) and a
# marked one likewise: the reader opens on the first row, nothing marked
state=$(ls "$XDG_STATE_HOME"/sitrep/state-* | head -n 1)
printf 'layout four\nselected 999\nmarked 998\n' >"$state"
after=$(run "$D" ':dump')
check_contains reader-state-missing-article "$(printf '%s\n' "$after" | sed -n 13p)" "UPDATED: Coalition"
check_lacks reader-state-missing-mark "$after" " * "
check_lacks reader-state-missing-error "$after" "EXIT"
# another collection has a state of its own
other=$(run "$(cp "$DB" "$TMP/other.db"; echo "$TMP/other.db")" ':dump')
check_lacks reader-state-per-collection "$other" "filter:"
unset XDG_STATE_HOME
plain=$(run "$D" ':dump')
check_lacks reader-state-scripts-without "$plain" "filter:"

# ---- sort keys: s cycles date, toll, place, source, added; set sort in the config ----
# (row 1 the pane's header, row 2 the column headings, the articles from row 3)
run "$(fresh)" s ':dump' s ':dump' s ':dump' s ':dump' s ':dump' >/dev/null
check_contains reader-sort-toll-status "$(screen 1)" "| by toll"
check_contains reader-sort-toll-first "$(screen 1 | sed -n 3p)" "150"
check_contains reader-sort-toll-last "$(screen 1 | sed -n 7p)" "24"
check_contains reader-sort-place-status "$(screen 2)" "| by place"
check_contains reader-sort-place-first "$(screen 2 | sed -n 3p)" "Al Anbar"
check_contains reader-sort-place-middle "$(screen 2 | sed -n 5p)" "Al Fallujah"
check_contains reader-sort-place-last "$(screen 2 | sed -n 7p)" "Al Qa'im"
check_contains reader-sort-source-status "$(screen 3)" "| by source"
check_contains reader-sort-source-first "$(screen 3 | sed -n 3p)" "Army jets kill 14"
check_contains reader-sort-added-status "$(screen 4)" "| by added"
check_lacks reader-sort-back-to-date "$(screen 5)" "| by "
check_contains reader-sort-date-first "$(screen 5 | sed -n 3p)" "2024-09-21"
# the selected article stays selected when the order changes
kept=$(run "$(fresh)" j s ':dump')
check_contains reader-sort-keeps-selection "$(printf '%s\n' "$kept" | sed -n 13p)" "Army jets kill 14"
# a filter and an order together
both=$(run "$(fresh)" f 'type place:Anbar' '<Enter>' s ':dump')
check_contains reader-sort-filtered "$both" "filter: place:Anbar | by toll"
printf 'set sort toll\n' >"$XDG_CONFIG_HOME/sitrep/config"
configured=$(run "$(fresh)" ':dump')
check_contains reader-sort-config "$configured" "| by toll"
printf 'set sort size\n' >"$XDG_CONFIG_HOME/sitrep/config"
check_contains reader-sort-config-bad "$(run "$(fresh)" ':dump')" "unknown sort 'size'"
rm -f "$XDG_CONFIG_HOME/sitrep/config"
export XDG_STATE_HOME="$TMP/state2"
D=$(fresh)
run "$D" s s q >/dev/null
check_contains reader-sort-kept "$(run "$D" ':dump')" "| by place"
unset XDG_STATE_HOME

# ---- the events view: the analyst's corrections (issue 13 item 6) and the filter ----
D=$(fresh)
run "$D" E ':dump' m j M ':dump' u ':dump' >/dev/null
check_contains reader-events-before "$(screen 1 | grep 'recapture at Al Fallujah')" "2 rep  killed scores to 150 "
check_contains reader-events-merge "$(screen 2)" "C 2024-09-16  3 rep"
check_contains reader-events-merge-says "$(screen 2)" "corrected: merge the events of"
check_contains reader-events-undo "$(screen 3)" "undone: merge the events of"
check_lacks reader-events-undo-unmarked "$(screen 3)" "C 20"
check_eq reader-events-undo-stored "$("$SITREP" --db "$D" correct list 2>&1 | grep -c undone)" 1
# split the second report of the Fallujah event out, then move it back
run "$D" E '<Enter>' j S ':dump' >/dev/null
check_contains reader-events-split "$(screen 1)" "is an event of its own (u undoes)"
check_eq reader-events-split-cli "$("$SITREP" --db "$D" events 2>/dev/null | grep -c '^event')" 5
run "$D" E '<Enter>' D 'type 2024-01-02' '<Enter>' ':dump' >/dev/null
check_contains reader-events-date "$(screen 1)" "C 2024-01-02"
run "$D" E '<Enter>' D 'type yesterday' '<Enter>' ':dump' >/dev/null
check_contains reader-events-date-bad "$(screen 1)" "a date is YYYY-MM-DD"
run "$D" E j '<Enter>' K 'type bombing' '<Enter>' ':dump' >/dev/null
check_contains reader-events-kind "$(screen 1)" "bombing at"
run "$D" E j '<Enter>' P 'type Ramadi' '<Enter>' ':dump' >/dev/null
check_contains reader-events-place "$(screen 1)" "corrected: the event of #"
run "$D" E '<Enter>' X 'type killed 40' '<Enter>' ':dump' >/dev/null
check_contains reader-events-figure "$(screen 1)" "killed 40 of #"
# move: mark a report of one event, select another event's report, V
run "$D" E j j m k '<Enter>' V ':dump' >/dev/null
check_contains reader-events-move "$(screen 1)" "moved to the event of #"
check_contains reader-events-json "$("$SITREP" --db "$D" events --json 2>/dev/null)" "corrected"
# the reader's filter: only events with a report it keeps
filtered=$(run "$(fresh)" f 'type killed>=100' '<Enter>' E ':dump')
check_contains reader-events-filter-says "$filtered" "(under the filter)"
check_contains reader-events-filter-keeps "$filtered" "recapture at Al Fallujah"
check_lacks reader-events-filter-drops "$filtered" "Mosul"
check_lacks reader-events-filter-drops-2 "$filtered" "Al Anbar"
none=$(run "$(fresh)" f 'type killed>1000' '<Enter>' E ':dump')
check_contains reader-events-filter-none "$none" "no events under the filter"
ehelp=$(SIZE=120x200 run "$(fresh)" '?' ':dump')
for name in merge-events split-report move-report drop-figure set-date set-place set-kind undo; do
    check_contains "reader-events-help-$name" "$ehelp" " $name "
done
