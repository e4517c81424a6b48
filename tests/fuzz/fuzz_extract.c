/* fuzz_extract.c: whole-article extraction: any input read as the reader detects it,
 * each article's facts extracted and exported as JSON (to /dev/null). */
#include "export/export.h"
#include "extract/extract.h"
#include "fuzz.h"
#include "read/reader.h"

#include <stdio.h>
#include <stdlib.h>

static struct extractor *extractor;
static FILE *sink_file;

static int extract_and_drop(struct article *a, void *ctx)
{
    (void)ctx;
    struct facts f;
    facts_init(&f);
    if (extract_article(extractor, a, &f) == 0)
        export_facts_json(sink_file, "fuzz", a, &f);
    facts_free(&f);
    article_free(a);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    if (!extractor) {
        extractor = extractor_open(err, sizeof err);
        sink_file = fopen("/dev/null", "w");
        if (!extractor || !sink_file) {
            fprintf(stderr, "fuzz_extract: %s (set SITREP_DATA_DIR to assets/)\n", err);
            abort();
        }
    }
    reader_parse((const char *)data, size, FORMAT_AUTO, "fuzz", extract_and_drop, NULL, err,
                 sizeof err);
    return 0;
}
