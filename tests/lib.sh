# tests/lib.sh: helpers for the shell tests, sourced by tests/*.t.sh.
# Every check prints "ok NAME" or "not ok NAME: why"; tests/run.sh counts them.
# SITREP is the binary under test; each script gets a scratch directory in TMP.

: "${SITREP:?SITREP must name the sitrep binary}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sitrep-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$HOME"
TOP=$(cd "$(dirname "$0")/.." && pwd)

pass() { echo "ok $1"; }
fail() { echo "not ok $1: $2"; }

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
    name=$1; shift
    if "$@" >"$TMP/check.out" 2>&1; then pass "$name"; else
        fail "$name" "command failed: $* ($(head -c 300 "$TMP/check.out" | tr '\n' ' '))"
    fi
}

# check_eq NAME GOT WANT
check_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got [$2], want [$3]"; fi
}

# check_contains NAME HAYSTACK NEEDLE
check_contains() {
    case "$2" in
    *"$3"*) pass "$1" ;;
    *) fail "$1" "[$3] not found in [$(printf '%s' "$2" | head -c 300)]" ;;
    esac
}

# check_lacks NAME HAYSTACK NEEDLE
check_lacks() {
    case "$2" in
    *"$3"*) fail "$1" "[$3] should not appear" ;;
    *) pass "$1" ;;
    esac
}
