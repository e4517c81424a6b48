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

#include "text.h"

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
    char hash[65]; /* hex SHA-256 of the clean text: the identity for de-duplication */
};

/* Receives each parsed article. The sink owns the article afterwards (it must call
 * article_free). Returning non-zero stops the parse. */
typedef int (*article_sink)(struct article *a, void *ctx);

/* Parses one input (a whole file's bytes). Detects the format when fmt is FORMAT_AUTO.
 * Returns the number of articles passed to sink, or -1 with a one-line reason in err
 * ("binary file", "empty file", "malformed XML: ... at line 12", "no articles in feed"). */
int article_parse(const char *buf, size_t len, enum article_format fmt, const char *origin,
                  article_sink sink, void *ctx, char *err, size_t errlen);

/* Reads path ("-" = stdin) with the size cap and parses it as above. */
int article_load(const char *path, enum article_format fmt, article_sink sink, void *ctx, char *err,
                 size_t errlen);

/* The kind of file buf is when its first bytes are a known signature of a format sitrep
 * does not read ("PDF document", "gzip archive", "PNG image"...), else NULL. */
const char *article_known_binary(const char *buf, size_t len);

/* A file name or origin made safe and unambiguous to print on one line: LF, CR and TAB
 * become \n, \r, \t; other C0 controls, DEL and bytes that are not UTF-8 become \xHH;
 * C1 and bidi controls become \uXXXX. Returns a malloc'd string, NULL when out of memory. */
char *article_display_name(const char *name);

/* Builds text, sentences and hash from a title and body already cleaned by a parser. */
int article_finish(struct article *a, const char *title, const char *body);

void article_free(struct article *a);

#endif
