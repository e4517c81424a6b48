#!/bin/sh
# mapview.t.sh: the reader's map (M) and export line (x), driven headless by key scripts:
# the seeds' events as points over Iraq's outline, the cursor moving between them, Enter
# filtering the list to a place, a resize fitting the map again, and x writing what is
# shown in the format its extension names.
. "$(dirname "$0")/lib.sh"

DB="$TMP/map.db"
"$SITREP" --db "$DB" import "$TOP/assets/samples" >"$TMP/import.out" 2>&1 ||
    { fail map-import "$(cat "$TMP/import.out")"; exit 0; }

# screen SCRIPT-LINES...: runs the reader on the samples (80x24), prints the dump.
screen() {
    printf '%s\n' "$@" >"$TMP/script"
    rm -f "$TMP/dump"
    "$SITREP" --db "$DB" --script "$TMP/script" --dump "$TMP/dump" --size "${SIZE:-80x24}" \
        >"$TMP/ui.err" 2>&1 || echo "EXIT $?: $(cat "$TMP/ui.err")"
    cat "$TMP/dump" 2>/dev/null
}

# nth DUMP N: the Nth screen (1-based) of a dump with several.
nth() {
    printf '%s\n' "$1" | awk -v n="$2" 'BEGIN { s = 1 } /^----$/ { s++; next } s == n'
}

map=$(screen M :dump)
check_contains "M opens the map of the four events" "$map" "Map: 4 events"
check_contains "zoomed to Iraq: the 1:50m outlines" "$map" "Natural Earth 1:50m"
check_contains "the first event is selected and shown" "$map" " 1  recapture at Al Fallujah, undated, killed 40, Iraq"
printf '%s\n' "$map" >"$TMP/map.txt"
python3 - "$TMP/map.txt" >"$TMP/py" 2>&1 <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")[1:22]
braille = sum(1 for r in rows for ch in r if 0x2801 <= ord(ch) <= 0x28FF)
# each point's number stands right of a full Braille blob, or right of the number before it
# when two events share a town (2 and 4 at al-Qa'im read "2 4"); 1 (Fallujah) south-east of
# them
where = {ch: (y, x) for y, r in enumerate(rows) for x, ch in enumerate(r) if ch in "1234"}
ok = braille > 100 and sorted(where) == ["1", "2", "3", "4"] and \
     where["1"][0] > where["2"][0] and where["2"][1] < where["1"][1] and \
     where["4"] == (where["2"][0], where["2"][1] + 2) and \
     all(0x2801 <= ord(rows[y][x - 2]) <= 0x28FF for c, (y, x) in where.items() if c != "4")
print("ok" if ok else (braille, where))
PY
check_eq "the seeds' points over Iraq's outline, numbered in place" "$(cat "$TMP/py")" ok

moved=$(screen M k :dump h :dump l :dump l :dump)
check_contains "k moves north: Anbar" "$(nth "$moved" 1)" " 3  airstrike at Al Anbar"
check_contains "h moves west: Qaim" "$(nth "$moved" 2)" " 2  airstrike at Al Qa'im"
check_contains "l: the other event at Qaim, numbered beside it" "$(nth "$moved" 3)" " 4  airstrike at Al Qa'im"
check_contains "l moves back east: Anbar" "$(nth "$moved" 4)" " 3  airstrike at Al Anbar"

filtered=$(screen M h h '<Enter>' :dump)
check_contains "Enter filters the list to the point's place" "$filtered" "place: Al Qa'im"
check_lacks "the map is closed" "$filtered" "Map:"

resized=$(screen M ":resize 60x16" :dump)
check_contains "after a resize the map is drawn again" "$resized" "Map: 4 events"
check_eq "the map fits the new size" "$(printf '%s\n' "$resized" |
    python3 -c 'import sys; print(sum(len(l) > 60 for l in sys.stdin.buffer.read().decode().split("\n")))')" 0

filter=$(screen f 'type killed>=100' '<Enter>' M :dump)
check_contains "the map follows the filter" "$filter" "Map: 1 event, filtered"

screen x "type $TMP/list.csv" '<Enter>' :dump >"$TMP/x1"
check_contains "x from the list exports its reports" "$(cat "$TMP/x1")" "exported 5 reports to"
check_eq "the CSV has a header and five rows" "$(wc -l <"$TMP/list.csv")" 6
screen M x "type $TMP/map.geojson" '<Enter>' :dump >"$TMP/x2"
check_contains "x from the map exports the events" "$(cat "$TMP/x2")" "exported 4 events to"
check_contains "as GeoJSON, from the extension" "$(head -c 60 "$TMP/map.geojson")" "FeatureCollection"
bad=$(screen x "type $TMP/list.txt" '<Enter>' :dump)
check_contains "an unknown extension is refused with the ones known" "$bad" "end the name in .csv, .jsonl or .geojson"
check "nothing written under a refused name" test ! -e "$TMP/list.txt"
screen E x "type $TMP/events.jsonl" '<Enter>' :dump >"$TMP/x3"
check_contains "x from the events screen exports the events, and says so there" "$(cat "$TMP/x3")" "exported 4 events to"
check_eq "as sitrep records: a header, five articles, four events" \
    "$(grep -c '"type":"article"' "$TMP/events.jsonl") $(grep -c '"type":"event"' "$TMP/events.jsonl")" "5 4"
