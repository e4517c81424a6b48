#!/bin/sh
# map.t.sh: `sitrep map` on the samples: Braille outlines zoomed to Iraq at 1:50m with the
# events numbered and keyed; the world at 1:110m when nothing is selected; usage errors.
. "$(dirname "$0")/lib.sh"

DB="$TMP/map.db"
"$SITREP" --db "$DB" list >/dev/null 2>&1
"$SITREP" --db "$DB" map --size 60x16 >"$TMP/map" 2>"$TMP/err"
check_eq "map exits 0" "$?" 0
check_eq "the map is 16 rows and a key of 4 events and a credit" "$(wc -l <"$TMP/map")" 21
check_contains "zoomed to a region: the 1:50m outlines" "$(tail -n 1 "$TMP/map")" "Natural Earth (1:50m)"
check_contains "the key names the Fallujah event" "$(cat "$TMP/map")" "  1  "
python3 - "$TMP/map" >"$TMP/py" 2>&1 <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")[:16]
braille = sum(1 for r in rows for ch in r if 0x2801 <= ord(ch) <= 0x28FF)
width = max(len(r) for r in rows)
# (two events at al-Qa'im are numbered side by side: "2 4")
labels = sorted(ch for r in rows for ch in r if ch.isdigit())
# every event number sits on the map next to its point
print("ok" if braille > 60 and width <= 60 and labels == ["1", "2", "3", "4"] else
      (braille, width, labels))
PY
check_eq "Braille outlines, at most 60 columns, the four events labelled" "$(cat "$TMP/py")" ok

"$SITREP" --db "$DB" map --size 60x16 place:Kherson >"$TMP/world" 2>&1
check_contains "nothing selected: the world at 1:110m" "$(tail -n 1 "$TMP/world")" "Natural Earth (1:110m)"
"$SITREP" --db "$DB" map --size 2x1 >/dev/null 2>&1
check_eq "a size too small is a usage error" "$?" 2
"$SITREP" --db "$DB" map 'killed>=x' >/dev/null 2>&1
check_eq "a bad filter is a usage error" "$?" 2
