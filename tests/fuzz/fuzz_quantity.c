/* fuzz_quantity.c: counts and their qualifiers, parsed at every offset and found in turn. */
#include "extract/quantity.h"
#include "fuzz.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_strdup(data, size);
    struct quantity q;
    for (size_t at = 0; at < size; at++)
        quantity_parse(s + at, size - at, &q);
    size_t pos = 0, start;
    while (pos < size) {
        size_t used = quantity_find(s + pos, size - pos, &q, &start);
        if (!used)
            break;
        pos += start + used;
    }
    free(s);
    return 0;
}
