/* compare.h: two reports side by side: their figures by kind (agree, differ, or only in
 * one), the places, actors and dates they share or not, and the pairs of sentences that
 * carry matching facts (for the compare view's aligned scrolling).
 *
 * A comparison points into the two articles and facts it was built from; keep them alive
 * while it is used. */
#ifndef SITREP_COMPARE_H
#define SITREP_COMPARE_H

#include <stddef.h>

#include "read/article.h"
#include "base/facts.h"

enum compare_status { COMPARE_AGREE, COMPARE_DIFFER, COMPARE_ONLY_A, COMPARE_ONLY_B };

/* "agree", "differ", "only A", "only B"; for names (places, actors, dates) AGREE reads as
 * "both" (compare_presence_name). */
const char *compare_status_name(enum compare_status s);
const char *compare_presence_name(enum compare_status s);
/* JSON spelling: "agree", "differ", "only_a", "only_b" / "both", "a", "b". */
const char *compare_status_key(enum compare_status s);
const char *compare_presence_key(enum compare_status s);

struct compare_figures {
    enum figure_kind kind;
    const struct figure_fact **a, **b; /* in text order */
    size_t n_a, n_b;
    enum compare_status status;
};

struct compare_name {
    const char *name;           /* as A names it when in both */
    enum compare_status status; /* COMPARE_AGREE = in both */
    int sentence_a, sentence_b; /* first sentence naming it, -1 when absent */
};

struct compare_pair {
    int a, b; /* sentence indexes (0 = title) */
    double score;
    char why[96]; /* "killed, destroyed; Fallujah" */
};

struct comparison {
    struct compare_figures figures[FIG_KIND_COUNT]; /* only kinds either report states */
    size_t n_figures;
    struct compare_name *places, *actors, *dates;
    size_t n_places, n_actors, n_dates;
    struct compare_pair *pairs; /* by A's sentence order */
    size_t n_pairs;
};

/* Builds the comparison. The articles supply sentences (for alignment by wording too). */
int compare_build(const struct article *a, const struct facts *fa, const struct article *b,
                  const struct facts *fb, struct comparison *out);
void compare_free(struct comparison *c);

/* "more than 138", "some 150", "scores", "30-40", "at least 12", "175". */
void compare_format_figure(const struct figure_fact *f, char *buf, size_t len);

/* The B sentence aligned with A's sentence (or the nearest aligned one before it), for
 * scrolling one text to follow the other; -1 when nothing is aligned. from_b swaps sides. */
int compare_follow(const struct comparison *c, int sentence, int from_b);

#endif
