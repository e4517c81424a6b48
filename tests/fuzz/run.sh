#!/bin/sh
# make fuzz: runs each libFuzzer target in DIR for SECONDS seconds, starting from its seed
# corpus (tests/fuzz/corpus/TARGET, never written to: new inputs go to a scratch copy).
# A crash, leak, timeout or OOM is copied to tests/fuzz/regress/TARGET/ so make check
# replays it from then on. Prints one line per target with libFuzzer's count of executed
# inputs, then "N passed, N failed".
# usage: sh tests/fuzz/run.sh DIR SECONDS
dir=${1:?fuzz binary directory} seconds=${2:-60}
cd "$(dirname "$0")/../.." || exit 1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0 failed=0
for bin in "$dir"/fuzz_*; do
    [ -x "$bin" ] || continue
    name=${bin##*/fuzz_}
    mkdir -p "$scratch/$name/corpus" "$scratch/$name/crash"
    log=$scratch/$name/log
    # -max_len: the store target's seed collections are tens of kilobytes.
    "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=20 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="$scratch/$name/crash/" \
        "$scratch/$name/corpus" "tests/fuzz/corpus/$name" >"$log" 2>&1
    rc=$?
    units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashes=$(ls "$scratch/$name/crash" | wc -l)
    if [ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ]; then
        echo "ok fuzz $name: ${units:-?} inputs in ${seconds}s"
        passed=$((passed + 1))
    else
        mkdir -p "tests/fuzz/regress/$name"
        cp "$scratch/$name/crash"/* "tests/fuzz/regress/$name/" 2>/dev/null
        echo "not ok fuzz $name: exit $rc after ${units:-?} inputs; $crashes input(s) kept in tests/fuzz/regress/$name/"
        grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5 | sed 's/^/#   /'
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
