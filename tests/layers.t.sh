#!/bin/sh
# layers.t.sh: the layer check passes on the tree and fails, naming the line, on a small
# tree with each kind of wrong include (up a layer, across peers, library into reader,
# SQL in the reader, a circle).
. "$(dirname "$0")/lib.sh"

CHECK="$TOP/tools/check_layers.py"

# tree NAME: a minimal tree of good modules under $TMP/NAME
tree() {
    d="$TMP/$1"
    mkdir -p "$d/src/base" "$d/src/store" "$d/src/events" "$d/src/compare" "$d/src/cli" "$d/ui"
    printf '#include "base/text.h"\n' >"$d/src/store/store.c"
    : >"$d/src/base/text.h"; : >"$d/src/store/store.h"; : >"$d/src/events/event.h"
    : >"$d/src/compare/compare.h"; : >"$d/ui/draw.h"
    printf '#include "store/store.h"\n#include "draw.h"\n' >"$d/ui/app.c"
    printf '%s' "$d"
}

good=$(tree good)
check layers-good-tree python3 "$CHECK" "$good"

expect_problem() { # NAME TREE WANT
    out=$(python3 "$CHECK" "$2" 2>&1) && { fail "$1" "passed: $out"; return; }
    check_contains "$1" "$out" "$3"
}

up=$(tree up)
printf '#include "events/event.h"\n' >"$up/src/store/up.c"
expect_problem layers-upward "$up" "src/store/up.c:1: #include \"events/event.h\": store includes a higher layer (events)"

peer=$(tree peer)
printf '#include "compare/compare.h"\n' >"$peer/src/events/event.c"
expect_problem layers-peer "$peer" "events includes a peer layer (compare)"

intoui=$(tree intoui)
printf '#include "draw.h"\n' >"$intoui/src/cli/cli.c"
expect_problem layers-library-into-reader "$intoui" "src/cli/cli.c:1: #include \"draw.h\": the library includes the reader"

sql=$(tree sql)
printf '#include <sqlite3.h>\n' >"$sql/ui/list.c"
expect_problem layers-sql-in-reader "$sql" "ui/list.c:1: #include <sqlite3.h>"

circle=$(tree circle)
printf '#include "base/b.h"\n' >"$circle/src/base/a.h"
printf '#include "base/a.h"\n' >"$circle/src/base/b.h"
expect_problem layers-circle "$circle" "circular includes: src/base/a -> src/base/b -> src/base/a"

private=$(tree private)
printf '#include "store/store.h"\n' >"$private/src/store/store_int.h"
printf '#include "store/store_int.h"\n' >"$private/src/store/store.c"
printf '#include "store/store_int.h"\n' >"$private/src/store/article_read.c"
check layers-private-header-is-its-module python3 "$CHECK" "$private"

# a private header shared by the files of its module is no circle, but stays in its folder
private2=$(tree private2)
printf '#include "events/event.h"\n' >"$private2/src/events/event_int.h"
printf '#include "events/event_int.h"\n' >"$private2/src/events/event.c"
printf '#include "events/event_int.h"\n' >"$private2/src/events/event_score.c"
check layers-private-header python3 "$CHECK" "$private2"
printf '#include "events/event_int.h"\n' >"$private2/src/cli/cli.c"
expect_problem layers-private-header-outside "$private2" "src/cli/cli.c:1: #include \"events/event_int.h\": a module's private header, from outside its folder"

check layers-this-tree python3 "$CHECK" "$TOP"
