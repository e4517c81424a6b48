/* discover.h: what to say when a subscription's address gives a web page instead of a
 * feed: most news pages name their feed in <link rel="alternate" type="application/rss+xml"
 * (or atom+xml) href="...">. */
#ifndef SITREP_FETCH_DISCOVER_H
#define SITREP_FETCH_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>

/* True when the body is an HTML page: its content type says so, or it opens with a
 * doctype or an <html> element. (An XHTML page served as XML counts too.) */
bool discover_is_page(const char *body, size_t len, const char *content_type);

/* The first feed the page links to, resolved against page_url; malloc'd, NULL when none. */
char *discover_feed_link(const char *body, size_t len, const char *page_url);

#endif
