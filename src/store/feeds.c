/* feeds.c: the SQL of subscriptions. Feed-level statements run a few times per command
 * and are prepared on use; the item statements run for every item of every fetch and
 * are prepared once per fetch (struct feed_items). */
#include "store/feeds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store/store.h"

/* feed_items maps an item's identity in its feed (guid, else link) to the article made of
 * it, so a changed item replaces its article. IF NOT EXISTS: a test rewinds a current
 * database to version 1 to migrate it again. */
const char feeds_schema[] =
    "CREATE TABLE IF NOT EXISTS feeds(id INTEGER PRIMARY KEY, url TEXT UNIQUE NOT NULL,"
    " name TEXT, title TEXT, full INTEGER NOT NULL DEFAULT 0, etag TEXT, last_modified TEXT,"
    " last_fetch INTEGER, last_status INTEGER, last_error TEXT, added_at INTEGER);"
    "CREATE TABLE IF NOT EXISTS feed_tags("
    " feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
    " tag TEXT NOT NULL, PRIMARY KEY(feed_id, tag));"
    "CREATE TABLE IF NOT EXISTS feed_items("
    " feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE, key TEXT NOT NULL,"
    " article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL, item_hash TEXT,"
    " run INTEGER, PRIMARY KEY(feed_id, key));"
    "CREATE INDEX IF NOT EXISTS feed_items_article ON feed_items(article_id);";

const char *feed_row_label(const struct feed_row *f)
{
    if (f->name && *f->name)
        return f->name;
    if (f->title && *f->title)
        return f->title;
    return f->url;
}

static void bind_text_or_null(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(q, i);
}

/* Runs one statement with text parameters ?1..?n (NULL binds NULL). */
static int run_sql(sqlite3 *db, const char *sql, const char *const *params, int n)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    for (int i = 0; i < n; i++)
        bind_text_or_null(q, i + 1, params[i]);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static int64_t feed_id_of(sqlite3 *db, const char *url)
{
    sqlite3_stmt *q;
    int64_t id = -1;
    if (sqlite3_prepare_v2(db, "SELECT id FROM feeds WHERE url = ?1", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(q, 1, url, -1, SQLITE_STATIC);
    id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_finalize(q);
    return id;
}

static int add_tags(sqlite3 *db, int64_t id, char *const *tags, size_t n)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO feed_tags(feed_id, tag) VALUES(?1, ?2)", -1,
                           &q, NULL) != SQLITE_OK)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_text(q, 2, tags[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    return rc;
}

/* The feed's row, created or updated; returns 1 created, 0 updated, -1 error. */
static int upsert_feed(sqlite3 *db, const char *url, const char *name, bool full, int64_t *id)
{
    char now[24];
    snprintf(now, sizeof now, "%lld", (long long)time(NULL));
    *id = feed_id_of(db, url);
    if (*id < 0)
        return -1;
    if (*id > 0) {
        const char *p[] = {url, name, full ? "1" : "0"};
        return run_sql(db,
                       "UPDATE feeds SET name = coalesce(?2, name), full = max(full, ?3)"
                       " WHERE url = ?1",
                       p, 3);
    }
    const char *p[] = {url, name, full ? "1" : "0", now};
    if (run_sql(db, "INSERT INTO feeds(url, name, full, added_at) VALUES(?1, ?2, ?3, ?4)", p, 4) <
        0)
        return -1;
    *id = sqlite3_last_insert_rowid(db);
    return 1;
}

int store_feed_add(struct store *s, const char *url, const char *name, char *const *tags,
                   size_t n_tags, bool full, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    int64_t id;
    if (store_begin(s) < 0) {
        snprintf(err, errlen, "cannot start a transaction: %s", sqlite3_errmsg(db));
        return -1;
    }
    int added = upsert_feed(db, url, name, full, &id);
    if (added < 0 || add_tags(db, id, tags, n_tags) < 0 || store_commit(s) < 0) {
        snprintf(err, errlen, "storing the feed: %s", sqlite3_errmsg(db));
        store_rollback(s);
        return -1;
    }
    return added;
}

int store_feed_remove(struct store *s, const char *url_or_name)
{
    sqlite3 *db = store_db(s);
    const char *p[] = {url_or_name};
    if (run_sql(db, "DELETE FROM feeds WHERE url = ?1 OR name = ?1", p, 1) < 0)
        return -1;
    return sqlite3_changes(db) > 0 ? 0 : 1;
}

static char *dup_column(sqlite3_stmt *q, int i)
{
    const unsigned char *v = sqlite3_column_text(q, i);
    return v ? strdup((const char *)v) : NULL;
}

static const char feeds_sql[] =
    "SELECT id, url, name, title, full, etag, last_modified, last_error, last_fetch,"
    " coalesce(last_status, -1),"
    " (SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id AND i.article_id IS NOT NULL)"
    " FROM feeds ORDER BY id";

static void fill_row(sqlite3_stmt *q, struct feed_row *f)
{
    memset(f, 0, sizeof *f);
    f->id = sqlite3_column_int64(q, 0);
    f->url = dup_column(q, 1);
    f->name = dup_column(q, 2);
    f->title = dup_column(q, 3);
    f->full = sqlite3_column_int(q, 4) != 0;
    f->etag = dup_column(q, 5);
    f->last_modified = dup_column(q, 6);
    f->last_error = dup_column(q, 7);
    f->last_fetch = sqlite3_column_int64(q, 8);
    f->last_status = (long)sqlite3_column_int64(q, 9);
    f->items = sqlite3_column_int64(q, 10);
}

static int load_tags(sqlite3 *db, struct feed_row *f)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT tag FROM feed_tags WHERE feed_id = ?1 ORDER BY rowid", -1,
                           &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, f->id);
    int rc = 0;
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        char **grown = realloc(f->tags, (f->n_tags + 1) * sizeof *grown);
        if (!grown) {
            rc = -1;
            break;
        }
        f->tags = grown;
        if (!(f->tags[f->n_tags] = dup_column(q, 0)))
            rc = -1;
        else
            f->n_tags++;
    }
    sqlite3_finalize(q);
    return rc;
}

int store_feeds_load(struct store *s, struct feed_row **out, size_t *n)
{
    sqlite3 *db = store_db(s);
    sqlite3_stmt *q;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, feeds_sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    size_t cap = 0;
    int rc = 0;
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            struct feed_row *grown = realloc(*out, cap * sizeof *grown);
            if (!grown) {
                rc = -1;
                break;
            }
            *out = grown;
        }
        fill_row(q, &(*out)[*n]);
        rc = (*out)[*n].url ? load_tags(db, &(*out)[*n]) : -1;
        (*n)++;
    }
    sqlite3_finalize(q);
    if (rc < 0) {
        store_feeds_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

void store_feeds_free(struct feed_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct feed_row *f = &rows[i];
        free(f->url);
        free(f->name);
        free(f->title);
        free(f->etag);
        free(f->last_modified);
        free(f->last_error);
        for (size_t t = 0; t < f->n_tags; t++)
            free(f->tags[t]);
        free(f->tags);
    }
    free(rows);
}

int store_feed_set_result(struct store *s, int64_t feed_id, const struct feed_result *r)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(
            store_db(s),
            "UPDATE feeds SET last_fetch = ?2, last_status = ?3,"
            " etag = coalesce(?4, etag), last_modified = coalesce(?5, last_modified),"
            " title = coalesce(?6, title), last_error = ?7 WHERE id = ?1",
            -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, feed_id);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)time(NULL));
    sqlite3_bind_int64(q, 3, r->status);
    bind_text_or_null(q, 4, r->etag);
    bind_text_or_null(q, 5, r->last_modified);
    bind_text_or_null(q, 6, r->title);
    bind_text_or_null(q, 7, r->error);
    int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(q);
    return rc;
}

/* ---- items ---- */

enum { FI_FIND, FI_SET, FI_REFS, FI_COUNT };

static const char *const item_sql[FI_COUNT] = {
    [FI_FIND] = "SELECT coalesce(article_id, 0), coalesce(item_hash, ''), coalesce(run, 0)"
                " FROM feed_items WHERE feed_id = ?1 AND key = ?2",
    [FI_SET] = "INSERT INTO feed_items(feed_id, key, article_id, item_hash, run)"
               " VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(feed_id, key) DO UPDATE SET"
               " article_id = excluded.article_id, item_hash = excluded.item_hash,"
               " run = excluded.run",
    [FI_REFS] = "SELECT count(*) FROM feed_items WHERE article_id = ?1",
};

struct feed_items {
    sqlite3_stmt *q[FI_COUNT];
};

struct feed_items *store_feed_items_open(struct store *s)
{
    struct feed_items *fi = calloc(1, sizeof *fi);
    for (int i = 0; fi && i < FI_COUNT; i++)
        if (sqlite3_prepare_v3(store_db(s), item_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &fi->q[i],
                               NULL) != SQLITE_OK) {
            store_feed_items_close(fi);
            return NULL;
        }
    return fi;
}

void store_feed_items_close(struct feed_items *fi)
{
    if (!fi)
        return;
    for (int i = 0; i < FI_COUNT; i++)
        sqlite3_finalize(fi->q[i]);
    free(fi);
}

int store_feed_item_find(struct feed_items *fi, int64_t feed_id, const char *key,
                         struct feed_item_row *row)
{
    sqlite3_stmt *q = fi->q[FI_FIND];
    sqlite3_bind_int64(q, 1, feed_id);
    sqlite3_bind_text(q, 2, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        row->article_id = sqlite3_column_int64(q, 0);
        snprintf(row->item_hash, sizeof row->item_hash, "%s", sqlite3_column_text(q, 1));
        row->run = sqlite3_column_int64(q, 2);
    }
    sqlite3_reset(q);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int store_feed_item_set(struct feed_items *fi, int64_t feed_id, const char *key, int64_t article_id,
                        const char *item_hash, int64_t run)
{
    sqlite3_stmt *q = fi->q[FI_SET];
    sqlite3_bind_int64(q, 1, feed_id);
    sqlite3_bind_text(q, 2, key, -1, SQLITE_STATIC);
    if (article_id > 0)
        sqlite3_bind_int64(q, 3, article_id);
    else
        sqlite3_bind_null(q, 3);
    sqlite3_bind_text(q, 4, item_hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 5, run);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? 0 : -1;
}

int64_t store_feed_item_refs(struct feed_items *fi, int64_t article_id)
{
    sqlite3_stmt *q = fi->q[FI_REFS];
    sqlite3_bind_int64(q, 1, article_id);
    int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    return n;
}
