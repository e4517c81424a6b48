/* plaintext.h: plain-text articles as people save them from news pages: an optional block
 * of header lines (Title:, Date:, Source:, URL:, Author:), then page text in which the
 * title, the stated publication date, the outlet and the dateline place have to be found,
 * and page furniture (comment forms, counters, share prompts, repeated titles and
 * captions) removed. */
#ifndef SITREP_PLAINTEXT_H
#define SITREP_PLAINTEXT_H

#include <stddef.h>

#include "read/article.h"

/* Parses text (valid NFC UTF-8, NUL-terminated, as text_repair returns it) into a new
 * article with text, sentences and hash set. Returns NULL with a reason in err when the
 * text holds no article (only whitespace or furniture). */
struct article *plaintext_parse(const char *text, size_t len, const char *origin, char *err,
                                size_t errlen);

#endif
