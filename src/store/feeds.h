/* feeds.h: subscriptions in the store (schema version 4).
 *
 *   feeds(id, url UNIQUE, name, title, full, etag, last_modified, last_fetch (unix time),
 *         last_status (HTTP status, 0 when no response), last_error, added_at)
 *         -- name is the user's; title the feed's own, kept from its last good fetch
 *   feed_tags(feed_id, tag)
 *   feed_items(feed_id, key, article_id, item_hash, run)
 *         -- key: "guid:..." or "link:..." (or "hash:..." for an item with neither);
 *         -- item_hash: the hash of the item as the feed gave it, which tells a changed
 *         -- item even when its article's text came from the item's page (--full);
 *         -- run: the fetch that last saw it, so a key repeated in one document counts once
 * Removing a feed keeps its articles. */
#ifndef SITREP_STORE_FEEDS_H
#define SITREP_STORE_FEEDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

struct feed_row {
    int64_t id;
    char *url, *name, *title;
    char **tags;
    size_t n_tags;
    bool full;
    char *etag, *last_modified, *last_error; /* or NULL */
    int64_t last_fetch;                      /* 0: never */
    long last_status;                        /* -1: never fetched */
    int64_t items;                           /* items with an article */
};

/* The migration that makes these tables (store/schema.c runs it). */
extern const char feeds_schema[];

/* The name to show: the user's, else the feed's title, else the URL. */
const char *feed_row_label(const struct feed_row *f);

/* Adds a feed. Returns 1 when added, 0 when the URL was there already (its name, tags and
 * full flag are then updated with what is given), -1 on error (err). */
int store_feed_add(struct store *s, const char *url, const char *name, char *const *tags,
                   size_t n_tags, bool full, char *err, size_t errlen);

/* Removes the feed whose URL or name is given. 0 when removed, 1 when none matched, -1
 * on error. */
int store_feed_remove(struct store *s, const char *url_or_name);

/* Every feed, in the order they were added. */
int store_feeds_load(struct store *s, struct feed_row **out, size_t *n);
void store_feeds_free(struct feed_row *rows, size_t n);

/* The outcome of one fetch. Validators and title are replaced only when non-NULL (a
 * failed fetch keeps the last good ones); error NULL clears the last error. */
struct feed_result {
    long status;
    const char *etag, *last_modified, *title, *error;
};
int store_feed_set_result(struct store *s, int64_t feed_id, const struct feed_result *r);

/* Item mappings, with their statements prepared once for a whole fetch. */
struct feed_items;
struct feed_items *store_feed_items_open(struct store *s);
void store_feed_items_close(struct feed_items *fi);

struct feed_item_row {
    int64_t article_id; /* 0 when its article was deleted */
    char item_hash[65];
    int64_t run;
};

/* 1 and row filled when the feed has an item with this key, 0 when not, -1 on error. */
int store_feed_item_find(struct feed_items *fi, int64_t feed_id, const char *key,
                         struct feed_item_row *row);
int store_feed_item_set(struct feed_items *fi, int64_t feed_id, const char *key, int64_t article_id,
                        const char *item_hash, int64_t run);
/* How many items (of any feed) are made into this article. */
int64_t store_feed_item_refs(struct feed_items *fi, int64_t article_id);

#endif
