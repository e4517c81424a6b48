#!/bin/sh
# Runs every test: the unit-test binaries in $BUILD/tests and the shell tests
# tests/*.t.sh. Each prints "ok ..." / "not ok ..." lines; a binary or script that
# exits non-zero without reporting a failure (a crash, a sanitizer report) counts as one.
# The last line is "N passed, N failed".
: "${SITREP:?}" "${BUILD:=build}"
cd "$(dirname "$0")/.." || exit 1
export SITREP
passed=0
failed=0
log=$(mktemp)
run_one() {
    name=$1; shift
    "$@" >"$log" 2>&1
    rc=$?
    sed -e "s|^|[$name] |" "$log" | grep -E '^\[[^]]*\] (not ok|#)' 
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "[$name] not ok: exited with status $rc"
        tail -n 20 "$log" | sed -e "s|^|[$name]   |"
        f=1
    fi
    echo "$name: $p passed, $f failed"
    passed=$((passed + p))
    failed=$((failed + f))
}
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "$(basename "$t")" "$t"
done
for t in tests/*.t.sh; do
    [ -f "$t" ] || continue
    run_one "$(basename "$t" .t.sh)" sh "$t"
done
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
