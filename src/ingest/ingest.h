/* ingest.h: the import pipeline: read each input (file, directory recursively, "-" for
 * stdin) -> article -> extract -> store, in batched transactions.
 *
 * A batch commits every INGEST_BATCH_ARTICLES articles or INGEST_BATCH_BYTES of text, so
 * a crash loses at most the open batch; since articles are keyed by content hash, running
 * the same import again skips what was stored and completes the rest. Batches are large
 * because the full-text index is written once per batch, and fewer, larger index segments
 * cost less to write and merge (10,000 generated articles without extraction: 1.21 s in
 * batches of 500, 1.07 s in batches of 2,000). */
#ifndef SITREP_INGEST_H
#define SITREP_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct store;
struct extractor;
struct article;

#define INGEST_BATCH_ARTICLES 2000
#define INGEST_BATCH_BYTES    (8u * 1024u * 1024u)

struct ingest_options {
    bool show_progress;  /* a bar on stderr when it is a terminal */
    bool quiet;          /* no per-file error lines (tests of the summary only) */
    long batch_articles; /* articles per transaction; 0: INGEST_BATCH_ARTICLES (tests use
                            small batches to fail part-way) */
};

struct ingest_stats {
    long imported;
    long duplicates;
    long failed;  /* inputs or articles that could not be read or stored */
    size_t bytes; /* input bytes read */
    /* the analyst's corrections sitrep records carried (record_corrections.h) */
    long corrections_added, corrections_present, corrections_failed;
    double seconds;
};

/* Imports every path. x may be NULL: articles are then stored without facts. Each failure
 * prints one line "sitrep: PATH: reason" on stderr and the rest goes on. Returns 0 when
 * nothing failed, 1 otherwise (a process exit status). */
int ingest_paths(struct store *s, struct extractor *x, char *const *paths, int n_paths,
                 const struct ingest_options *opt, struct ingest_stats *stats);

/* Stores one article that did not come from a file (a fetched feed item) the way an
 * import stores it: facts extracted when x is given, an article already stored (same
 * hash) found without extracting. The caller runs the transaction. Returns 1 when added,
 * 0 when already stored, -1 on error (err); *id_out is the article's id either way. */
int ingest_article(struct store *s, struct extractor *x, const struct article *a, int64_t *id_out,
                   char *err, size_t errlen);

/* "imported N, duplicates skipped N, failed N", and when records carried corrections a
 * second line "corrections added N, already present N, not applicable N" */
void ingest_print_summary(FILE *out, const struct ingest_stats *st);

#endif
