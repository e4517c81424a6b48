/* records.h: reads the sitrep record format back (JSON Lines written by `sitrep export
 * --format jsonl`, described in export/jsonl.h): a first line {"sitrep":N,"type":"header"}
 * and then one record per line. Article records become articles with their metadata and
 * read state; derived rows (event, report, figure) are skipped, since the collection
 * recomputes them; corrections name articles by hash and are replayed by the importer once
 * the articles are stored (records_each). Other JSON is not this format, and the reader
 * goes on refusing it. */
#ifndef SITREP_RECORDS_H
#define SITREP_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "read/article.h"

/* The highest record format version this reader understands. */
#define RECORDS_VERSION 1

/* True when buf's first line is a sitrep header record. */
bool records_sniff(const char *buf, size_t len);

/* Passes each article record to sink. Returns the number of articles passed, or -1 with a
 * reason in err when the header is wrong or some records were bad (the good ones are
 * passed all the same: the rest of the file goes on). */
int records_parse(const char *buf, size_t len, const char *origin, article_sink sink, void *ctx,
                  char *err, size_t errlen);

struct jvalue;

/* Calls fn with every well-formed record of the given type ("correction"), in file order;
 * fn returning non-zero stops. Returns the number of records passed, or -1 when buf is
 * not sitrep records of a version this reader knows. */
long records_each(const char *buf, size_t len, const char *type,
                  int (*fn)(const struct jvalue *record, void *ctx), void *ctx);

#endif
