/* quantity.h: counts as news states them: digits ("1,800", "14"), words ("fifteen",
 * "Twenty one", "a dozen"), vague amounts ("dozens", "scores", "hundreds", "several")
 * and their qualifiers ("at least", "more than", "some", "up to", "30 to 40"), mapped as
 * the table in FACTS.md says. */
#ifndef SITREP_QUANTITY_H
#define SITREP_QUANTITY_H

#include <stddef.h>

#include "base/facts.h"

struct quantity {
    long n, min, max; /* FACT_NONE where FACTS.md has null */
    enum qualifier qualifier;
    size_t start, len; /* the bytes of s that state it, qualifier included */
};

/* Parses a quantity beginning exactly at s (leading qualifier words included). Returns
 * the bytes consumed, 0 when s does not start with one. Case-insensitive. Years, times
 * ("10:30"), ordinals ("7th"), percentages and decimals ("4.7 million" is still a
 * count: n = 4700000) are the caller's to judge from what follows; a number directly
 * followed by '%' or "percent" is refused here. */
size_t quantity_parse(const char *s, size_t len, struct quantity *out);

/* Finds the next quantity at or after s; returns its start offset in *at. */
size_t quantity_find(const char *s, size_t len, struct quantity *out, size_t *at);

#endif
