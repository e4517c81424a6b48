#!/bin/sh
# snapshot.sh SITREP OUTDIR: writes what a refactoring must not change, to compare with
# `diff -r` against a snapshot taken before it: `sitrep extract --json` of every article in
# tests/ and assets/samples, `sitrep events --json` on a collection of them, and headless
# screen dumps of the reader's screens on the samples.
#   sh tools/snapshot.sh ./sitrep /tmp/before   (on the old tree)
#   sh tools/snapshot.sh ./sitrep /tmp/after && diff -r /tmp/before /tmp/after
set -eu
SITREP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
TOP=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUT/extract" "$OUT/screens"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
    XDG_STATE_HOME="$work/state"
cd "$TOP"
find tests assets/samples -type f \( -name '*.txt' -o -name '*.html' -o -name '*.xml' \
    -o -name '*.rss' -o -name '*.atom' \) ! -path 'tests/ui/*' | LC_ALL=C sort >"$work/files"
while read -r f; do
    name=$(printf '%s' "$f" | tr '/' '_')
    "$SITREP" extract --json "$f" >"$OUT/extract/$name.json" 2>&1 || true
done <"$work/files"
db="$work/all.db"
"$SITREP" --db "$db" import tests/extract tests/data/events >/dev/null 2>&1 || true
"$SITREP" --db "$db" events --json >"$OUT/events.json" 2>&1 || true
sdb="$work/samples.db"
"$SITREP" --db "$sdb" import assets/samples >/dev/null 2>&1
n=0
while IFS= read -r keys; do
    n=$((n + 1))
    printf '%s\n' $keys ':dump' | tr '_' ' ' >"$work/script"
    cp "$sdb" "$work/run.db"
    rm -f "$work/dump"
    "$SITREP" --db "$work/run.db" --script "$work/script" --dump "$work/dump" --size 110x34 \
        >/dev/null 2>&1 || true
    cat "$work/dump" >"$OUT/screens/$n.txt" 2>/dev/null || true
done <<'KEYS'

j <Enter>
<Tab>
<Tab> <Tab> j j <Enter>
l
l type_Qaim <Enter>
v
v v
z
?
E
E j
m j m c
m j m c n
f type_killed>=10 <Enter>
/ type_Daesh <Enter>
KEYS
