#!/bin/sh
# Events and comparison from the command line, on the samples and on tests/data/events
# (hard cases written for this test: one bombing reported by two outlets and followed up
# with a revised toll, another bombing at the same place two weeks later, and a clash
# elsewhere in the same country the same day).
. "$(dirname "$0")/lib.sh"

DB="$TMP/events.db"

# groups_of JSONL: one line per event with several reports: the sorted title words given
# (first word of each member's title), so checks do not depend on article ids.
groups_of() {
    python3 -c '
import json, sys
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    ev = json.loads(line)
    titles = sorted(r["title"] for r in ev["reports"])
    print(" | ".join(titles))
'
}

if "$SITREP" --db "$DB" import "$TOP"/assets/samples/*.txt >"$TMP/imp.out" 2>&1; then
    pass "events: import samples"
else
    fail "events: import samples" "$(head -c 300 "$TMP/imp.out")"
fi

"$SITREP" --db "$DB" events --json >"$TMP/ev.json" 2>"$TMP/ev.err"
check_eq "events: exits 0" "$?" 0
groups=$(groups_of <"$TMP/ev.json")
# 000 (airstrikes on convoys leaving Fallujah) and 004 (recapture near Fallujah, air raids on
# fleeing convoys) report one event.
line=$(printf '%s\n' "$groups" | grep "Iraq Airstrikes Kill Islamic State Fighters Leaving Fallujah")
check_contains "events: 000 and 004 are one event" "$line" "The Iraqi army and allied volunteer fighters"
# 001, 002, 003 (strikes at Qaim) are never in that event.
check_lacks "events: 001 not with the Fallujah convoys" "$line" "Army jets kill 14"
check_lacks "events: 002 not with the Fallujah convoys" "$line" "Coalition airstrikes 38"
check_lacks "events: 003 not with the Fallujah convoys" "$line" "Dozens of Daesh terrorists"

# The event's figures: a range and a disagreement flag for vehicles destroyed.
dest=$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    ev = json.loads(line)
    if len(ev["reports"]) < 2 or not any("Fallujah" in r["title"] for r in ev["reports"]):
        continue
    for f in ev["figures"]:
        if f["kind"] == "destroyed":
            print(f["low"], f["high"], f["disagree"], len(f["reports"]) > 1)
' "$TMP/ev.json")
check_contains "events: destroyed figures disagree across reports" "$dest" "True True"

# Text output: the event line and the reasons.
out=$(COLUMNS=100 "$SITREP" --db "$DB" events Fallujah 2>&1)
check_contains "events: text names the reports" "$out" "Leaving Fallujah"
check_contains "events: text gives reasons" "$out" "why: "

# Compare 000 with 004, expectations written from reading the two articles.
out=$(COLUMNS=120 "$SITREP" --db "$DB" compare 000_ 004_ 2>&1)
check_contains "compare: title A" "$out" "A #"
check_contains "compare: destroyed, more than 138 in A" "$out" "more than 138"
check_contains "compare: destroyed, 175 in A" "$out" "175"
check_contains "compare: destroyed, some 260 in B" "$out" "some 260"
check_contains "compare: destroyed, more than 200 in B" "$out" "more than 200"
check_contains "compare: killed, scores in A" "$out" "scores"
check_contains "compare: killed, some 150 in B" "$out" "some 150"
check_contains "compare: figures differ" "$out" "differ"
# the canonical spelling is the gazetteer's ("Fallujah" or "Al Fallujah")
both=$(printf '%s\n' "$out" | grep "both: ")
check_contains "compare: Fallujah in both" "$(printf '%s\n' "$both" | head -1)" "Fallujah"
check_contains "compare: places only in B" "$out" "Anbar"
check_contains "compare: aligned sentences" "$out" "ALIGNED SENTENCES"
json=$("$SITREP" --db "$DB" compare 000_ 004_ --json 2>&1)
st=$(printf '%s' "$json" | python3 -c '
import json, sys
c = json.load(sys.stdin)
rows = {r["kind"]: r for r in c["figures"]}
d = rows.get("destroyed", {})
print(d.get("status"), sorted(f["n"] for f in d.get("a", [])), sorted(f["n"] for f in d.get("b", [])))
k = rows.get("killed", {})
print("killed", k.get("status"), [f["as"] for f in k.get("b", [])])
print("fallujah", [p["in"] for p in c["places"] if "Fallujah" in p["name"]])
' 2>&1)
check_contains "compare --json: destroyed differ, A 138 and 175" "$st" "differ [138, 175]"
check_contains "compare --json: destroyed, B 60, 200, 260" "$st" "[60, 200, 260]"
check_contains "compare --json: killed, B some 150" "$st" "killed differ ['some 150']"
check_contains "compare --json: Fallujah in both" "$st" "fallujah ['both']"

# Any width: every line fits, even at 30 columns.
for w in 30 60 200; do
    long=$(COLUMNS=$w "$SITREP" --db "$DB" compare 000_ 004_ 2>&1 | python3 -c '
import sys, unicodedata
w = int(sys.argv[1])
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
print(sum(1 for l in sys.stdin.read().split("\n") if width(l) > w))
' "$w")
    check_eq "compare: no line wider than $w columns" "$long" 0
done

out=$("$SITREP" --db "$DB" compare 1 2>&1)
check_eq "compare: one argument is a usage error" "$?" 2
out=$("$SITREP" --db "$DB" compare 1 999 2>&1)
check_contains "compare: a missing article is named" "$out" "no article 999"

# The hard cases.
DB2="$TMP/hard.db"
"$SITREP" --db "$DB2" import "$TOP"/tests/data/events/*.txt >"$TMP/imp2.out" 2>&1
"$SITREP" --db "$DB2" events --json >"$TMP/ev2.json" 2>&1
groups=$(groups_of <"$TMP/ev2.json")
hotel=$(printf '%s\n' "$groups" | grep "Car bomb kills 12 at hotel")
check_contains "events: two outlets, one bombing" "$hotel" "Somalia: deadly blast hits Mogadishu hotel"
check_contains "events: a follow-up with a revised toll joins it" "$hotel" "Death toll from Mogadishu hotel bombing rises to 19"
check_lacks "events: the same place two weeks later is another event" "$hotel" "Bomb at Mogadishu market"
check_lacks "events: another place the same day is another event" "$hotel" "Kismayo"
range=$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    ev = json.loads(line)
    if any("hotel" in r["title"] for r in ev["reports"]) and len(ev["reports"]) > 1:
        for f in ev["figures"]:
            if f["kind"] == "killed":
                print(f["low"], f["high"], f["conservative"], f["disagree"])
' "$TMP/ev2.json")
check_eq "events: killed range 10..19, conservative 10, disagreement" "$range" "10 19 10 True"

# The filter language of the reader (issue 13): an event matches when one of its reports
# does. On the samples, place:Baghdad keeps 000 (the convoy strikes near Fallujah, and
# bombings in Baghdad told further down): the Fallujah event (000 and 004); 001 names
# Baghdad only in passing. mentions:Baghdad keeps 000, 001 and 004: the Fallujah event and
# the Qaim strike (001); the Anbar strike (002) and the undated strikes on al-Qa'im (003,
# which does not name Baghdad) are left out either way.
titles_of() {
    python3 -c '
import json, sys
for line in sys.stdin:
    if line.strip():
        print(" | ".join(sorted(r["title"][:24] for r in json.loads(line)["reports"])))
'
}
baghdad=$("$SITREP" --db "$DB" events --json place:Baghdad 2>&1 | titles_of)
check_eq "events: place:Baghdad gives one event" "$(printf '%s\n' "$baghdad" | wc -l | tr -d ' ')" 1
check_contains "events: place:Baghdad keeps the Fallujah event" "$baghdad" "Iraq Airstrikes Kill Isl"
check_lacks "events: place:Baghdad leaves out the Qaim strike" "$baghdad" "Army jets kill 14 Islami"
baghdad=$("$SITREP" --db "$DB" events --json mentions:Baghdad 2>&1 | titles_of)
check_eq "events: mentions:Baghdad gives two events" "$(printf '%s\n' "$baghdad" | wc -l | tr -d ' ')" 2
check_contains "events: mentions:Baghdad keeps the Qaim strike" "$baghdad" "Army jets kill 14 Islami"
check_lacks "events: mentions:Baghdad leaves out 003 (undated, little shared wording with 001)" "$baghdad" "Dozens of Daesh"
# a filter passes over the events it refuses without reading them, and the event it keeps
# has the number it has in the whole listing
event_number() {
    python3 -c '
import json, sys
for line in sys.stdin:
    if line.strip() and sys.argv[1] in json.dumps(json.loads(line)["reports"]):
        print(json.loads(line)["event"])
' "$1"
}
whole=$("$SITREP" --db "$DB" events --json 2>&1 | event_number "Army jets kill 14 Islami")
filtered=$("$SITREP" --db "$DB" events --json place:Qaim 2>&1 | event_number "Army jets kill 14 Islami")
check_eq "events: a filter passes over the first event (Fallujah, not in Qaim)" \
    "$("$SITREP" --db "$DB" events --json place:Qaim 2>&1 | event_number "Iraq Airstrikes Kill Isl")" ""
check_eq "events: a filtered event keeps its number (the second)" "$filtered:$whole" "2:2"
check_eq "events: a filter nothing matches prints no event" \
    "$("$SITREP" --db "$DB" events --json 'killed>=100000' 2>&1 | wc -l | tr -d ' ')" 0
# two terms, both must hold: Mogadishu reports with 10 or more killed are the hotel bombing
mog=$("$SITREP" --db "$DB2" events --json place:Mogadishu 'killed>=10' 2>&1 | titles_of)
check_eq "events: two filter words, one event" "$(printf '%s\n' "$mog" | wc -l | tr -d ' ')" 1
check_contains "events: two filter words keep the hotel bombing" "$mog" "Car bomb kills 12 at hot"
"$SITREP" --db "$DB" events 'place:"Anbar' >"$TMP/bad.out" 2>&1
check_eq "events: a filter error is a usage error" "$?" 2
check_contains "events: a filter error names the column" "$(cat "$TMP/bad.out")" "column 1: unterminated quote"

# The stored events (streamed, as after an import) carry each figure's role, as a whole
# grouping does: this truck bombing's report recalls an earlier one ("some 600" killed, a
# background figure), which must not become this event's toll (at least 90).
KDB="$TMP/mogadishu.db"
"$SITREP" --db "$KDB" import "$TOP/tests/events/somalia_mogadishu_2019_reuters.txt" >/dev/null 2>&1
roles=$("$SITREP" --db "$KDB" events --json 2>&1 | python3 -c '
import json, sys
for line in sys.stdin:
    for f in json.loads(line)["figures"]:
        for r in f["reports"]:
            print(r["n"], r["role"])
' | sort -n | tr '\n' ' ')
check_contains "events: stored events keep a background figure's role" "$roles" "600 background"
text=$("$SITREP" --db "$KDB" events 2>&1)
check_contains "events: stored event's toll is the report's own" "$text" "killed: at least 90 (#"
check_lacks "events: a background figure is not the stored event's toll" "$text" "some 600"
stored=$("$SITREP" --db "$KDB" events --json 2>&1)
regrouped=$("$SITREP" --db "$KDB" events --json --regroup 2>&1)
check_eq "events: stored and regrouped events say the same" "$stored" "$regrouped"

# The event's place is where the report's own toll was counted, as the list shows it: a
# bombing in Quetta, filed from Quetta, that names Rawalpindi twice in passing.
mkdir -p "$TMP/tollsite"
cat >"$TMP/tollsite/quetta.txt" <<'TXT'
Suicide bomber kills 24 at railway station

QUETTA, Pakistan (AP) — A suicide bomber blew himself up at the main railway station in Quetta on Saturday, killing at least 24 people, police said.

Passengers were waiting for a train to Rawalpindi when the bomb went off. Later trains to Rawalpindi were cancelled.
TXT
"$SITREP" --db "$TMP/tollsite.db" import "$TMP/tollsite" >/dev/null 2>&1
check_contains "events: the list's place is where the toll was counted" \
    "$("$SITREP" --db "$TMP/tollsite.db" list 2>&1)" "Quetta"
check_contains "events: the event's place is the list's" \
    "$("$SITREP" --db "$TMP/tollsite.db" events 2>&1 | head -1)" "at Quetta"
