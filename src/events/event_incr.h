/* event_incr.h: incremental grouping. Reports that are in no event yet (an import's, or a
 * collection's never grouped) are assigned one at a time, in id order, against what is
 * stored: each is scored against its neighbours in the blocks of its places (the stored
 * event_blocks, the same sorted-neighbourhood window the full grouping uses, among the
 * reports before it), joins the event of its strongest link at or above the threshold,
 * merges the events it links to as strongly (as union-find would, with the same limit on
 * an event's span of days), or starts an event of its own. Event rows of the events
 * touched are brought up to date. Nothing is reloaded: the older reports' features,
 * document frequencies and blocks are read from store/event_state.h.
 *
 * `sitrep events --regroup` still groups everything at once (event.h); both paths use the
 * same pair score. */
#ifndef SITREP_EVENT_INCR_H
#define SITREP_EVENT_INCR_H

#include <stddef.h>

#include "events/event.h"

struct store;

/* A report's words as its grouping features count them (folded, stopwords left out,
 * title words twice) and its kinds of event, from its title and text alone: any thread
 * may make one, so an import's extracting threads do, and a catch-up given it through
 * ev_options.text_terms features the report exactly as from its stored text. NULL when
 * out of memory. */
struct ev_text_terms;
struct ev_text_terms *ev_text_terms_new(const char *title, const char *text);
void ev_text_terms_free(struct ev_text_terms *t);

/* Assigns every report in no event, in transactions of EV_CATCH_UP_BATCH reports, through
 * s (writable). *n_assigned (may be NULL) gets how many were assigned. Honours o->stop
 * between reports (the open batch is rolled back). Returns 0 or -1. */
int ev_catch_up(struct store *s, const struct ev_options *o, size_t *n_assigned);

#define EV_CATCH_UP_BATCH 2000

/* Describes (label, place, score) the events a catch-up with o->defer_describe left to
 * describe, each once however many batches touched it: an import of 100,000 reports into
 * 900,000 reads the members of each large event once rather than fifty times. A catch-up
 * without it does this at its end. Returns 0 or -1. */
int ev_describe_stale(struct store *s);

/* Catches up; then, when o holds the analyst's corrections (which are replayed over a
 * whole grouping: event_corrections.c), groups the whole collection afresh and saves it.
 * Returns 0 or -1. */
int ev_update_store(struct store *s, const struct ev_options *o);

#endif
