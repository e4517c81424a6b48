/* event_features.h: one grouped report's features as the BLOB event_features keeps, so a
 * later import scores new reports against it without reading its text again.
 *
 * A report's features are what the pair score reads (events/event_score.c): its kinds of
 * event, its days and whether it is dated, its own death toll, its places with their salience and
 * enclosing places, and its heaviest terms with their raw counts. Counts, not weights, are kept:
 * the weights are TF-IDF over the document frequencies when the report is scored, which change with
 * every import. The layout is native-endian and private to this file: the collection is a local
 * cache of one machine's work. */
#ifndef SITREP_EVENT_FEATURES_H
#define SITREP_EVENT_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "events/event.h"

/* How many of its terms a report keeps (the pair score reads at most this many). */
#define EV_FEATURE_TERMS 64

/* Encodes d (prepared: kinds, days, places) with the given terms: a malloc'd buffer of
 * *len bytes, or NULL. day is the report's day in its blocks. */
void *ev_features_encode(const struct ev_doc *d, int32_t day, const uint32_t *hashes,
                         const float *counts, size_t n_terms, size_t *len);

/* Decodes into a fresh doc (id set, places, prep with the terms' raw counts in weights).
 * 0, or -1 on a truncated or foreign buffer. */
int ev_features_decode(const void *data, size_t len, int64_t id, struct ev_doc *d);

/* The inverse document frequency of a term that df of n_docs reports hold. */
double ev_idf(int64_t n_docs, int64_t df);

/* A term's ev_idf over n_docs reports: the caller keeps the document frequencies, and may
 * keep each term's idf too, since a batch weighs tens of thousands of stored reports over
 * the same n_docs. */
typedef double (*ev_idf_fn)(void *ctx, uint32_t term, int64_t n_docs);

/* Turns the raw counts in d's terms into unit-length TF-IDF weights over n_docs reports;
 * keeps the heaviest EV_FEATURE_TERMS, and their raw counts in counts_out when given
 * (then the caller frees *counts_out; the kept hashes are d->prep->terms). */
int ev_features_weigh(struct ev_doc *d, int64_t n_docs, ev_idf_fn idf, void *ctx,
                      float **counts_out);

#endif
