#!/usr/bin/env python3
"""genfeeds.py: writes the articles of gencorpus.py as RSS 2.0 feed files, for benchmarks
that give sitrep and another feed reader the same items.

  genfeeds.py [--seed S] [--per-feed N] COUNT DIR    COUNT items in files of N items each

Each item carries the article's title, a pubDate, a guid, a link and the whole text as its
description, so both readers store the same words. Files stay under sitrep's 16 MiB input
cap (the default of 3,000 items is about 11 MB)."""
import argparse
import os
import random
from email.utils import format_datetime
from datetime import datetime, timezone
from xml.sax.saxutils import escape

import gencorpus


def item_xml(rng, index):
    text = gencorpus.article(rng, index, 3 * 1024)
    lines = text.split("\n")
    title = lines[2]
    body = "\n".join(lines[4:])
    when = datetime(2024, 1 + index % 12, 1 + index % 28, 10, 0, tzinfo=timezone.utc)
    return (f"<item><title>{escape(title)}</title>"
            f"<link>http://127.0.0.1/item/{index}</link><guid>item-{index}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate>"
            f"<description>{escape(body)}</description></item>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-feed", type=int, default=3000)
    ap.add_argument("count", type=int)
    ap.add_argument("dir")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.dir, exist_ok=True)
    done, feed = 0, 0
    while done < args.count:
        take = min(args.per_feed, args.count - done)
        path = os.path.join(args.dir, f"feed_{feed:04d}.xml")
        with open(path, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                    f"<title>Generated feed {feed}</title><link>http://127.0.0.1/{feed}</link>"
                    "<description>generated for benchmarks</description>\n")
            for i in range(done + 1, done + take + 1):
                f.write(item_xml(rng, i))
            f.write("</channel></rss>\n")
        done += take
        feed += 1


if __name__ == "__main__":
    main()
