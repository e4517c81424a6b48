/* fetch.h: fetching the subscriptions (store/feeds.h) into the collection.
 *
 * All the feeds are requested at once through fetch/http (a cap per host, conditional
 * GETs, limits) on a network thread, while the calling thread turns each finished
 * response into articles the way an import does (ingest_article), one transaction per
 * feed. Items are known by guid, else link: an unchanged item costs a look-up, a changed
 * one replaces its article, a new one adds an article (or finds the same text already
 * stored). A feed's failure is recorded on it (feed list shows it) and never stops the
 * others.
 *
 * The reader calls fetch_all from a background thread with its own store connection;
 * the progress callback runs in that thread after each feed. */
#ifndef SITREP_FETCH_FETCH_H
#define SITREP_FETCH_FETCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct store;
struct extractor;

struct fetch_options {
    char *const *selectors; /* feed names, URLs or tags; none: every feed */
    int n_selectors;
    const atomic_bool *stop; /* set by another thread to stop early; may be NULL */
};

/* One feed's outcome. Strings live until the callback returns; they are raw (escape them
 * before they reach a terminal). */
struct fetch_report {
    const char *label; /* the feed's name, else its title, else its URL */
    const char *url;
    size_t done, total; /* feeds finished so far, of how many */
    long status;        /* HTTP status; 0 when there was no response */
    bool not_modified;  /* 304: nothing downloaded */
    long added, updated, unchanged, duplicates;
    const char *error; /* NULL when the feed was read */
};

struct fetch_totals {
    long feeds, failed, not_modified, added, updated, unchanged, duplicates;
};

typedef void (*fetch_progress_fn)(const struct fetch_report *r, void *ctx);

/* Fetches the selected feeds; x NULL stores articles without facts. Returns 0 when every
 * feed was read (or not modified), 1 when some failed, -1 when nothing could be fetched
 * (a selector matching no feed, the store, curl): err says why. */
int fetch_all(struct store *s, struct extractor *x, const struct fetch_options *opt,
              fetch_progress_fn progress, void *ctx, struct fetch_totals *totals, char *err,
              size_t errlen);

#endif
