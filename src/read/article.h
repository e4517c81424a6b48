/* article.h: one article as read from a file, a page or a feed item.
 *
 * `text` is the clean text the rest of sitrep works on: the title as the first paragraph,
 * then the body's paragraphs, separated by blank lines ("\n\n"). Sentence 0 is the title;
 * fact sentence indexes count over `sentences`. Page furniture (comment forms, counters,
 * duplicated titles and captions, navigation, scripts) is already gone from it. */
#ifndef SITREP_ARTICLE_H
#define SITREP_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/text.h"

/* Inputs larger than this are refused with a clear message. */
#define ARTICLE_MAX_INPUT (16u * 1024u * 1024u)

enum article_format { FORMAT_AUTO, FORMAT_TEXT, FORMAT_HTML, FORMAT_FEED };

struct article {
    char *title;    /* never NULL after parsing ("" when none) */
    char *date;     /* stated publication date, ISO YYYY-MM-DD, or NULL */
    char *source;   /* outlet ("IraqiNews.com", "AP"), or NULL */
    char *url;      /* or NULL */
    char *author;   /* or NULL */
    char *dateline; /* dateline place ("BAGHDAD"), or NULL */
    char *origin;   /* where it came from: a path, "-" for stdin, plus "#3" for feed items */
    char *text;     /* clean text, NUL-terminated, valid NFC UTF-8 */
    size_t text_len;
    struct text_span *sentences; /* over text; [0] is the title */
    size_t n_sentences;
    enum article_format format;
    bool is_read;  /* from a sitrep record: the reader who exported it had read it */
    char hash[65]; /* hex SHA-256 of the clean text: the identity for de-duplication */
};

/* Receives each parsed article. The sink owns the article afterwards (it must call
 * article_free). Returning non-zero stops the parse. */
typedef int (*article_sink)(struct article *a, void *ctx);

/* Builds text, sentences and hash from a title and body already cleaned by a parser. */
int article_finish(struct article *a, const char *title, const char *body);

void article_free(struct article *a);

#endif
