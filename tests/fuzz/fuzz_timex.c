/* fuzz_timex.c: dates. The first three bytes choose a publication date (or none), the rest
 * is one sentence given both to the dateline parser and to the expression finder. */
#include "base/timex.h"
#include "fuzz.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct timex_date pub = {0, 0, 0};
    if (size >= 3) {
        pub.year = data[0] ? 1900 + data[0] : 0;
        pub.month = data[1] % 13;
        pub.day = data[2] % 32;
        data += 3;
        size -= 3;
    }
    char *s = fuzz_strdup(data, size);
    struct timex_date parsed;
    char iso[32];
    for (size_t at = 0; at < size; at++) {
        if (timex_parse_date(s + at, size - at, &parsed)) {
            timex_format(&parsed, iso, sizeof iso);
            if (parsed.year && parsed.month && parsed.day)
                timex_weekday(&parsed);
        }
    }
    struct timex_date anchor = pub;
    struct timex_match found[32];
    timex_find(s, size, &pub, &anchor, found, 32);
    timex_find(s, size, NULL, &anchor, found, 32);
    free(s);
    return 0;
}
