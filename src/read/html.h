/* html.h: news pages saved as HTML. The title, the stated publication date, the outlet,
 * the author and the canonical address come from meta tags (or <time>, <h1>, <title>);
 * the body from the <article> element or else the block holding most paragraph text,
 * without navigation, headers, footers, asides, scripts, forms and comment sections. */
#ifndef SITREP_HTML_H
#define SITREP_HTML_H

#include <stddef.h>

#include "read/article.h"

/* Parses one page into one article for sink. Returns 1, or -1 with a reason in err. */
int html_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
               char *err, size_t errlen);

/* Turns an HTML fragment (a feed item's description) into paragraphs separated by blank
 * lines. Returns a malloc'd string ("" when there is no text), NULL when out of memory. */
char *html_fragment_text(const char *html, size_t len);

/* Paragraph text of an already parsed node tree (an Atom xhtml content element). The
 * argument is an xmlNode *; void keeps libxml2 out of this header. */
char *html_node_text(const void *node);

/* A date as feeds and meta tags state it ("2024-05-01T10:00:00Z", "Wed, 01 May 2024
 * 10:00:00 GMT", "May 1, 2024") as ISO YYYY-MM-DD into iso[16]; false when no full date. */
int html_iso_date(const char *s, char iso[16]);

/* What a page's tags or a feed item's elements state; any field may be NULL. */
struct html_meta {
    const char *title, *date, *source, *url, *author;
};

/* Builds an article from metadata and body text (paragraphs separated by blank lines)
 * through the plain-text parser, which removes furniture and reads datelines; stated
 * metadata wins over what the text suggests. NULL with a reason in err when no text. */
struct article *html_article_from(const struct html_meta *m, const char *body, const char *origin,
                                  enum article_format fmt, char *err, size_t errlen);

#endif
