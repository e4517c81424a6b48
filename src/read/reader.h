/* reader.h: one input (a file, stdin, a buffer) to articles: the size cap, refusal of
 * known binary formats, UTF-16 decoding, format detection, then the format's reader. */
#ifndef SITREP_READER_H
#define SITREP_READER_H

#include <stddef.h>

#include "read/article.h"

/* Parses one input (a whole file's bytes). Detects the format when fmt is FORMAT_AUTO.
 * Returns the number of articles passed to sink, or -1 with a one-line reason in err
 * ("binary file", "empty file", "malformed XML: ... at line 12", "no articles in feed"). */
int reader_parse(const char *buf, size_t len, enum article_format fmt, const char *origin,
                 article_sink sink, void *ctx, char *err, size_t errlen);

/* Reads path ("-" = stdin) with the size cap and parses it as above. */
int reader_load(const char *path, enum article_format fmt, article_sink sink, void *ctx, char *err,
                size_t errlen);

/* The kind of file buf is when its first bytes are a known signature of a format sitrep
 * does not read ("PDF document", "gzip archive", "PNG image"...), else NULL. */
const char *reader_known_binary(const char *buf, size_t len);

#endif
