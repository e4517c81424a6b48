/* feed.h: RSS 2.0, RSS 1.0 (RDF) and Atom feeds, one article per item or entry. Entities
 * are never expanded and nothing is fetched: a feed that declares entities is refused. */
#ifndef SITREP_FEED_H
#define SITREP_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "read/article.h"

/* True when the document's root element is rss, feed or rdf:RDF. */
bool feed_sniff(const char *buf, size_t len);

/* Parses a feed, passing each item to sink. Returns the count, or -1 with a reason in err
 * ("malformed XML: ... at line N", "entity declarations refused ...", "no articles in
 * feed"). */
int feed_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
               char *err, size_t errlen);

/* What a subscription needs of an item beyond its article: an identity that survives
 * edits of the item, and whether the feed carries the whole text. */
struct feed_item {
    const char *guid;  /* RSS guid, Atom id; NULL when the item has none */
    bool summary_only; /* no content:encoded or Atom content: only a description */
};

/* Receives each item's article (owned by the sink, as for article_sink) and its item. */
typedef int (*feed_item_sink)(struct article *a, const struct feed_item *item, void *ctx);

/* As feed_parse, but a feed without items is not an error (a fetched feed may be empty
 * today): returns the count, 0 included, or -1 with a reason in err. */
int feed_parse_items(const char *buf, size_t len, const char *origin, feed_item_sink sink,
                     void *ctx, char *err, size_t errlen);

#endif
