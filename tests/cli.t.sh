#!/bin/sh
# cli.t.sh: the command line's contract: help, version, exit statuses, list and show, the
# sample collection on first run, and untrusted text neutralised on output.
. "$(dirname "$0")/lib.sh"

DB="$TMP/cli.db"

# run NAME WANT_STATUS COMMAND...: checks the exit status; output is left in $TMP/out, $TMP/err.
run() {
    name=$1 want=$2
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" -eq "$want" ]; then pass "$name"; else
        fail "$name" "exit status $got, want $want ($(head -c 200 "$TMP/err" | tr '\n' ' '))"
    fi
}

run "--help exits 0" 0 "$SITREP" --help
check_contains "--help shows usage" "$(cat "$TMP/out")" "usage: sitrep"
for c in import list show extract events correct compare; do
    check_contains "--help lists $c" "$(cat "$TMP/out")" "  $c"
done
run "-h exits 0" 0 "$SITREP" -h

run "--version exits 0" 0 "$SITREP" --version
case "$(cat "$TMP/out")" in
"sitrep "[0-9]*) pass "--version prints sitrep and a number" ;;
*) fail "--version prints sitrep and a number" "got [$(cat "$TMP/out")]" ;;
esac

for c in import list show extract; do
    run "$c --help exits 0" 0 "$SITREP" "$c" --help
    check_contains "$c --help shows its usage" "$(cat "$TMP/out")" "usage: sitrep $c"
done

run "unknown command exits 2" 2 "$SITREP" --db "$DB" frobnicate
check_contains "unknown command is named on stderr" "$(cat "$TMP/err")" "sitrep: unknown command frobnicate"
run "unknown option exits 2" 2 "$SITREP" --frobnicate
check_contains "unknown option is named" "$(cat "$TMP/err")" "sitrep: unknown option --frobnicate"
run "--db without a value exits 2" 2 "$SITREP" --db
run "import without a path exits 2" 2 "$SITREP" --db "$DB" import
run "list with a stray argument exits 2" 2 "$SITREP" --db "$DB" list --bogus
run "show without an id exits 2" 2 "$SITREP" --db "$DB" show
run "show with a non-number exits 2" 2 "$SITREP" --db "$DB" show abc
run "bad --size exits 2" 2 "$SITREP" --size 80by24
run "extract without a file exits 2" 2 "$SITREP" extract --json

# First run: an empty new collection gets the five samples.
run "list on a new collection exits 0" 0 "$SITREP" --db "$DB" list
check_eq "a new collection shows the five samples" "$(grep -c . "$TMP/out")" 5
check_contains "the samples are announced on stderr" "$(cat "$TMP/err")" "sample articles"
run "list --json exits 0" 0 "$SITREP" --db "$DB" list --json
check_eq "list --json prints one object per article" "$(grep -c '^{"id":' "$TMP/out")" 5
run "second list does not import again" 0 "$SITREP" --db "$DB" list
check_eq "second list is quiet" "$(cat "$TMP/err")" ""

# --db after the command works too.
run "--db after the command" 0 "$SITREP" list --db "$DB"
check_eq "--db after the command reads the same collection" "$(grep -c . "$TMP/out")" 5

# The default database lives under XDG_DATA_HOME (lib.sh points it into TMP).
run "list on the default database" 0 "$SITREP" list
if [ -f "$XDG_DATA_HOME/sitrep/sitrep.db" ]; then pass "default database under XDG_DATA_HOME"; else
    fail "default database under XDG_DATA_HOME" "no $XDG_DATA_HOME/sitrep/sitrep.db"
fi

# show: metadata and the clean body of the article whose title is known.
id=$("$SITREP" --db "$DB" list --json | grep 'Iraq Airstrikes Kill Islamic State Fighters' |
    sed -e 's/^{"id":\([0-9]*\),.*/\1/')
run "show ID exits 0" 0 "$SITREP" --db "$DB" show "$id"
check_contains "show prints the title" "$(cat "$TMP/out")" \
    "Title:    Iraq Airstrikes Kill Islamic State Fighters Leaving Fallujah"
check_contains "show prints the body" "$(cat "$TMP/out")" "Lt. Gen. Hamid al-Maliki said."
run "show of a missing id exits 1" 1 "$SITREP" --db "$DB" show 99999
check_contains "show of a missing id says so" "$(cat "$TMP/err")" "sitrep: show: no article 99999"

# Untrusted text: escape sequences in an article never reach the terminal raw.
printf 'Title with \033]0;pwned\007 and \033[31mred\033[0m\n\nGunmen killed 2 people near Aden.\n' >"$TMP/esc.txt"
run "import of an article with escapes" 0 "$SITREP" --db "$DB" import "$TMP/esc.txt"
"$SITREP" --db "$DB" list >"$TMP/out" 2>&1
if grep -q "$(printf '\033')" "$TMP/out"; then fail "list output has no raw ESC" "ESC found"; else
    pass "list output has no raw ESC"
fi
check_contains "list still shows the title's words" "$(cat "$TMP/out")" "Title with"

# extract: no store, one JSON object per article per line, in input order.
run "extract --json exits 0" 0 "$SITREP" --db "$TMP/never.db" extract --json \
    "$TOP/assets/samples/001_f74a71a3c80b86c9.txt" "$TOP/assets/samples/000_de89cb0ec6e66cd9.txt"
check_eq "extract prints one line per article" "$(grep -c '^{' "$TMP/out")" 2
check_contains "extract keeps input order (first)" "$(sed -n 1p "$TMP/out")" "001_f74a71a3c80b86c9.txt"
check_contains "extract keeps input order (second)" "$(sed -n 2p "$TMP/out")" "000_de89cb0ec6e66cd9.txt"
if [ -e "$TMP/never.db" ]; then fail "extract does not create a store" "$TMP/never.db exists"; else
    pass "extract does not create a store"
fi
run "extract of a missing file exits 1" 1 "$SITREP" extract --json "$TMP/missing.txt"
check_contains "extract names the missing file" "$(cat "$TMP/err")" "sitrep: $TMP/missing.txt:"

# The reader without a terminal (output to a file, input from a pipe) says so and what to
# use instead, rather than writing screen codes into the file.
run "the reader without a terminal exits 1" 1 sh -c 'echo q | "$1" --db "$2"' sh "$SITREP" "$DB"
check_contains "the reader names the missing terminal" "$(cat "$TMP/err")" \
    "sitrep: the reader needs a terminal"
check_eq "the reader writes nothing to a file" "$(wc -c <"$TMP/out" | tr -d ' ')" 0

# a mistyped command names the one meant
"$SITREP" lsit >"$TMP/out" 2>"$TMP/err"
check_eq "a mistyped command is a usage error" "$?" 2
check_contains "a mistyped command suggests the one meant" "$(cat "$TMP/err")" "did you mean 'list'?"
"$SITREP" frobnicate >"$TMP/out" 2>"$TMP/err"
check_lacks "a word far from every command suggests none" "$(cat "$TMP/err")" "did you mean"
