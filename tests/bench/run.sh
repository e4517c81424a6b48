#!/bin/sh
# Runs every benchmark script tests/bench/*.sh (except this one). Benchmarks measure speed
# and memory; they are never part of `make check`. SITREP and BUILD come from `make bench`.
cd "$(dirname "$0")/../.." || exit 1
: "${BUILD:=build}" "${SITREP:=$PWD/$BUILD/sitrep}"
export BUILD SITREP
status=0
for b in tests/bench/*.sh; do
    [ "$(basename "$b")" = run.sh ] && continue
    echo "== $(basename "$b" .sh)"
    sh "$b" || { echo "$(basename "$b"): failed"; status=1; }
done
exit $status
