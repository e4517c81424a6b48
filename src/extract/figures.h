/* figures.h: the tolls a sentence states: which counts are of people killed or wounded or
 * of things destroyed, the trigger that says so, and the words naming the victims. */
#ifndef SITREP_FIGURES_H
#define SITREP_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/facts.h"
#include "extract/quantity.h"
#include "base/tokens.h"

struct figure_hit {
    int kind;                /* enum figure_kind */
    size_t trigger;          /* token of the trigger word */
    size_t who_from, who_to; /* tokens of the victims, [from, to) */
};

/* Judges the quantity q found at byte qpos (qlen bytes) of a sentence: t holds the
 * sentence's tokens (offsets into the article text, the sentence starting at
 * sentence_start), s and len the sentence's own bytes. True when it is a toll, with h
 * filled; *qi is the count's first token either way. */
bool figure_read(const struct tokens *t, const char *s, size_t len, size_t sentence_start,
                 const struct quantity *q, size_t qpos, size_t qlen, struct figure_hit *h,
                 size_t *qi);

#endif
