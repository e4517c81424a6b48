/* event_int.h: what the files of the events module share and no caller needs.
 *
 * The module is one public header (event.h) over several files, split along the steps of
 * grouping, as SQLite splits its query planner behind whereInt.h:
 *   event.c          docs from facts, and the small helpers below
 *   event_kinds.c    kinds of event from trigger words
 *   event_terms.c    the TF-IDF vocabulary and term vectors (ev_prepare, ev_prepare_db)
 *   event_score.c    the pair score and its reasons
 *   event_cluster.c  blocking, union-find and the groups with their labels and dates
 *   event_summary.c  what an event's reports say about each kind of figure
 *   event_load.c     docs from stored rows and groups back to them (store/event_rows.h)
 *   event_corrections.c  the analyst's corrections replayed over a grouping */
#ifndef SITREP_EVENTS_EVENT_INT_H
#define SITREP_EVENTS_EVENT_INT_H

#include "base/timex.h"
#include "events/event.h"

/* What ev_prepare computes for one doc and grouping reads: never filled by a caller. */
struct ev_prep {
    double kinds[EVK_COUNT];
    int32_t *days; /* the event dates (else the publication date) as day numbers */
    size_t n_days;
    int32_t *terms; /* term ids, sorted ascending */
    float *weights; /* unit-length TF-IDF weights, parallel to terms */
    size_t n_terms;
};

/* d->prep, allocated when missing (and zeroed). 0, or -1 out of memory. */
int ev_prep_ensure(struct ev_doc *d);
void ev_prep_free(struct ev_prep *p);

uint64_t ev_hash_bytes(const char *s, size_t n);

/* Folds a name so two spellings of one place or actor compare equal. */
void ev_fold_name(const char *s, char *out, size_t cap);

/* qsort that accepts an empty (possibly NULL) array. */
void ev_sort_n(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Whether a padded title (salience.h) names the place, by its name or by any of the
 * spellings the store keeps for it (a JSON array of strings). */
bool ev_title_names_json(const char *title_padded, const char *name, const char *json);

/* Counts trigger words in folded text; the title (the first title_len bytes) counts
 * thrice. */
void ev_count_kinds(const char *folded, size_t title_len, double kinds[EVK_COUNT]);

/* Fills d->prep's days from the figures' event dates, else the publication date. */
int ev_set_days(struct ev_doc *d);

/* Names the group and dates it from its members (label, place, first and last date),
 * replacing what it had: after the analyst's corrections change who is in it. */
void ev_group_describe(struct ev_group *g, const struct ev_doc *docs);

/* What describing a group adds up over its members (event_sums.c): the label's kind and
 * place and the dates come from these alone. */
struct ev_place_sum {
    int64_t id;
    double salience; /* summed over the members naming it */
    char *name;      /* as the first member naming it spells it */
};
struct ev_sums {
    int64_t last_member; /* the highest member id added */
    double kinds[EVK_COUNT];
    int32_t lo, hi;              /* the members' days; lo > hi: none */
    struct ev_place_sum *places; /* by id */
    size_t n_places, cap_places;
};
void ev_sums_init(struct ev_sums *s);
void ev_sums_free(struct ev_sums *s);
/* Adds a member (prepared): members added in id order give the sums ev_group_describe
 * makes from them all. 0, or -1 out of memory. */
int ev_sums_add(struct ev_sums *s, const struct ev_doc *d);
/* Sets g's label, place and dates (g's old ones must be freed before). */
void ev_sums_describe(const struct ev_sums *s, struct ev_group *g);
void *ev_sums_encode(const struct ev_sums *s, size_t *len);
int ev_sums_decode(const void *data, size_t len, struct ev_sums *s);

/* The analyst's corrections (event_corrections.c): applied to the docs before grouping
 * (dates, figures that are not their event's), then replayed over the groups in the order
 * they were made (merge, split, move, place, kind). Both do nothing without corrections
 * in o. */
int ev_correct_docs(struct ev_doc *docs, size_t n, const struct ev_options *o);
int ev_correct_groups(const struct ev_doc *docs, size_t n, const struct ev_options *o,
                      struct ev_set *set);

/* ---- for incremental grouping (event_incr.c) ---- */

/* A term counter over a run of docs sharing one vocabulary. Each doc's terms come out as
 * 32-bit hashes of the terms (never 0), ascending as int32_t, with their raw weighted counts. */
struct ev_termer;
struct ev_termer *ev_termer_new(void);
void ev_termer_free(struct ev_termer *t);
/* Fills d->prep's kinds and days from text as ev_prepare does, and the doc's terms into
 * *hashes and *counts (malloc'd, *n of them). With pre (event_incr.h), its words and kinds
 * were counted already and text is not read. */
int ev_termer_count(struct ev_termer *t, struct ev_doc *d, const char *text,
                    const struct ev_text_terms *pre, uint32_t **hashes, float **counts, size_t *n);

/* Loads the articles with ids in [lo, hi] as docs with their texts (lean figures). */
int ev_load_range(sqlite3 *db, int64_t lo, int64_t hi, struct ev_doc **docs_out, size_t *n_out);

/* A day number as an ISO date (the inverse of timex_iso_days). */
void ev_day_iso(long day, char out[40]);

#endif
