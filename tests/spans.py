#!/usr/bin/env python3
"""Reads an article's packed sentences and mentions (article_spans, src/store/article_spans.h)
for the shell tests, decoding the format from its description rather than through sitrep.

  spans.py DB sentences TITLE        prints: COUNT MAX_LEN
  spans.py DB mentions TITLE TYPE    prints: how many mentions of TYPE (place, actor, ...)
  spans.py DB bare                   prints: articles without an article_spans row
  spans.py DB set-sentence ID IDX START LEN
                                     rewrites one sentence of article ID (to damage it)
"""
import sqlite3
import sys

FORMAT = 1
TYPES = ["place", "actor", "figure", "date", "source"]


def varints(blob):
    """The blob's varints after its format byte (unsigned LEB128)."""
    if not blob:
        return []
    if blob[0] != FORMAT:
        raise ValueError(f"unknown format byte {blob[0]}")
    out, value, shift = [], 0, 0
    for byte in blob[1:]:
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            out.append(value)
            value, shift = 0, 0
    if shift:
        raise ValueError("blob ends inside a varint")
    return out


def unzigzag(z):
    return (z >> 1) ^ -(z & 1)


def sentences(blob):
    v = varints(blob)
    return [(v[i], v[i + 1]) for i in range(0, len(v), 2)]


def mentions(blob):
    v = varints(blob)
    return [(TYPES[v[i]], unzigzag(v[i + 1]), unzigzag(v[i + 2]), v[i + 3], v[i + 4])
            for i in range(0, len(v), 5)]


def pack(values):
    """The blob of unsigned varints after the format byte."""
    out = bytearray([FORMAT])
    for v in values:
        while v >= 0x80:
            out.append((v & 0x7F) | 0x80)
            v >>= 7
        out.append(v)
    return bytes(out)


def set_sentence(db, article, idx, start, length):
    blob = db.execute("SELECT sentences FROM article_spans WHERE article_id = ?",
                      (article,)).fetchone()[0]
    spans = sentences(blob)
    spans[idx] = (start, length)
    db.execute("UPDATE article_spans SET sentences = ? WHERE article_id = ?",
               (pack([v for span in spans for v in span]), article))
    db.commit()


def row(db, title, column):
    r = db.execute(f"SELECT sp.{column} FROM article_spans sp JOIN articles a"
                   " ON a.id = sp.article_id WHERE a.title = ?", (title,)).fetchone()
    return r[0] if r else None


def main():
    db = sqlite3.connect(sys.argv[1])
    what = sys.argv[2]
    if what == "sentences":
        s = sentences(row(db, sys.argv[3], "sentences"))
        print(len(s), max((n for _, n in s), default=0))
    elif what == "mentions":
        m = mentions(row(db, sys.argv[3], "mentions"))
        print(sum(1 for t in m if t[0] == sys.argv[4]))
    elif what == "bare":
        print(db.execute("SELECT count(*) FROM articles WHERE id NOT IN"
                         " (SELECT article_id FROM article_spans)").fetchone()[0])
    elif what == "set-sentence":
        set_sentence(db, *(int(a) for a in sys.argv[3:7]))
    else:
        sys.exit(f"spans.py: unknown question {what}")


if __name__ == "__main__":
    main()
