/* reader_common.h: the reader targets differ only in the format they force. */
#ifndef SITREP_FUZZ_READER_COMMON_H
#define SITREP_FUZZ_READER_COMMON_H

#include "fuzz.h"
#include "read/reader.h"

static int fuzz_drop_article(struct article *a, void *ctx)
{
    (void)ctx;
    article_free(a);
    return 0;
}

static inline void fuzz_read_as(const uint8_t *data, size_t size, enum article_format fmt)
{
    char err[256];
    reader_parse((const char *)data, size, fmt, "fuzz", fuzz_drop_article, NULL, err, sizeof err);
}

#endif
