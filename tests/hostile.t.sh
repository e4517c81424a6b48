#!/bin/sh
# hostile.t.sh: `sitrep import` and `sitrep extract` against hostile inputs generated here,
# at test time, in the scratch directory (nothing large is committed). For every input:
# no hang (each run is under `timeout 60`), no crash, one clear line naming the file
# (printed safely) and the reason when it is refused, the rest of a batch goes on, the exit
# status says whether anything failed, nothing stored before is lost, and no control byte,
# escape sequence or bidi override from the input reaches stdout or stderr, nor the output
# of `show`, `show --json` and `list` for the hostile articles that were stored.
. "$(dirname "$0")/lib.sh"

if ! python3 -c 'import sqlite3, json' 2>/dev/null; then
    echo "ok hostile input tests # skip: python3 with sqlite3 is needed"
    exit 0
fi
if ! command -v timeout >/dev/null 2>&1; then
    timeout() { shift; "$@"; } # no coreutils timeout: run without the limit
fi

H="$TMP/hostile"
DB="$TMP/hostile.db"
mkdir -p "$H"

# ---- helpers written to the scratch directory ----

# leaks.py FILE...: prints what in the files could drive a terminal: C0 controls other than
# LF and TAB (ESC above all), DEL, C1 controls, bidi controls, invalid UTF-8. Silent if clean.
cat >"$TMP/leaks.py" <<'EOF'
import re, sys
bad = re.compile(rb'[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]'
                 rb'|\xe2\x81[\xa6-\xa9]|\xd8\x9c')
for path in sys.argv[1:]:
    data = open(path, 'rb').read()
    m = bad.search(data)
    if m:
        print('%s: byte(s) %r at offset %d' % (path.rsplit('/', 1)[-1], m.group(0), m.start()))
    try:
        data.decode('utf-8')
    except UnicodeDecodeError as e:
        print('%s: invalid UTF-8 at offset %d' % (path.rsplit('/', 1)[-1], e.start))
EOF

# jsonl.py FILE: every non-empty line is a JSON object; prints the count, or why not.
cat >"$TMP/jsonl.py" <<'EOF'
import json, sys
n = 0
for i, line in enumerate(open(sys.argv[1], 'rb').read().split(b'\n')):
    if not line:
        continue
    try:
        obj = json.loads(line.decode('utf-8'))
    except Exception as e:
        print('line %d is not JSON: %s' % (i + 1, e))
        sys.exit(0)
    if not isinstance(obj, dict):
        print('line %d is not an object' % (i + 1))
        sys.exit(0)
    n += 1
print(n)
EOF

sql() { # sql QUERY: the first column of the first row in $DB
    python3 -c '
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()
print(row[0] if row else "(none)")
' "$DB" "$1"
}

count() { sql 'SELECT count(*) FROM articles'; }

# no_leaks NAME FILE...: passes when none of the files carries a terminal control.
no_leaks() {
    name=$1; shift
    found=$(python3 "$TMP/leaks.py" "$@")
    if [ -z "$found" ]; then pass "$name"; else fail "$name" "$(printf '%s' "$found" | head -n 3 | tr '\n' ' ')"; fi
}

# ---- the inputs ----

python3 - "$H" <<'EOF'
import gzip, os, random, sys
h = sys.argv[1]
rnd = random.Random(20261123)

def put(name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(h, name) if isinstance(name, str) else os.path.join(h.encode(), name), 'wb') as f:
        f.write(data)

words = ('the army said fighters were killed in the north of the province on Monday '
         'police reported that three civilians wounded near a checkpoint').split()
def prose(nbytes, line=True):
    out, n = [], 0
    while n < nbytes:
        para = ' '.join(rnd.choice(words) for _ in range(40)).capitalize() + '.'
        para += '\n\n' if line else ' '
        out.append(para)
        n += len(para)
    return ''.join(out)[:nbytes]

story = ('Gunmen kill 4 in attack on Kandahar checkpoint\n\n'
         'KANDAHAR, March 3 (AP) -- Gunmen killed four policemen and wounded two others '
         'in an attack on a checkpoint in Kandahar on Monday, officials said.\n\n'
         'No group claimed responsibility for the attack.\n')

put('random.bin', rnd.randbytes(65536))
put('empty.txt', b'')
put('blank.txt', b'\n \n\t\r\n')
cap = 16 * 1024 * 1024
put('over16m.txt', prose(cap + 1))
put('under16m.txt', 'Report near the limit\n\n' + prose(cap - 4096 - 23))
put('longline.txt', prose(10 * 1000 * 1000, line=False).replace('\n', ' '))
put('nested.html', '<html><head><title>Deep page</title></head><body>' + '<div>' * 100000 +
    '<p>Fighters were killed in the north of the province on Monday, police said.</p>' +
    '</div>' * 100000 + '</body></html>')
put('truncated.xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title>\n'
    '<item><title>Cut off</title><description>Fighting in the north contin')
put('truncated.html', '<!DOCTYPE html><html><head><title>Clashes in the north</title></head>'
    '<body><article><h1>Clashes in the north</h1><p>Fighters were killed in the north of '
    'the province on Monday, police said.</p><p>The attack beg')
laughs = ['<?xml version="1.0"?>', '<!DOCTYPE rss [', ' <!ENTITY lol "lol">']
for i in range(1, 10):
    prev = 'lol' if i == 1 else 'lol%d' % (i - 1)
    laughs.append(' <!ENTITY lol%d "%s">' % (i, ('&%s;' % prev) * 10))
laughs += [']>', '<rss version="2.0"><channel><title>Laughs</title>',
           '<item><title>&lol9;</title><description>&lol9;</description></item>',
           '</channel></rss>']
put('laughs.xml', '\n'.join(laughs))
xxe = ('<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
       '<rss version="2.0"><channel><title>Feed</title>\n'
       '<item><title>Leak &xxe;</title><description>Secret: &xxe;</description></item>\n'
       '</channel></rss>\n')
put('xxe.xml', xxe)
put('xxe-param.xml', '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY % p SYSTEM '
    '"file:///etc/passwd"> %p; ]>\n<rss version="2.0"><channel><item><title>x</title>'
    '</item></channel></rss>\n')
put('xxe-utf16.xml', b'\xff\xfe' + xxe.replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>', 1).encode('utf-16-le'))
put('utf16le.txt', b'\xff\xfe' + story.encode('utf-16-le'))
put('utf16be.html', b'\xfe\xff' + ('<html><head><meta charset="utf-16"><title>Shelling in '
    'Donetsk</title></head><body><p>Shelling killed two civilians in Donetsk on Tuesday, '
    'regional officials said.</p></body></html>').encode('utf-16-be'))
put('utf16le-feed.xml', b'\xff\xfe' + ('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0">'
    '<channel><title>Wire</title><item><title>Raid in Mogadishu</title><description>A raid '
    'killed five militants near Mogadishu on Friday, the army said.</description></item>'
    '</channel></rss>').encode('utf-16-le'))
put('bad-utf8.txt', b'Invalid bytes \xc0\xaf in the title \xff\n\nOverlong \xc0\xaf \xe0\x80\xaf '
    b'\xf0\x80\x80\xaf, surrogate \xed\xa0\x80, beyond \xf4\x90\x80\x80 and \xf8\x88\x80\x80\x80, '
    b'lone \x80\xbf, cut \xe2\x82. Gunmen killed 3 people in Kandahar on Monday, police said.\n')
put('nul.txt', b'Report with NUL\x00 bytes\n\nGunmen killed 3 people\x00 in Kandahar on Monday, '
    b'police said.\x00\n' + prose(2000).encode())
esc_title = ('Title: Bad \x1b[31mred\x1b[0m \x1b]52;c;cm0gLXJmIH4=\x07 '
             '\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ \u202eevil\u202c \u2066iso\u2069 '
             '\x9b2J \u009b31m bell\x07 back\x08space del\x7f\n')
esc_body = ('\nGunmen killed 3 people in \x1b[2J\x1b[H Kandahar on Monday, police said. '
            '\x1b]0;pwned\x07 The \u202etxt.exe\u202c file \x1b]52;c;ZWNobyBwd25lZA==\x1b\\ '
            'was \x1bPq#0;2;0;0;0\x1b\\ sent. Carriage\rreturn and \x1b(0 charset \x0e shift.\n')
put('escapes.txt', esc_title + esc_body)
put('escapes-c1.txt', b'C1 \xc2\x9b31m title \x9b2J raw\n\nShelling \xc2\x9d0;x\xc2\x9c killed 2 in Donetsk on Tuesday.\n')
put('escapes.html', '<html><head><title>Page &#27;[31mred&#x1b;]52;c;eA==&#7; &#x202E;evil'
    '</title><meta name="author" content="&#27;[2Jauthor"></head><body><article><p>Shelling '
    '&#27;[2J killed 2 civilians in Donetsk &#x202e;on Tuesday&#x202c;, officials said. '
    '&#155;31m &#x9b;32m &#1;&#8;.</p><p>Raw \x1b[31mescape\x1b[0m in markup.</p></article>'
    '</body></html>')
put('escapes-feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire '
    '&#x202E;evil</title><item><title>Raid &#x202E;ti daer</title><description>&lt;p&gt;A '
    'raid &amp;#27;[31m killed five &amp;#x1b;]52;c;eA==&amp;#7; militants near Mogadishu '
    'on Friday.&lt;/p&gt;</description><author>&amp;#27;[2J</author></item></channel></rss>')
put('escapes-atom.xml', '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/'
    '2005/Atom"><title>Atom</title><entry><title type="html">&lt;b&gt;Air strike&amp;#27;[5m'
    '&lt;/b&gt;</title><updated>2024-05-01T10:00:00Z</updated><content type="html">&lt;p&gt;'
    'An air strike killed 7 fighters &amp;#x1b;]8;;http://x/&amp;#x1b;\\here&amp;#x1b;]8;;'
    '&amp;#x1b;\\ in Idlib.&lt;/p&gt;</content></entry></feed>')
put('raw-esc.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>x\x1b[31m</title>'
    '<item><title>Raw \x1b]52;c;eA==\x07</title><description>d</description></item></channel></rss>')
gz = gzip.compress(story.encode())
put('story.txt.gz', gz)
put('story-gz-no-ext', gz)
put('doc.pdf', b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
    b'2 0 obj\n<< /Length 44 >>\nstream\n' + rnd.randbytes(3000) + b'\nendstream\nendobj\n'
    b'trailer\n<< /Root 1 0 R >>\n%%EOF\n')
put('text.pdf', '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nBT /F1 12 Tf '
    '(Fighters were killed in the north) Tj ET\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')

# Names that carry a newline, an escape sequence, a bidi override, invalid UTF-8.
names = os.path.join(h, 'names')
os.mkdir(names)
def put_named(name, data):
    with open(os.path.join(names.encode(), name), 'wb') as f:
        f.write(data.encode() if isinstance(data, str) else data)
put_named(b'new\nline.txt', story.replace('Gunmen kill 4', 'Gunmen kill 5'))
put_named(b'esc\x1b[31mred\x1b]52;c;eA==\x07.txt', story.replace('Gunmen kill 4', 'Gunmen kill 6'))
put_named('bidi\u202egpj.exe.txt'.encode(), story.replace('Gunmen kill 4', 'Gunmen kill 7'))
put_named(b'latin1-\xe9t\xe9.txt', story.replace('Gunmen kill 4', 'Gunmen kill 8'))
put_named(b'empty\nname\x1b[2J.txt', b'')

# A thousand tiny articles.
many = os.path.join(h, 'many')
os.mkdir(many)
for i in range(1000):
    with open(os.path.join(many, 'a%04d.txt' % i), 'w') as f:
        f.write('Brief %d\n\nGunmen killed %d people in Kandahar on Monday, police said.\n'
                % (i, i % 50 + 1))
EOF

# Symbolic link loops: one link to its own directory, two links naming each other. The
# good file beside them says something no other input says, so it is new when imported.
mkdir -p "$H/loops"
printf 'Loop test\n\nGunmen killed 3 people in Kandahar on Monday.\n' >"$H/loops/good.txt"
ln -s . "$H/loops/self"
ln -s a "$H/loops/b"
ln -s b "$H/loops/a"

printf 'Locked\n\nNobody may read this report about Kandahar.\n' >"$H/locked.txt"
mkdir -p "$H/lockeddir"
printf 'Inside\n\nA report in a locked directory.\n' >"$H/lockeddir/in.txt"
chmod 000 "$H/locked.txt" "$H/lockeddir"
root=no
[ -r "$H/locked.txt" ] && root=yes

# ---- the collection before: the samples ----
"$SITREP" --db "$DB" import "$TOP/assets/samples" >/dev/null 2>&1
check_eq "samples stored first" "$(count)" 5

# importing FILE EXPECT: one import of one path under timeout 60. EXPECT is "fail" (exit 1,
# exactly one stderr line "sitrep: NAME: reason"), "ok" (exit 0, nothing on stderr but
# the extractor's own warning) or "any" (either, still one line on failure).
# NAME is how the file must be named on that line (default: the path as given).
# label PATH: the path as this script names its checks: one line of printable ASCII with no
# backslash (lib.sh prints names with echo, which would act on "\n").
label() {
    printf '%s' "$1" | sed "s|^$H/||" | LC_ALL=C tr -c '[:print:]' '?' | tr '\\' '/'
}

importing() {
    path=$1 expect=$2 shown=${3:-$1}
    label=$(label "$shown")
    before=$(count)
    timeout 60 "$SITREP" --db "$DB" import "$path" >"$TMP/out" 2>"$TMP/err.all"
    rc=$?
    grep -v 'facts will not be extracted' "$TMP/err.all" >"$TMP/err"
    case $rc in
    0 | 1) pass "import $label: finishes (status $rc)" ;;
    124) fail "import $label: finishes" "timed out after 60 s" ;;
    *) fail "import $label: finishes" "status $rc (crash?) $(head -c 300 "$TMP/err" | tr '\n' ' ')" ;;
    esac
    no_leaks "import $label: no control bytes on stdout or stderr" "$TMP/out" "$TMP/err"
    after=$(count)
    if [ "$after" -ge "$before" ]; then pass "import $label: nothing stored is lost"; else
        fail "import $label: nothing stored is lost" "$before articles before, $after after"
    fi
    cp "$TMP/err" "$TMP/err-$(basename "$path")"
    lines=$(grep -c '' <"$TMP/err")
    case "$expect:$rc" in
    fail:1 | any:1)
        check_eq "import $label: one line on stderr" "$lines" 1
        check_contains "import $label: the line names the file" "$(cat "$TMP/err")" "sitrep: $shown: "
        reason=$(sed -n "s|^sitrep: .*: \(..*\)$|\1|p" "$TMP/err" | head -n 1)
        if [ -n "$reason" ]; then pass "import $label: a reason is given"; else
            fail "import $label: a reason is given" "[$(cat "$TMP/err")]"
        fi
        check_contains "import $label: summary counts the failure" "$(cat "$TMP/out")" "failed 1" ;;
    ok:0 | any:0)
        check_eq "import $label: quiet on stderr" "$(cat "$TMP/err")" ""
        check_contains "import $label: summary" "$(cat "$TMP/out")" "failed 0" ;;
    *) fail "import $label: outcome" "status $rc, expected $expect: $(head -c 300 "$TMP/err" | tr '\n' ' ')" ;;
    esac
}

# extracting FILE: extract --json finishes, prints JSON lines or one clear error.
extracting() {
    path=$1 expect=$2
    label=$(label "$path")
    timeout 60 "$SITREP" extract --json "$path" >"$TMP/out" 2>"$TMP/err.all"
    rc=$?
    grep -v 'facts will not be extracted' "$TMP/err.all" >"$TMP/err"
    case $rc in
    0 | 1) pass "extract $label: finishes (status $rc)" ;;
    124) fail "extract $label: finishes" "timed out after 60 s" ;;
    *) fail "extract $label: finishes" "status $rc (crash?) $(head -c 300 "$TMP/err" | tr '\n' ' ')" ;;
    esac
    no_leaks "extract $label: no control bytes on stdout or stderr" "$TMP/out" "$TMP/err"
    n=$(python3 "$TMP/jsonl.py" "$TMP/out")
    case "$n" in
    *[!0-9]*) fail "extract $label: valid JSON" "$n" ;;
    *) pass "extract $label: valid JSON" ;;
    esac
    if [ "$rc" -eq 1 ]; then
        check_contains "extract $label: a clear error" "$(head -n 1 "$TMP/err")" "sitrep: "
    elif [ "$expect" = ok ]; then
        check_eq "extract $label: one article" "$n" 1
    fi
}

for f in random.bin empty.txt blank.txt over16m.txt truncated.xml laughs.xml xxe.xml \
    xxe-param.xml xxe-utf16.xml story.txt.gz story-gz-no-ext doc.pdf text.pdf raw-esc.xml; do
    importing "$H/$f" fail
    extracting "$H/$f" fail
done
for f in under16m.txt longline.txt nested.html truncated.html utf16le.txt utf16be.html \
    utf16le-feed.xml bad-utf8.txt escapes.txt escapes-c1.txt escapes.html escapes-feed.xml \
    escapes-atom.xml; do
    importing "$H/$f" ok
    extracting "$H/$f" ok
done
importing "$H/nul.txt" any
extracting "$H/nul.txt" any

check_eq "nothing from an external entity is stored" \
    "$(sql "SELECT count(*) FROM articles WHERE text LIKE '%root:%'")" 0
check_eq "no billion-laughs expansion is stored" \
    "$(sql "SELECT count(*) FROM articles WHERE text LIKE '%lollollol%'")" 0
check_contains "gzip is named as such" "$(cat "$TMP/err-story.txt.gz")" "gzip"
check_contains "PDF is named as such" "$(cat "$TMP/err-text.pdf")" "PDF"
check_contains "the size cap is the reason" "$(cat "$TMP/err-over16m.txt")" "large"
check_contains "entity declarations are the reason" "$(cat "$TMP/err-xxe-utf16.xml")" "entit"
check_eq "UTF-16 text is read: its title" \
    "$(sql "SELECT title FROM articles WHERE origin LIKE '%utf16le.txt'")" \
    "Gunmen kill 4 in attack on Kandahar checkpoint"
check_eq "UTF-16 page is read: its title" \
    "$(sql "SELECT title FROM articles WHERE origin LIKE '%utf16be.html'")" "Shelling in Donetsk"
check_eq "UTF-16 feed is read: its title" \
    "$(sql "SELECT title FROM articles WHERE origin LIKE '%utf16le-feed.xml#1'")" "Raid in Mogadishu"
check_eq "the escaped title keeps its words" \
    "$(sql "SELECT title LIKE 'Bad%red%link%evil%iso%bell%' FROM articles WHERE origin LIKE '%/escapes.txt'")" 1

# ---- names ----
N="$H/names"
nl='
'
esc=$(printf '\033')
importing "$N/new${nl}line.txt" ok
importing "$N/esc${esc}[31mred${esc}]52;c;eA==$(printf '\007').txt" ok
importing "$N/$(printf 'bidi\342\200\256gpj.exe.txt')" ok
importing "$N/$(printf 'latin1-\351t\351.txt')" ok
importing "$N/empty${nl}name${esc}[2J.txt" fail "$N/empty\\nname\\x1b[2J.txt"
extracting "$N/new${nl}line.txt" ok
extracting "$N/esc${esc}[31mred${esc}]52;c;eA==$(printf '\007').txt" ok
extracting "$N/$(printf 'bidi\342\200\256gpj.exe.txt')" ok
extracting "$N/$(printf 'latin1-\351t\351.txt')" ok
extracting "$N/empty${nl}name${esc}[2J.txt" fail
# The same names met while walking a directory: only the empty one fails; they are
# already stored, so the others are duplicates.
importing "$N" fail "$N/empty\\nname\\x1b[2J.txt"
check_contains "named files are duplicates the second time" "$(cat "$TMP/out")" "duplicates skipped 4"

# ---- directories ----
importing "$H/many" ok
check_contains "a thousand tiny files are all imported" "$(cat "$TMP/out")" "imported 1000,"
importing "$H/loops" any
check_contains "the good file beside the loops is imported" "$(cat "$TMP/out")" "imported 1,"
check_contains "a directory loop is not walked round and round" "$(cat "$TMP/out")" \
    "duplicates skipped 0,"
check_contains "the loops are the reason" "$(cat "$TMP/err")" "loop"
# A named pipe met while walking would block the import: it is refused, the rest is read.
mkdir -p "$H/pipes"
printf 'Pipe test\n\nA raid killed 2 fighters near Mosul on Sunday.\n' >"$H/pipes/good.txt"
if mkfifo "$H/pipes/fifo" 2>/dev/null; then
    importing "$H/pipes" fail "$H/pipes/fifo"
    check_contains "the file beside the pipe is imported" "$(cat "$TMP/out")" "imported 1,"
    check_contains "the pipe is named as such" "$(cat "$TMP/err")" "pipe"
else
    echo "ok named pipe in a directory # skip: mkfifo failed"
fi
if [ "$root" = yes ]; then
    echo "ok unreadable file and directory # skip: running as a user who can read mode 000 files"
else
    importing "$H/locked.txt" fail
    importing "$H/lockeddir" fail
fi
importing "$H/does-not-exist.txt" fail
importing "$H/no-such-dir/" fail

# ---- one batch with everything: the rest goes on, the status says something failed ----
before=$(count)
timeout 120 "$SITREP" --db "$DB" import "$H" "$H/does-not-exist.txt" >"$TMP/out" 2>"$TMP/err"
rc=$?
check_eq "whole batch exits 1" "$rc" 1
no_leaks "whole batch: no control bytes on stdout or stderr" "$TMP/out" "$TMP/err"
# Everything in it was met before, except the locked file and directory when running as
# a user (root) who can read them, so they were skipped above.
new=0
[ "$root" = yes ] && new=2
check_contains "whole batch goes on to the end" "$(cat "$TMP/out")" "imported $new,"
if [ "$(count)" -ge "$before" ]; then pass "whole batch: nothing stored is lost"; else
    fail "whole batch: nothing stored is lost" "$before before, $(count) after"
fi
failed=$(sed -n 's/.*failed \([0-9]*\)$/\1/p' "$TMP/out")
check_eq "whole batch: one stderr line per failure" "$(grep -c '^sitrep: ' <"$TMP/err")" "$failed"
check_eq "whole batch: nothing but those lines" "$(grep -vc '^sitrep: ' <"$TMP/err")" 0
check_eq "database integrity after it all" "$(sql 'PRAGMA integrity_check')" ok

# ---- the stored hostile articles on the way out ----
"$SITREP" --db "$DB" list >"$TMP/list" 2>&1
no_leaks "list: no control bytes" "$TMP/list"
"$SITREP" --db "$DB" list --json >"$TMP/list.json" 2>&1
no_leaks "list --json: no control bytes" "$TMP/list.json"
n=$(python3 "$TMP/jsonl.py" "$TMP/list.json")
check_eq "list --json: valid JSON, one line per article" "$n" "$(count)"
ids=$(sql "SELECT group_concat(id, ' ') FROM articles WHERE id NOT IN (SELECT id FROM articles WHERE origin LIKE '%/many/%')")
: >"$TMP/show"
: >"$TMP/show.json"
for id in $ids; do
    timeout 60 "$SITREP" --db "$DB" show "$id" >>"$TMP/show" 2>&1
    timeout 60 "$SITREP" --db "$DB" show --json "$id" >>"$TMP/show.json" 2>&1
done
no_leaks "show: no control bytes in any stored hostile article" "$TMP/show"
no_leaks "show --json: no control bytes in any stored hostile article" "$TMP/show.json"
n=$(python3 "$TMP/jsonl.py" "$TMP/show.json")
check_eq "show --json: valid JSON for every article" "$n" "$(echo $ids | wc -w)"
check_contains "show names a newline in a file name visibly" "$(cat "$TMP/show")" 'new\nline.txt'

chmod 700 "$H/lockeddir" 2>/dev/null
chmod 600 "$H/locked.txt" 2>/dev/null
exit 0
