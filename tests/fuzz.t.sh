#!/bin/sh
# Replays every fuzz target's kept inputs: the crashes libFuzzer found
# (tests/fuzz/regress/TARGET/) and the seed corpus (tests/fuzz/corpus/TARGET/), through
# the plain driver built by make tests ($BUILD/fuzz/replay_TARGET). An input that crashes
# or trips a sanitizer ends that replay with a non-zero status.
. "$(dirname "$0")/lib.sh"
: "${BUILD:=build}"
cd "$(dirname "$0")/.." || exit 1
SITREP_DATA_DIR=$PWD/assets
export SITREP_DATA_DIR
TMPDIR=$TMP
export TMPDIR
found=0
for bin in "$BUILD"/fuzz/replay_*; do
    [ -x "$bin" ] || continue
    found=1
    name=${bin##*/replay_}
    out=$("$bin" "tests/fuzz/regress/$name" "tests/fuzz/corpus/$name" 2>&1)
    rc=$?
    n=$(printf '%s\n' "$out" | grep -c '^ok ')
    if [ "$rc" -eq 0 ] && [ "$n" -gt 0 ]; then
        pass "fuzz replay $name ($n inputs)"
    else
        fail "fuzz replay $name" "status $rc after $n inputs: $(printf '%s\n' "$out" | grep -v '^ok ' | head -3 | tr '\n' ' ')"
    fi
done
[ "$found" -eq 1 ] || fail "fuzz replay" "no replay binaries in $BUILD/fuzz (make tests)"
