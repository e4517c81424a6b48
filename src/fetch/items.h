/* items.h: one fetched feed document into articles (see fetch.h for the rules). */
#ifndef SITREP_FETCH_ITEMS_H
#define SITREP_FETCH_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;
struct extractor;
struct feed_items;
struct http_limits;

struct item_job {
    struct store *store;
    struct extractor *x; /* or NULL */
    struct feed_items *fi;
    const struct http_limits *lim; /* for the pages of --full feeds */
    int64_t feed_id;
    bool full;   /* fetch the page of an item that has only a summary */
    int64_t run; /* this fetch's stamp (struct feed_item_row) */
    long added, updated, unchanged, duplicates, failed;
    char *title; /* the feed's own title, malloc'd, or NULL */
    char error[256];
};

/* Parses the document and stores its items. The caller runs the transaction. Returns 0,
 * or -1 with job->error set (a document that is not a feed; an item that could not be
 * stored counts in failed and sets error, and the others are still stored). */
int items_store(struct item_job *job, const char *body, size_t len, const char *origin);

#endif
