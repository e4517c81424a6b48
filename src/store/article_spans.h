/* article_spans.h: an article's sentences, mentions and dates packed into one blob each,
 * the columns of its article_spans row (store.h).
 *
 * An article has dozens of sentences and mentions and a dozen dates, and a row apiece made
 * them most of the rows an import wrote (10,000 generated articles: 950,000 of 1.3
 * million), each with its own B-tree insert; nothing queries them one by one, only an
 * article's whole list. A blob is a format byte and then, per entry, unsigned LEB128
 * varints (signed fields zigzagged) and strings (a varint of the length plus one, 0 for
 * NULL, then the bytes):
 *   sentences: start, len
 *   mentions:  type, index, sentence, start, len
 *   dates:     sentence, text, value, weekday */
#ifndef SITREP_ARTICLE_SPANS_H
#define SITREP_ARTICLE_SPANS_H

#include <sqlite3.h>
#include <stddef.h>

#include "base/facts.h"
#include "base/text.h"

/* The packed form of n sentences (malloc'd, *len bytes), or NULL when out of memory. */
unsigned char *spans_pack_sentences(const struct text_span *v, size_t n, size_t *len);

/* The packed form of n mentions, as spans_pack_sentences. */
unsigned char *spans_pack_mentions(const struct mention *v, size_t n, size_t *len);

/* The sentences of a blob into *out (malloc'd, *n of them; NULL when none); -1 when the blob
 * is not one spans_pack_sentences made (a damaged collection), 0 otherwise. */
int spans_unpack_sentences(const void *blob, size_t len, struct text_span **out, size_t *n);

/* The mentions of a blob, as spans_unpack_sentences. */
int spans_unpack_mentions(const void *blob, size_t len, struct mention **out, size_t *n);

/* The packed form of n dates, as spans_pack_sentences. */
unsigned char *spans_pack_dates(const struct date_fact *v, size_t n, size_t *len);

/* Appends the dates of a blob to f (facts_add_date); -1 when the blob is damaged or memory
 * runs out (the dates read before stay), 0 otherwise. */
int spans_unpack_dates(const void *blob, size_t len, struct facts *f);

/* Adds the aggregate SQL functions the schema step from per-row tables to blobs runs:
 * sitrep_pack_sentences(idx, start, len), sitrep_pack_mentions(ord, type, idx, sentence,
 * start, len) and sitrep_pack_dates(ord, text, value, weekday, sentence), each packing its
 * group's rows in idx (ord) order, whatever order they come in; type is
 * mention_type_name's word. */
int spans_register_sql(sqlite3 *db);

#endif
