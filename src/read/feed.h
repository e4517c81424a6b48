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

#endif
